using Casualties.Worker.Service.Hosting;
using Casualties.Worker.Service.Jobs;
using Dapper;
using Npgsql;

namespace Casualties.Worker.Service.Handlers;

/// <summary>
/// A diagnostic job: waits <see cref="ProbePayload.Work"/>, fails with <see cref="ProbePayload.Fail"/> when given,
/// else writes one row to job_probes in a transaction fenced by the lease, so a worker that lost the job
/// writes nothing. Enqueue one to check that workers run jobs end to end.
/// </summary>
public sealed class ProbeHandler(NpgsqlDataSource dataSource, WorkerIdentity identity) : IJobHandler
{
    /// <inheritdoc/>
    public string Kind => JobKinds.Probe;

    /// <inheritdoc/>
    public async Task<JobOutcome> Handle(JobContext context, CancellationToken ct)
    {
        var payload = context.Payload<ProbePayload>();
        if (payload.Work is { } work && work > TimeSpan.Zero) await Task.Delay(work, ct);
        if (payload.Fail is { } failure) throw new InvalidOperationException(failure);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await context.Fence(conn, tx, ct);
        await conn.ExecuteAsync(new CommandDefinition(
            "INSERT INTO job_probes (job_id, lease_version, worker, label) VALUES (@JobId, @Version, @Worker, @Label)",
            new { context.Lease.JobId, context.Lease.Version, Worker = identity.Id, payload.Label }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return JobOutcome.Of(new { payload.Label, worker = identity.Id });
    }
}

/// <summary>A probe job's payload.</summary>
/// <param name="Label">Written to job_probes.label, to tell the probes of a check apart; null: none.</param>
/// <param name="Work">How long the job pretends to work.</param>
/// <param name="Fail">When set, every attempt fails with this message.</param>
public sealed record ProbePayload(string? Label = null, TimeSpan? Work = null, string? Fail = null);
