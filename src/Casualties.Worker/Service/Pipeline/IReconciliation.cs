namespace Casualties.Worker.Service.Pipeline;

/// <summary>The worker's view of the reconciler (issue 8): an incremental or full reconcile, returning its summary as JSON.</summary>
public interface IReconciliation
{
    Task<string> Reconcile(bool full, CancellationToken ct);
}
