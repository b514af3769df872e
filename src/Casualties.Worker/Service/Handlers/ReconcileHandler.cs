using Casualties.Worker.Service.Jobs;
using Casualties.Worker.Service.Pipeline;

namespace Casualties.Worker.Service.Handlers;

/// <summary>Runs an incremental (after ingests) or full reconcile; with parts, splits it into <c>reconcile-part</c> jobs.</summary>
public sealed class ReconcileHandler(IReconciliation reconciliation) : IJobHandler
{
    /// <inheritdoc/>
    public string Kind => JobKinds.Reconcile;

    /// <inheritdoc/>
    public async Task<JobOutcome> Handle(JobContext context, CancellationToken ct)
    {
        var payload = context.Payload<ReconcilePayload>();
        return new(payload.Parts > 1
            ? await reconciliation.Split(payload.Full, payload.Parts, context, ct)
            : await reconciliation.Reconcile(payload.Full, ct));
    }
}

/// <summary>Reconciles one part of a split run; the last part done finishes the run (issue 14).</summary>
public sealed class ReconcilePartHandler(IReconciliation reconciliation) : IJobHandler
{
    /// <inheritdoc/>
    public string Kind => JobKinds.ReconcilePart;

    /// <inheritdoc/>
    public async Task<JobOutcome> Handle(JobContext context, CancellationToken ct)
    {
        var payload = context.Payload<ReconcilePartPayload>();
        return new(await reconciliation.ReconcilePart(payload.RunId, payload.Part, context, ct));
    }
}
