using Npgsql;
using NpgsqlTypes;

namespace Casualties.Postgres.Ingest;

/// <summary>
/// Stores documents in batches (issue 18): a few hundred documents, their claims and the batch's quarantine entries
/// in one transaction, with one COPY of the documents (into a session staging table, inserted with
/// <c>ON CONFLICT (content_hash) DO NOTHING</c> so a stored text is a duplicate) and one COPY of their claims, ids
/// reserved beforehand so a claim's parent inside its document is written with it. A batch the database refuses
/// (a check or reference violation of one document) is rolled back whole; the caller then stores its documents
/// one at a time (<see cref="DocumentStore"/>), so only the bad one is quarantined.
/// </summary>
public sealed class DocumentBatchWriter : IAsyncDisposable
{
    const string StageSql = """
        CREATE TEMP TABLE IF NOT EXISTS ingest_documents (
            item integer NOT NULL, content_hash text NOT NULL, origin text NOT NULL, name text NOT NULL, format text NOT NULL,
            carrier text, title text, published date NOT NULL, body text NOT NULL) ON COMMIT DELETE ROWS
        """;

    const string CopyDocumentsSql = """
        COPY ingest_documents (item, content_hash, origin, name, format, carrier, title, published, body) FROM STDIN (FORMAT BINARY)
        """;

    // In the order read; the first of two equal texts in a batch is the one stored.
    const string InsertDocumentsSql = """
        INSERT INTO documents (content_hash, origin, name, format, carrier, title, published, body, ingest_run_id)
        SELECT content_hash, origin, name, format, carrier, title, published, body, @RunId
        FROM (SELECT DISTINCT ON (content_hash) * FROM ingest_documents ORDER BY content_hash, item) first_of_each
        ORDER BY item
        ON CONFLICT (content_hash) DO NOTHING
        RETURNING content_hash, id
        """;

    private readonly NpgsqlConnection connection;
    private readonly ReferenceIds ids;
    private readonly long runId;
    private int batches;

    private DocumentBatchWriter(NpgsqlConnection connection, ReferenceIds ids, long runId)
    {
        this.connection = connection;
        this.ids = ids;
        this.runId = runId;
    }

    public static async Task<DocumentBatchWriter> Open(NpgsqlDataSource dataSource, long runId, CancellationToken ct)
    {
        var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
            await using (var command = new NpgsqlCommand(StageSql, connection)) await command.ExecuteNonQueryAsync(ct);
            return new DocumentBatchWriter(connection, await ReferenceIds.Read(connection, ct), runId);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Stores the documents with their claims and adds the quarantine entries, in one transaction. Returns, per
    /// document in order, its id and claim count, or null for a duplicate (its text is stored already, or earlier in
    /// the batch). Throws <see cref="PostgresException"/> (nothing stored) when the database refuses any row.
    /// </summary>
    public async Task<IReadOnlyList<(long DocumentId, int Claims)?>> Write(IReadOnlyList<(StoredDocument Document, IReadOnlyList<StagedClaim> Claims)> batch,
        IReadOnlyList<QuarantineEntry> quarantined, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        batches++;
        await PausePoint.At("documents-open", batches);
        var results = new (long DocumentId, int Claims)?[batch.Count];
        if (batch.Count > 0)
        {
            await using (var copy = await connection.BeginBinaryImportAsync(CopyDocumentsSql, ct))
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    var document = batch[i].Document;
                    copy.StartRow();
                    copy.Write(i, NpgsqlDbType.Integer);
                    copy.Write(document.ContentHash, NpgsqlDbType.Text);
                    copy.Write(document.Origin, NpgsqlDbType.Text);
                    copy.Write(document.Name, NpgsqlDbType.Text);
                    copy.Write(document.Format, NpgsqlDbType.Text);
                    IngestStaging.Text(copy, document.Carrier);
                    IngestStaging.Text(copy, document.Title);
                    copy.Write(document.Published, NpgsqlDbType.Date);
                    copy.Write(document.Body, NpgsqlDbType.Text);
                }
                await copy.CompleteAsync(ct);
            }
            var stored = new Dictionary<string, long>(StringComparer.Ordinal);
            await using (var insert = new NpgsqlCommand(InsertDocumentsSql, connection, transaction))
            {
                insert.Parameters.AddWithValue("RunId", runId);
                await using var reader = await insert.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) stored[reader.GetString(0)] = reader.GetInt64(1);
            }
            var claimCount = 0;
            for (var i = 0; i < batch.Count; i++)
            {
                // Only the first document of a stored text takes the id; a later equal one is a duplicate.
                if (!stored.Remove(batch[i].Document.ContentHash, out var id)) continue;
                results[i] = (id, batch[i].Claims.Count);
                claimCount += batch[i].Claims.Count;
            }
            if (claimCount > 0) await FreshRecords.CopyDocumentClaims(connection, runId, ids, batch, results, claimCount, ct);
        }
        await QuarantineStore.Add(connection, transaction, quarantined, runId, ct);
        await PausePoint.At("documents-before-commit", batches);
        await transaction.CommitAsync(ct);
        await PausePoint.At("documents-after-commit", batches);
        return results;
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
