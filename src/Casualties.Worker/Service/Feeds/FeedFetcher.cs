using System.Net;
using Casualties.Worker.Service.Options;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace Casualties.Worker.Service.Feeds;

/// <summary>
/// Fetches a feed's configured URL (and nothing else: redirects are not followed) with a conditional GET
/// (If-None-Match, If-Modified-Since). The HTTP client carries timeouts and retries (FeedHttpOptions); here
/// the whole fetch, body included, is bounded in time, and the body in size.
/// </summary>
public sealed class FeedFetcher(IHttpClientFactory clients, IOptions<FeedHttpOptions> options)
{
    /// <summary>The name of the HTTP client (IHttpClientFactory) with the feeds' timeouts and retries.</summary>
    public const string ClientName = "feeds";

    /// <summary>
    /// GETs <paramref name="url"/>, sending If-None-Match and If-Modified-Since with the validators stored from the last
    /// fetch (null: not sent). An error status throws <see cref="FeedFetchException"/>.
    /// </summary>
    public async Task<FetchResult> Fetch(Uri url, string? etag, string? lastModified, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        if (lastModified is not null) request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        return await Send(request, url.ToString(), ct);
    }

    /// <summary>
    /// Sends one request (an API connector's page or token request) through the same client, limits and retries.
    /// <paramref name="shown"/> is how errors name it: the URL without credentials.
    /// </summary>
    public async Task<FetchResult> Send(HttpRequestMessage request, string shown, CancellationToken ct)
    {
        var o = options.Value;
        var http = clients.CreateClient(ClientName);
        request.Headers.TryAddWithoutValidation("User-Agent", o.UserAgent);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(o.TotalTimeout);
        var url = shown;
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (response.StatusCode == HttpStatusCode.NotModified) return new FetchResult.NotModified();
            if (!response.IsSuccessStatusCode)
            {
                var code = (int)response.StatusCode;
                var permanent = code is >= 300 and < 500 and not 408 and not 429;
                var hint = code is >= 300 and < 400 ? ": redirects are not followed; set the feed's URL to the new address" : "";
                throw new FeedFetchException($"{url} answered {code} {response.ReasonPhrase}{hint}.", permanent);
            }
            if (response.Content.Headers.ContentLength > o.MaxResponseBytes) return new FetchResult.TooLarge(o.MaxResponseBytes);
            await using var body = await response.Content.ReadAsStreamAsync(deadline.Token);
            var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(chunk, deadline.Token)) > 0)
            {
                if (buffer.Length + read > o.MaxResponseBytes) return new FetchResult.TooLarge(o.MaxResponseBytes);
                buffer.Write(chunk, 0, read);
            }
            return new FetchResult.Fetched(buffer.ToArray(), response.Content.Headers.ContentType?.MediaType,
                response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"));
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw new TimeoutException($"Fetching {url} took longer than {o.TotalTimeout} (FeedHttpOptions:TotalTimeout).");
        }
        catch (TimeoutRejectedException e)
        {
            throw new TimeoutException($"{url} sent no response within {o.AttemptTimeout} (FeedHttpOptions:AttemptTimeout), after {o.MaxRetries} retries.", e);
        }
    }
}
