namespace Casualties.Worker.Tests.Support;

/// <summary>Polls a condition until it holds, failing with a description when it does not within the limit.</summary>
public static class Eventually
{
    /// <summary>
    /// The deadline of a wait that is not what the test is about (a worker starting, a file processed, a process
    /// exiting): long enough for a loaded 2-core machine, paid in full only when the test fails.
    /// </summary>
    public static readonly TimeSpan Generous = TimeSpan.FromMinutes(2);

    /// <summary>Reads until <paramref name="holds"/> is true of the value, and returns it; throws after <paramref name="limit"/>.</summary>
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
