using Casualties.Postgres.Jobs;
using Casualties.Worker.Service.Options;
using Casualties.Worker.Service.Pipeline;
using Microsoft.Extensions.Options;

namespace Casualties.Worker.Service.Jobs;

/// <summary>Jobs that follow others: after an ingest that stored something, one incremental reconcile.</summary>
public sealed class FollowUpJobs(JobQueue queue, IOptions<WorkerOptions> options)
{
    /// <summary>The dedupe key of the incremental reconcile job, by which requests coalesce.</summary>
    public const string IncrementalReconcileKey = "reconcile:incremental";

    /// <summary>
    /// Asks for an incremental reconcile. Requests coalesce: while one waits, no other is added; while one runs,
    /// it runs once more afterwards (it may have started before this ingest).
    /// </summary>
    public async Task AfterIngest(IngestCounts counts, CancellationToken ct)
    {
        if (!counts.StoredAnything) return;
        await queue.Enqueue(new NewJob(JobKinds.Reconcile, JobPayloads.Serialize(new ReconcilePayload(false, options.Value.ReconcileParts)),
            IncrementalReconcileKey, options.Value.MaxAttempts, Coalesce: true), ct);
    }
}

/// <summary>A reconcile: full or incremental; with <paramref name="Parts"/> above 1, split into about that many queue jobs.</summary>
public sealed record ReconcilePayload(bool Full, int Parts = 0);

/// <summary>One part of a split reconcile (<see cref="JobKinds.ReconcilePart"/>).</summary>
public sealed record ReconcilePartPayload(long RunId, int Part);
