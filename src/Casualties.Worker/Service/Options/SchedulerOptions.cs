namespace Casualties.Worker.Service.Options;

/// <summary>The cron scheduler. Section "SchedulerOptions".</summary>
public sealed class SchedulerOptions
{
    /// <summary>How often each worker looks for due ticks (at most this late after a tick).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A tick older than this when first seen was missed (no worker ran): catch_up decides what happens.</summary>
    public TimeSpan MissedRunGrace { get; set; } = TimeSpan.FromMinutes(1);
}
