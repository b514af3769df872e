using System.Runtime.CompilerServices;
using Casualties.Reports.Model;
using Npgsql;
using NpgsqlTypes;

namespace Casualties.Reports.Loading;

/// <summary>
/// Loads a <see cref="ReportData"/> from the reporting views only (so a casualties_reader login can run reports too).
/// Run, summary and totals are read at once; incidents and flags are streamed when enumerated.
/// </summary>
public sealed partial class ReportDataLoader(NpgsqlDataSource dataSource)
{
    /// <summary>The incidents a filter selects, as a CTE named chosen (parameters PlaceKeys, Side, Outcome, From, To).</summary>
    private const string ChosenIncidentsCte = """
        chosen AS (
            SELECT i.* FROM v_incidents i
            WHERE (@PlaceKeys::text[] IS NULL OR i.place_key = ANY(@PlaceKeys::text[]))
              AND (@Side::text IS NULL OR i.perpetrator_side = @Side::text)
              AND (@Outcome::text IS NULL OR i.outcome = @Outcome::text)
              AND (@From::date IS NULL OR coalesce(
                      CASE i.end_precision WHEN 'month' THEN (i.end_date + interval '1 month' - interval '1 day')::date
                                           WHEN 'year' THEN (i.end_date + interval '1 year' - interval '1 day')::date
                                           ELSE i.end_date END,
                      i.start_date) >= @From::date)
              AND (@To::date IS NULL OR i.start_date <= @To::date))
        """;

    const string PlaceScopeSql = """
        WITH RECURSIVE matched AS (
            SELECT place_key, name FROM v_places
            WHERE lower(name) = lower(@Place) OR lower(place_key) = lower(@Place)
               OR EXISTS (SELECT FROM unnest(aliases) alias WHERE lower(alias) = lower(@Place))),
        scope AS (
            SELECT place_key FROM matched
            UNION
            SELECT p.place_key FROM v_places p JOIN scope ON p.parent_key = scope.place_key)
        SELECT (SELECT array_agg(DISTINCT name ORDER BY name) FROM matched) AS names,
               (SELECT array_agg(place_key ORDER BY place_key) FROM scope) AS keys
        """;

    const string RunSql = """
        SELECT run_id, started_at, finished_at, mode, claims, incidents, flags
        FROM v_reconciliation_runs ORDER BY run_id DESC LIMIT 1
        """;

    const string TotalsSql = """
        SELECT t.perpetrator_side, t.outcome, t.victims, t.victim_side, t.place, t.place_key, p.depth AS place_depth, t.period,
               t.period_start, t.period_end, t.low, t.best, t.high, t.method, t.incident_count
        FROM v_side_totals t
        LEFT JOIN v_places p ON p.place_key = t.place_key
        WHERE (@PlaceKeys::text[] IS NULL OR t.place_key = ANY(@PlaceKeys::text[]))
          AND (@Side::text IS NULL OR t.perpetrator_side = @Side::text)
          AND (@Outcome::text IS NULL OR t.outcome = @Outcome::text)
          AND (@From::date IS NULL OR t.period_start >= @From::date)
          AND (@To::date IS NULL OR t.period_end <= @To::date)
        ORDER BY p.depth NULLS LAST, t.place, t.place_key,
                 array_position(ARRAY['killed', 'injured', 'missing', 'detained', 'displaced'], t.outcome), t.outcome,
                 t.perpetrator_side NULLS LAST,
                 array_position(ARRAY['people', 'civilians', 'combatants', 'children', 'women'], t.victims) NULLS LAST, t.victims,
                 t.victim_side NULLS FIRST, CASE t.period WHEN 'all' THEN 0 WHEN 'year' THEN 1 ELSE 2 END, t.period_start NULLS FIRST
        """;

    /// <summary>
    /// Flags of the chosen incidents, and flags without an incident (about places) when no place filter is given
    /// or their place is inside it.
    /// </summary>
    private const string ChosenFlagsCte = """
        chosen_flags AS (
            SELECT f.* FROM v_flags f
            WHERE f.incident_id IN (SELECT incident_id FROM chosen)
               OR (f.incident_id IS NULL
                   AND (@PlaceKeys::text[] IS NULL
                        OR f.place IN (SELECT name FROM v_places WHERE place_key = ANY(@PlaceKeys::text[])))))
        """;

    /// <summary>Everything, as HTML and Markdown showed it before selections (tests and callers that want it all).</summary>
    public Task<ReportData> Load(ReportFilter filter, CancellationToken ct = default) => Load(filter, ReportSelection.Everything, null, ct);

    /// <summary>
    /// The report of <paramref name="filter"/>; HTML and Markdown show what <paramref name="selection"/> asks for;
    /// with <paramref name="sinceRun"/>, also what changed since that run (0 = before the first run).
    /// </summary>
    public async Task<ReportData> Load(ReportFilter filter, ReportSelection selection, long? sinceRun, CancellationToken ct = default)
    {
        var (places, placeKeys) = filter.Place is null ? ([], null) : await PlaceScope(filter.Place, ct);
        var scope = new Scope(filter, placeKeys);
        var run = await LoadRun(ct);
        var summary = await LoadSummary(scope, ct);
        var totals = await LoadTotals(scope, ct);
        var selected = await LoadSelection(scope, selection, ct);
        var shownFlags = selection.All ? summary.Flags : summary.HighFlags + summary.MediumFlags;
        return new ReportData(filter, places, run, summary, totals, StreamIncidents(scope), StreamFlags(scope))
        {
            Sides = await LoadSideNames(ct),
            Selection = selection,
            SelectedIncidents = StreamIncidents(scope, selection.All ? null : selected.Reasons.Keys.Order().ToArray(), byCountry: true),
            SelectedFlags = StreamSelectedFlags(scope, selection.All),
            Countries = selected.Countries,
            Shown = selected.Reasons,
            FlagsLeftOut = summary.Flags - shownFlags,
            Changes = sinceRun is { } since ? await LoadChanges(scope, since, run?.RunId ?? 0, ct) : null,
        };
    }

    // A side's display name: an actor's name or alias equal to the key but for case, capitals first ("ISIS" before "Isis").
    private const string SideNamesSql = """
        SELECT DISTINCT ON (a.side) a.side, n.name
        FROM actors a CROSS JOIN LATERAL unnest(a.aliases || a.name) AS n (name)
        WHERE lower(n.name) = lower(a.side)
        ORDER BY a.side, n.name COLLATE "C"
        """;

    private async Task<SideNames> LoadSideNames(CancellationToken ct)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var cmd = dataSource.CreateCommand(SideNamesSql);
        await foreach (var row in Rows<SideNameRow>(cmd, ct)) names[row.Side] = row.Name;
        return new SideNames(names);
    }

    /// <summary>The filter with the place resolved to the keys of the place and everything inside it.</summary>
    private sealed record Scope(ReportFilter Filter, string[]? PlaceKeys);

    private async Task<(IReadOnlyList<string> Names, string[] Keys)> PlaceScope(string place, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand(PlaceScopeSql);
        cmd.Parameters.AddWithValue("Place", NpgsqlDbType.Text, place.Trim());
        var scope = await Single<PlaceScopeRow>(cmd, ct);
        if (scope.PlaceNames.Length == 0) throw new PlaceNotFoundException(place);
        return (scope.PlaceNames, scope.PlaceKeys);
    }

    private async Task<ReportRun?> LoadRun(CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand(RunSql);
        return (await Rows<RunRow>(cmd, ct).SingleOrDefaultAsync(ct))?.ToRun();
    }

    /// <remarks>The sources and claims of the chosen incidents are counted in one pass over their members (a million
    /// rows at a million claims); sources compared byte for byte, which for distinct names counts the same as the
    /// database's collation and sorts several times faster.</remarks>
    private async Task<ReportSummary> LoadSummary(Scope scope, CancellationToken ct)
    {
        const string SummarySql = """
            SELECT (SELECT count(*) FROM chosen)::int AS incidents,
                   (SELECT count(*) FROM chosen WHERE kind = 'event')::int AS events,
                   (SELECT count(*) FROM chosen WHERE kind = 'tally')::int AS tallies,
                   (SELECT count(*) FROM chosen WHERE NOT has_consensus)::int AS without_consensus,
                   members.sources::int AS sources,
                   members.claims::int AS claims,
                   (SELECT count(*) FROM chosen_flags WHERE severity = 'high')::int AS high_flags,
                   (SELECT count(*) FROM chosen_flags WHERE severity = 'medium')::int AS medium_flags,
                   (SELECT count(*) FROM chosen_flags WHERE severity = 'low')::int AS low_flags,
                   (SELECT min(start_date) FROM chosen) AS first_date,
                   (SELECT max(coalesce(end_date, start_date)) FROM chosen) AS last_date
            FROM (SELECT count(DISTINCT s.source COLLATE "C") AS sources, count(DISTINCT s.claim_id) AS claims
                  FROM v_incident_sources s WHERE s.incident_id IN (SELECT incident_id FROM chosen)) members
            """;
        await using var cmd = Command($"WITH {ChosenIncidentsCte}, {ChosenFlagsCte} {SummarySql}", scope);
        return await Single<ReportSummary>(cmd, ct);
    }

    private async Task<IReadOnlyList<ReportTotal>> LoadTotals(Scope scope, CancellationToken ct)
    {
        await using var cmd = Command(TotalsSql, scope);
        return await Rows<ReportTotal>(cmd, ct).ToListAsync(ct);
    }

    private async IAsyncEnumerable<ReportFlag> StreamFlags(Scope scope, [EnumeratorCancellation] CancellationToken ct = default)
    {
        const string FlagsSql = """
            SELECT flag_id, kind, severity, incident_id, place, claim_ids, sources, explanation FROM chosen_flags
            ORDER BY CASE severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, kind, incident_id NULLS LAST, flag_id
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = Command($"WITH {ChosenIncidentsCte}, {ChosenFlagsCte} {FlagsSql}", scope, conn);
        await foreach (var row in Rows<FlagRow>(cmd, ct)) yield return row.ToFlag();
    }

    private NpgsqlCommand Command(string sql, Scope scope, NpgsqlConnection? connection = null)
    {
        var cmd = connection is null ? dataSource.CreateCommand(sql) : new NpgsqlCommand(sql, connection);
        var filter = scope.Filter;
        cmd.Parameters.Add(new NpgsqlParameter("PlaceKeys", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = (object?)scope.PlaceKeys ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("Side", NpgsqlDbType.Text) { Value = (object?)filter.Side ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("Outcome", NpgsqlDbType.Text) { Value = (object?)filter.Outcome ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("From", NpgsqlDbType.Date) { Value = filter.From is { } from ? from : DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("To", NpgsqlDbType.Date) { Value = filter.To is { } to ? to : DBNull.Value });
        return cmd;
    }
}
