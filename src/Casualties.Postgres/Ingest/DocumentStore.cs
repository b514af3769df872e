using Npgsql;

namespace Casualties.Postgres.Ingest;

/// <summary>
/// Stores a document and its claims in one transaction. A document whose content hash is already stored
/// is a duplicate: nothing changes.
/// </summary>
public sealed class DocumentStore(NpgsqlDataSource dataSource)
{
    private static readonly string InsertClaimsSql = SqlScripts.Load("ingest/insert_claims.sql");

    const string InsertDocumentSql = """
        INSERT INTO documents (content_hash, origin, name, format, carrier, title, published, body, ingest_run_id)
        VALUES (@ContentHash, @Origin, @Name, @Format, @Carrier, @Title, @Published, @Body, @RunId)
        ON CONFLICT (content_hash) DO NOTHING
        RETURNING id
        """;

    /// <summary>Returns the new document's id and claim count, or null when it was a duplicate.</summary>
    public async Task<(long DocumentId, int Claims)?> Store(StoredDocument document, IReadOnlyList<StagedClaim> claims, long runId,
        CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await IngestStaging.Create(connection, ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        long documentId;
        await using (var insert = new NpgsqlCommand(InsertDocumentSql, connection, transaction))
        {
            insert.Parameters.AddWithValue("ContentHash", document.ContentHash);
            insert.Parameters.AddWithValue("Origin", document.Origin);
            insert.Parameters.AddWithValue("Name", document.Name);
            insert.Parameters.AddWithValue("Format", document.Format);
            insert.Parameters.AddWithValue("Carrier", (object?)document.Carrier ?? DBNull.Value);
            insert.Parameters.AddWithValue("Title", (object?)document.Title ?? DBNull.Value);
            insert.Parameters.AddWithValue("Published", document.Published);
            insert.Parameters.AddWithValue("Body", document.Body);
            insert.Parameters.AddWithValue("RunId", runId);
            if (await insert.ExecuteScalarAsync(ct) is not long id) return null;
            documentId = id;
        }
        var stored = 0;
        if (claims.Count > 0)
        {
            await using (var copy = await connection.BeginBinaryImportAsync(IngestStaging.CopySql, ct))
            {
                foreach (var claim in claims) IngestStaging.Write(copy, 0, documentId, null, claim);
                await copy.CompleteAsync(ct);
            }
            await using var command = new NpgsqlCommand(InsertClaimsSql, connection, transaction);
            command.Parameters.AddWithValue("RunId", runId);
            stored = await command.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return (documentId, stored);
    }
}
