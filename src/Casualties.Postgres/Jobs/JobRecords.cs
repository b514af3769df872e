namespace Casualties.Postgres.Jobs;

/// <summary>A job to put on the queue.</summary>
/// <param name="Kind">The job kind; a worker runs only the kinds it has a handler for.</param>
/// <param name="Payload">The handler's input, JSON.</param>
/// <param name="DedupeKey">At most one waiting or running job has a given key; null for none.</param>
/// <param name="Coalesce">When a job with the same key is running, ask it to run once more instead of adding one.</param>
/// <param name="MaxAttempts">Attempts before the job is dead-lettered.</param>
/// <param name="Delay">How long after now (the database's clock) the job becomes due; zero: at once.</param>
/// <param name="OnlyIfNew">Enqueue only when no job with this key ever existed (an inbox file seen before is not queued again).</param>
public sealed record NewJob(
    string Kind, string Payload = "{}", string? DedupeKey = null, int MaxAttempts = 5,
    TimeSpan Delay = default, bool Coalesce = false, bool OnlyIfNew = false);

/// <summary>A job claimed by a worker: what to do, and the lease it holds.</summary>
/// <param name="Id">The job's id.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Payload">Its payload, JSON.</param>
/// <param name="DedupeKey">Its dedupe key, or null.</param>
/// <param name="Attempts">Including this one.</param>
/// <param name="MaxAttempts">Attempts allowed: when the last of them fails, the job is dead-lettered.</param>
/// <param name="LeaseVersion">The lease's version: incremented by every claim.</param>
/// <param name="LeaseOwner">The worker that holds the lease (its identity).</param>
public sealed record ClaimedJob(long Id, string Kind, string Payload, string? DedupeKey, int Attempts, int MaxAttempts, long LeaseVersion, string LeaseOwner)
{
    /// <summary>The fencing token this claim holds.</summary>
    public JobLease Lease => new(Id, LeaseOwner, LeaseVersion);

    /// <summary>True when a failure of this attempt dead-letters the job.</summary>
    public bool IsLastAttempt => Attempts >= MaxAttempts;
}

/// <summary>
/// The fencing token of a claimed job: any change to the job's state must match owner and version,
/// so a worker that lost its lease (paused, partitioned) cannot complete or fail the job any more.
/// </summary>
public sealed record JobLease(long JobId, string Owner, long Version);

/// <summary>The state a failed attempt left the job in: <c>failed</c> (retried at <see cref="RunAfter"/>) or <c>dead</c>.</summary>
public sealed record FailOutcome(string State, int Attempts, DateTime RunAfter);
