using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Casualties.Worker.Tests.Support;

/// <summary>
/// A feed server on 127.0.0.1 (HttpListener) for the worker to poll: each path has a handler; every request
/// is recorded with its conditional headers. Loopback only, stopped on dispose.
/// </summary>
public sealed class FeedServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Dictionary<string, Func<HttpListenerContext, Task>> routes = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stop = new();

    /// <summary>One request the server answered, as it arrived.</summary>
    /// <param name="Path">The URL's absolute path, without the query.</param>
    /// <param name="IfNoneMatch">The If-None-Match header, or null when the request sent none.</param>
    /// <param name="IfModifiedSince">The If-Modified-Since header, or null when the request sent none.</param>
    /// <param name="Query">The query's parameters, decoded (a repeated name's values joined by commas).</param>
    /// <param name="Headers">Every request header, for asserting what credentials were sent.</param>
    public sealed record Request(string Path, string? IfNoneMatch, string? IfModifiedSince,
        System.Collections.Specialized.NameValueCollection? Query = null, IReadOnlyDictionary<string, string>? Headers = null);

    public ConcurrentQueue<Request> Requests { get; } = new();

    public Uri Base { get; }

    public FeedServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Base = new Uri($"http://127.0.0.1:{port}/");
        listener.Prefixes.Add(Base.ToString());
        listener.Start();
        _ = Task.Run(Serve);
    }

    public string Url(string path) => new Uri(Base, path).ToString();

    public void Route(string path, Func<HttpListenerContext, Task> handler) => routes["/" + path] = handler;

    public IReadOnlyList<Request> To(string path) => Requests.Where(r => r.Path == "/" + path).ToList();

    public static async Task Write(HttpListenerContext context, int status, string body, string contentType = "application/rss+xml", string? etag = null)
    {
        context.Response.StatusCode = status;
        if (etag is not null) context.Response.Headers["ETag"] = etag;
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.ContentType = contentType;
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    public static string Rss(params string[] items) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Test feed</title>
        {string.Concat(items.Select((text, i) => $"<item><title>Item {i}</title><link>http://127.0.0.1/item/{i}</link><description>{text}</description><pubDate>Wed, 07 Dec 2016 10:00:00 GMT</pubDate></item>"))}
        </channel></rss>
        """;

    private async Task Serve()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            var path = context.Request.Url!.AbsolutePath;
            var headers = context.Request.Headers.AllKeys.OfType<string>().ToDictionary(k => k, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
            Requests.Enqueue(new Request(path, context.Request.Headers["If-None-Match"], context.Request.Headers["If-Modified-Since"],
                new System.Collections.Specialized.NameValueCollection(context.Request.QueryString), headers));
            _ = Task.Run(async () =>
            {
                try
                {
                    if (routes.TryGetValue(path, out var handler)) await handler(context);
                    else await Write(context, 404, "not found", "text/plain");
                }
                catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
                {
                    // The client went away (a cut-off download, a timeout): expected in these tests.
                }
            });
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        listener.Close();
    }
}
