using Casualties.Postgres.Jobs;
using Casualties.Worker.Service.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Casualties.Worker.Service.Hosting;

/// <summary>
/// Keeps this worker's row in the workers table: registered at start, heartbeating, stopped at the end. Once an
/// hour (and at start) it also deletes what is older than WorkerOptions.KeepFinished (<see cref="Housekeeping"/>).
/// </summary>
public sealed class WorkerPresence(WorkerRegistry registry, Housekeeping housekeeping, WorkerIdentity identity, DatabaseRetry retry,
    IOptions<WorkerOptions> options, ILogger<WorkerPresence> logger) : BackgroundService
{
    private static readonly TimeSpan HousekeepingInterval = TimeSpan.FromHours(1);

    /// <summary>Registers the worker, then heartbeats every EffectiveHeartbeatInterval (and purges hourly) until stopped.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await retry.Run("register the worker", ct => registry.Register(identity.Id, identity.Host, identity.ProcessId, ct), stoppingToken);
            using var timer = new PeriodicTimer(options.Value.EffectiveHeartbeatInterval);
            var nextHousekeeping = DateTime.UtcNow;
            do
            {
                await retry.Run("heartbeat", ct => registry.Heartbeat(identity.Id, ct), stoppingToken);
                if (DateTime.UtcNow >= nextHousekeeping)
                {
                    var (jobs, ticks, workers) = await retry.Run("delete old jobs", ct => housekeeping.Purge(options.Value.KeepFinished, ct), stoppingToken);
                    if (jobs + ticks + workers > 0) WorkerLog.Purged(logger, jobs, ticks, workers, options.Value.KeepFinished);
                    nextHousekeeping = DateTime.UtcNow + HousekeepingInterval;
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Marks the worker stopped, giving the database five seconds; when it is away the row is left to age out.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await registry.Stopped(identity.Id, timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException || DatabaseRetry.IsTransient(e))
        {
            // The database is away: the heartbeat simply stops, and the worker is shown as not alive.
        }
    }
}
