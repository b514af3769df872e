using Casualties.Postgres.Jobs;
using Casualties.Worker.Service.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Casualties.Worker.Service.Hosting;

/// <summary>Keeps this worker's row in the workers table: registered at start, heartbeating, stopped at the end.</summary>
public sealed class WorkerPresence(WorkerRegistry registry, WorkerIdentity identity, DatabaseRetry retry, IOptions<WorkerOptions> options)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await retry.Run("register the worker", ct => registry.Register(identity.Id, identity.Host, identity.ProcessId, ct), stoppingToken);
            using var timer = new PeriodicTimer(options.Value.EffectiveHeartbeatInterval);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await retry.Run("heartbeat", ct => registry.Heartbeat(identity.Id, ct), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

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
