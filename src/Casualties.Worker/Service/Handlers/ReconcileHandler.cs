using Casualties.Worker.Service.Jobs;
using Casualties.Worker.Service.Pipeline;

namespace Casualties.Worker.Service.Handlers;

/// <summary>Runs an incremental (after ingests) or full reconcile.</summary>
public sealed class ReconcileHandler(IReconciliation reconciliation) : IJobHandler
{
    public string Kind => JobKinds.Reconcile;

    public async Task<JobOutcome> Handle(JobContext context, CancellationToken ct) =>
        new(await reconciliation.Reconcile(context.Payload<ReconcilePayload>().Full, ct));
}
