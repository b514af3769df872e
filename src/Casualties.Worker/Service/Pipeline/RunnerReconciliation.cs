using Casualties.Domain.Reconciliation;
using Casualties.Postgres.Reconciliation;
using Casualties.Worker.Service.Jobs;
using Npgsql;

namespace Casualties.Worker.Service.Pipeline;

/// <summary>Reconciles through the <see cref="ReconciliationRunner"/> (issue 8); its summary is the job's result.</summary>
public sealed class RunnerReconciliation(NpgsqlDataSource dataSource, ReconcileOptions options, TimeProvider time) : IReconciliation
{
    public async Task<string> Reconcile(bool full, CancellationToken ct)
    {
        var summary = await new ReconciliationRunner(dataSource, options, time).Run(full, ct);
        return JobPayloads.Serialize(new
        {
            summary.RunId, summary.Mode, summary.Partitions, summary.ClaimsRead, summary.Claims, summary.Incidents, summary.Flags,
            summary.RowsChanged, ElapsedSeconds = summary.Elapsed.TotalSeconds,
        });
    }
}
