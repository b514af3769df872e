using Casualties.Postgres.Jobs;
using Casualties.Worker.Service.Handlers;
using Casualties.Worker.Service.Jobs;
using Npgsql;

namespace Casualties.Worker.Tests.Support;

/// <summary>Probe jobs (a real job kind of the worker) put on the real queue, and what they wrote.</summary>
public static class Probes
{
    public static async Task<long> Enqueue(NpgsqlDataSource dataSource, string label, TimeSpan work, string? fail = null, int maxAttempts = 5) =>
        (await new JobQueue(dataSource).Enqueue(new NewJob(JobKinds.Probe,
            JobPayloads.Serialize(new ProbePayload(label, work, fail)), null, maxAttempts), CancellationToken.None))!.Value;

    public sealed record JobRow(string State, int Attempts, string? LeaseOwner, long LeaseVersion, string? LastError);

    public static async Task<JobRow> Job(NpgsqlDataSource dataSource, long id) =>
        (await Stored.Rows<JobRow>(dataSource,
            "SELECT state, attempts, lease_owner, lease_version, last_error FROM jobs WHERE id = @id", new { id }))[0];

    public sealed record ProbeRow(long LeaseVersion, string Worker);

    public static Task<IReadOnlyList<ProbeRow>> Written(NpgsqlDataSource dataSource, long jobId) =>
        Stored.Rows<ProbeRow>(dataSource, "SELECT lease_version, worker FROM job_probes WHERE job_id = @jobId", new { jobId });

    /// <summary>Waits until the job is running under a lease of the given process.</summary>
    public static Task<JobRow> RunningOn(NpgsqlDataSource dataSource, long id, WorkerProcess worker) =>
        Eventually.Until(() => Job(dataSource, id),
            j => j.State == "running" && j.LeaseOwner is not null && j.LeaseOwner.Contains($":{worker.Id}:", StringComparison.Ordinal),
            Eventually.Generous, $"job {id} running on worker {worker.Id}", () => worker.Output);
}
