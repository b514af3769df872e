using Casualties.Worker.Service.Jobs;

namespace Casualties.Worker.Service.Pipeline;

/// <summary>
/// The worker's view of the reconciler (issue 8): an incremental or full reconcile, returning its summary as JSON;
/// or (issue 14) a run split into part jobs, and one part of it.
/// </summary>
public interface IReconciliation
{
    /// <summary>
    /// Reconciles what changed since the last run, or everything when <paramref name="full"/>; waits for a run in progress.
    /// </summary>
    Task<string> Reconcile(bool full, CancellationToken ct);

    /// <summary>Writes a run split into about <paramref name="parts"/> parts and enqueues a job per part, fenced by the job's lease.</summary>
    Task<string> Split(bool full, int parts, JobContext context, CancellationToken ct);

    /// <summary>Reconciles one part (and finishes the run when it is the last), fenced by the job's lease.</summary>
    Task<string> ReconcilePart(long runId, int part, JobContext context, CancellationToken ct);
}
