using Casualties.Domain.Model;
using Casualties.Domain.Reconciliation;
using Dapper;
using Npgsql;

namespace Casualties.Postgres.Reconciliation;

/// <summary>What one store call changed: rows closed and inserted, and the change in current claims, incidents and flags.</summary>
public readonly record struct StoreChanges(int RowsClosed, int RowsInserted, int ClaimDelta, int IncidentDelta, int FlagDelta)
{
    /// <summary>The changes of two store calls together, field by field.</summary>
    public static StoreChanges operator +(StoreChanges a, StoreChanges b) => new(a.RowsClosed + b.RowsClosed,
        a.RowsInserted + b.RowsInserted, a.ClaimDelta + b.ClaimDelta, a.IncidentDelta + b.IncidentDelta, a.FlagDelta + b.FlagDelta);
}

/// <summary>The rows of one partition's result with their fingerprints (<see cref="ReconciliationStore.Prepare"/>).</summary>
public sealed record PreparedPartition(
    string Country,
    List<(Incident Row, string Country, long Fingerprint)> Incidents,
    List<(SideTotal Row, string Country, long Fingerprint)> Totals,
    List<(ConflictFlag Row, string Country, long Fingerprint)> Flags);

/// <summary>
/// Writes the results of recomputed partitions as new versions (migration 0003): rows whose fingerprint is no
/// longer produced are closed (valid_to_run = run), rows newly produced are inserted by binary COPY, the rest stay.
/// </summary>
public sealed partial class ReconciliationStore
{
    /// <summary>A current row of the partitions being replaced: of incidents ('i'), side_totals ('t') or flags ('f').</summary>
    private sealed record CurrentRow(string Kind, long Id, long Fingerprint, int ClaimCount);

    const string CurrentRowsSql = """
        SELECT 'i' AS kind, incident_id AS id, fingerprint, claim_count FROM incidents
        WHERE valid_to_run IS NULL AND outcome = @Outcome AND partition_country = ANY(@Countries)
        UNION ALL
        SELECT 't', total_id, fingerprint, 0 FROM side_totals
        WHERE valid_to_run IS NULL AND outcome = @Outcome AND partition_country = ANY(@Countries)
        UNION ALL
        SELECT 'f', flag_id, fingerprint, 0 FROM flags
        WHERE valid_to_run IS NULL AND outcome = @Outcome AND partition_country = ANY(@Countries)
        """;

    /// <summary>
    /// One partition's result as rows to store, each with its fingerprint: pure work, done off the connection and
    /// in parallel with other partitions before <see cref="Replace"/>.
    /// </summary>
    public static PreparedPartition Prepare(Outcome outcome, string country, ReconciliationResult result) => new(country,
        result.Incidents.Select(i => (i, country, ResultFingerprint.Of(i, country))).ToList(),
        result.Totals.Select(t => (t, country, ResultFingerprint.Of(t, country))).ToList(),
        result.Flags.Select(f => (f, country, ResultFingerprint.Of(f, outcome, country))).ToList());

    /// <summary>
    /// Replaces the current results of the given partitions (one outcome, these countries) by <paramref name="partitions"/>.
    /// Only the countries in <paramref name="storedCountries"/> (all, when null) can have current rows.
    /// </summary>
    public async Task<StoreChanges> Replace(NpgsqlConnection conn, NpgsqlTransaction tx, long runId, Outcome outcome,
        IReadOnlyList<PreparedPartition> partitions, CancellationToken ct, PhaseTimes? phases = null, IReadOnlySet<string>? storedCountries = null)
    {
        var countries = partitions.Select(r => r.Country).Where(c => storedCountries is null || storedCountries.Contains(c)).ToArray();
        var parameters = new { Outcome = outcome.ToName(), Countries = countries };
        var current = countries.Length == 0 ? []
            : (await conn.QueryAsync<CurrentRow>(new CommandDefinition(CurrentRowsSql, parameters, tx, cancellationToken: ct))).AsList();
        List<CurrentRow> Current(string kind) => current.FindAll(r => r.Kind == kind);

        var incidents = partitions.SelectMany(p => p.Incidents).ToList();
        var totals = partitions.SelectMany(p => p.Totals).ToList();
        var flags = partitions.SelectMany(p => p.Flags).DistinctBy(f => f.Fingerprint).ToList();

        var (closedIncidents, newIncidents) = Diff(Current("i"), incidents, i => i.Fingerprint);
        var (closedTotals, newTotals) = Diff(Current("t"), totals, t => t.Fingerprint);
        var (closedFlags, newFlags) = Diff(Current("f"), flags, f => f.Fingerprint);
        phases?.Lap("store: diff");

        await Close(conn, tx, "UPDATE incidents SET valid_to_run = @Run WHERE incident_id = ANY(@Ids)", runId, closedIncidents, ct);
        await Close(conn, tx, "UPDATE side_totals SET valid_to_run = @Run WHERE total_id = ANY(@Ids)", runId, closedTotals, ct);
        await Close(conn, tx, "UPDATE flags SET valid_to_run = @Run WHERE flag_id = ANY(@Ids)", runId, closedFlags, ct);
        phases?.Lap("store: close");

        await WriteIncidents(conn, tx, runId, newIncidents, ct, phases);
        await WriteTotals(conn, runId, newTotals, ct);
        phases?.Lap("store: totals");
        await WriteFlags(conn, tx, runId, outcome, newFlags, ct);
        phases?.Lap("store: flags");

        return new StoreChanges(
            RowsClosed: closedIncidents.Count + closedTotals.Count + closedFlags.Count,
            RowsInserted: newIncidents.Count + newTotals.Count + newFlags.Count,
            ClaimDelta: newIncidents.Sum(i => i.Row.Members.Count) - closedIncidents.Sum(r => r.ClaimCount),
            IncidentDelta: newIncidents.Count - closedIncidents.Count,
            FlagDelta: newFlags.Count - closedFlags.Count);
    }

    private static (List<CurrentRow> Closed, List<T> New) Diff<T>(List<CurrentRow> current, List<T> computed, Func<T, long> fingerprint)
    {
        var produced = computed.Select(fingerprint).ToHashSet();
        var stored = current.Select(r => r.Fingerprint).ToHashSet();
        return (current.Where(r => !produced.Contains(r.Fingerprint)).ToList(), computed.Where(c => !stored.Contains(fingerprint(c))).ToList());
    }

    private static async Task Close(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, long runId, List<CurrentRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        await conn.ExecuteAsync(new CommandDefinition(sql, new { Run = runId, Ids = rows.Select(r => r.Id).ToArray() }, tx, cancellationToken: ct));
    }
}
