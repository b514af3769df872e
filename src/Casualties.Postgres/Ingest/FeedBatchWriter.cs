using Npgsql;

namespace Casualties.Postgres.Ingest;

/// <summary>
/// Streams the records of one feed file into PostgreSQL in batches: each batch is one transaction that
/// binary-COPYs its rows into the staging table, then merges them set-based into feed_records and claims
/// (db/ingest/pick_records.sql, apply_records.sql, insert_claims.sql), together with
/// the batch's quarantine entries. A crash loses at most the open batch, never part of a record.
/// </summary>
/// <remarks>Memory holds one batch's quarantine entries at most; rows go to the server as they come.</remarks>
public sealed class FeedBatchWriter : IAsyncDisposable
{
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
    private readonly List<QuarantineEntry> quarantined = [];
    private NpgsqlTransaction? transaction;
    private NpgsqlBinaryImporter? copy;
    private int items;

    private FeedBatchWriter(NpgsqlConnection connection, long runId, int batchSize)
    {
        this.connection = connection;
        this.runId = runId;
        this.batchSize = batchSize;
    }

    /// <summary>Totals of the batches committed so far.</summary>
    public FeedWriteCounts Committed { get; private set; } = FeedWriteCounts.Zero;

    /// <summary>Called after each committed batch with the totals so far.</summary>
    public Action<FeedWriteCounts>? BatchCommitted { get; init; }

    public static async Task<FeedBatchWriter> Open(NpgsqlDataSource dataSource, long runId, int batchSize, CancellationToken ct,
        Action<FeedWriteCounts>? batchCommitted = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
            await IngestStaging.Create(connection, ct);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        return new FeedBatchWriter(connection, runId, batchSize) { BatchCommitted = batchCommitted };
    }

    /// <summary>Adds a record with its claims (none for a deletion); commits the batch when it is full.</summary>
    public async ValueTask Add(FeedRecord record, IReadOnlyList<StagedClaim> claims, CancellationToken ct)
    {
        var importer = copy ?? await BeginBatch(ct);
        var item = items++;
        if (claims.Count == 0) IngestStaging.Write(importer, item, null, record, null);
        foreach (var claim in claims) IngestStaging.Write(importer, item, null, record, claim);
        if (items >= batchSize) await Flush(ct);
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
        if (copy is null && quarantined.Count == 0) return;
        if (copy is null) await BeginBatch(ct);
        await copy!.CompleteAsync(ct);
        await copy.DisposeAsync();
        copy = null;

        await QuarantineStore.Add(connection, transaction, quarantined, runId, ct);
        // Temporary tables have no statistics until analysed: without them the planner joins the batch by nested loops.
        await Execute("ANALYZE ingest_stage", ct);
        await Execute(PickSql, ct);
        await Execute("ANALYZE ingest_winner", ct);
        await Execute(ApplySql, ct);
        var claims = await Execute(InsertClaimsSql, ct);
        int inserted, replaced, retired;
        await using (var command = new NpgsqlCommand(CountsSql, connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            (inserted, replaced, retired) = (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
        }
        await transaction!.CommitAsync(ct);
        await transaction.DisposeAsync();
        transaction = null;

        var batch = new FeedWriteCounts(inserted + replaced, replaced, retired, items - inserted - replaced - retired, claims, quarantined.Count);
        Committed = Committed.Add(batch);
        items = 0;
        quarantined.Clear();
        BatchCommitted?.Invoke(Committed);
    }

    private async Task<NpgsqlBinaryImporter> BeginBatch(CancellationToken ct)
    {
        transaction = await connection.BeginTransactionAsync(ct);
        copy = await connection.BeginBinaryImportAsync(IngestStaging.CopySql, ct);
        return copy;
    }

    private async Task<int> Execute(string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("RunId", runId);
        return await command.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (copy is not null)
        {
            try { await copy.DisposeAsync(); }
            catch (NpgsqlException) { }
            catch (InvalidOperationException) { }
        }
        if (transaction is not null) await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
