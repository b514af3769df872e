namespace Casualties.Worker.Service.Options;

/// <summary>Feeds defined in configuration; added to (or updated in) the feeds table when a worker starts. Section "FeedsOptions".</summary>
public sealed class FeedsOptions
{
    public List<ConfiguredFeed> Feeds { get; set; } = [];
}

/// <summary>One feed as written in appsettings.json or the environment (FeedsOptions__Feeds__0__Name=...).</summary>
public sealed class ConfiguredFeed
{
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? Url { get; set; }
    public string? Folder { get; set; }
    public string? Cron { get; set; }
    public string TimeZone { get; set; } = "UTC";
    public string CatchUp { get; set; } = "once";
    public bool Enabled { get; set; } = true;
}
