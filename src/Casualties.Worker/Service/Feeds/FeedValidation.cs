using Casualties.Postgres.Feeds;
using Casualties.Worker.Service.Scheduling;

namespace Casualties.Worker.Service.Feeds;

/// <summary>Checks a feed definition before it is stored: kind, URL or folder, cron, time zone, catch-up.</summary>
public static class FeedValidation
{
    /// <summary>The first problem, as one sentence naming the field; null when the definition is good.</summary>
    public static string? Problem(FeedDefinition feed)
    {
        if (string.IsNullOrWhiteSpace(feed.Name) || feed.Name.StartsWith('@')) return $"'{feed.Name}' is not a feed name (not empty, not starting with @).";
        if (!Feed.Kinds.Contains(feed.Kind)) return $"--kind '{feed.Kind}' is not one of {string.Join(", ", Feed.Kinds)}.";
        if (feed.Kind == "inbox")
        {
            if (string.IsNullOrWhiteSpace(feed.Folder)) return $"The inbox feed '{feed.Name}' needs --folder.";
            if (feed.Url is not null) return $"The inbox feed '{feed.Name}' takes --folder, not --url.";
        }
        else
        {
            if (feed.Folder is not null) return $"The {feed.Kind} feed '{feed.Name}' takes --url, not --folder.";
            if (!Uri.TryCreate(feed.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
                return $"The {feed.Kind} feed '{feed.Name}' needs an http:// or https:// --url (got '{feed.Url}').";
            if (Feed.ApiKinds.Contains(feed.Kind) && Connectors.ApiUrls.SecretIn(url) is { } secret)
                return $"The {feed.Kind} feed '{feed.Name}': keep '{secret}' out of --url (it would be stored and shown); set it in configuration (ApiConnectorOptions, see docs/ingestion.md).";
            if (feed.Kind == "ucdp-api" && Connectors.UcdpGedApiConnector.Version(url) is null)
                return $"The ucdp-api feed '{feed.Name}': --url must end with the GED version, e.g. https://ucdpapi.pcr.uu.se/api/gedevents/25.1 (got '{feed.Url}').";
        }
        if (feed.CatchUp is not ("once" or "skip")) return $"--catch-up '{feed.CatchUp}' must be once or skip.";
        try
        {
            if (feed.Cron is not null) CronSchedule.Parse(feed.Cron, feed.TimeZone);
            else CronSchedule.Parse("0 0 * * *", feed.TimeZone);
        }
        catch (FormatException e)
        {
            return $"Feed '{feed.Name}': {e.Message}";
        }
        return null;
    }
}
