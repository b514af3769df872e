namespace Casualties.Worker.Service.Jobs;

/// <summary>
/// Runs the jobs of one kind. Handlers must be idempotent: a job whose worker died or lost its lease is run
/// again by another. A handler that writes in a transaction can make those writes conditional on still
/// holding the lease with <see cref="JobContext.Fence"/>.
/// </summary>
public interface IJobHandler
{
    /// <summary>The job kind this handler runs (jobs.kind, one of <see cref="JobKinds"/>).</summary>
    string Kind { get; }

    /// <summary>Does the job. Throw to fail the attempt (<see cref="PermanentJobException"/>: no retry).</summary>
    Task<JobOutcome> Handle(JobContext context, CancellationToken ct);

    /// <summary>Called once when the job was dead-lettered after its last attempt.</summary>
    Task DeadLettered(JobContext context, string error, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>What a job did, stored as the job's result (JSON).</summary>
public sealed record JobOutcome(string? ResultJson)
{
    /// <summary>The outcome whose result is <paramref name="result"/> serialised as the payloads are (<see cref="JobPayloads"/>).</summary>
    public static JobOutcome Of<T>(T result) => new(JobPayloads.Serialize(result));
}
