using Casualties.Postgres.Jobs;
using Casualties.Worker.Service.Hosting;
using Casualties.Worker.Service.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Casualties.Worker.Service.Jobs;

/// <summary>
/// Claims due jobs and runs them, <see cref="WorkerOptions.Concurrency"/> at a time. While a job runs its lease
/// is extended every heartbeat; a lost lease cancels the handler and discards its outcome. A failed attempt is
/// retried with exponential backoff and jitter, and dead-lettered with its error after the last attempt. On
/// shutdown a running job gets <see cref="WorkerOptions.ShutdownTimeout"/> to finish, then is released.
/// </summary>
public sealed class JobRunner : BackgroundService
{
    private readonly JobQueue queue;
    private readonly Dictionary<string, IJobHandler> handlers;
    private readonly DatabaseRetry retry;
    private readonly WorkerIdentity identity;
    private readonly WorkerOptions options;
    private readonly ILogger<JobRunner> logger;

    /// <summary>A runner with one handler per job kind (two handlers of one kind throw).</summary>
    public JobRunner(JobQueue queue, IEnumerable<IJobHandler> handlers, DatabaseRetry retry, WorkerIdentity identity,
        IOptions<WorkerOptions> options, ILogger<JobRunner> logger)
    {
        this.queue = queue;
        this.handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);
        this.retry = retry;
        this.identity = identity;
        this.options = options.Value;
        this.logger = logger;
    }

    /// <summary>Runs jobs in WorkerOptions.Concurrency slots until stopped.</summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => RunSlots(drain: false, stoppingToken);

    /// <summary>Runs due jobs until none is left (worker --once), then returns.</summary>
    public Task Drain(CancellationToken ct) => RunSlots(drain: true, ct);

    private Task RunSlots(bool drain, CancellationToken stopping) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Concurrency)).Select(_ => Task.Run(() => RunSlot(drain, stopping), CancellationToken.None)));

    private async Task RunSlot(bool drain, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            ClaimedJob? job;
            try
            {
                job = await retry.Run("claim a job",
                    ct => queue.Claim(identity.Id, options.LeaseDuration, handlers.Keys, ct), stopping);
                if (job is null)
                {
                    if (drain) return;
                    await Task.Delay(options.PollInterval, stopping);
                    continue;
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            await Execute(job, stopping);
        }
    }

    private async Task Execute(ClaimedJob job, CancellationToken stopping)
    {
        var handler = handlers[job.Kind];
        var lease = job.Lease;
        var context = new JobContext(job);
        WorkerLog.JobClaimed(logger, job.Id, job.Kind, job.Attempts, job.MaxAttempts, lease.Version);

        using var leaseLost = new CancellationTokenSource();
        using var graceOver = new CancellationTokenSource();
        using var onStop = stopping.Register(() => graceOver.CancelAfter(options.ShutdownTimeout));
        using var work = CancellationTokenSource.CreateLinkedTokenSource(leaseLost.Token, graceOver.Token);
        using var stopHeartbeat = new CancellationTokenSource();
        var heartbeat = KeepLease(lease, leaseLost, stopHeartbeat.Token);

        JobOutcome? outcome = null;
        Exception? error = null;
        try
        {
            outcome = await handler.Handle(context, work.Token);
        }
        catch (Exception e)
        {
            error = e;
        }
        finally
        {
            await stopHeartbeat.CancelAsync();
            await heartbeat;
        }

        if (leaseLost.IsCancellationRequested || error is LeaseLostException)
        {
            WorkerLog.LeaseLost(logger, job.Id, lease.Version);
            return;
        }
        if (error is null)
        {
            await Finish(job, outcome!, graceOver.Token);
            return;
        }
        if ((error is OperationCanceledException && graceOver.IsCancellationRequested) || DatabaseRetry.IsTransient(error))
        {
            await Release(job, error, graceOver.IsCancellationRequested);
            return;
        }
        await RecordFailure(handler, context, error, graceOver.Token);
    }

    private async Task Finish(ClaimedJob job, JobOutcome outcome, CancellationToken grace)
    {
        try
        {
            var completed = await retry.Run("complete a job", ct => queue.Complete(job.Lease, outcome.ResultJson, ct), grace);
            if (completed) WorkerLog.JobDone(logger, job.Id, job.Kind, outcome.ResultJson ?? "{}");
            else WorkerLog.CompletionRejected(logger, job.Id, job.Lease.Version);
        }
        catch (OperationCanceledException)
        {
            WorkerLog.CompletionAbandoned(logger, job.Id);
        }
    }

    private async Task Release(ClaimedJob job, Exception error, bool shuttingDown)
    {
        try
        {
            using var window = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var released = await retry.Run("release a job", ct => queue.Release(job.Lease, ct), window.Token);
            if (!released) WorkerLog.LeaseLost(logger, job.Id, job.Lease.Version);
            else if (shuttingDown) WorkerLog.JobReleasedOnShutdown(logger, job.Id, job.Kind);
            else WorkerLog.JobReleasedDatabaseAway(logger, job.Id, job.Kind, error.Message);
        }
        catch (OperationCanceledException)
        {
            WorkerLog.ReleaseAbandoned(logger, job.Id, options.LeaseDuration);
        }
    }

    private async Task RecordFailure(IJobHandler handler, JobContext context, Exception error, CancellationToken grace)
    {
        var job = context.Job;
        var message = Describe(error);
        var delay = RetryPolicy.Delay(job.Attempts, options.RetryBaseDelay, options.RetryMaxDelay, Random.Shared);
        FailOutcome? failed;
        try
        {
            failed = await retry.Run("record a failure",
                ct => queue.Fail(job.Lease, message, delay, error is PermanentJobException, ct), grace);
        }
        catch (OperationCanceledException)
        {
            WorkerLog.CompletionAbandoned(logger, job.Id);
            return;
        }
        if (failed is null)
        {
            WorkerLog.LeaseLost(logger, job.Id, job.Lease.Version);
            return;
        }
        if (failed.State == "dead")
        {
            WorkerLog.JobDead(logger, job.Id, job.Kind, failed.Attempts, message);
            try
            {
                await handler.DeadLettered(context, message, grace);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException || DatabaseRetry.IsTransient(e))
            {
                WorkerLog.DeadLetterHookFailed(logger, job.Id, e.Message);
            }
            return;
        }
        WorkerLog.JobFailed(logger, job.Id, job.Kind, failed.Attempts, job.MaxAttempts, delay, message);
    }

    private async Task KeepLease(JobLease lease, CancellationTokenSource leaseLost, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(options.EffectiveHeartbeatInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    if (!await queue.Heartbeat(lease, options.LeaseDuration, stop))
                    {
                        await leaseLost.CancelAsync();
                        return;
                    }
                }
                catch (Exception e) when (DatabaseRetry.IsTransient(e))
                {
                    WorkerLog.HeartbeatFailed(logger, lease.JobId, e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>The error as stored with the job: the message, and the inner causes' messages.</summary>
    private static string Describe(Exception error)
    {
        var parts = new List<string>();
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (parts.Count == 0 || !parts[^1].Contains(e.Message, StringComparison.Ordinal)) parts.Add(e.Message);
        }
        var text = (error is PermanentJobException ? "" : error.GetType().Name + ": ") + string.Join(" <- ", parts);
        return text.Length <= 4000 ? text : text[..4000];
    }
}
