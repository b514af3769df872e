using Casualties.Domain.Model;
using Npgsql;

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


    /// <summary>
    /// In one round trip: which of the keys feed_records holds (as this transaction sees it), and ids reserved for
    /// <paramref name="records"/> records and <paramref name="claims"/> claims (those of records then staged are
    /// simply not used: a gap in the sequence).
    /// </summary>
    public static async Task<(HashSet<(string Dataset, string RecordKey)> Existing, long[] RecordIds, long[] ClaimIds)> Prepare(
        NpgsqlConnection connection, IReadOnlyCollection<(string Dataset, string RecordKey)> keys, int records, int claims, CancellationToken ct)
    {
        var found = new HashSet<(string, string)>();
        await using var batch = new NpgsqlBatch(connection);
        var existing = new NpgsqlBatchCommand(ExistingSql);
        existing.Parameters.AddWithValue("Datasets", keys.Select(k => k.Dataset).ToArray());
        existing.Parameters.AddWithValue("Keys", keys.Select(k => k.RecordKey).ToArray());
        batch.BatchCommands.Add(existing);
        foreach (var (sql, count) in new[] { (ReserveIdsSql, records), (ReserveClaimIdsSql, claims) })
        {
            var reserve = new NpgsqlBatchCommand(sql);
            reserve.Parameters.AddWithValue("Count", count);
            batch.BatchCommands.Add(reserve);
        }
        await using var reader = await batch.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) found.Add((reader.GetString(0), reader.GetString(1)));
        var ids = new long[2][];
        for (var i = 0; i < 2; i++)
        {
            await reader.NextResultAsync(ct);
            await reader.ReadAsync(ct);
            ids[i] = reader.IsDBNull(0) ? [] : reader.GetFieldValue<long[]>(0);
        }
        return (found, ids[0], ids[1]);
    }

    /// <summary>
    /// Inserts records none of whose keys is stored, with their claims, by raw binary COPY (Npgsql's importer binds a
    /// parameter per field, which cost the client more CPU than the reading); returns what it wrote.
    /// </summary>
    /// <remarks>
    /// <paramref name="midCopy"/>, when given, runs inside the records' COPY once half of them are sent (the kill test).
    /// <paramref name="recordIds"/> and <paramref name="claimIds"/> are reserved ids, at least one per record and claim.
    /// Claim ids are reserved too, so a claim's parent inside its own record (parent_ordinal) is written with it:
    /// link_claim_parents (0014, 0017) then has nothing to update, where it would rewrite every part's row.
    /// </remarks>
    public static async Task<FeedWriteCounts> Insert(NpgsqlConnection connection, long runId, ReferenceIds ids,
        IReadOnlyList<PendingRecord> records, long[] recordIds, long[] claimIds, CancellationToken ct, Func<Task>? midCopy = null)
    {
        if (records.Count == 0) return FeedWriteCounts.Zero;
        await ids.Know(connection, records.SelectMany(r => r.Claims), ct);
        await using (var copy = await BinaryCopyWriter.Begin(connection, RecordsCopySql, ct))
        {
            for (var i = 0; i < records.Count; i++)
            {
                var record = records[i].Record;
                copy.StartRow(13);
                copy.Write(recordIds[i]);
                copy.Write(runId);
                copy.Write(record.Dataset);
                copy.Write(record.RecordKey);
                copy.Write(record.Version);
                copy.Write(record.ContentHash);
                copy.Write(record.Origin);
                copy.Write(record.Line);
                copy.Write(record.EventKey);
                copy.Write(record.ParentKey);
                copy.WriteJsonb(record.DetailsJson);
                copy.Write(record.Flags);
                copy.Write(record.RetiredAt);
                await copy.EndRow(ct);
                if (midCopy is not null && i == records.Count / 2)
                {
                    // A test's pause point (PausePoint): the rows so far are sent, the COPY is open.
                    await copy.Send(ct);
                    await midCopy();
                }
            }
            await copy.Complete(ct);
        }
        var claims = 0;
        await using (var copy = await BinaryCopyWriter.Begin(connection, ClaimsCopySql, ct))
        {
            for (var i = 0; i < records.Count; i++)
            {
                WriteClaims(copy, recordIds[i], runId, ids, records[i].Claims, claimIds, ref claims);
                await copy.EndRow(ct);
            }
            await copy.Complete(ct);
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
        await ids.Know(connection, batch.Where((_, i) => stored[i] is not null).SelectMany(b => b.Claims), ct);
        var written = 0;
        await using var copy = await BinaryCopyWriter.Begin(connection, DocumentClaimsCopySql, ct);
        for (var i = 0; i < batch.Count; i++)
        {
            if (stored[i] is not { } document) continue;
            WriteClaims(copy, document.DocumentId, runId, ids, batch[i].Claims, claimIds, ref written);
            await copy.EndRow(ct);
        }
        await copy.Complete(ct);
    }

    /// <summary>One owner's (a record's or a document's) claims, taking their ids from <paramref name="claimIds"/> at <paramref name="next"/>.</summary>
    private static void WriteClaims(BinaryCopyWriter copy, long ownerId, long runId, ReferenceIds ids, IReadOnlyList<StagedClaim> own,
        long[] claimIds, ref int next)
    {
        var first = next;
        foreach (var claim in own)
        {
            var id = claimIds[next++];
            copy.StartRow(35);
            copy.Write(id);
            copy.Write(ParentOf(claim, own, claimIds, first, id));
            copy.Write(ownerId);
            copy.Write(runId);
            WriteClaim(copy, claim, ids);
        }
    }

    /// <summary>A claim's columns from ordinal to place_scope (<see cref="ClaimColumns"/>), source and place as their ids.</summary>
    private static void WriteClaim(BinaryCopyWriter copy, StagedClaim claim, ReferenceIds ids)
    {
        var (claimed, quantity) = (claim.Claim, claim.Claim.Quantity);
        copy.Write(claim.Ordinal);
        copy.Write(claimed.Outcome.ToName());
        copy.Write(claimed.Victims);
        copy.Write(claimed.VictimSide);
        copy.Write(quantity.Qualifier.ToName());
        copy.Write(quantity.Value);
        copy.Write(quantity.Low);
        copy.Write(quantity.High);
        copy.Write(claim.Best);
        copy.Write(quantity.Phrase);
        copy.Write(claimed.Parent);
        copy.Write(claimed.Source);
        copy.Write(ids.Source(claim.SourceCanonical));
        copy.Write(claimed.Perpetrator);
        copy.Write(claimed.PerpetratorSide);
        copy.Write(claimed.Place);
        copy.Write(ids.Place(claim.PlaceKey));
        copy.Write(ids.Place(claimed.PlaceParentKey));
        copy.Write(claim.Latitude);
        copy.Write(claim.Longitude);
        copy.Write(claimed.Period.Start?.Date);
        copy.Write(claimed.Period.Start is { } start ? IngestStaging.PrecisionName(start.Precision) : null);
        copy.Write(claimed.Period.End?.Date);
        copy.Write(claimed.Period.End is { } end ? IngestStaging.PrecisionName(end.Precision) : null);
        copy.Write(claimed.Cumulative);
        copy.Write(claim.Reported);
        copy.Write(claimed.Quote);
        copy.Write(claimed.Span?.Start);
        copy.Write(claimed.Span?.End);
        copy.Write((float)claimed.Confidence);
        copy.Write(claimed.PlaceScope?.ToName());
    }

    /// <summary>
    /// The id of the claim of the same record whose ordinal is <paramref name="claim"/>'s parent_ordinal (the first
    /// such, as link_claim_parents finds it), never the claim itself; null when there is none.
    /// </summary>
    private static long? ParentOf(StagedClaim claim, IReadOnlyList<StagedClaim> own, long[] claimIds, int first, long id)
    {
        if (claim.Claim.Parent is not { } parent) return null;
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
