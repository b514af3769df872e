using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Casualties.Worker.Service.Jobs;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Casualties.Worker.Service.Connectors;

/// <summary>
/// The ReliefWeb reports API (<c>https://api.reliefweb.int/v2/reports</c>, with the user's <c>query[...]</c> selection
/// in the URL): pages of <c>limit</c> reports from <c>offset</c>, sorted by <c>date.changed</c>, with the fields the
/// documents need (<c>fields[include][]</c>: title, body-html, dates, source, url), answered as
/// <c>{"totalCount", "count", "data": [{"id", "href", "fields": {...}}]}</c>; the configured <c>appname</c> on every
/// request. Each report becomes an HTML document (its body-html, titled, dated by <c>date.original</c>, published by its
/// first source) and goes through text extraction like any article; a report without a body (a PDF only) is passed over.
/// </summary>
/// <remarks>
/// Keyed by report id: a document's origin is <c>.../v2/reports/ID</c>. Incremental by <c>date.changed</c>: the cursor
/// keeps the latest change read; the next run asks <c>filter[field]=date.changed&amp;filter[value][from]=</c> it. A
/// revised report (a new body) is stored as a new document and the report's older document is deleted with its
/// claims, in the run that reads the revision: its claims are replaced. A report revised to a body identical to its
/// stored one is a duplicate and changes nothing.
/// </remarks>
public sealed class ReliefWebConnector(IOptions<ApiConnectorOptions> options, NpgsqlDataSource dataSource) : IApiConnector
{
    private static readonly string[] Fields = ["title", "body-html", "date.original", "date.created", "date.changed", "source.name", "url"];

    /// <summary>Of the documents stored for each report, only the latest (its current text) stays; claims go with the others.</summary>
    private const string DeleteRevisedSql = """
        DELETE FROM documents d
        WHERE d.origin = ANY(@Origins)
          AND d.id <> (SELECT max(latest.id) FROM documents latest WHERE latest.origin = d.origin)
        """;

    /// <inheritdoc/>
    public string Kind => "reliefweb";

    /// <inheritdoc/>
    public async Task<string?> Run(ApiFeedRun run, CancellationToken ct)
    {
        var o = options.Value;
        if (string.IsNullOrEmpty(o.ReliefWeb.AppName))
        {
            throw new PermanentJobException(
                $"The reliefweb feed '{run.Feed.Name}' needs the appname ReliefWeb approved for you in configuration: ApiConnectorOptions:ReliefWeb:AppName.");
        }
        var cursor = run.Feed.Cursor is { } saved ? JsonNode.Parse(saved) : null;
        var since = (string?)cursor?["changed"];
        var latest = since is null ? (DateTimeOffset?)null : DateTimeOffset.Parse(since, CultureInfo.InvariantCulture);
        var offset = 0;
        for (var page = 0; page < o.MaxPages; page++)
        {
            List<(string, string)> parameters =
            [
                ("appname", o.ReliefWeb.AppName), ("limit", o.ReliefWeb.PageSize.ToString(CultureInfo.InvariantCulture)),
                ("offset", offset.ToString(CultureInfo.InvariantCulture)),
                .. Fields.Select(f => ("fields[include][]", f)),
                ("sort[]", "date.changed:asc"), ("sort[]", "id:asc"),
            ];
            if (since is not null) parameters.AddRange([("filter[field]", "date.changed"), ("filter[value][from]", since)]);
            var url = ApiUrls.With(run.Url, parameters);
            var shown = ApiUrls.Shown(url);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (await run.Page(request, shown, ct) is not { } body) return null;
            if (ApiFeedRun.Array(body, "data") is not { } reports)
            {
                await run.Reject(shown, "the response has no \"data\" array: not a ReliefWeb API page", ct);
                return null;
            }
            var documents = new List<(string Origin, string Html)>(reports.Count);
            foreach (var report in reports)
            {
                if (ApiFeedRun.Text(report, "id") is not { } id || !report.TryGetProperty("fields", out var fields)) continue;
                if (Changed(fields) is { } changed && (latest is null || changed > latest)) latest = changed;
                if (Document(fields) is { } html) documents.Add((ReportOrigin(run.Url, id), html));
            }
            await run.IngestHtml(documents, ct);
            await DeleteRevised(documents.Select(d => d.Origin).ToArray(), ct);
            offset += reports.Count;
            var total = body.TryGetProperty("totalCount", out var count) && count.ValueKind == JsonValueKind.Number ? count.GetInt32() : offset;
            if (reports.Count == 0 || offset >= total)
                return new JsonObject { ["changed"] = latest?.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture) }.ToJsonString();
        }
        return null;
    }

    /// <summary>A report's document: <c>.../reports/ID</c> beside the feed's URL, without its query.</summary>
    public static string ReportOrigin(Uri feedUrl, string id) =>
        new UriBuilder(feedUrl) { Path = feedUrl.AbsolutePath.TrimEnd('/') + "/" + id, Query = "" }.Uri.ToString();

    private static DateTimeOffset? Changed(JsonElement fields) =>
        fields.TryGetProperty("date", out var date) && ApiFeedRun.Text(date, "changed") is { } text
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var changed)
            ? changed : null;

    /// <summary>The report as an HTML page the HTML reader dates (article:published_time) and credits (og:site_name).</summary>
    private static string? Document(JsonElement fields)
    {
        if (ApiFeedRun.Text(fields, "body-html") is not { } bodyHtml || string.IsNullOrWhiteSpace(bodyHtml)) return null;
        var title = WebUtility.HtmlEncode(ApiFeedRun.Text(fields, "title") ?? "");
        var date = fields.TryGetProperty("date", out var dates) ? ApiFeedRun.Text(dates, "original") ?? ApiFeedRun.Text(dates, "created") : null;
        var publisher = fields.TryGetProperty("source", out var sources) && sources.ValueKind == JsonValueKind.Array && sources.GetArrayLength() > 0
            ? ApiFeedRun.Text(sources[0], "name") : null;
        return "<!DOCTYPE html><html><head>" +
               $"<title>{title}</title>" +
               (date is null ? "" : $"<meta property=\"article:published_time\" content=\"{WebUtility.HtmlEncode(date)}\">") +
               (publisher is null ? "" : $"<meta property=\"og:site_name\" content=\"{WebUtility.HtmlEncode(publisher)}\">") +
               $"</head><body><article><h1>{title}</h1>\n{bodyHtml}</article></body></html>";
    }

    private async Task DeleteRevised(string[] origins, CancellationToken ct)
    {
        if (origins.Length == 0) return;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(DeleteRevisedSql, new { Origins = origins }, cancellationToken: ct));
    }
}
