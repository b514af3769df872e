using System.Net;
using System.Text;
using Casualties.Ingestion;
using Casualties.Postgres.Feeds;

namespace Casualties.Worker.Service.Pipeline;

/// <summary>
/// The worker's ingestion through the <see cref="Ingestor"/> (issue 5): inbox files as they are; dataset feeds
/// (CSV, JSON Lines, GED, ACLED) as one stream; RSS and Atom feeds item by item, each as an HTML document dated
/// by the item (or, when it gives no date, by the day it was fetched). A feed that is not well-formed XML is
/// quarantined whole with the line at fault.
/// </summary>
public sealed class PipelineIngestion(Ingestor ingestor, FeedStore feeds, TimeProvider time) : IIngestion
{
    /// <inheritdoc/>
    public async Task<IngestCounts> IngestFile(string path, CancellationToken ct) =>
        Counts(await ingestor.IngestPaths([path], new IngestOptions { Trigger = "worker" }, ct));

    /// <inheritdoc/>
    public async Task<IngestCounts> IngestStream(string feedName, string kind, string origin, string? contentType, Stream body, CancellationToken ct)
    {
        if (kind is "rss" or "atom") return await IngestSyndication(kind, origin, body, ct);
        var type = kind == "jsonl" ? "application/x-ndjson" : "text/csv";
        return Counts(await ingestor.IngestStream(origin, type, body, new IngestOptions { Trigger = "worker" }, ct));
    }

    private async Task<IngestCounts> IngestSyndication(string kind, string origin, Stream body, CancellationToken ct)
    {
        IReadOnlyList<SyndicationItem> items;
        try
        {
            items = SyndicationReader.Read(body, origin);
        }
        catch (InvalidDataException e)
        {
            await feeds.Quarantine(origin, e.Message, kind, null, ct);
            return IngestCounts.None with { Quarantined = 1 };
        }
        var fetchedOn = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var total = IngestCounts.None;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var html = $"<!DOCTYPE html><html><head><title>{WebUtility.HtmlEncode(item.Title)}</title></head>" +
                       $"<body><h1>{WebUtility.HtmlEncode(item.Title)}</h1>\n{item.Body}</body></html>";
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(html), writable: false);
            var name = item.Link ?? $"{origin}#item-{i}";
            var summary = await ingestor.IngestStream(name, "text/html", stream,
                new IngestOptions { Trigger = "worker", Date = item.Published ?? fetchedOn }, ct);
            total = total.Add(Counts(summary));
        }
        return total;
    }

    private static IngestCounts Counts(IngestSummary s) => new(s.Documents, s.Records, s.Claims, s.Duplicates, s.Quarantined);
}
