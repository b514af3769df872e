using Npgsql;

namespace Casualties.Postgres.Ingest;

/// <summary>
/// Stores documents in batches (issue 18): a few hundred documents, their claims and the batch's quarantine entries
/// in one transaction. One round trip finds which of the batch's texts are stored (by content hash) and reserves
/// document ids; the new documents then go by one binary COPY straight into documents, and their claims by another,
/// claim ids reserved so a claim's parent inside its document is written with it. The first of two equal texts in a
/// batch is the one stored, a stored text is a duplicate, and the ids are those an
/// <c>INSERT ... ON CONFLICT (content_hash) DO NOTHING</c> of the batch's distinct texts in order would give. A batch
/// the database refuses (a check or reference violation of one document, or a text another writer stored meanwhile)
/// is rolled back whole; the caller then stores its documents one at a time (<see cref="DocumentStore"/>), so only
/// the bad one is quarantined.
/// </summary>
public sealed class DocumentBatchWriter : IAsyncDisposable
{
    // One probe of the unique index per hash; ids for every distinct text of the batch, in order, as the INSERT's
    // default would draw them (a stored text's id is drawn and left unused there too).
    const string ProbeSql = "SELECT content_hash FROM documents WHERE content_hash = ANY (@Hashes)";
    const string ReserveIdsSql = "SELECT array_agg(nextval('documents_id_seq')) FROM generate_series(1, @Count)";

    const string CopyDocumentsSql = """
        COPY documents (id, content_hash, origin, name, format, carrier, title, published, body, ingest_run_id) FROM STDIN (FORMAT BINARY)
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

    /// <summary>A writer on a connection of its own, its staging table made, for ingest run <paramref name="runId"/>.</summary>
    public static async Task<DocumentBatchWriter> Open(NpgsqlDataSource dataSource, long runId, CancellationToken ct)
    {
        var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
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
            // The first document of each text, in order; a later equal one is a duplicate.
            var distinct = new List<int>(batch.Count);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < batch.Count; i++)
            {
                if (seen.Add(batch[i].Document.ContentHash)) distinct.Add(i);
            }
            var (stored, documentIds) = await Probe(distinct.Select(i => batch[i].Document.ContentHash).ToArray(), ct);
            var claimCount = 0;
            await using (var copy = await BinaryCopyWriter.Begin(connection, CopyDocumentsSql, ct))
            {
                for (var k = 0; k < distinct.Count; k++)
                {
                    var (document, claims) = batch[distinct[k]];
                    if (stored.Contains(document.ContentHash)) continue;
                    copy.StartRow(10);
                    copy.Write(documentIds[k]);
                    copy.Write(document.ContentHash);
                    copy.Write(document.Origin);
                    copy.Write(document.Name);
                    copy.Write(document.Format);
                    copy.Write(document.Carrier);
                    copy.Write(document.Title);
                    copy.Write(document.Published);
                    copy.Write(document.Body);
                    copy.Write(runId);
                    await copy.EndRow(ct);
                    results[distinct[k]] = (documentIds[k], claims.Count);
                    claimCount += claims.Count;
                }
                await copy.Complete(ct);
            }
            if (claimCount > 0) await FreshRecords.CopyDocumentClaims(connection, runId, ids, batch, results, claimCount, ct);
        }
        await QuarantineStore.Add(connection, transaction, quarantined, runId, ct);
        await PausePoint.At("documents-before-commit", batches);
        await transaction.CommitAsync(ct);
        await PausePoint.At("documents-after-commit", batches);
        return results;
    }

    /// <summary>In one round trip: which of <paramref name="hashes"/> are stored, and an id reserved for each, in order.</summary>
    private async Task<(HashSet<string> Stored, long[] Ids)> Probe(string[] hashes, CancellationToken ct)
    {
        var stored = new HashSet<string>(StringComparer.Ordinal);
        await using var probe = new NpgsqlBatch(connection);
        var existing = new NpgsqlBatchCommand(ProbeSql);
        existing.Parameters.AddWithValue("Hashes", hashes);
        probe.BatchCommands.Add(existing);
        var reserve = new NpgsqlBatchCommand(ReserveIdsSql);
        reserve.Parameters.AddWithValue("Count", hashes.Length);
        probe.BatchCommands.Add(reserve);
        await using var reader = await probe.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) stored.Add(reader.GetString(0));
        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        return (stored, reader.GetFieldValue<long[]>(0));
    }

    /// <summary>Closes the writer's connection.</summary>
    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
