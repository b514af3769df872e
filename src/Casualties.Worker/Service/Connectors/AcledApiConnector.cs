using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Casualties.Worker.Service.Feeds;
using Casualties.Worker.Service.Jobs;
using Microsoft.Extensions.Options;

namespace Casualties.Worker.Service.Connectors;

/// <summary>
/// The ACLED API (<c>https://acleddata.com/api/acled/read</c>, with the user's filters in the URL's query): a bearer
/// token from the OAuth endpoint (password grant with the configured account), then pages of <c>limit</c> events
/// numbered from 1 (<c>page</c>), answered as <c>{"status", "success", "count", "data": [...]}</c>. Each page's events
/// are written as the CSV export's rows (the API's field names are the export's columns) and read by
/// <see cref="Ingestion.Feeds.AcledReader"/>: record (acled, event_id_cnty), version <c>timestamp</c>.
/// </summary>
/// <remarks>
/// Incremental: ACLED overwrites an edited event and sets its <c>timestamp</c> to the edit's time. The cursor keeps the
/// latest timestamp read; the next run asks <c>timestamp=T&amp;timestamp_where=&gt;=</c> (events stamped T come again
/// as duplicates). A page shorter than the limit is the last.
/// </remarks>
public sealed class AcledApiConnector(IOptions<ApiConnectorOptions> options, FeedFetcher fetcher) : IApiConnector
{
    /// <inheritdoc/>
    public string Kind => "acled-api";

    /// <inheritdoc/>
    public async Task<string?> Run(ApiFeedRun run, CancellationToken ct)
    {
        var o = options.Value;
        var token = await Token(run.Url, o.Acled, run.Feed.Name, ct);
        var cursor = run.Feed.Cursor is { } saved ? JsonNode.Parse(saved) : null;
        var since = (string?)cursor?["timestamp"];
        var latest = since is null ? (long?)null : long.Parse(since, CultureInfo.InvariantCulture);
        for (var page = 1; page <= o.MaxPages; page++)
        {
            List<(string, string)> parameters =
                [("limit", o.Acled.PageSize.ToString(CultureInfo.InvariantCulture)), ("page", page.ToString(CultureInfo.InvariantCulture))];
            if (since is not null) parameters.AddRange([("timestamp", since), ("timestamp_where", ">=")]);
            var url = ApiUrls.With(run.Url, parameters);
            var shown = ApiUrls.Shown(url);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (await run.Page(request, shown, ct) is not { } body) return null;
            if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("success", out var success) && success.ValueKind == JsonValueKind.False)
            {
                var error = body.TryGetProperty("error", out var e) ? e.GetRawText() : body.TryGetProperty("messages", out var m) ? m.GetRawText() : "no reason given";
                throw new FeedFetchException($"{shown} answered success=false: {error}", permanent: false);
            }
            if (ApiFeedRun.Array(body, "data") is not { } events)
            {
                await run.Reject(shown, "the response has no \"data\" array: not an ACLED API page", ct);
                return null;
            }
            if (events.Count > 0) await run.IngestCsv(shown, JsonRowsAsCsv.Write(events, JsonRowsAsCsv.Columns(events)), ct);
            foreach (var stamp in events.Select(e => ApiFeedRun.Text(e, "timestamp")))
            {
                if (long.TryParse(stamp, NumberStyles.None, CultureInfo.InvariantCulture, out var t) && (latest is null || t > latest)) latest = t;
            }
            if (events.Count < o.Acled.PageSize)
                return new JsonObject { ["timestamp"] = latest?.ToString(CultureInfo.InvariantCulture) }.ToJsonString();
        }
        return null;
    }

    /// <summary>A bearer token for this run (OAuth password grant). The account comes from configuration only.</summary>
    private async Task<string> Token(Uri feedUrl, AcledApiOptions o, string feed, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(o.Username) || string.IsNullOrEmpty(o.Password))
        {
            throw new PermanentJobException(
                $"The acled-api feed '{feed}' needs an ACLED account in configuration: ApiConnectorOptions:Acled:Username and ApiConnectorOptions:Acled:Password.");
        }
        var tokenUrl = o.TokenUrl is { Length: > 0 } configured ? new Uri(configured) : new Uri(feedUrl, "/oauth/token");
        var shown = ApiUrls.Shown(tokenUrl);
        using var request = new HttpRequestMessage(HttpMethod.Post, tokenUrl)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["username"] = o.Username, ["password"] = o.Password, ["grant_type"] = "password", ["client_id"] = o.ClientId,
            }),
        };
        if (await fetcher.Send(request, shown, ct) is not FetchResult.Fetched fetched)
            throw new FeedFetchException($"{shown} gave no token (the response was empty or too large).", permanent: false);
        try
        {
            using var answer = JsonDocument.Parse(fetched.Body);
            if (ApiFeedRun.Text(answer.RootElement, "access_token") is { } token) return token;
        }
        catch (JsonException)
        {
        }
        throw new FeedFetchException($"{shown} answered without an access_token.", permanent: false);
    }
}
