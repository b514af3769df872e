using Npgsql;
using NpgsqlTypes;

namespace Casualties.Postgres.Ingest;

/// <summary>
/// The fast path of feed ingestion: records whose key is not stored yet go straight into feed_records and claims
/// by binary COPY, with record ids reserved from the table's sequence beforehand. Only records with a stored key
/// (a new version, a deletion, a duplicate) need the staging merge.
/// </summary>
internal static class FreshRecords
{
    // One index probe per key: a plain join or EXISTS lets the planner (which guesses 10 rows for unnest) scan
    // the whole unique index instead, which grows with the table.
    const string ExistingSql = """
        SELECT k.dataset, k.record_key
        FROM unnest(@Datasets, @Keys) AS k (dataset, record_key)
        CROSS JOIN LATERAL (SELECT FROM feed_records f
                            WHERE f.dataset = k.dataset AND f.record_key = k.record_key LIMIT 1) AS stored
        """;

    // The identity column's sequence; nextval with a constant name is ten times cheaper than through pg_get_serial_sequence.
    const string ReserveIdsSql = "SELECT array_agg(nextval('feed_records_id_seq')) FROM generate_series(1, @Count)";
    const string ReserveClaimIdsSql = "SELECT array_agg(nextval('claims_id_seq')) FROM generate_series(1, @Count)";

    const string RecordsCopySql = """
        COPY feed_records (id, ingest_run_id, dataset, record_key, version, content_hash, origin, line, event_key,
            parent_key, details, flags, retired_at) FROM STDIN (FORMAT BINARY)
        """;

    // The claim columns IngestStaging.WriteClaim writes, in its order.
    const string ClaimColumns = """
        ordinal, outcome, victims, victim_side, qualifier, value, low, high, best, phrase, parent_ordinal, source_name,
        source_id, perpetrator, perpetrator_side, place_name, place_id, place_parent_id, latitude, longitude, start_date,
        start_precision, end_date, end_precision, cumulative, reported, quote, span_start, span_end, confidence, place_scope
        """;

    const string ClaimsCopySql = $"COPY claims (id, parent_id, record_id, ingest_run_id, {ClaimColumns}) FROM STDIN (FORMAT BINARY)";

    const string DocumentClaimsCopySql = $"COPY claims (id, parent_id, document_id, ingest_run_id, {ClaimColumns}) FROM STDIN (FORMAT BINARY)";


    /// <summary>Which of the keys feed_records holds (as this transaction sees it).</summary>
    public static async Task<HashSet<(string Dataset, string RecordKey)>> Existing(NpgsqlConnection connection,
        IReadOnlyCollection<(string Dataset, string RecordKey)> keys, CancellationToken ct)
    {
        var found = new HashSet<(string, string)>();
        await using var command = new NpgsqlCommand(ExistingSql, connection);
        command.Parameters.AddWithValue("Datasets", keys.Select(k => k.Dataset).ToArray());
        command.Parameters.AddWithValue("Keys", keys.Select(k => k.RecordKey).ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) found.Add((reader.GetString(0), reader.GetString(1)));
        return found;
    }

    /// <summary>Inserts records none of whose keys is stored, with their claims; returns what it wrote.</summary>
    public static async Task<FeedWriteCounts> Insert(NpgsqlConnection connection, long runId, ReferenceIds ids,
        IReadOnlyList<PendingRecord> records, CancellationToken ct)
    {
        if (records.Count == 0) return FeedWriteCounts.Zero;
        var recordIds = await ReserveIds(connection, ReserveIdsSql, records.Count, ct);
        await using (var copy = await connection.BeginBinaryImportAsync(RecordsCopySql, ct))
        {
            for (var i = 0; i < records.Count; i++)
            {
                var record = records[i].Record;
                copy.StartRow();
                copy.Write(recordIds[i], NpgsqlDbType.Bigint);
                copy.Write(runId, NpgsqlDbType.Bigint);
                copy.Write(record.Dataset, NpgsqlDbType.Text);
                copy.Write(record.RecordKey, NpgsqlDbType.Text);
                copy.Write(record.Version, NpgsqlDbType.Text);
                copy.Write(record.ContentHash, NpgsqlDbType.Text);
                copy.Write(record.Origin, NpgsqlDbType.Text);
                IngestStaging.Nullable(copy, record.Line, NpgsqlDbType.Integer);
                IngestStaging.Text(copy, record.EventKey);
                IngestStaging.Text(copy, record.ParentKey);
                if (record.DetailsJson is { } details) copy.Write(details, NpgsqlDbType.Jsonb); else copy.WriteNull();
                copy.Write(record.Flags as string[] ?? record.Flags.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                IngestStaging.Nullable(copy, record.RetiredAt?.UtcDateTime, NpgsqlDbType.TimestampTz);
            }
            await copy.CompleteAsync(ct);
        }
        // Claim ids are reserved too, so a claim's parent inside its own record (parent_ordinal) is written with it:
        // link_claim_parents (0014, 0017) then has nothing to update, where it would rewrite every part's row.
        var claimCount = 0;
        foreach (var record in records) claimCount += record.Claims.Count;
        var claimIds = claimCount == 0 ? [] : await ReserveIds(connection, ReserveClaimIdsSql, claimCount, ct);
        var claims = 0;
        await using (var copy = await connection.BeginBinaryImportAsync(ClaimsCopySql, ct))
        {
            for (var i = 0; i < records.Count; i++) WriteClaims(copy, recordIds[i], runId, ids, records[i].Claims, claimIds, ref claims);
            await copy.CompleteAsync(ct);
        }
        var retired = records.Count(r => r.Record.RetiredAt is not null);
        return new FeedWriteCounts(records.Count - retired, Replaced: 0, retired, Duplicates: 0, claims, Quarantined: 0);
    }

    /// <summary>The claims of the documents stored (a result with an id), with ids reserved and parents inside each document set.</summary>
    public static async Task CopyDocumentClaims(NpgsqlConnection connection, long runId, ReferenceIds ids,
        IReadOnlyList<(StoredDocument Document, IReadOnlyList<StagedClaim> Claims)> batch, (long DocumentId, int Claims)?[] stored,
        int claimCount, CancellationToken ct)
    {
        var claimIds = await ReserveIds(connection, ReserveClaimIdsSql, claimCount, ct);
        var written = 0;
        await using var copy = await connection.BeginBinaryImportAsync(DocumentClaimsCopySql, ct);
        for (var i = 0; i < batch.Count; i++)
        {
            if (stored[i] is { } document) WriteClaims(copy, document.DocumentId, runId, ids, batch[i].Claims, claimIds, ref written);
        }
        await copy.CompleteAsync(ct);
    }

    /// <summary>One owner's (a record's or a document's) claims, taking their ids from <paramref name="claimIds"/> at <paramref name="next"/>.</summary>
    private static void WriteClaims(NpgsqlBinaryImporter copy, long ownerId, long runId, ReferenceIds ids, IReadOnlyList<StagedClaim> own,
        long[] claimIds, ref int next)
    {
        var first = next;
        foreach (var claim in own)
        {
            var id = claimIds[next++];
            copy.StartRow();
            copy.Write(id, NpgsqlDbType.Bigint);
            IngestStaging.Nullable(copy, ParentOf(claim, own, claimIds, first, id), NpgsqlDbType.Bigint);
            copy.Write(ownerId, NpgsqlDbType.Bigint);
            copy.Write(runId, NpgsqlDbType.Bigint);
            IngestStaging.WriteClaim(copy, claim, ids);
        }
    }

    /// <summary>
    /// The id of the claim of the same record whose ordinal is <paramref name="claim"/>'s parent_ordinal (the first
    /// such, as link_claim_parents finds it), never the claim itself; null when there is none.
    /// </summary>
    private static long? ParentOf(StagedClaim claim, IReadOnlyList<StagedClaim> own, long[] claimIds, int first, long id)
    {
        if (claim.ParentOrdinal is not { } parent) return null;
        for (var j = 0; j < own.Count; j++)
        {
            if (own[j].Ordinal == parent) return claimIds[first + j] == id ? null : claimIds[first + j];
        }
        return null;
    }

    private static async Task<long[]> ReserveIds(NpgsqlConnection connection, string sql, int count, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("Count", count);
        return (long[])(await command.ExecuteScalarAsync(ct))!;
    }
}

/// <summary>A record with its claims, held until its chunk is written.</summary>
internal readonly record struct PendingRecord(FeedRecord Record, IReadOnlyList<StagedClaim> Claims)
{
    public (string Dataset, string RecordKey) Key => (Record.Dataset, Record.RecordKey);
}
