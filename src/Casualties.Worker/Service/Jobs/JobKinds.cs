namespace Casualties.Worker.Service.Jobs;

/// <summary>The kinds of job on the queue; each has one <see cref="IJobHandler"/>.</summary>
public static class JobKinds
{
    /// <summary>Ingest one inbox file, then move it (payload: the file and its inbox).</summary>
    public const string IngestFile = "ingest-file";
    /// <summary>One run of a feed: scan an inbox, fetch a URL, or read an API from its cursor (payload: the feed's name).</summary>
    public const string PollFeed = "poll-feed";
    /// <summary>An incremental or full reconcile, possibly split into parts (payload: full, parts).</summary>
    public const string Reconcile = "reconcile";

    /// <summary>One part of a reconcile split into parts (payload <c>{"run_id", "part"}</c>; issue 14).</summary>
    public const string ReconcilePart = "reconcile-part";
    /// <summary>Write the scheduled report (payload: folder and formats).</summary>
    public const string Report = "report";

    /// <summary>A diagnostic job: waits, optionally fails, and writes one fenced row to job_probes.</summary>
    public const string Probe = "probe";
}
