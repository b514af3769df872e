using System.Diagnostics.Tracing;
using System.Globalization;

namespace Casualties.Benchmarks;

/// <summary>
/// Diagnostics for a run's garbage collection (issue 14), on when <c>CASUALTIES_BENCH_GC_EVENTS=1</c>: the runtime's own
/// events, listened to in this process — why each collection of each generation started (GCStart's reason), and
/// which types were allocated (AllocationTick, a sample about every 100 KB, by type, small and large object heap).
/// </summary>
public sealed class GcEvents : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly Dictionary<(int Generation, string Reason), int> starts = [];
    private readonly Dictionary<(string Type, bool Large), long> allocated = [];
    private volatile bool listening;

    /// <summary>Starts listening when <c>CASUALTIES_BENCH_GC_EVENTS</c> is 1, else null.</summary>
    public static GcEvents? StartIfAsked() =>
        Environment.GetEnvironmentVariable("CASUALTIES_BENCH_GC_EVENTS") == "1" ? new GcEvents { listening = true } : null;

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!listening || e.Payload is null || e.PayloadNames is null) return;
        if (e.EventName is { } name && name.StartsWith("GCStart", StringComparison.Ordinal))
        {
            var generation = Convert.ToInt32(e.Payload[e.PayloadNames.IndexOf("Depth")], CultureInfo.InvariantCulture);
            var reason = Convert.ToInt32(e.Payload[e.PayloadNames.IndexOf("Reason")], CultureInfo.InvariantCulture);
            var type = Convert.ToInt32(e.Payload[e.PayloadNames.IndexOf("Type")], CultureInfo.InvariantCulture);
            var key = (generation, $"{ReasonName(reason)}{(type == 1 ? " background" : "")}");
            lock (starts) starts[key] = starts.GetValueOrDefault(key) + 1;
        }
        else if (e.EventName is { } tick && tick.StartsWith("GCAllocationTick", StringComparison.Ordinal))
        {
            var typeName = e.PayloadNames.IndexOf("TypeName") is var t and >= 0 ? e.Payload[t] as string ?? "?" : "?";
            var kind = Convert.ToInt32(e.Payload[e.PayloadNames.IndexOf("AllocationKind")], CultureInfo.InvariantCulture);
            var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0
                ? Convert.ToInt64(e.Payload[a], CultureInfo.InvariantCulture)
                : Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("AllocationAmount")], CultureInfo.InvariantCulture);
            var key = (typeName, kind == 1);
            lock (allocated) allocated[key] = allocated.GetValueOrDefault(key) + amount;
        }
    }

    /// <summary>Stops listening and writes what it saw to standard error.</summary>
    public void Report(string name)
    {
        listening = false;
        lock (starts)
        {
            foreach (var ((generation, reason), count) in starts.OrderBy(s => s.Key.Generation).ThenByDescending(s => s.Value))
                Console.Error.WriteLine($"{name}: gc: gen {generation} {reason}: {count}");
        }
        lock (allocated)
        {
            var total = allocated.Values.Sum();
            Console.Error.WriteLine($"{name}: gc: sampled allocations {total / 1048576.0:N0} MB");
            foreach (var ((type, large), bytes) in allocated.OrderByDescending(a => a.Value).Take(30))
                Console.Error.WriteLine($"{name}: gc: {bytes / 1048576.0,8:N0} MB {(large ? "LOH " : "")}{type}{Closure(type)}");
        }
        Dispose();
    }

    /// <summary>For a compiler-made closure's name, the methods' classes that have one of that name (its name alone says nothing).</summary>
    private static string Closure(string type)
    {
        if (!type.StartsWith("<>c", StringComparison.Ordinal)) return "";
        var owners = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name?.StartsWith("Casualties", StringComparison.Ordinal) == true)
            .SelectMany(a => a.GetTypes())
            .Where(t => t.Name == type && t.DeclaringType is not null)
            .Select(t => $"{t.DeclaringType!.Name}({string.Join(",", t.GetFields().Select(f => f.Name))})");
        return " in " + string.Join(" or ", owners);
    }

    private static string ReasonName(int reason) => reason switch
    {
        0 => "small object allocation",
        1 => "induced",
        2 => "low memory",
        3 => "empty",
        4 => "large object allocation",
        5 => "out of space (SOH)",
        6 => "out of space (LOH)",
        7 => "induced, not forced",
        8 => "stress",
        9 => "induced low memory",
        10 => "induced compacting",
        11 => "low memory (host)",
        12 => "PM full GC",
        13 => "low memory (host, blocking)",
        14 => "BGC tuning (SOH)",
        15 => "BGC tuning (LOH)",
        16 => "BGC stepping",
        _ => $"reason {reason}",
    };
}
