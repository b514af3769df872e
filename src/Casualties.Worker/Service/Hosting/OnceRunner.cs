using Casualties.Worker.Service.Inbox;
using Casualties.Worker.Service.Jobs;
using Casualties.Worker.Service.Options;
using Casualties.Worker.Service.Scheduling;
using Microsoft.Extensions.Options;

namespace Casualties.Worker.Service.Hosting;

/// <summary><c>worker --once</c>: enqueue the due scheduled runs and the inbox files (waiting for files still being written), run every due job, return.</summary>
public sealed class OnceRunner(Scheduler scheduler, InboxWatcher inbox, JobRunner runner, DatabaseRetry retry, IOptions<InboxOptions> inboxOptions)
{
    /// <summary>Returns when no job is due any more; jobs waiting for a retry later are left on the queue.</summary>
    public async Task Run(CancellationToken ct)
    {
        await retry.Run("schedule due runs", scheduler.TickOnce, ct);
        while (await inbox.ScanAll(ct) > 0) await Task.Delay(inboxOptions.Value.StableAfter / 2, ct);
        await runner.Drain(ct);
    }
}
