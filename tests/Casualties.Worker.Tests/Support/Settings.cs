namespace Casualties.Worker.Tests.Support;

/// <summary>
/// Worker configuration for tests: short poll intervals and retry delays, so each scenario takes seconds, and a
/// generous lease (60 s, heartbeat every 2 s) that a loaded machine does not lose by accident. A test about lease
/// expiry gives the worker whose lease must expire a short one of its own (the lease is stored with the job, so
/// the worker that takes it over keeps the generous default).
/// </summary>
public static class Settings
{
    /// <summary>The test defaults above, each key of <paramref name="overrides"/> replacing the default's value.</summary>
    public static Dictionary<string, string> Fast(params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string>
        {
            ["WorkerOptions__Concurrency"] = "2",
            ["WorkerOptions__PollInterval"] = "00:00:00.200",
            ["WorkerOptions__LeaseDuration"] = "00:01:00",
            ["WorkerOptions__HeartbeatInterval"] = "00:00:02",
            ["WorkerOptions__ShutdownTimeout"] = "00:00:03",
            ["WorkerOptions__MaxAttempts"] = "5",
            ["WorkerOptions__RetryBaseDelay"] = "00:00:00.200",
            ["WorkerOptions__RetryMaxDelay"] = "00:00:01",
            ["WorkerOptions__ReconnectMaxDelay"] = "00:00:01",
            ["InboxOptions__ScanInterval"] = "00:00:00.500",
            ["InboxOptions__StableAfter"] = "00:00:00.300",
            ["SchedulerOptions__Interval"] = "00:00:00.250",
            ["SchedulerOptions__MissedRunGrace"] = "00:00:05",
        };
        foreach (var (key, value) in overrides) settings[key] = value;
        return settings;
    }
}
