using Microsoft.Extensions.Logging;

namespace Casualties.Worker.Service.Hosting;

/// <summary>The worker's log messages (structured, with named placeholders).</summary>
public static partial class WorkerLog
{
    [LoggerMessage(1, LogLevel.Information, "Worker {WorkerId} started: {Concurrency} job slots, lease {Lease}, watching {InboxCount} configured inbox folders (and the inbox feeds)")]
    public static partial void Started(ILogger logger, string workerId, int concurrency, TimeSpan lease, int inboxCount);

    [LoggerMessage(2, LogLevel.Information, "Worker {WorkerId} stopped")]
    public static partial void Stopped(ILogger logger, string workerId);

    [LoggerMessage(10, LogLevel.Debug, "Claimed job {JobId} ({Kind}), attempt {Attempt} of {MaxAttempts}, lease version {LeaseVersion}")]
    public static partial void JobClaimed(ILogger logger, long jobId, string kind, int attempt, int maxAttempts, long leaseVersion);

    [LoggerMessage(11, LogLevel.Information, "Job {JobId} ({Kind}) done: {Result}")]
    public static partial void JobDone(ILogger logger, long jobId, string kind, string result);

    [LoggerMessage(12, LogLevel.Warning, "Job {JobId} ({Kind}) failed on attempt {Attempt} of {MaxAttempts}; retry in {RetryDelay}: {Error}")]
    public static partial void JobFailed(ILogger logger, long jobId, string kind, int attempt, int maxAttempts, TimeSpan retryDelay, string error);

    [LoggerMessage(13, LogLevel.Error, "Job {JobId} ({Kind}) dead-lettered after {Attempts} attempts: {Error}")]
    public static partial void JobDead(ILogger logger, long jobId, string kind, int attempts, string error);

    [LoggerMessage(14, LogLevel.Warning, "Job {JobId} lost its lease (version {LeaseVersion}): another worker took it over; this worker's outcome is discarded")]
    public static partial void LeaseLost(ILogger logger, long jobId, long leaseVersion);

    [LoggerMessage(15, LogLevel.Warning, "Late completion of job {JobId} rejected: lease version {LeaseVersion} is no longer current")]
    public static partial void CompletionRejected(ILogger logger, long jobId, long leaseVersion);

    [LoggerMessage(16, LogLevel.Warning, "Job {JobId} finished but could not be recorded before shutdown; its lease will expire and it runs again")]
    public static partial void CompletionAbandoned(ILogger logger, long jobId);

    [LoggerMessage(17, LogLevel.Information, "Job {JobId} ({Kind}) released on shutdown: another worker will run it")]
    public static partial void JobReleasedOnShutdown(ILogger logger, long jobId, string kind);

    [LoggerMessage(18, LogLevel.Warning, "Job {JobId} ({Kind}) released: the database went away during it ({Error})")]
    public static partial void JobReleasedDatabaseAway(ILogger logger, long jobId, string kind, string error);

    [LoggerMessage(19, LogLevel.Warning, "Job {JobId} could not be released; it runs again when its lease expires (within {Lease})")]
    public static partial void ReleaseAbandoned(ILogger logger, long jobId, TimeSpan lease);

    [LoggerMessage(20, LogLevel.Warning, "Heartbeat of job {JobId} failed: {Error}")]
    public static partial void HeartbeatFailed(ILogger logger, long jobId, string error);

    [LoggerMessage(21, LogLevel.Warning, "After dead-lettering job {JobId}: {Error}")]
    public static partial void DeadLetterHookFailed(ILogger logger, long jobId, string error);

    [LoggerMessage(30, LogLevel.Warning, "Database unavailable ({Operation}, failure {Failures}); retrying in {Delay}: {Error}")]
    public static partial void DatabaseAway(ILogger logger, string operation, int failures, TimeSpan delay, string error);

    [LoggerMessage(31, LogLevel.Information, "Database reachable again ({Operation}) after {Failures} failures")]
    public static partial void DatabaseBack(ILogger logger, string operation, int failures);

    [LoggerMessage(40, LogLevel.Information, "Enqueued {Count} files from inbox {Folder}")]
    public static partial void InboxEnqueued(ILogger logger, int count, string folder);

    [LoggerMessage(41, LogLevel.Warning, "Inbox folder {Folder} does not exist; it is watched once created")]
    public static partial void InboxMissing(ILogger logger, string folder);

    [LoggerMessage(42, LogLevel.Warning, "Inbox folder {Folder} cannot be read: {Error}")]
    public static partial void InboxUnreadable(ILogger logger, string folder, string error);

    [LoggerMessage(50, LogLevel.Information, "Schedule {Schedule}: tick {Tick:O} enqueued as job {JobId} ({Skipped} earlier ticks folded into it)")]
    public static partial void TickEnqueued(ILogger logger, string schedule, DateTime tick, long jobId, int skipped);

    [LoggerMessage(51, LogLevel.Information, "Schedule {Schedule}: {Skipped} runs missed while no worker ran were skipped (catch_up = skip)")]
    public static partial void TicksSkipped(ILogger logger, string schedule, int skipped);

    [LoggerMessage(52, LogLevel.Error, "Schedule {Schedule} is not valid and does not run: {Error}")]
    public static partial void BadSchedule(ILogger logger, string schedule, string error);

    [LoggerMessage(62, LogLevel.Information, "Deleted {Jobs} finished jobs, {Ticks} schedule ticks and {Workers} gone workers older than {Keep}")]
    public static partial void Purged(ILogger logger, long jobs, long ticks, long workers, TimeSpan keep);

    [LoggerMessage(60, LogLevel.Information, "Applied migrations and view files: {Migrations}")]
    public static partial void Migrated(ILogger logger, string migrations);

    [LoggerMessage(61, LogLevel.Information, "Feeds from configuration: {Count} added or updated")]
    public static partial void FeedsSynced(ILogger logger, int count);
}
