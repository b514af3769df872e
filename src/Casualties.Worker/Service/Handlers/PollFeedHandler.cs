using Casualties.Postgres.Feeds;
using Casualties.Worker.Service.Connectors;
using Casualties.Worker.Service.Feeds;
using Casualties.Worker.Service.Inbox;
using Casualties.Worker.Service.Jobs;
using Casualties.Worker.Service.Options;
using Casualties.Worker.Service.Pipeline;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Casualties.Worker.Service.Handlers;

/// <summary>
/// One run of a feed: an inbox is scanned; a URL is fetched conditionally and its body ingested. A 304 stores
/// nothing; a body over the size limit, or one the ingestion rejects whole, is quarantined; the validators
/// (ETag, Last-Modified) are kept only after content was ingested. The feed's last run records the outcome.
/// Runs of one feed do not overlap (<see cref="FeedLock"/>), so each sends the validators of the one before. An API
/// feed (ucdp-api, acled-api, reliefweb) runs through its connector from the cursor the run before it kept.
/// </summary>
public sealed class PollFeedHandler(NpgsqlDataSource dataSource, FeedStore feeds, FeedFetcher fetcher, IIngestion ingestion, InboxScanner scanner,
    FollowUpJobs followUps, IOptions<FeedHttpOptions> httpOptions, ApiFeedPoller apiFeeds) : IJobHandler
{
    /// <inheritdoc/>
    public string Kind => JobKinds.PollFeed;

    /// <inheritdoc/>
    public async Task<JobOutcome> Handle(JobContext context, CancellationToken ct)
    {
        var name = context.Payload<PollFeedPayload>().Feed;
        // One run of a feed at a time: read the feed (and its validators) once the previous run has stored them.
        await using var serialised = await FeedLock.Enter(dataSource, name, httpOptions.Value.TotalTimeout, ct);
        var feed = await feeds.Get(name, ct);
        if (feed is null) return JobOutcome.Of(new { skipped = $"the feed '{name}' was removed" });
        if (feed.IsInbox)
        {
            var scan = await scanner.Scan(Path.GetFullPath(feed.Folder!), ct);
            await feeds.RecordRun(name, scan.Missing ? "missing" : "ok", JobPayloads.Serialize(new { scan.Enqueued }), null, null, false, ct);
            return JobOutcome.Of(scan);
        }
        try
        {
            return feed.IsApi ? await apiFeeds.Poll(feed, ct) : await Poll(feed, ct);
        }
        catch (Exception e) when (e is FeedFetchException or TimeoutException or HttpRequestException or PermanentJobException)
        {
            await feeds.RecordRun(name, "failed", null, null, null, false, CancellationToken.None);
            if (e is FeedFetchException { Permanent: true }) throw new PermanentJobException(e.Message, e);
            throw;
        }
    }

    private async Task<JobOutcome> Poll(Feed feed, CancellationToken ct)
    {
        var url = new Uri(feed.Url!);
        switch (await fetcher.Fetch(url, feed.ETag, feed.LastModified, ct))
        {
            case FetchResult.NotModified:
                await feeds.RecordRun(feed.Name, "not_modified", null, null, null, false, ct);
                return JobOutcome.Of(new { status = "not_modified" });
            case FetchResult.TooLarge tooLarge:
                var reason = $"{url}: the response is larger than {tooLarge.Limit} bytes (FeedHttpOptions:MaxResponseBytes) and was cut off.";
                await feeds.Quarantine(url.ToString(), reason, feed.Kind, null, ct);
                await feeds.RecordRun(feed.Name, "too_large", JobPayloads.Serialize(IngestCounts.None with { Quarantined = 1 }), null, null, false, ct);
                return JobOutcome.Of(new { status = "too_large", reason });
            case FetchResult.Fetched fetched:
                using (var body = new MemoryStream(fetched.Body, writable: false))
                {
                    var counts = await ingestion.IngestStream(feed.Name, feed.Kind, url.ToString(), fetched.ContentType, body, ct);
                    var status = counts.RejectedWhole ? "quarantined" : "ok";
                    await feeds.RecordRun(feed.Name, status, JobPayloads.Serialize(counts), fetched.ETag, fetched.LastModified,
                        updateValidators: !counts.RejectedWhole, ct);
                    await followUps.AfterIngest(counts, ct);
                    return JobOutcome.Of(new { status, counts });
                }
            default:
                throw new InvalidOperationException("Unknown fetch result.");
        }
    }
}

/// <summary>A poll-feed job's payload.</summary>
/// <param name="Feed">The feed's name (feeds.name); a feed removed since the job was queued is skipped.</param>
public sealed record PollFeedPayload(string Feed);
