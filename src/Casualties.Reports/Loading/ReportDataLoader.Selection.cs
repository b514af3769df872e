using System.Runtime.CompilerServices;
using Casualties.Reports.Model;
using NpgsqlTypes;

namespace Casualties.Reports.Loading;

/// <summary>
/// The default selection of HTML and Markdown: per country, the top N incidents of each kind that matters —
/// flagged (most severe flag first, then largest), largest (best), most disputed (no consensus first, then the
/// widest range relative to its low), most recently changed (the run that wrote the current version) — and every
/// high- and medium-severity flag. The ids shown are few (countries × 4N) and held in memory; the incidents stream.
/// </summary>
public sealed partial class ReportDataLoader
{
    const string SelectionSql = """
        , flag_severity AS (
            SELECT incident_id, max(CASE severity WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END) AS severity
            FROM v_flags WHERE incident_id IS NOT NULL GROUP BY incident_id),
        ranked AS (
            SELECT c.incident_id, c.country, c.flag_count > 0 AS flagged,
                   CASE WHEN c.flag_count > 0 THEN row_number() OVER (PARTITION BY c.country, c.flag_count > 0
                       ORDER BY fs.severity DESC NULLS LAST, c.best DESC, c.incident_id) END AS by_flag,
                   row_number() OVER (PARTITION BY c.country ORDER BY c.best DESC, c.incident_id) AS by_size,
                   CASE WHEN c.high > c.low THEN row_number() OVER (PARTITION BY c.country, c.high > c.low
                       ORDER BY c.has_consensus, (c.high - c.low)::float8 / greatest(c.low, 1) DESC, c.incident_id) END AS by_dispute,
                   row_number() OVER (PARTITION BY c.country ORDER BY r.changed_in_run DESC NULLS LAST, c.incident_id DESC) AS by_change
            FROM chosen c
            LEFT JOIN flag_severity fs ON fs.incident_id = c.incident_id
            LEFT JOIN v_incident_runs r ON r.incident_id = c.incident_id)
        SELECT incident_id, country, flagged, coalesce(by_flag <= @Top, false) AS top_flagged, by_size <= @Top AS top_largest,
               coalesce(by_dispute <= @Top, false) AS top_disputed, by_change <= @Top AS top_changed
        FROM ranked
        WHERE by_flag <= @Top OR by_size <= @Top OR by_dispute <= @Top OR by_change <= @Top
        """;

    const string CountryCountsSql = """
        SELECT country, count(*)::int AS incidents, count(*) FILTER (WHERE flag_count > 0)::int AS flagged
        FROM chosen GROUP BY country ORDER BY country NULLS LAST
        """;

    private sealed record Selected(Dictionary<long, SelectionReason> Reasons, List<CountrySelection> Countries);

    private async Task<Selected> LoadSelection(Scope scope, ReportSelection selection, CancellationToken ct)
    {
        var reasons = new Dictionary<long, SelectionReason>();
        var shown = new Dictionary<string, (int Shown, int Flagged)>(StringComparer.Ordinal);
        const string NoCountry = "\u0000";
        if (!selection.All)
        {
            await using var cmd = Command($"WITH {ChosenIncidentsCte} {SelectionSql}", scope);
            cmd.Parameters.AddWithValue("Top", NpgsqlDbType.Bigint, (long)selection.Top);
            await foreach (var row in Rows<SelectionRow>(cmd, ct))
            {
                reasons[row.IncidentId] = row.Reason;
                var country = row.Country ?? NoCountry;
                var (count, flagged) = shown.GetValueOrDefault(country);
                shown[country] = (count + 1, flagged + (row.Flagged ? 1 : 0));
            }
        }
        var countries = new List<CountrySelection>();
        await using (var cmd = Command($"WITH {ChosenIncidentsCte} {CountryCountsSql}", scope))
        {
            await foreach (var (country, incidents, flagged) in Rows<CountryCountRow>(cmd, ct))
            {
                var (count, flaggedShown) = selection.All ? (incidents, flagged) : shown.GetValueOrDefault(country ?? NoCountry);
                countries.Add(new CountrySelection(country, incidents, flagged, count, flaggedShown));
            }
        }
        return new Selected(reasons, countries);
    }

    /// <summary>The flags HTML and Markdown show (all, or high and medium), each with its incident's country.</summary>
    private async IAsyncEnumerable<ReportFlag> StreamSelectedFlags(Scope scope, bool all, [EnumeratorCancellation] CancellationToken ct = default)
    {
        const string FlagsSql = """
            SELECT f.flag_id, f.kind, f.severity, f.incident_id, f.place, f.claim_ids, f.sources, f.explanation, i.country
            FROM chosen_flags f LEFT JOIN chosen i ON i.incident_id = f.incident_id
            WHERE @AllFlags OR f.severity IN ('high', 'medium')
            ORDER BY CASE f.severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, f.kind, f.incident_id NULLS LAST, f.flag_id
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = Command($"WITH {ChosenIncidentsCte}, {ChosenFlagsCte} {FlagsSql}", scope, conn);
        cmd.Parameters.AddWithValue("AllFlags", NpgsqlDbType.Boolean, all);
        await foreach (var row in Rows<FlagRow>(cmd, ct)) yield return row.ToFlag();
    }
}
