using Casualties.Postgres.Jobs;
using Npgsql;

namespace Casualties.Worker.Service.Jobs;

/// <summary>The job being run and its lease.</summary>
public sealed class JobContext(ClaimedJob job)
{
    /// <summary>The job as claimed: id, kind, payload, attempt and lease.</summary>
    public ClaimedJob Job { get; } = job;

    /// <summary>The lease this worker holds on the job (its version changes when another worker takes the job over).</summary>
    public JobLease Lease => Job.Lease;

    /// <summary>The job's payload as <typeparamref name="T"/>; one that does not parse fails the job without retries.</summary>
    public T Payload<T>() => JobPayloads.Deserialize<T>(Job.Payload, Job.Id);

    /// <summary>
    /// Locks the job inside the caller's transaction and throws <see cref="LeaseLostException"/> unless this
    /// worker still holds the lease, so the transaction's writes commit only under a valid lease.
    /// </summary>
    public async Task Fence(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        if (!await JobQueue.Fence(conn, tx, Lease, ct)) throw new LeaseLostException(Job.Id, Lease.Version);
    }

    /// <summary>
    /// The fence of a REPEATABLE READ transaction, called as its first statement: checks the lease and keeps the job
    /// from being taken over until the transaction ends (<see cref="JobQueue.Hold"/>).
    /// </summary>
    public async Task Hold(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        if (!await JobQueue.Hold(conn, tx, Lease, ct)) throw new LeaseLostException(Job.Id, Lease.Version);
    }
}
