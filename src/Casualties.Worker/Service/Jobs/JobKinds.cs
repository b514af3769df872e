namespace Casualties.Worker.Service.Jobs;

/// <summary>The kinds of job on the queue; each has one <see cref="IJobHandler"/>.</summary>
public static class JobKinds
{
    public const string IngestFile = "ingest-file";
    public const string PollFeed = "poll-feed";
    public const string Reconcile = "reconcile";

    /// <summary>One part of a reconcile split into parts (payload <c>{"run_id", "part"}</c>; issue 14).</summary>
    public const string ReconcilePart = "reconcile-part";
    public const string Report = "report";

    /// <summary>A diagnostic job: waits, optionally fails, and writes one fenced row to job_probes.</summary>
    public const string Probe = "probe";
}
