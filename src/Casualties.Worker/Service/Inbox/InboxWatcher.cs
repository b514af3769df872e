using Casualties.Worker.Service.Hosting;
using Casualties.Worker.Service.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Casualties.Worker.Service.Inbox;

/// <summary>Scans the inbox folders every InboxOptions.ScanInterval and enqueues the new files.</summary>
public sealed class InboxWatcher(InboxFolders folders, InboxScanner scanner, DatabaseRetry retry, IOptions<InboxOptions> options,
    ILogger<InboxWatcher> logger) : BackgroundService
{
    private readonly HashSet<string> reportedMissing = new(StringComparer.Ordinal);

    /// <summary>Scans at once, then every InboxOptions.ScanInterval, until stopped.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timer = new PeriodicTimer(options.Value.ScanInterval);
            do
            {
                await ScanAll(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Scans every folder once; returns the files still being written.</summary>
    public async Task<int> ScanAll(CancellationToken ct)
    {
        var unstable = 0;
        foreach (var folder in await retry.Run("list the inbox folders", folders.All, ct))
        {
            try
            {
                var scan = await retry.Run("scan an inbox", c => scanner.Scan(folder, c), ct);
                unstable += scan.Unstable;
                if (scan.Missing && reportedMissing.Add(folder)) WorkerLog.InboxMissing(logger, folder);
                if (scan.Enqueued > 0) WorkerLog.InboxEnqueued(logger, scan.Enqueued, folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                WorkerLog.InboxUnreadable(logger, folder, e.Message);
            }
        }
        return unstable;
    }
}
