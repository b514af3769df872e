using Casualties.Postgres.Jobs;
using Casualties.Worker.Service.Options;
using Casualties.Worker.Service.Pipeline;
using Microsoft.Extensions.Options;

namespace Casualties.Worker.Service.Jobs;

/// <summary>Jobs that follow others: after an ingest that stored something, one incremental reconcile.</summary>
public sealed class FollowUpJobs(JobQueue queue, IOptions<WorkerOptions> options)
{
    public const string IncrementalReconcileKey = "reconcile:incremental";

    /// <summary>
    /// Asks for an incremental reconcile. Requests coalesce: while one waits, no other is added; while one runs,
    /// it runs once more afterwards (it may have started before this ingest).
    /// </summary>
    public async Task AfterIngest(IngestCounts counts, CancellationToken ct)
    {
        if (!counts.StoredAnything) return;
        await queue.Enqueue(new NewJob(JobKinds.Reconcile, JobPayloads.Serialize(new ReconcilePayload(false)),
            IncrementalReconcileKey, options.Value.MaxAttempts, Coalesce: true), ct);
    }
}

public sealed record ReconcilePayload(bool Full);
