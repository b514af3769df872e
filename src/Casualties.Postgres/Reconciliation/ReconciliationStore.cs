using Casualties.Domain.Model;
using Casualties.Domain.Reconciliation;
using Dapper;
using Npgsql;

namespace Casualties.Postgres.Reconciliation;

/// <summary>What one store call changed: rows closed and inserted, and the change in current claims, incidents and flags.</summary>
public readonly record struct StoreChanges(int RowsClosed, int RowsInserted, int ClaimDelta, int IncidentDelta, int FlagDelta)
{
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
    private sealed record CurrentRow(long Id, long Fingerprint, int ClaimCount);

    const string CurrentIncidentsSql = """
        SELECT incident_id AS id, fingerprint, claim_count FROM incidents
        WHERE valid_to_run IS NULL AND outcome = @Outcome AND partition_country = ANY(@Countries)
        """;

    const string CurrentTotalsSql = """
        SELECT total_id AS id, fingerprint, 0 AS claim_count FROM side_totals
        WHERE valid_to_run IS NULL AND outcome = @Outcome AND partition_country = ANY(@Countries)
        """;

    const string CurrentFlagsSql = """
        SELECT flag_id AS id, fingerprint, 0 AS claim_count FROM flags
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
        async Task<List<CurrentRow>> Current(string sql) => countries.Length == 0 ? []
            : (await conn.QueryAsync<CurrentRow>(new CommandDefinition(sql, parameters, tx, cancellationToken: ct))).AsList();

        var incidents = partitions.SelectMany(p => p.Incidents).ToList();
        var totals = partitions.SelectMany(p => p.Totals).ToList();
        var flags = partitions.SelectMany(p => p.Flags).DistinctBy(f => f.Fingerprint).ToList();

        var (closedIncidents, newIncidents) = Diff(await Current(CurrentIncidentsSql), incidents, i => i.Fingerprint);
        var (closedTotals, newTotals) = Diff(await Current(CurrentTotalsSql), totals, t => t.Fingerprint);
        var (closedFlags, newFlags) = Diff(await Current(CurrentFlagsSql), flags, f => f.Fingerprint);
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
