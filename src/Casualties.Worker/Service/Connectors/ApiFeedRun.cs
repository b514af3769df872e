using System.Text;
using System.Text.Json;
using Casualties.Ingestion;
using Casualties.Postgres.Feeds;
using Casualties.Worker.Service.Feeds;
using Casualties.Worker.Service.Pipeline;

namespace Casualties.Worker.Service.Connectors;

/// <summary>
/// One run of an API feed: fetches its pages through the feeds' HTTP client (timeouts, retries on 5xx, 408 and 429
/// with Retry-After, size limit), parses each page whole before anything of it is stored, and ingests its rows or
/// documents. A page that is not complete JSON, or too large, is quarantined with the reason and ends the run: the
/// pages before it are stored (each whole), nothing of it is, and the cursor stays where it was, so the next run asks
/// for it again. URLs are handled as shown: without credentials.
/// </summary>
public sealed class ApiFeedRun(Feed feed, FeedFetcher fetcher, FeedStore feeds, Ingestor ingestor)
{
    /// <summary>The feed as stored, with the cursor the previous run kept (null on the first run).</summary>
    public Feed Feed { get; } = feed;

    /// <summary>The feed's URL: the API endpoint and the user's filters, without credentials.</summary>
    public Uri Url { get; } = new(feed.Url!);

    /// <summary>What the run stored and quarantined so far, summed over its pages.</summary>
    public IngestCounts Counts { get; private set; } = IngestCounts.None;

    /// <summary>Why the run ended early: <c>quarantined</c> or <c>too_large</c>; null while it goes on.</summary>
    public string? Stopped { get; private set; }

    /// <summary>Pages requested so far, the one being read included (page numbers in reasons count from 1).</summary>
    public int Pages { get; private set; }

    /// <summary>The page's JSON root, or null when the page was quarantined (the run is over).</summary>
    public async Task<JsonElement?> Page(HttpRequestMessage request, string shown, CancellationToken ct)
    {
        Pages++;
        switch (await fetcher.Send(request, shown, ct))
        {
            case FetchResult.TooLarge tooLarge:
                await Reject(shown, $"page {Pages}: the response is larger than {tooLarge.Limit} bytes (FeedHttpOptions:MaxResponseBytes); " +
                                    "lower the connector's PageSize", "too_large", ct);
                return null;
            case FetchResult.Fetched fetched:
                try
                {
                    using var document = JsonDocument.Parse(fetched.Body);
                    return document.RootElement.Clone();
                }
                catch (JsonException e)
                {
                    await Reject(shown, $"page {Pages}: the response is not complete JSON ({fetched.Body.Length} bytes, cut off?): {e.Message} " +
                                        "Nothing of this page was stored; the next run asks for it again.", "quarantined", ct);
                    return null;
                }
            default:
                return null;
        }
    }

    /// <summary>A page the connector cannot read (not the API's shape): quarantined with the reason; the run ends.</summary>
    public Task Reject(string shown, string reason, CancellationToken ct) => Reject(shown, $"page {Pages}: {reason}", "quarantined", ct);

    private async Task Reject(string shown, string reason, string status, CancellationToken ct)
    {
        await feeds.Quarantine(shown, reason, Feed.Kind, null, ct);
        Counts = Counts.Add(IngestCounts.None with { Quarantined = 1 });
        Stopped = status;
    }

    /// <summary>A page's rows as the dataset's CSV download, read by that dataset's reader (a bad row is quarantined alone).</summary>
    public async Task IngestCsv(string origin, string csv, CancellationToken ct)
    {
        using var body = new MemoryStream(Encoding.UTF8.GetBytes(csv), writable: false);
        Add(await ingestor.IngestStream(origin, "text/csv", body, new IngestOptions { Trigger = "worker" }, ct));
    }

    /// <summary>A page's documents (HTML), each read, dated and extracted as an HTML file is.</summary>
    public async Task IngestHtml(IReadOnlyList<(string Origin, string Html)> documents, CancellationToken ct)
    {
        if (documents.Count == 0) return;
        Add(await ingestor.IngestDocuments(documents, InputFormat.Html, new IngestOptions { Trigger = "worker" }, ct));
    }

    private void Add(IngestSummary s) => Counts = Counts.Add(new IngestCounts(s.Documents, s.Records, s.Claims, s.Duplicates, s.Quarantined));

    /// <summary>The page's array property, or null (the caller rejects the page).</summary>
    public static IReadOnlyList<JsonElement>? Array(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var rows) && rows.ValueKind == JsonValueKind.Array
            ? rows.EnumerateArray().ToList()
            : null;

    /// <summary>A property's text (string, number or boolean as written), or null when absent, null or empty.</summary>
    public static string? Text(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value)) return null;
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrEmpty(text) ? null : text;
    }
}
