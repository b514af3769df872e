using Npgsql;

namespace Casualties.Postgres.Ingest;

/// <summary>
/// Streams the records of one feed file into PostgreSQL in batches: each batch is one transaction. Records are
/// taken in chunks; one query per chunk finds which keys are stored. Records with a new key go straight into
/// feed_records and claims by binary COPY (<see cref="FreshRecords"/>); the others (a stored key, or a key seen
/// twice in the batch) are binary-COPYed into the staging table and merged set-based at the end of the batch
/// (db/ingest/pick_records.sql, apply_records.sql, insert_claims.sql), together with the
/// batch's quarantine entries. A crash loses at most the open batch, never part of a record.
/// </summary>
/// <remarks>
/// Memory holds one chunk of records and one batch's keys and quarantine entries at most. Batches of concurrent
/// writers take turns (a transaction-level advisory lock), so a key found absent stays absent until the batch commits.
/// </remarks>
public sealed class FeedBatchWriter : IAsyncDisposable
{
    // Small enough that the records in flight (this chunk and the reader's hand-over) keep memory flat.
    private const int ChunkSize = 4_096;
    private const long BatchLockKey = 0x_CA5_0F_EED;

    private static readonly string PickSql = SqlScripts.Load("ingest/pick_records.sql");
    private static readonly string ApplySql = SqlScripts.Load("ingest/apply_records.sql");
    private static readonly string InsertClaimsSql = SqlScripts.Load("ingest/insert_claims.sql");

    const string CountsSql = """
        SELECT count(*) FILTER (WHERE action = 'insert' AND retire_at IS NULL)::int,
               count(*) FILTER (WHERE action = 'replace')::int,
               count(*) FILTER (WHERE action = 'retire' OR (action = 'insert' AND retire_at IS NOT NULL))::int
        FROM ingest_winner
        """;

    private readonly NpgsqlConnection connection;
    private readonly long runId;
    private readonly int batchSize;
    private readonly ReferenceIds ids;
    private readonly List<QuarantineEntry> quarantined = [];
    private readonly List<PendingRecord> pending = [];
    private readonly HashSet<(string Dataset, string RecordKey)> stagedKeys = [];
    private NpgsqlTransaction? transaction;
    private FeedWriteCounts written = FeedWriteCounts.Zero;
    private int items, staged, batches;

    private FeedBatchWriter(NpgsqlConnection connection, long runId, int batchSize, ReferenceIds ids)
    {
        this.connection = connection;
        this.runId = runId;
        this.batchSize = batchSize;
        this.ids = ids;
    }

    /// <summary>Totals of the batches committed so far.</summary>
    public FeedWriteCounts Committed { get; private set; } = FeedWriteCounts.Zero;

    /// <summary>Called after each committed batch with the totals so far.</summary>
    public Action<FeedWriteCounts>? BatchCommitted { get; init; }

    /// <summary>
    /// A writer on a connection of its own, its staging tables made, committing every <paramref name="batchSize"/> records
    /// (at least 1) for ingest run <paramref name="runId"/>; <paramref name="batchCommitted"/> as <see cref="BatchCommitted"/>.
    /// </summary>
    public static async Task<FeedBatchWriter> Open(NpgsqlDataSource dataSource, long runId, int batchSize, CancellationToken ct,
        Action<FeedWriteCounts>? batchCommitted = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
            await IngestStaging.Create(connection, ct);
            var ids = await ReferenceIds.Read(connection, ct);
            return new FeedBatchWriter(connection, runId, batchSize, ids) { BatchCommitted = batchCommitted };
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Adds a record with its claims (none for a deletion); writes its chunk when full, commits the batch when full.</summary>
    public async ValueTask Add(FeedRecord record, IReadOnlyList<StagedClaim> claims, CancellationToken ct)
    {
        if (transaction is null) await BeginBatch(ct);
        pending.Add(new PendingRecord(record, claims));
        items++;
        if (items >= batchSize) await Flush(ct);
        else if (pending.Count >= ChunkSize) await WriteChunk(ct);
    }

    /// <summary>Quarantines an input with the current batch (committed with it).</summary>
    public async ValueTask Quarantine(QuarantineEntry entry, CancellationToken ct)
    {
        quarantined.Add(entry);
        if (quarantined.Count >= batchSize) await Flush(ct);
    }

    /// <summary>Commits what is pending. Call at the end of the input; disposing without it rolls the open batch back.</summary>
    public async Task Flush(CancellationToken ct)
    {
        if (transaction is null && quarantined.Count == 0) return;
        if (transaction is null) await BeginBatch(ct);
        await WriteChunk(ct);
        await QuarantineStore.Add(connection, transaction, quarantined, runId, ct);
        var batch = written.Add(staged > 0 ? await MergeStaged(ct) : FeedWriteCounts.Zero)
            .Add(new FeedWriteCounts(0, 0, 0, 0, 0, quarantined.Count));
        await PausePoint.At("before-commit", batches);
        await transaction!.CommitAsync(ct);
        await transaction.DisposeAsync();
        transaction = null;

        Committed = Committed.Add(batch);
        items = staged = 0;
        written = FeedWriteCounts.Zero;
        stagedKeys.Clear();
        quarantined.Clear();
        BatchCommitted?.Invoke(Committed);
        await PausePoint.At("after-commit", batches);
    }

    /// <summary>The pending records: new keys straight into the tables, the others into staging.</summary>
    private async Task WriteChunk(CancellationToken ct)
    {
        if (pending.Count == 0) return;
        var seen = pending.CountBy(p => p.Key).ToDictionary();
        var claimCount = 0;
        foreach (var record in pending) claimCount += record.Claims.Count;
        var (existing, recordIds, claimIds) = await FreshRecords.Prepare(connection, seen.Keys, pending.Count, claimCount, ct);
        var fresh = new List<PendingRecord>(pending.Count);
        var toStage = new List<PendingRecord>();
        foreach (var record in pending)
        {
            var key = record.Key;
            // A key seen twice in a batch is merged as a whole, so the newest version (or the later line) wins.
            if (seen[key] > 1 || existing.Contains(key) || stagedKeys.Contains(key))
            {
                stagedKeys.Add(key);
                toStage.Add(record);
            }
            else
            {
                fresh.Add(record);
            }
        }
        pending.Clear();
        written = written.Add(await FreshRecords.Insert(connection, runId, ids, fresh, recordIds, claimIds, ct,
            PausePoint.Is("mid-copy", batches) ? () => PausePoint.At("mid-copy", batches) : null));
        if (toStage.Count == 0) return;
        await using var copy = await connection.BeginBinaryImportAsync(IngestStaging.CopySql, ct);
        foreach (var (record, claims) in toStage)
        {
            var item = staged++;
            if (claims.Count == 0) IngestStaging.Write(copy, item, null, record, null);
            foreach (var claim in claims) IngestStaging.Write(copy, item, null, record, claim);
        }
        await copy.CompleteAsync(ct);
    }

    /// <summary>The set-based merge of the staged records against what is stored.</summary>
    private async Task<FeedWriteCounts> MergeStaged(CancellationToken ct)
    {
        // Temporary tables have no statistics until analysed: without them the planner joins the batch by nested loops.
        await Execute("ANALYZE ingest_stage", ct);
        await Execute(PickSql, ct);
        await Execute("ANALYZE ingest_winner", ct);
        await Execute(ApplySql, ct);
        var claims = await Execute(InsertClaimsSql, ct);
        await using var command = new NpgsqlCommand(CountsSql, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var (inserted, replaced, retired) = (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
        return new FeedWriteCounts(inserted + replaced, replaced, retired, staged - inserted - replaced - retired, claims, 0);
    }

    private async Task BeginBatch(CancellationToken ct)
    {
        transaction = await connection.BeginTransactionAsync(ct);
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@Key)", connection, transaction);
        command.Parameters.AddWithValue("Key", BatchLockKey);
        await command.ExecuteNonQueryAsync(ct);
        batches++;
        await PausePoint.At("batch-open", batches);
    }

    private async Task<int> Execute(string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("RunId", runId);
        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Rolls back a batch not committed, then closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (transaction is not null) await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
