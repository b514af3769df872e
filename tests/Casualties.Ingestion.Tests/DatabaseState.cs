using Dapper;
using Npgsql;

namespace Casualties.Ingestion.Tests;

/// <summary>
/// What ingestion stored, independent of generated ids and run numbers: row counts and an md5 checksum over
/// every claim's content with its provenance by natural key (document hash, or dataset, record key and version), and
/// its parent claim by the same natural key.
/// </summary>
/// <remarks><see cref="LiveClaimsChecksum"/> covers only what readers see: claims of documents and of records not retired.</remarks>
public sealed record DatabaseState(
    long Documents, long Records, long RetiredRecords, long Claims, long OpenQuarantine, string ClaimsChecksum, string LiveClaimsChecksum)
{
    const string Sql = """
        WITH claim_lines AS (
            SELECT concat_ws('|', d.content_hash, f.dataset, f.record_key, f.version, f.retired_at, f.flags::text,
                       f.details::text, f.parent_key, f.event_key, c.ordinal, c.outcome, c.victims, c.victim_side,
                       c.qualifier, c.value, c.low, c.high, c.best, c.phrase, c.parent_ordinal, c.source_id, c.source_name,
                       c.perpetrator, c.perpetrator_side, c.place_id, c.place_name, c.latitude, c.longitude, c.start_date,
                       c.start_precision, c.end_date, c.end_precision, c.cumulative, c.reported, c.quote, c.span_start,
                       c.span_end, c.confidence, c.place_scope, pc.ordinal, pd.content_hash, pf.dataset, pf.record_key) AS line,
                   f.retired_at IS NOT NULL AS retired
            FROM claims c
            LEFT JOIN documents d ON d.id = c.document_id
            LEFT JOIN feed_records f ON f.id = c.record_id
            LEFT JOIN claims pc ON pc.id = c.parent_id
            LEFT JOIN documents pd ON pd.id = pc.document_id
            LEFT JOIN feed_records pf ON pf.id = pc.record_id)
        SELECT (SELECT count(*) FROM documents),
               (SELECT count(*) FROM feed_records),
               (SELECT count(*) FROM feed_records WHERE retired_at IS NOT NULL),
               (SELECT count(*) FROM claims),
               (SELECT count(*) FROM quarantine WHERE resolved_at IS NULL),
               coalesce((SELECT md5(string_agg(line, E'\n' ORDER BY line)) FROM claim_lines), ''),
               coalesce((SELECT md5(string_agg(line, E'\n' ORDER BY line)) FROM claim_lines WHERE NOT retired), '')
        """;

    public static async Task<DatabaseState> Of(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var row = await connection.QuerySingleAsync<(long, long, long, long, long, string, string)>(Sql);
        return new DatabaseState(row.Item1, row.Item2, row.Item3, row.Item4, row.Item5, row.Item6, row.Item7);
    }
}
