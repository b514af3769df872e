using Casualties.Domain.Reconciliation;
using Casualties.Postgres.Jobs;
using Casualties.Postgres.Reconciliation;
using Casualties.Worker.Service.Jobs;
using Casualties.Worker.Service.Options;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Casualties.Worker.Service.Pipeline;

/// <summary>Reconciles through the <see cref="ReconciliationRunner"/> (issue 8); its summary is the job's result.</summary>
public sealed class RunnerReconciliation(NpgsqlDataSource dataSource, ReconcileOptions options, TimeProvider time, IOptions<WorkerOptions> workerOptions)
    : IReconciliation
{
    /// <inheritdoc/>
    public async Task<string> Reconcile(bool full, CancellationToken ct)
    {
        var summary = await new ReconciliationRunner(dataSource, options, time).Run(full, ct);
        return JobPayloads.Serialize(new
        {
            summary.RunId, summary.Mode, summary.Partitions, summary.ClaimsRead, summary.Claims, summary.Incidents, summary.Flags,
            summary.RowsChanged, ElapsedSeconds = summary.Elapsed.TotalSeconds,
        });
    }

    /// <inheritdoc/>
    public async Task<string> Split(bool full, int parts, JobContext context, CancellationToken ct)
    {
        var planned = await new ReconciliationRunner(dataSource, options, time).Plan(full, parts,
            (conn, tx, part, ct) => JobQueue.Enqueue(conn, tx, new NewJob(JobKinds.ReconcilePart,
                JobPayloads.Serialize(new ReconcilePartPayload(part.RunId, part.Part)), $"reconcile-part:{part.RunId}:{part.Part}",
                workerOptions.Value.MaxAttempts), ct),
            context.Hold, ct);
        return JobPayloads.Serialize(new { planned.RunId, planned.Mode, Parts = planned.Parts.Count });
    }

    /// <inheritdoc/>
    public async Task<string> ReconcilePart(long runId, int part, JobContext context, CancellationToken ct)
    {
        var summary = await new ReconciliationRunner(dataSource, options, time).RunPart(runId, part, context.Hold, ct);
        return JobPayloads.Serialize(new
        {
            summary.RunId, summary.Part, summary.AlreadyDone, summary.Partitions, summary.ClaimsRead, summary.RowsChanged, summary.FinishedRun,
            ElapsedSeconds = summary.Elapsed.TotalSeconds, Pid = Environment.ProcessId,
        });
    }
}
