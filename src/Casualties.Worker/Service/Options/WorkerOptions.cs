namespace Casualties.Worker.Service.Options;

/// <summary>The job runner: concurrency, leases, retries, shutdown and reconnection. Section "WorkerOptions".</summary>
public sealed class WorkerOptions
{
    /// <summary>Jobs this process runs at once.</summary>
    public int Concurrency { get; set; } = 2;

    /// <summary>How often an idle slot looks for a due job.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claimed job is this worker's without a heartbeat; after that another worker takes it over.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a running job's lease is extended, and the worker's own heartbeat; default a third of the lease.</summary>
    public TimeSpan? HeartbeatInterval { get; set; }

    /// <summary>On SIGTERM/Ctrl-C, how long a running job may go on before it is released for another worker.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Attempts before a job is dead-lettered (new jobs; each job stores its own).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Delay before the first retry; it doubles each attempt up to <see cref="RetryMaxDelay"/>, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest delay between two attempts of a job, before jitter.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The longest wait between attempts to reach PostgreSQL while it is away.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A worker whose heartbeat is older than this is shown as not alive.</summary>
    public TimeSpan AliveWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Finished jobs, old schedule ticks and gone workers are deleted after this long.</summary>
    public TimeSpan KeepFinished { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Apply pending migrations and changed views when the worker starts (safe with several workers).</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>
    /// Above 1, the reconcile after an ingest is split into about this many <c>reconcile-part</c> jobs (partitions of
    /// the run), which the workers share; 0 or 1: one job reconciles it all.
    /// </summary>
    public int ReconcileParts { get; set; }

    /// <summary>The heartbeat used: HeartbeatInterval when set, else a third of <see cref="LeaseDuration"/>.</summary>
    public TimeSpan EffectiveHeartbeatInterval => HeartbeatInterval ?? LeaseDuration / 3;
}
