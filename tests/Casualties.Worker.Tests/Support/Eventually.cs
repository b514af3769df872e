namespace Casualties.Worker.Tests.Support;

/// <summary>Polls a condition until it holds, failing with a description when it does not within the limit.</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> holds, TimeSpan limit, string what, Func<string>? context = null)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var value = await read();
            if (holds(value)) return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Not within {limit}: {what} (last value: {value}).{(context is null ? "" : "\n" + context())}");
            await Task.Delay(200);
        }
    }
}
