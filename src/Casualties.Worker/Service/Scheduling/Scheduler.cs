using Casualties.Postgres.Feeds;
using Casualties.Postgres.Jobs;
using Casualties.Worker.Service.Handlers;
using Casualties.Worker.Service.Hosting;
using Casualties.Worker.Service.Jobs;
using Casualties.Worker.Service.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Casualties.Worker.Service.Scheduling;

/// <summary>
/// Every SchedulerOptions.Interval, enqueues the due runs of each enabled feed with a cron (and of the report).
/// Each worker does this; the first to record a tick in schedule_ticks enqueues its run, so a tick runs once.
/// </summary>
public sealed class Scheduler(FeedStore feeds, ScheduleStore ticks, DatabaseRetry retry, WorkerIdentity identity, TimeProvider time,
    IOptions<SchedulerOptions> options, IOptions<ReportOptions> reportOptions, IOptions<WorkerOptions> workerOptions,
    ILogger<Scheduler> logger) : BackgroundService
{
    /// <summary>The schedule name under which the report's ticks are recorded in schedule_ticks (no feed can be named so).</summary>
    public const string ReportSchedule = "@report";

    /// <summary>Enqueues the due runs at once, then every SchedulerOptions.Interval, until stopped.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timer = new PeriodicTimer(options.Value.Interval);
            do
            {
                await retry.Run("schedule due runs", TickOnce, stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Enqueues every run due now; returns how many this worker enqueued.</summary>
    public async Task<int> TickOnce(CancellationToken ct)
    {
        var enqueued = 0;
        foreach (var feed in await feeds.List(ct))
        {
            if (!feed.Enabled || feed.Cron is null) continue;
            var job = new NewJob(JobKinds.PollFeed, JobPayloads.Serialize(new PollFeedPayload(feed.Name)), null, workerOptions.Value.MaxAttempts);
            enqueued += await RunDue(feed.Name, feed.Cron, feed.TimeZone, feed.CatchUp, job, ct);
        }
        var report = reportOptions.Value;
        if (report is { Cron: not null, Folder: not null })
        {
            var job = new NewJob(JobKinds.Report, JobPayloads.Serialize(new ReportPayload(Path.GetFullPath(report.Folder), report.Formats)),
                "report:scheduled", workerOptions.Value.MaxAttempts);
            enqueued += await RunDue(ReportSchedule, report.Cron, report.TimeZone, "once", job, ct);
        }
        return enqueued;
    }

    private async Task<int> RunDue(string schedule, string cron, string timeZone, string catchUp, NewJob job, CancellationToken ct)
    {
        CronSchedule parsed;
        try
        {
            parsed = CronSchedule.Parse(cron, timeZone);
        }
        catch (FormatException e)
        {
            WorkerLog.BadSchedule(logger, schedule, e.Message);
            return 0;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var plan = parsed.Plan(await ticks.LastTick(schedule, ct), now, options.Value.MissedRunGrace, catchUp);
        if (plan.Run is null && plan.Skipped.Count == 0) return 0;
        var jobId = await ticks.RecordTicks(schedule, plan.Skipped, plan.Run, job with { DedupeKey = job.DedupeKey ?? $"tick:{schedule}:{plan.Run:O}" },
            identity.Id, ct);
        if (plan.Skipped.Count > 0 && plan.Run is null) WorkerLog.TicksSkipped(logger, schedule, plan.Skipped.Count);
        if (jobId is null) return 0;
        WorkerLog.TickEnqueued(logger, schedule, plan.Run!.Value, jobId.Value, plan.Skipped.Count);
        return 1;
    }
}
