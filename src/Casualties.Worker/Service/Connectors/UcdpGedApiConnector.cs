using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Casualties.Worker.Service.Connectors;

/// <summary>
/// The UCDP GED API (<c>https://ucdpapi.pcr.uu.se/api/gedevents/VERSION</c>): pages of <c>pagesize</c> events, numbered
/// from 0 (<c>page</c>), answered as <c>{"TotalCount", "TotalPages", "PreviousPageUrl", "NextPageUrl", "Result": [...]}</c>,
/// with the token in the <c>x-ucdp-access-token</c> header. The events are written as the GED CSV download's rows
/// (its 49 columns in its order; the API's <c>"2016-12-06T00:00:00"</c> dates as the download's
/// <c>2016-12-06 00:00:00.000</c>, booleans as 1/0, nulls empty) and read by <see cref="Ingestion.Feeds.UcdpGedReader"/>:
/// the same record (ucdp-ged, id) and claims as the download's row, a changed event replacing its claims.
/// </summary>
/// <remarks>
/// Incremental: GED is published in versions (the URL's last segment: a yearly 25.1, monthly candidates 25.0.X).
/// The cursor keeps the version and the latest <c>date_start</c> read; the next run of the same version asks
/// <c>StartDate=</c> that day (events of that day come again as duplicates). A new version in the URL reads the
/// whole version again: its revised events replace theirs, the others are duplicates.
/// </remarks>
public sealed class UcdpGedApiConnector(IOptions<ApiConnectorOptions> options) : IApiConnector
{
    /// <summary>The request header that carries <see cref="UcdpApiOptions.Token"/>; sent only when a token is configured.</summary>
    public const string TokenHeader = "x-ucdp-access-token";

    /// <summary>The GED CSV download's columns, in its order.</summary>
    private static readonly string[] DownloadColumns =
    [
        "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id", "conflict_new_id", "conflict_name",
        "dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id", "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b",
        "number_of_sources", "source_article", "source_office", "source_date", "source_headline", "source_original", "where_prec",
        "where_coordinates", "where_description", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt", "priogrid_gid", "country",
        "country_id", "region", "event_clarity", "date_prec", "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians",
        "deaths_unknown", "best", "high", "low", "gwnoa", "gwnob",
    ];

    /// <inheritdoc/>
    public string Kind => "ucdp-api";

    /// <summary>The GED version a feed URL names (its last path segment), or null.</summary>
    public static string? Version(Uri url)
    {
        var last = url.AbsolutePath.TrimEnd('/').Split('/')[^1];
        return last.Length > 0 && last.All(c => char.IsAsciiDigit(c) || c == '.') && char.IsAsciiDigit(last[0]) ? last : null;
    }

    /// <inheritdoc/>
    public async Task<string?> Run(ApiFeedRun run, CancellationToken ct)
    {
        var o = options.Value;
        var version = Version(run.Url) ?? "";
        var cursor = run.Feed.Cursor is { } saved ? JsonNode.Parse(saved) : null;
        var since = (string?)cursor?["version"] == version ? (string?)cursor?["date_start"] : null;
        var latest = since;
        for (var page = 0; page < o.MaxPages; page++)
        {
            List<(string, string)> parameters =
                [("pagesize", o.Ucdp.PageSize.ToString(CultureInfo.InvariantCulture)), ("page", page.ToString(CultureInfo.InvariantCulture))];
            if (since is not null) parameters.Add(("StartDate", since));
            var url = ApiUrls.With(run.Url, parameters);
            var shown = ApiUrls.Shown(url);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (!string.IsNullOrEmpty(o.Ucdp.Token)) request.Headers.TryAddWithoutValidation(TokenHeader, o.Ucdp.Token);
            if (await run.Page(request, shown, ct) is not { } body) return null;
            if (ApiFeedRun.Array(body, "Result") is not { } events)
            {
                await run.Reject(shown, "the response has no \"Result\" array: not a UCDP API page", ct);
                return null;
            }
            if (events.Count > 0) await run.IngestCsv(shown, JsonRowsAsCsv.Write(events, DownloadColumns, DownloadValue), ct);
            foreach (var started in events.Select(e => ApiFeedRun.Text(e, "date_start")).OfType<string>().Where(d => d.Length >= 10))
            {
                var day = started[..10];
                if (latest is null || string.CompareOrdinal(day, latest) > 0) latest = day;
            }
            var totalPages = body.TryGetProperty("TotalPages", out var total) && total.ValueKind == JsonValueKind.Number ? total.GetInt32() : 0;
            var next = ApiFeedRun.Text(body, "NextPageUrl");
            if (events.Count == 0 || next is null || page + 1 >= totalPages)
                return new JsonObject { ["version"] = version, ["date_start"] = latest }.ToJsonString();
        }
        return null;
    }

    /// <summary>The download writes a day as <c>2016-12-06 00:00:00.000</c>; the API as <c>2016-12-06T00:00:00</c>.</summary>
    private static string DownloadValue(string column, string text)
    {
        if (column is not ("date_start" or "date_end") || text.Length < 10) return text;
        var time = text.Length >= 19 && text[10] is 'T' or ' ' ? text[11..19] : "00:00:00";
        return $"{text[..10]} {time}.000";
    }
}
