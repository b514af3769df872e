using System.Runtime.CompilerServices;
using Casualties.Reports.Model;
using Npgsql;
using NpgsqlTypes;

namespace Casualties.Reports.Loading;

/// <summary>
/// What changed since an earlier run, from the functions of migration 0013 (incident_changes, flag_changes,
/// total_changes, incident_versions), restricted by the report's place, side and outcome filters. Incidents stream
/// in batches: a batch of changes, then their versions before and after.
/// </summary>
public sealed partial class ReportDataLoader
{
    private const int VersionBatch = 256;

    const string IncidentChangeFilter = """
        (@PlaceKeys::text[] IS NULL OR c.place_key = ANY(@PlaceKeys::text[]))
        AND (@Side::text IS NULL OR c.perpetrator_side = @Side::text)
        AND (@Outcome::text IS NULL OR c.outcome = @Outcome::text)
        """;

    const string FlagChangeFilter = """
        (@PlaceKeys::text[] IS NULL OR c.place_key = ANY(@PlaceKeys::text[]))
        AND (@Outcome::text IS NULL OR c.outcome = @Outcome::text)
        """;

    const string TotalChangeFilter = """
        (@PlaceKeys::text[] IS NULL OR c.place_key = ANY(@PlaceKeys::text[]))
        AND (@Side::text IS NULL OR c.perpetrator_side = @Side::text)
        AND (@Outcome::text IS NULL OR c.outcome = @Outcome::text)
        AND (@From::date IS NULL OR c.period_start >= @From::date)
        AND (@To::date IS NULL OR c.period_end <= @To::date)
        """;

    private async Task<ReportChanges> LoadChanges(Scope scope, long fromRun, long toRun, CancellationToken ct)
    {
        var countsSql = $"""
            SELECT (SELECT count(*) FILTER (WHERE status = 'new') FROM incident_changes(@FromRun, @ToRun) c WHERE {IncidentChangeFilter})::int AS new_incidents,
                   (SELECT count(*) FILTER (WHERE status = 'changed') FROM incident_changes(@FromRun, @ToRun) c WHERE {IncidentChangeFilter})::int AS changed_incidents,
                   (SELECT count(*) FILTER (WHERE status = 'gone') FROM incident_changes(@FromRun, @ToRun) c WHERE {IncidentChangeFilter})::int AS gone_incidents,
                   f.raised AS raised_flags, f.cleared AS cleared_flags, t.new AS new_totals, t.changed AS changed_totals, t.gone AS gone_totals
            FROM (SELECT count(*) FILTER (WHERE status = 'raised')::int AS raised, count(*) FILTER (WHERE status = 'cleared')::int AS cleared
                  FROM flag_changes(@FromRun, @ToRun) c WHERE {FlagChangeFilter}) f,
                 (SELECT count(*) FILTER (WHERE status = 'new')::int AS new, count(*) FILTER (WHERE status = 'changed')::int AS changed,
                         count(*) FILTER (WHERE status = 'gone')::int AS gone
                  FROM total_changes(@FromRun, @ToRun) c WHERE {TotalChangeFilter}) t
            """;
        await using var cmd = ChangesCommand(countsSql, scope, fromRun, toRun);
        var counts = await Single<ChangeCounts>(cmd, ct);
        return new ReportChanges(fromRun, toRun, counts,
            StreamIncidentChanges(scope, fromRun, toRun), StreamFlagChanges(scope, fromRun, toRun), StreamTotalChanges(scope, fromRun, toRun));
    }

    private NpgsqlCommand ChangesCommand(string sql, Scope scope, long fromRun, long toRun, NpgsqlConnection? connection = null)
    {
        var cmd = Command(sql, scope, connection);
        cmd.Parameters.AddWithValue("FromRun", NpgsqlDbType.Bigint, fromRun);
        cmd.Parameters.AddWithValue("ToRun", NpgsqlDbType.Bigint, toRun);
        return cmd;
    }

    /// <summary>New incidents first, then changed, then gone; each by its id.</summary>
    private async IAsyncEnumerable<IncidentChange> StreamIncidentChanges(Scope scope, long fromRun, long toRun,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        var sql = $"""
            SELECT c.incident_key, c.status, c.before_id, c.after_id FROM incident_changes(@FromRun, @ToRun) c
            WHERE {IncidentChangeFilter}
            ORDER BY CASE c.status WHEN 'new' THEN 0 WHEN 'changed' THEN 1 ELSE 2 END, coalesce(c.after_id, c.before_id)
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = ChangesCommand(sql, scope, fromRun, toRun, conn);
        await using var rows = Rows<IncidentChangeRow>(cmd, ct).GetAsyncEnumerator(ct);
        var batch = new List<IncidentChangeRow>(VersionBatch);
        while (true)
        {
            var more = await rows.MoveNextAsync();
            if (more) batch.Add(rows.Current);
            if (batch.Count == VersionBatch || (!more && batch.Count > 0))
            {
                var before = await Versions(batch.Where(c => c.BeforeId is not null).Select(c => c.BeforeId!.Value).ToArray(), fromRun, ct);
                var after = await Versions(batch.Where(c => c.AfterId is not null).Select(c => c.AfterId!.Value).ToArray(), toRun, ct);
                foreach (var c in batch)
                {
                    yield return new IncidentChange(c.IncidentKey, c.Status,
                        c.BeforeId is { } b ? before[b] : null, c.AfterId is { } a ? after[a] : null);
                }
                batch.Clear();
            }
            if (!more) break;
        }
    }

    /// <summary>Incident versions by id (any run's), with what they contained and their flags as of <paramref name="asOf"/>.</summary>
    private async Task<Dictionary<long, ReportIncident>> Versions(long[] ids, long asOf, CancellationToken ct)
    {
        var versions = new Dictionary<long, ReportIncident>();
        if (ids.Length == 0) return versions;
        await using var cmd = dataSource.CreateCommand("SELECT * FROM incident_versions(@Ids, @AsOf)");
        cmd.Parameters.Add(new NpgsqlParameter("Ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = ids });
        cmd.Parameters.AddWithValue("AsOf", NpgsqlDbType.Bigint, asOf);
        await foreach (var incident in ReadIncidents(cmd, ct)) versions[incident.Id] = incident;
        return versions;
    }

    /// <summary>Raised flags first, then cleared; each by severity (high first), kind and id.</summary>
    private async IAsyncEnumerable<FlagChange> StreamFlagChanges(Scope scope, long fromRun, long toRun,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        var sql = $"""
            SELECT c.status, c.flag_id, c.kind, c.severity, c.incident_id, p.name, c.claim_ids, c.sources, c.explanation, p.country
            FROM flag_changes(@FromRun, @ToRun) c
            LEFT JOIN v_places p ON p.place_key = c.place_key
            WHERE {FlagChangeFilter}
            ORDER BY c.status DESC, CASE c.severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, c.kind, c.flag_id
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = ChangesCommand(sql, scope, fromRun, toRun, conn);
        await foreach (var row in Rows<FlagChangeRow>(cmd, ct)) yield return row.ToChange();
    }

    /// <summary>Totals in the report's order of totals; new, moved and gone mixed in that order.</summary>
    private async IAsyncEnumerable<TotalChange> StreamTotalChanges(Scope scope, long fromRun, long toRun,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        var sql = $"""
            SELECT c.status, c.perpetrator_side, c.outcome, c.victims, c.victim_side, p.name, c.place_key, p.depth, c.period,
                   c.period_start, c.period_end,
                   c.before_low, c.before_best, c.before_high, c.before_method, c.before_incidents,
                   c.after_low, c.after_best, c.after_high, c.after_method, c.after_incidents
            FROM total_changes(@FromRun, @ToRun) c
            LEFT JOIN v_places p ON p.place_key = c.place_key
            WHERE {TotalChangeFilter}
            ORDER BY p.depth NULLS LAST, p.name, c.place_key,
                     array_position(ARRAY['killed', 'injured', 'missing', 'detained', 'displaced'], c.outcome), c.outcome,
                     c.perpetrator_side NULLS LAST, c.victims, c.victim_side NULLS FIRST,
                     CASE c.period WHEN 'all' THEN 0 WHEN 'year' THEN 1 ELSE 2 END, c.period_start NULLS FIRST
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = ChangesCommand(sql, scope, fromRun, toRun, conn);
        await foreach (var row in Rows<TotalChangeRow>(cmd, ct)) yield return row.ToChange();
    }
}
