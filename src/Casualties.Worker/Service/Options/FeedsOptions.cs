namespace Casualties.Worker.Service.Options;

/// <summary>Feeds defined in configuration; added to (or updated in) the feeds table when a worker starts. Section "FeedsOptions".</summary>
public sealed class FeedsOptions
{
    /// <summary>The feeds, each checked when the worker starts (a bad one stops it, naming its index).</summary>
    public List<ConfiguredFeed> Feeds { get; set; } = [];
}

/// <summary>One feed as written in appsettings.json or the environment (FeedsOptions__Feeds__0__Name=...).</summary>
public sealed class ConfiguredFeed
{
    /// <summary>The feed's unique name (feeds.name); a feed of the same name in the table is updated.</summary>
    public string Name { get; set; } = "";
    /// <summary>The feed kind: inbox, rss, atom, csv, jsonl, ged, acled, ucdp-api, acled-api or reliefweb.</summary>
    public string Kind { get; set; } = "";
    /// <summary>What a fetched or API feed reads, without credentials; null or empty for an inbox.</summary>
    public string? Url { get; set; }
    /// <summary>The folder an inbox feed watches; null or empty for other kinds.</summary>
    public string? Folder { get; set; }
    /// <summary>
    /// When the feed runs: a cron expression of five fields, or six with seconds first. Null or empty: never on a
    /// schedule (an inbox is watched all the time; other kinds run on <c>sources run NAME</c>).
    /// </summary>
    public string? Cron { get; set; }
    /// <summary>The time zone <see cref="Cron"/> is read in (an IANA name).</summary>
    public string TimeZone { get; set; } = "UTC";
    /// <summary>
    /// After ticks were missed (no worker was up): <c>once</c> runs the latest missed tick; <c>skip</c> records them as
    /// skipped and waits for the next.
    /// </summary>
    public string CatchUp { get; set; } = "once";
    /// <summary>False: kept in the table but neither scheduled nor watched.</summary>
    public bool Enabled { get; set; } = true;
}
