using System.Data;
using Casualties.Domain.Model;
using Casualties.Domain.Reconciliation;
using Dapper;
using Npgsql;

namespace Casualties.Postgres.Reconciliation;

/// <summary>One part of a run split into queue jobs: some partitions of one outcome (the countries; '' for no country).</summary>
public sealed record RunPart(long RunId, int Part, string Outcome, string[] Countries);

/// <summary>A run split into parts (<see cref="ReconciliationRunner.Plan"/>): finished at once when it has none.</summary>
public sealed record PlannedRun(long RunId, string Mode, IReadOnlyList<RunPart> Parts);

/// <summary>What one part did; <see cref="FinishedRun"/> when it was the last and finished the run.</summary>
public sealed record PartSummary(long RunId, int Part, bool AlreadyDone, int Partitions, int ClaimsRead, int RowsChanged, bool FinishedRun, TimeSpan Elapsed);

/// <summary>
/// A run split into queue jobs (issue 14, migration 0023), so that several workers reconcile different partitions of
/// one run. <see cref="Plan"/> writes the run and its parts; each part (<see cref="RunPart"/>) is then reconciled in a
/// transaction of its own, under the shared run lock (a single-process run, which takes it exclusively, waits for the
/// parts in progress and they for it) and the locks of its partitions (two runs never interleave inside one), and marks
/// its row done in that transaction; the part that finds all rows done finishes the run. Partitions share nothing, so
/// the result is the one process's: the same claims, the same pure reconciler, partition by partition.
/// </summary>
public sealed partial class ReconciliationRunner
{
    /// <summary>The class of the two-key advisory locks of single partitions: (class, hashtext('outcome:country')).</summary>
    private const int PartitionLockClass = 0x5EC1;

    const string PendingChangesSql = "SELECT DISTINCT outcome, place_id, 0::bigint AS claims, true AS stored FROM reconcile_changes";

    const string StartSplitRunSql = "INSERT INTO reconciliation_runs (started_at, mode) VALUES (now(), @Mode) RETURNING run_id";

    const string SplitRunUnfinishedSql = """
        SELECT EXISTS (SELECT FROM reconcile_run_parts p JOIN reconciliation_runs r USING (run_id) WHERE r.finished_at IS NULL)
        """;

    const string CurrentCountsSql = """
        SELECT (SELECT coalesce(sum(claim_count), 0) FROM incidents WHERE valid_to_run IS NULL)::int AS claims,
               (SELECT count(*) FROM incidents WHERE valid_to_run IS NULL)::int AS incidents,
               (SELECT count(*) FROM flags WHERE valid_to_run IS NULL)::int AS flags
        """;

    private sealed class PartRow
    {
        public string Outcome { get; set; } = "";

        public string[] Countries { get; set; } = [];

        public bool Done { get; set; }
    }

    private sealed record PartsState(int Pending, int Partitions, int ClaimsRead, int ChangedRows);

    /// <summary>
    /// Writes a run split into about <paramref name="parts"/> parts of similar size (a part never splits a partition
    /// nor mixes outcomes), all partitions with <paramref name="full"/>, else those the change log names, and hands
    /// each part to <paramref name="enqueue"/> in the same transaction (the queue job that will reconcile it);
    /// <paramref name="hold"/> is the transaction's first statement (the job's fence).
    /// </summary>
    public async Task<PlannedRun> Plan(bool full, int parts,
        Func<NpgsqlConnection, NpgsqlTransaction, RunPart, CancellationToken, Task> enqueue,
        Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task>? hold, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        if (hold is not null) await hold(conn, tx, ct);
        var reference = await ReconciliationReference.Load(conn, tx, ct);
        var last = await conn.QuerySingleOrDefaultAsync<LastRun>(new CommandDefinition(LastRunSql, transaction: tx, cancellationToken: ct));
        var mode = full || last is null ? "full" : "incremental";
        var changed = await conn.QueryAsync<ChangedPlace>(new CommandDefinition(mode == "full" ? AllPartitionsSql : PendingChangesSql,
            transaction: tx, cancellationToken: ct));
        var byPartition = ByPartition(reference, NewReconciler(reference).Places, changed);
        var partitions = byPartition.Keys.Order().ToList();
        var size = (PartitionKey p) => mode == "full" ? Math.Max(1, byPartition[p].Claims) : 1;
        var limit = Math.Max(1, (partitions.Sum(size) + Math.Max(1, parts) - 1) / Math.Max(1, parts));

        var runId = await conn.ExecuteScalarAsync<long>(new CommandDefinition(StartSplitRunSql, new { Mode = mode }, tx, cancellationToken: ct));
        var planned = Batches(partitions, size, limit)
            .Select((batch, i) => new RunPart(runId, i + 1, batch[0].Outcome.ToName(), batch.Select(p => p.Country).ToArray()))
            .ToList();
        foreach (var part in planned)
        {
            await conn.ExecuteAsync(new CommandDefinition(
                "INSERT INTO reconcile_run_parts (run_id, part, outcome, countries) VALUES (@RunId, @Part, @Outcome, @Countries)",
                part, tx, cancellationToken: ct));
            await enqueue(conn, tx, part, ct);
        }
        if (planned.Count == 0) await Finish(conn, tx, runId, ct);
        await tx.CommitAsync(ct);
        return new PlannedRun(runId, mode, planned);
    }

    /// <summary>
    /// Reconciles one part of a split run and, when it is the last, finishes the run. A part already done (its job
    /// retaken after its worker committed and died) does nothing again; a part whose worker died before committing
    /// left nothing. <paramref name="hold"/> is the first statement of the part's transaction (the job's fence).
    /// </summary>
    public async Task<PartSummary> RunPart(long runId, int part,
        Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task>? hold, CancellationToken ct)
    {
        var clock = time ?? TimeProvider.System;
        var started = clock.GetTimestamp();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var row = await conn.QuerySingleOrDefaultAsync<PartRow>(new CommandDefinition(
            "SELECT outcome, countries, done_at IS NOT NULL AS done FROM reconcile_run_parts WHERE run_id = @RunId AND part = @Part",
            new { RunId = runId, Part = part }, cancellationToken: ct))
            ?? throw new InvalidOperationException($"Reconciliation run {runId} has no part {part}.");
        // Session locks taken before the transaction, for the reason Run gives: its snapshot must follow the lock.
        await conn.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_lock_shared(@Key)", new { Key = AdvisoryLockKey }, cancellationToken: ct));
        try
        {
            await conn.ExecuteAsync(new CommandDefinition("""
                SELECT count(pg_advisory_lock(@Class, h)) FROM (SELECT DISTINCT hashtext(@Outcome || ':' || c) AS h FROM unnest(@Countries) c ORDER BY 1) s
                """, new { Class = PartitionLockClass, row.Outcome, row.Countries }, cancellationToken: ct));
            var (done, claimsRead, changed) = row.Done ? (true, 0, 0) : await ReconcilePart(conn, runId, part, row, hold, ct);
            var finished = await TryFinish(conn, runId, ct);
            return new PartSummary(runId, part, done, row.Countries.Length, claimsRead, changed, finished, clock.GetElapsedTime(started));
        }
        finally
        {
            if (conn.State == ConnectionState.Open) await conn.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock_all()"));
        }
    }

    private async Task<(bool AlreadyDone, int ClaimsRead, int RowsChanged)> ReconcilePart(NpgsqlConnection conn, long runId, int part, PartRow row,
        Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task>? hold, CancellationToken ct)
    {
        await using var tx = await conn.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        if (hold is not null) await hold(conn, tx, ct);
        var parameters = new { RunId = runId, Part = part };
        if (await conn.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT done_at IS NOT NULL FROM reconcile_run_parts WHERE run_id = @RunId AND part = @Part", parameters, tx, cancellationToken: ct)))
        {
            return (true, 0, 0); // done by another worker while this one waited for the locks
        }
        var reference = await ReconciliationReference.Load(conn, tx, ct);
        var reconciler = NewReconciler(reference);
        var outcome = OutcomeNames.Parse(row.Outcome);
        var countries = row.Countries.ToHashSet(StringComparer.Ordinal);

        // The change log's rows of these partitions that this snapshot sees are consumed, as a whole run consumes all.
        var logged = await conn.QueryAsync<(long Id, long? PlaceId)>(new CommandDefinition(
            "SELECT id, place_id FROM reconcile_changes WHERE outcome = @Outcome", new { row.Outcome }, tx, cancellationToken: ct));
        var consumed = logged.Where(c => countries.Contains(PartitionOf(reference, reconciler.Places, row.Outcome, c.PlaceId).Country))
            .Select(c => c.Id).ToArray();
        if (consumed.Length > 0)
        {
            await conn.ExecuteAsync(new CommandDefinition("DELETE FROM reconcile_changes WHERE id = ANY(@Ids)", new { Ids = consumed }, tx, cancellationToken: ct));
        }

        var placeIds = reference.PlaceKeys.Where(p => countries.Contains(reconciler.Places.CountryOf(p.Value))).Select(p => p.Key).ToArray();
        // Read as a one-process run's reader reads (serial plans, no JIT, probes or hash by size), its settings undone before storing.
        var claims = await new ClaimLoader(reference.PlaceKeys, reconciler.Places)
            .LoadForPart(conn, tx, outcome, placeIds, countries.Contains(PlaceIndex.NoCountry), ct);
        var claimsRead = claims.Count;
        var results = Reconcile(reconciler, outcome, countries, claims, ct);
        claims = null!;
        var changes = await new ReconciliationStore().Replace(conn, tx, runId, outcome, results, ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            UPDATE reconcile_run_parts SET done_at = now(), claims_read = @ClaimsRead, changed_rows = @Changed WHERE run_id = @RunId AND part = @Part
            """, new { RunId = runId, Part = part, ClaimsRead = claimsRead, Changed = changes.RowsClosed + changes.RowsInserted }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return (false, claimsRead, changes.RowsClosed + changes.RowsInserted);
    }

    /// <summary>
    /// Finishes the run when all its parts are done and no one finished it yet: the run's row is locked, so of two
    /// parts ending at once one finishes it and the other sees it finished. True when this call finished it.
    /// </summary>
    private static async Task<bool> TryFinish(NpgsqlConnection conn, long runId, CancellationToken ct)
    {
        await using var tx = await conn.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        var finished = await conn.ExecuteScalarAsync<bool?>(new CommandDefinition(
            "SELECT finished_at IS NOT NULL FROM reconciliation_runs WHERE run_id = @RunId FOR UPDATE", new { RunId = runId }, tx, cancellationToken: ct));
        if (finished is not false) return false;
        if (!await Finish(conn, tx, runId, ct)) return false;
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// Once every part is done: the run's counts from the current rows (the parts' changes are not added up, as a
    /// single-process run interleaved between them changed the same tables), the statistics refreshed after a large
    /// first run, and the run marked finished. False when a part is still pending.
    /// </summary>
    private static async Task<bool> Finish(NpgsqlConnection conn, NpgsqlTransaction tx, long runId, CancellationToken ct)
    {
        var parts = await conn.QuerySingleAsync<PartsState>(new CommandDefinition("""
            SELECT count(*) FILTER (WHERE done_at IS NULL)::int AS pending, coalesce(sum(cardinality(countries)), 0)::int AS partitions,
                   coalesce(sum(claims_read), 0)::int AS claims_read, coalesce(sum(changed_rows), 0)::int AS changed_rows
            FROM reconcile_run_parts WHERE run_id = @RunId
            """, new { RunId = runId }, tx, cancellationToken: ct));
        if (parts.Pending > 0) return false;
        var known = await conn.ExecuteScalarAsync<double>(new CommandDefinition(KnownResultRowsSql, transaction: tx, cancellationToken: ct));
        if (parts.ChangedRows > Math.Max(known, StaleStatisticsRows))
        {
            await conn.ExecuteAsync(new CommandDefinition(AnalyzeResultsSql, transaction: tx, cancellationToken: ct));
        }
        var (claims, incidents, flags) = await CurrentCounts(conn, tx, ct);
        await conn.ExecuteAsync(new CommandDefinition(FinishRunSql.Replace("@FinishedAt", "now()", StringComparison.Ordinal), new
        {
            RunId = runId, Claims = claims, Incidents = incidents, Flags = flags, parts.Partitions, parts.ClaimsRead,
            ChangedRows = parts.ChangedRows,
            ClaimWatermark = await conn.ExecuteScalarAsync<long>(new CommandDefinition("SELECT coalesce(max(id), 0) FROM claims", transaction: tx, cancellationToken: ct)),
            ChangeWatermark = await conn.ExecuteScalarAsync<long>(new CommandDefinition("SELECT coalesce(max(id), 0) FROM reconcile_changes", transaction: tx, cancellationToken: ct)),
        }, tx, cancellationToken: ct));
        return true;
    }

    private static async Task<(int Claims, int Incidents, int Flags)> CurrentCounts(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct) =>
        await conn.QuerySingleAsync<(int Claims, int Incidents, int Flags)>(new CommandDefinition(CurrentCountsSql, transaction: tx, cancellationToken: ct));
}
