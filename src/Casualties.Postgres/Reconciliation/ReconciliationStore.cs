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
    internal sealed record CurrentRow(string Kind, long Id, long Fingerprint, int ClaimCount, string? Key);

    const string CurrentRowsSql = """
        SELECT 'i' AS kind, incident_id AS id, fingerprint, claim_count, incident_key AS key FROM incidents
        WHERE valid_to_run IS NULL AND outcome = @Outcome AND partition_country = ANY(@Countries)
        UNION ALL
        SELECT 't', total_id, fingerprint, 0, NULL FROM side_totals
        WHERE valid_to_run IS NULL AND outcome = @Outcome AND partition_country = ANY(@Countries)
        UNION ALL
        SELECT 'f', flag_id, fingerprint, 0, NULL FROM flags
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
        var replacing = await Begin(conn, tx, runId, outcome, partitions.Select(r => r.Country), ct, storedCountries);
        return await replacing.Add(partitions, last: true, ct, phases);
    }

    /// <summary>
    /// Starts replacing the current results of the given partitions (one outcome, these countries) by rows added piece by
    /// piece (<see cref="Replacing.Add"/>: a partition reconciled in runs, issue 14); the last piece closes the current
    /// rows no piece produced. Only the countries in <paramref name="storedCountries"/> (all, when null) can have
    /// current rows.
    /// </summary>
    public async Task<Replacing> Begin(NpgsqlConnection conn, NpgsqlTransaction tx, long runId, Outcome outcome,
        IEnumerable<string> countries, CancellationToken ct, IReadOnlySet<string>? storedCountries = null)
    {
        var asked = countries.Where(c => storedCountries is null || storedCountries.Contains(c)).Distinct(StringComparer.Ordinal).ToArray();
        var parameters = new { Outcome = outcome.ToName(), Countries = asked };
        var current = asked.Length == 0 ? []
            : (await conn.QueryAsync<CurrentRow>(new CommandDefinition(CurrentRowsSql, parameters, tx, cancellationToken: ct))).AsList();
        return new Replacing(conn, tx, runId, outcome, current);
    }

    /// <summary>
    /// A replacement under way: the current rows of its partitions by fingerprint, those a piece produced again, and the
    /// flags written (a flag produced twice is written once).
    /// </summary>
    public sealed class Replacing
    {
        private readonly NpgsqlConnection conn;
        private readonly NpgsqlTransaction tx;
        private readonly long runId;
        private readonly Outcome outcome;
        private readonly List<CurrentRow> current;
        private readonly HashSet<(char, long)> stored = [];
        private readonly HashSet<(char, long)> produced = [];
        private readonly HashSet<long> flagsWritten = [];
        private readonly HashSet<(char, long)> closed = [];
        private Dictionary<string, CurrentRow>? currentByKey;
        private StoreChanges changes;

        internal Replacing(NpgsqlConnection conn, NpgsqlTransaction tx, long runId, Outcome outcome, List<CurrentRow> current)
        {
            (this.conn, this.tx, this.runId, this.outcome, this.current) = (conn, tx, runId, outcome, current);
            foreach (var row in current) stored.Add(Tagged(row.Kind[0], row.Fingerprint));
        }

        /// <summary>
        /// Writes the rows of <paramref name="partitions"/> that are not current already. Current rows are closed
        /// (valid_to_run = the run) before the rows that replace them are written: those no piece produced after the
        /// <paramref name="last"/> piece; before it, the incidents whose key a new incident takes (a key is unique among a
        /// partition's current incidents, so no later piece produces the old row again). Returns what changed so far.
        /// </summary>
        public async Task<StoreChanges> Add(IReadOnlyList<PreparedPartition> partitions, bool last, CancellationToken ct, PhaseTimes? phases = null)
        {
            var incidents = New(partitions.SelectMany(p => p.Incidents), 'i', i => i.Fingerprint);
            var totals = New(partitions.SelectMany(p => p.Totals), 't', t => t.Fingerprint);
            var flags = New(partitions.SelectMany(p => p.Flags).Where(f => flagsWritten.Add(f.Fingerprint)), 'f', f => f.Fingerprint);
            List<CurrentRow> closing;
            if (last)
            {
                closing = current.FindAll(r => !produced.Contains(Tagged(r.Kind[0], r.Fingerprint)) && !closed.Contains(Tagged(r.Kind[0], r.Id)));
            }
            else
            {
                currentByKey ??= current.Where(r => r.Kind == "i" && r.Key is not null).ToDictionary(r => r.Key!, StringComparer.Ordinal);
                closing = [];
                foreach (var (incident, _, _) in incidents)
                {
                    if (currentByKey.TryGetValue(incident.Key, out var row) && !closed.Contains(Tagged(row.Kind[0], row.Id))) closing.Add(row);
                }
            }
            phases?.Lap("store: diff");
            List<CurrentRow> Closing(string kind) => closing.FindAll(r => r.Kind == kind);
            var (closedIncidents, closedTotals, closedFlags) = (Closing("i"), Closing("t"), Closing("f"));
            await Close(conn, tx, "UPDATE incidents SET valid_to_run = @Run WHERE incident_id = ANY(@Ids)", runId, closedIncidents, ct);
            await Close(conn, tx, "UPDATE side_totals SET valid_to_run = @Run WHERE total_id = ANY(@Ids)", runId, closedTotals, ct);
            await Close(conn, tx, "UPDATE flags SET valid_to_run = @Run WHERE flag_id = ANY(@Ids)", runId, closedFlags, ct);
            foreach (var row in closing) closed.Add(Tagged(row.Kind[0], row.Id));
            phases?.Lap("store: close");

            await WriteIncidents(conn, tx, runId, incidents, ct, phases);
            await WriteTotals(conn, runId, totals, ct);
            phases?.Lap("store: totals");
            await WriteFlags(conn, tx, runId, outcome, flags, ct);
            phases?.Lap("store: flags");
            return changes += new StoreChanges(
                RowsClosed: closing.Count,
                RowsInserted: incidents.Count + totals.Count + flags.Count,
                ClaimDelta: incidents.Sum(i => i.Row.Members.Count) - closedIncidents.Sum(r => r.ClaimCount),
                IncidentDelta: incidents.Count - closedIncidents.Count,
                FlagDelta: flags.Count - closedFlags.Count);
        }

        /// <summary>The rows not current already; those that are, marked produced (they stay).</summary>
        private List<T> New<T>(IEnumerable<T> rows, char kind, Func<T, long> fingerprint)
        {
            var fresh = new List<T>();
            foreach (var row in rows)
            {
                var tagged = Tagged(kind, fingerprint(row));
                if (stored.Contains(tagged)) produced.Add(tagged);
                else fresh.Add(row);
            }
            return fresh;
        }

        /// <summary>A fingerprint or id with its table ('i', 't', 'f'): the three tables are compared apart.</summary>
        private static (char, long) Tagged(char kind, long value) => (kind, value);
    }

    private static async Task Close(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, long runId, List<CurrentRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        await conn.ExecuteAsync(new CommandDefinition(sql, new { Run = runId, Ids = rows.Select(r => r.Id).ToArray() }, tx, cancellationToken: ct));
    }
}
