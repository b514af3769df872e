using Casualties.Postgres.Jobs;
using Casualties.Worker.Service.Jobs;
using Casualties.Worker.Service.Options;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Casualties.Worker.Service.Inbox;

/// <summary>
/// Turns the files of an inbox into ingest-file jobs. A file is taken once it has not been written to for
/// InboxOptions.StableAfter; dot-files and *.part/*.tmp/*.partial names are left alone (write under such a
/// name and rename when done). Each file version (path, size, modification time) is enqueued once ever, and
/// one worker at a time scans a folder (an advisory lock), so several workers on one inbox enqueue each file once.
/// </summary>
public sealed class InboxScanner(NpgsqlDataSource dataSource, IOptions<InboxOptions> inboxOptions, IOptions<WorkerOptions> workerOptions,
    TimeProvider time)
{
    private static readonly string[] PartialSuffixes = [".part", ".partial", ".tmp", ".crdownload"];

    /// <summary>Enqueues the stable files; returns how many jobs were added and how many files are still being written.</summary>
    public async Task<InboxScan> Scan(string folder, CancellationToken ct)
    {
        if (!Directory.Exists(folder)) return new InboxScan(0, 0, Missing: true);
        var stableBefore = time.GetUtcNow().UtcDateTime - inboxOptions.Value.StableAfter;
        var files = new DirectoryInfo(folder).EnumerateFiles()
            .Where(f => !f.Name.StartsWith('.') && !PartialSuffixes.Any(s => f.Name.EndsWith(s, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        var stable = files.Where(f => f.LastWriteTimeUtc <= stableBefore).OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        var unstable = files.Count - stable.Count;
        if (stable.Count == 0) return new InboxScan(0, unstable, Missing: false);

        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var locked = await conn.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT pg_try_advisory_xact_lock(hashtextextended('inbox:' || @Folder, 0))", new { Folder = folder }, tx, cancellationToken: ct));
        if (!locked) return new InboxScan(0, unstable, Missing: false);
        var enqueued = 0;
        foreach (var file in stable)
        {
            var job = new NewJob(JobKinds.IngestFile, JobPayloads.Serialize(new IngestFilePayload(file.FullName, folder)),
                $"inbox:{file.FullName}:{file.Length}:{file.LastWriteTimeUtc.Ticks}", workerOptions.Value.MaxAttempts, OnlyIfNew: true);
            if (await JobQueue.Enqueue(conn, tx, job, ct) is not null) enqueued++;
        }
        await tx.CommitAsync(ct);
        return new InboxScan(enqueued, unstable, Missing: false);
    }
}

/// <summary>One scan of an inbox: jobs added, files still being written, and whether the folder is missing.</summary>
public sealed record InboxScan(int Enqueued, int Unstable, bool Missing);

/// <summary>The payload of an ingest-file job: the file, and the inbox it came from (processed/ and quarantine/ are beside it).</summary>
public sealed record IngestFilePayload(string Path, string Inbox);
