namespace Casualties.Worker.Service.Pipeline;

/// <summary>
/// Stands in for the reconciler (issue 8) until it is merged: a reconcile job completes and says that no
/// reconciler is built in, so the queue, the dedupe of incremental reconciles and status work end to end.
/// </summary>
public sealed class PendingReconciliation : IReconciliation
{
    public Task<string> Reconcile(bool full, CancellationToken ct) =>
        Task.FromResult($$"""{"full": {{(full ? "true" : "false")}}, "reconciled": false, "note": "no reconciler in this build"}""");
}
