using Casualties.Ingestion;
using Casualties.Postgres.Feeds;
using Casualties.Worker.Service.Feeds;
using Casualties.Worker.Service.Jobs;

namespace Casualties.Worker.Service.Connectors;

/// <summary>
/// Runs an API feed (issue 17) with its connector: the pages of what changed since the feed's cursor, then the new
/// cursor (only when the run read to its end), the run's status and counts, and the incremental reconcile when
/// something was stored.
/// </summary>
public sealed class ApiFeedPoller(IEnumerable<IApiConnector> connectors, FeedFetcher fetcher, FeedStore feeds, Ingestor ingestor, FollowUpJobs followUps)
{
    /// <summary>
    /// Runs <paramref name="feed"/> with the connector of its kind (none: a permanent failure). When the run fails
    /// after storing pages, the incremental reconcile is still asked for before the error propagates.
    /// </summary>
    public async Task<JobOutcome> Poll(Feed feed, CancellationToken ct)
    {
        var connector = connectors.FirstOrDefault(c => c.Kind == feed.Kind)
            ?? throw new PermanentJobException($"No connector for the feed kind '{feed.Kind}'.");
        var run = new ApiFeedRun(feed, fetcher, feeds, ingestor);
        string? cursor;
        try
        {
            cursor = await connector.Run(run, ct);
        }
        catch (Exception e) when (run.Counts.StoredAnything && e is not OperationCanceledException)
        {
            // Pages stored before the failure stay (each whole); the cursor stays, so the retry asks for them again.
            await followUps.AfterIngest(run.Counts, CancellationToken.None);
            throw;
        }
        var status = run.Stopped ?? (cursor is null ? "incomplete" : "ok");
        if (cursor is not null)
        {
            await feeds.SaveCursor(feed.Name, cursor, ct);
            await feeds.ResolvePages(feed.Kind, run.Url.GetLeftPart(UriPartial.Path), ct);
        }
        await feeds.RecordRun(feed.Name, status, JobPayloads.Serialize(run.Counts), null, null, updateValidators: false, ct);
        await followUps.AfterIngest(run.Counts, ct);
        return JobOutcome.Of(new { status, pages = run.Pages, counts = run.Counts });
    }
}
