namespace Casualties.Postgres.Feeds;

/// <summary>
/// A place data comes from: an inbox folder to watch, or a URL to poll (RSS/Atom articles, CSV/JSON Lines,
/// UCDP GED, ACLED datasets), with its own cron schedule in its own time zone.
/// </summary>
/// <param name="Id">The feed's row id.</param>
/// <param name="Name">The unique name the CLI and jobs use.</param>
/// <param name="Kind">One of <see cref="Kinds"/>.</param>
/// <param name="Url">What a fetched or API feed reads; null for an inbox.</param>
/// <param name="Folder">The folder an inbox watches; null for other kinds.</param>
/// <param name="Cron">Five fields (minute precision) or six (with seconds first); null: never scheduled, run by hand.</param>
/// <param name="CatchUp">
/// What to do with scheduled runs missed while no worker ran: <c>once</c> runs one for all of them, <c>skip</c> runs none.
/// </param>
/// <param name="TimeZone">The time zone <paramref name="Cron"/> is read in.</param>
/// <param name="Enabled">False: neither scheduled nor watched.</param>
/// <param name="ETag">The validator of the last content ingested, sent back as If-None-Match.</param>
/// <param name="LastModified">Likewise, sent back as If-Modified-Since (the server's own text).</param>
/// <param name="LastRunAt">When the last run ended (UTC); null: never run.</param>
/// <param name="LastStatus">How the last run ended: ok, not_modified, too_large, quarantined, incomplete, missing (an inbox folder) or
/// failed.</param>
/// <param name="LastCounts">The last run's counts as JSON; null when it stored nothing to count.</param>
/// <param name="Cursor">An API connector's incremental state (JSON) after its last complete run; null: read everything.</param>
public sealed record Feed(
    long Id, string Name, string Kind, string? Url, string? Folder, string? Cron, string TimeZone, string CatchUp,
    bool Enabled, string? ETag, string? LastModified, DateTime? LastRunAt, string? LastStatus, string? LastCounts, string? Cursor = null)
{
    /// <summary>The API connectors (issue 17): paged JSON read incrementally, with a cursor kept per feed.</summary>
    public static readonly IReadOnlyList<string> ApiKinds = ["ucdp-api", "acled-api", "reliefweb"];

    /// <summary>Every feed kind: an inbox, the fetched kinds, and the API connectors.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["inbox", "rss", "atom", "csv", "jsonl", "ged", "acled", .. ApiKinds];

    /// <summary>True for a watched folder, which has a folder and no URL.</summary>
    public bool IsInbox => Kind == "inbox";

    /// <summary>True for an API connector's feed, read from its cursor.</summary>
    public bool IsApi => ApiKinds.Contains(Kind);
}

/// <summary>A feed as the user defines it (CLI or configuration), before it has any run history.</summary>
public sealed record FeedDefinition(
    string Name, string Kind, string? Url, string? Folder, string? Cron, string TimeZone = "UTC", string CatchUp = "once", bool Enabled = true);
