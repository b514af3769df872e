using System.Data;
using System.Diagnostics;
using System.Threading.Channels;
using Casualties.Domain.Model;
using Casualties.Domain.Reconciliation;
using Dapper;
using Npgsql;

namespace Casualties.Postgres.Reconciliation;

/// <summary>What one reconciliation run did.</summary>
public sealed record ReconcileSummary(
    long RunId, string Mode, int Partitions, int ClaimsRead, int Claims, int Incidents, int Flags, int RowsChanged, TimeSpan Elapsed)
{
    /// <summary>Where the time went, phase by phase (reference, partitions, load, reconcile, store, finish): elapsed and CPU time.</summary>
    public IReadOnlyDictionary<string, (TimeSpan Elapsed, TimeSpan Cpu)> Phases { get; init; } = new Dictionary<string, (TimeSpan, TimeSpan)>();
}

/// <summary>A run that holds the reconciliation lock: its server process, application name, client host and since when.</summary>
public sealed record RunInProgress(int? Pid, string? ApplicationName, string? Host, DateTime? Since)
{
    /// <summary>The run as the CLI says it: server pid, application, host and start (UTC), or that it ended meanwhile.</summary>
    public override string ToString() => Pid is null
        ? "a reconciliation run is in progress (it ended as it was looked up)"
        : string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"a reconciliation run is in progress: server pid {Pid}, application '{ApplicationName}', host {Host}{(Since is { } since ? $", since {since:yyyy-MM-dd HH:mm:ss} UTC" : "")}");
}

/// <summary>
/// Runs a reconciliation against the database: finds the partitions to recompute (all with --full; else those
/// the change log names: claims inserted, changed or deleted, dataset rows retired, overrides edited since the
/// runs before), reads their claims, reconciles them and stores the result as a new run — all in one transaction
/// under an advisory lock, so a failed run changes nothing and runs never interleave: a second run waits for the
/// first and reconciles from what it stored.
/// </summary>
public sealed partial class ReconciliationRunner(NpgsqlDataSource dataSource, ReconcileOptions? options = null, TimeProvider? time = null)
{
    private const long AdvisoryLockKey = 0x_CA5_8EC0;

    /// <summary>
    /// Partitions are read and stored in batches of about this many claims (counted first, by a full run and by an
    /// incremental one), to bound memory and so that one batch is reconciled while the previous one is stored.
    /// </summary>
    internal int ClaimsPerBatch { get; init; } = 15_000;

    /// <summary>
    /// At most about this many claims are in memory at once, read, reconciling or with their results waiting to be
    /// stored: a batch is read only when the batches before it leave room for it (by the claims counted before the
    /// run), and a batch larger than this (one large partition) waits until it is alone.
    /// </summary>
    internal int ClaimsInFlight { get; init; } = 45_000;

    /// <summary>
    /// A partition with more claims than this (of a full run or an incremental one) is read and reconciled in runs of about
    /// <see cref="ClaimsPerBatch"/> claims (<see cref="PartitionRuns"/>, <see cref="PartitionReconciliation"/>; issue 14),
    /// so that its claims are not in memory all at once. A partition that fits in the claims budget beside one batch read
    /// ahead (<see cref="ClaimsInFlight"/> less <see cref="ClaimsPerBatch"/>) is read whole, once: split, it is read about
    /// two and a half times (its outlines, its first chunk by id, then the rest in day order with the first chunk passed
    /// over) — a generated full run's 40 partitions of 25,000 claims each read 2.6 million rows for 1 million claims when
    /// this was 22,500 (issue 14, session 13).
    /// </summary>
    internal int SplitAbove { get; init; } = 30_000;

    /// <summary>
    /// What the store takes from the reconciling stage: the rows of whole partitions, or of a run of a partition
    /// reconciled in runs — the first of those <see cref="Opens"/> its replacement, the last <see cref="Closes"/> it.
    /// </summary>
    private sealed record Piece(Outcome Outcome, List<PreparedPartition> Results, bool Opens, bool Closes);

    /// <summary>How many claims' outlines (<see cref="PartitionRuns"/>) take the memory of one claim being reconciled, about.</summary>
    private const int OutlinesPerClaim = 20;

    /// <summary>The claims budget's unit: <see cref="ClaimsInFlight"/> is counted in these.</summary>
    private const int ClaimsPerUnit = 1_000;

    private sealed record LastRun(long RunId, int Claims, int Incidents, int Flags, long ClaimWatermark, long ChangeWatermark);

    /// <summary>A place whose partition a run recomputes: its claims (when counted), and whether results are stored for it.</summary>
    private sealed record ChangedPlace(string Outcome, long? PlaceId, long Claims, bool Stored);

    const string LastRunSql = """
        SELECT run_id, claims, incidents, flags, claim_watermark, change_watermark
        FROM reconciliation_runs WHERE finished_at IS NOT NULL ORDER BY finish_order DESC NULLS LAST, run_id DESC LIMIT 1
        """;

    const string AllPartitionsSql = """
        SELECT outcome, place_id, count(*) AS claims, false AS stored FROM claims GROUP BY outcome, place_id
        UNION ALL SELECT DISTINCT outcome, p.id, 0, true FROM incidents i JOIN places p ON p.key = i.partition_country WHERE i.valid_to_run IS NULL
        UNION ALL SELECT DISTINCT outcome, NULL::bigint, 0, true FROM incidents i WHERE i.valid_to_run IS NULL AND partition_country = ''
        """;

    // The change log (migration 0011), consumed: the rows this run's snapshot sees are deleted in its transaction,
    // so rows committed after the snapshot stay for the next run, and a failed run deletes nothing.
    const string ConsumeChangesSql = """
        WITH consumed AS (DELETE FROM reconcile_changes RETURNING outcome, place_id)
        SELECT DISTINCT outcome, place_id, 0::bigint AS claims, true AS stored FROM consumed
        """;

    const string CountPartitionsSql = """
        SELECT outcome, place_id, count(*) AS claims, true AS stored FROM claims
        WHERE outcome = @Outcome AND (place_id = ANY(@Places) OR (@Unplaced AND place_id IS NULL))
        GROUP BY outcome, place_id
        """;

    const string HolderSql = """
        SELECT a.pid, a.application_name, coalesce(host(a.client_addr), a.client_hostname, 'local socket') AS host,
               coalesce(a.xact_start, a.backend_start) AS since
        FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 0 AND l.objid::bigint = @Key AND l.objsubid = 1
        LIMIT 1
        """;

    /// <summary>Below this many rows inserted, statistics are left to autovacuum.</summary>
    private const int StaleStatisticsRows = 10_000;

    const string KnownResultRowsSql = """
        SELECT coalesce(sum(greatest(reltuples, 0)), 0)::float8 FROM pg_class
        WHERE oid IN ('incidents'::regclass, 'side_totals'::regclass, 'flags'::regclass)
        """;

    const string AnalyzeResultsSql =
        "ANALYZE incidents (outcome, partition_country), side_totals (outcome, partition_country), flags (outcome, partition_country)";

    const string StartRunSql = "INSERT INTO reconciliation_runs (started_at, mode) VALUES (@StartedAt, @Mode) RETURNING run_id";

    const string FinishRunSql = """
        UPDATE reconciliation_runs SET finished_at = @FinishedAt, claims = @Claims, incidents = @Incidents, flags = @Flags,
            partitions = @Partitions, claims_read = @ClaimsRead, changed_rows = @ChangedRows,
            claim_watermark = @ClaimWatermark, change_watermark = @ChangeWatermark, finish_order = nextval('reconcile_finish_order')
        WHERE run_id = @RunId
        """;

    /// <summary>Runs a reconciliation, waiting while another run holds the lock.</summary>
    public async Task<ReconcileSummary> Run(bool full, CancellationToken ct = default) =>
        (await Run(full, wait: true, ct)).Summary!;

    /// <summary>
    /// Runs a reconciliation; with <paramref name="wait"/> false, returns at once with the run in progress (and no
    /// summary) when another run holds the lock.
    /// </summary>
    public async Task<(ReconcileSummary? Summary, RunInProgress? Busy)> Run(bool full, bool wait, CancellationToken ct = default)
    {
        var clock = time ?? TimeProvider.System;
        var started = clock.GetTimestamp();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        // The lock is a session lock taken BEFORE the run's transaction begins. A REPEATABLE READ transaction takes
        // its snapshot at its first statement: were that statement the lock (pg_advisory_xact_lock), a run that
        // waited for it would work from a snapshot older than the previous run's commit (and fail on
        // incidents_current_key, or store stale results). Nor can a READ COMMITTED statement take the lock inside the
        // same transaction before switching: the isolation level cannot change after the first statement. Taken on
        // this connection outside any transaction, the lock is granted only after the previous run committed and
        // unlocked, so the snapshot of the first statement below sees everything that run stored; it is released
        // after COMMIT (below), and by the server if this process or its connection dies, so nothing is left locked.
        if (wait)
        {
            await conn.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@Key)", new { Key = AdvisoryLockKey }, cancellationToken: ct));
        }
        else if (!await conn.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT pg_try_advisory_lock(@Key)", new { Key = AdvisoryLockKey }, cancellationToken: ct)))
        {
            var holder = await conn.QuerySingleOrDefaultAsync<RunInProgress>(new CommandDefinition(HolderSql, new { Key = AdvisoryLockKey }, cancellationToken: ct));
            return (null, holder ?? new RunInProgress(null, null, null, null));
        }
        try
        {
            // Names the run for `reconcile --no-wait` and pg_stat_activity (reset when the connection returns to the pool).
            await conn.ExecuteAsync(new CommandDefinition("SELECT set_config('application_name', @Name, false)",
                new { Name = $"casualties reconcile ({Environment.MachineName} pid {Environment.ProcessId})" }, cancellationToken: ct));
            return (await RunLocked(conn, full, clock, started, ct), null);
        }
        finally
        {
            if (conn.State == ConnectionState.Open)
            {
                await conn.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@Key); RESET application_name", new { Key = AdvisoryLockKey }));
            }
        }
    }

    private async Task<ReconcileSummary> RunLocked(NpgsqlConnection conn, bool full, TimeProvider clock, long started, CancellationToken ct)
    {
        var phases = new PhaseTimes(clock);
        await using var tx = await conn.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);

        var reference = await ReconciliationReference.Load(conn, tx, ct);
        // The claims are read on a second connection, in a transaction on this one's snapshot (exported before this
        // transaction writes anything), so that reading goes on while results are stored here.
        var snapshot = (await conn.ExecuteScalarAsync<string>(new CommandDefinition("SELECT pg_export_snapshot()", transaction: tx, cancellationToken: ct)))!;
        var last = await conn.QuerySingleOrDefaultAsync<LastRun>(new CommandDefinition(LastRunSql, transaction: tx, cancellationToken: ct));
        var claimWatermark = await conn.ExecuteScalarAsync<long>(new CommandDefinition("SELECT coalesce(max(id), 0) FROM claims", transaction: tx, cancellationToken: ct));
        var changeWatermark = await conn.ExecuteScalarAsync<long>(new CommandDefinition("SELECT coalesce(max(id), 0) FROM reconcile_changes", transaction: tx, cancellationToken: ct));
        var mode = full || last is null ? "full" : "incremental";
        phases.Lap("reference");

        // A full run consumes the change log too: it recomputes every partition from the same snapshot.
        var logged = await conn.QueryAsync<ChangedPlace>(new CommandDefinition(ConsumeChangesSql, transaction: tx, cancellationToken: ct));
        var changed = mode == "full"
            ? await conn.QueryAsync<ChangedPlace>(new CommandDefinition(AllPartitionsSql, transaction: tx, cancellationToken: ct))
            : logged;

        var reconciler = NewReconciler(reference);
        var places = reconciler.Places;
        var byPartition = ByPartition(reference, places, changed);
        var partitions = byPartition.Keys.Order().ToList();
        var placesByCountry = reference.PlaceKeys
            .GroupBy(p => places.CountryOf(p.Value), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Key).ToArray(), StringComparer.Ordinal);
        if (mode != "full") byPartition = await Counted(conn, tx, reference, places, placesByCountry, byPartition, ct);

        phases.Lap("partitions");
        var runId = await conn.ExecuteScalarAsync<long>(new CommandDefinition(StartRunSql,
            new { StartedAt = clock.GetUtcNow(), Mode = mode }, tx, cancellationToken: ct));

        var store = new ReconciliationStore();
        var changes = default(StoreChanges);
        var claimsRead = 0;
        var batches = Batches(partitions, p => byPartition[p].Claims, ClaimsPerBatch);

        // Three stages at once, each on its own: batches of claims are read on a second connection (a transaction on
        // this run's snapshot, imported), reconciled on the thread pool, and stored on this connection in order. The
        // channel holds at most one batch reconciled or being reconciled beside the one stored and the one read, so
        // memory is bounded by a few batches (a partition above SplitAbove is read in runs, ReadInRuns, by a full run and
        // an incremental one alike).
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var ready = Channel.CreateBounded<(Task<Piece> Results, int Units)>(
            new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var units = Math.Max(1, ClaimsInFlight / ClaimsPerUnit);
        using var budget = new SemaphoreSlim(units, units);
        var reading = Read(snapshot, reconciler, reference.PlaceKeys, placesByCountry, batches,
            batch => batch.Sum(p => byPartition[p].Claims), budget, units, ready.Writer, phases,
            count => Interlocked.Add(ref claimsRead, count), stop.Token);
        ReconciliationStore.Replacing? replacing = null;
        try
        {
            while (await ready.Reader.WaitToReadAsync(stop.Token))
            {
                if (!ready.Reader.TryRead(out var batch)) continue;
                var (results, batchUnits) = (await batch.Results, batch.Units);
                phases.Lap("reconcile and read (waiting for them)");
                if (results.Opens)
                {
                    // Partitions with no results stored when the run began have no current rows to compare with: not asked
                    // for, as the tables grow inside this transaction faster than the planner's statistics follow.
                    var countries = results.Results.Select(r => r.Country).ToList();
                    var storedCountries = countries.Where(country => byPartition[new PartitionKey(results.Outcome, country)].Stored)
                        .ToHashSet(StringComparer.Ordinal);
                    replacing = await store.Begin(conn, tx, runId, results.Outcome, countries, stop.Token, storedCountries);
                }
                var stored = await replacing!.Add(results.Results, last: results.Closes, stop.Token, phases);
                if (results.Closes)
                {
                    changes += stored;
                    replacing = null;
                }
                phases.Lap("store");
                // Dropped before the budget makes room for more (an async method's locals live on until overwritten).
                (batch, results) = (default, default);
                budget.Release(batchUnits);
            }
            await reading;
        }
        finally
        {
            await stop.CancelAsync();
            try { await reading; }
            catch (Exception) when (stop.IsCancellationRequested) { /* the run failed or was cancelled: its error is the one thrown */ }
        }

        // More rows written than the planner's statistics know of (a first run): refreshed for the columns the next
        // run's lookup of current rows filters on, which otherwise scans the partitions of a whole outcome.
        var known = await conn.ExecuteScalarAsync<double>(new CommandDefinition(KnownResultRowsSql, transaction: tx, cancellationToken: ct));
        if (changes.RowsInserted > Math.Max(known, StaleStatisticsRows))
        {
            await conn.ExecuteAsync(new CommandDefinition(AnalyzeResultsSql, transaction: tx, cancellationToken: ct));
        }
        var claimsNow = (last?.Claims ?? 0) + changes.ClaimDelta;
        var incidentsNow = (last?.Incidents ?? 0) + changes.IncidentDelta;
        var flagsNow = (last?.Flags ?? 0) + changes.FlagDelta;
        // A run split into jobs that is not finished yet has stored parts the last finished run's counts do not know of.
        if (await conn.ExecuteScalarAsync<bool>(new CommandDefinition(SplitRunUnfinishedSql, transaction: tx, cancellationToken: ct)))
        {
            (claimsNow, incidentsNow, flagsNow) = await CurrentCounts(conn, tx, ct);
        }
        await conn.ExecuteAsync(new CommandDefinition(FinishRunSql, new
        {
            RunId = runId, FinishedAt = clock.GetUtcNow(), Claims = claimsNow, Incidents = incidentsNow, Flags = flagsNow,
            Partitions = partitions.Count, ClaimsRead = claimsRead, ChangedRows = changes.RowsClosed + changes.RowsInserted,
            ClaimWatermark = claimWatermark, ChangeWatermark = changeWatermark,
        }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        phases.Lap("finish");
        return new ReconcileSummary(runId, mode, partitions.Count, claimsRead, claimsNow, incidentsNow, flagsNow,
            changes.RowsClosed + changes.RowsInserted, clock.GetElapsedTime(started)) { Phases = phases.Spent };
    }

    private Reconciler NewReconciler(ReconciliationReference reference) => new(reference.Gazetteer,
        (options ?? ReconcileOptions.Default) with { VictimParents = reference.VictimParents, SourceShortNames = reference.SourceShortNames }, reference.Overrides);

    /// <summary>The partitions of the changed places (a place the gazetteer no longer knows: the partition with no country).</summary>
    private static Dictionary<PartitionKey, (long Claims, bool Stored)> ByPartition(ReconciliationReference reference, PlaceIndex places,
        IEnumerable<ChangedPlace> changed) => changed
            .GroupBy(c => PartitionOf(reference, places, c.Outcome, c.PlaceId))
            .ToDictionary(g => g.Key, g => (Claims: g.Sum(c => c.Claims), Stored: g.Any(c => c.Stored)));

    /// <summary>
    /// The claims of an incremental run's partitions, counted on the run's snapshot (one query an outcome, by
    /// <c>claims_outcome_place_idx</c>), as a full run counts all of them: so that they are batched by claims, held in the
    /// claims budget, and a partition above <see cref="SplitAbove"/> is read in runs. Counted by the places the reader reads
    /// (a partition's country's places, and no place for the partition with no country). Without the count an incremental
    /// run read its partitions whole in batches of places and counted each batch as one unit of the budget: at 5,000,000
    /// generated claims the benchmark's four partitions (251,000 claims) were in memory at once, peak 474 MB against the full
    /// run's 251 MB (issue 14, session 16).
    /// </summary>
    private static async Task<Dictionary<PartitionKey, (long Claims, bool Stored)>> Counted(NpgsqlConnection conn, NpgsqlTransaction tx,
        ReconciliationReference reference, PlaceIndex places, Dictionary<string, long[]> placesByCountry,
        Dictionary<PartitionKey, (long Claims, bool Stored)> byPartition, CancellationToken ct)
    {
        var counted = byPartition.ToDictionary(p => p.Key, p => (Claims: 0L, p.Value.Stored));
        foreach (var byOutcome in byPartition.Keys.GroupBy(p => p.Outcome))
        {
            var countries = byOutcome.Select(p => p.Country).ToHashSet(StringComparer.Ordinal);
            var rows = await conn.QueryAsync<ChangedPlace>(new CommandDefinition(CountPartitionsSql, new
            {
                Outcome = byOutcome.Key.ToName(),
                Places = countries.SelectMany(c => placesByCountry.GetValueOrDefault(c) ?? []).ToArray(),
                Unplaced = countries.Contains(PlaceIndex.NoCountry),
            }, tx, cancellationToken: ct));
            foreach (var row in rows)
            {
                var partition = PartitionOf(reference, places, row.Outcome, row.PlaceId);
                if (counted.TryGetValue(partition, out var known)) counted[partition] = (known.Claims + row.Claims, known.Stored);
            }
        }
        return counted;
    }

    private static PartitionKey PartitionOf(ReconciliationReference reference, PlaceIndex places, string outcome, long? placeId) =>
        new(OutcomeNames.Parse(outcome),
            placeId is { } id && reference.PlaceKeys.TryGetValue(id, out var key) ? places.CountryOf(key) : PlaceIndex.NoCountry);

    /// <summary>
    /// Reads the batches' claims on a connection of its own, in a REPEATABLE READ transaction on the run's
    /// <paramref name="snapshot"/>, and hands each batch to the thread pool to reconcile, in order, through
    /// <paramref name="ready"/>; a batch is read once <paramref name="budget"/> has room for its claims (released when
    /// its results are stored).
    /// </summary>
    private async Task Read(string snapshot, Reconciler reconciler, IReadOnlyDictionary<long, string> placeKeys,
        Dictionary<string, long[]> placesByCountry, IEnumerable<List<PartitionKey>> batches, Func<List<PartitionKey>, long> claimsOf,
        SemaphoreSlim budget, int units, ChannelWriter<(Task<Piece>, int)> ready,
        PhaseTimes phases, Action<int> counted, CancellationToken ct)
    {
        await Task.Yield();
        try
        {
            await using var conn = await dataSource.OpenConnectionAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            await conn.ExecuteAsync(new CommandDefinition($"SET TRANSACTION SNAPSHOT '{snapshot.Replace("'", "''", StringComparison.Ordinal)}'",
                transaction: tx, cancellationToken: ct));
            await conn.ExecuteAsync(new CommandDefinition(ClaimLoader.ReaderSettingsSql, transaction: tx, cancellationToken: ct));
            var loader = new ClaimLoader(placeKeys, reconciler.Places);
            foreach (var batch in batches)
            {
                if (claimsOf(batch) > SplitAbove && batch.Count == 1 && batch[0].Country != PlaceIndex.NoCountry)
                {
                    await ReadInRuns(conn, tx, loader, reconciler, batch[0], placesByCountry.GetValueOrDefault(batch[0].Country) ?? [],
                        claimsOf(batch), budget, units, ready, phases, counted, ct);
                    continue;
                }
                // Room for the batch's claims first (all of it for a batch larger than the budget: it goes alone). A batch of
                // at most SplitAbove claims counts at most half the budget, so that the next one is read and reconciled while
                // it is stored (session 13: two partitions of 25,000 did not fit in 45,000 and went through the pipeline one
                // at a time): about twice SplitAbove claims in flight at most.
                var batchClaims = claimsOf(batch);
                var batchUnits = (int)Math.Clamp(batchClaims / ClaimsPerUnit + 1, 1, batchClaims <= SplitAbove ? Math.Max(1, units / 2) : units);
                for (var i = 0; i < batchUnits; i++) await budget.WaitAsync(ct);
                var started = Stopwatch.GetTimestamp();
                var outcome = batch[0].Outcome;
                var countries = batch.Select(p => p.Country).ToHashSet(StringComparer.Ordinal);
                var placeIds = countries.SelectMany(c => placesByCountry.GetValueOrDefault(c) ?? []).ToArray();
                var claims = await loader.Load(conn, tx, outcome, placeIds, countries.Contains(PlaceIndex.NoCountry), ct,
                    (int)Math.Min(claimsOf(batch), SplitAbove * 2L));
                counted(claims.Count);
                phases.Add("read (beside the rest)", Stopwatch.GetElapsedTime(started));
                var reconciling = StartReconciling(reconciler, outcome, countries, claims, ct);
                claims = null!; // not held here while the budget is awaited for the next batch
                await ready.WriteAsync((reconciling, batchUnits), ct);
            }
            await tx.CommitAsync(ct);
            ready.Complete();
        }
        catch (Exception e)
        {
            ready.TryComplete(e);
            throw;
        }
    }

    /// <summary>
    /// Reconciles a batch on a thread of its own: it blocks while its partitions run on the pool, which the
    /// connections' I/O needs too. The task lets go of the claims when it is done.
    /// </summary>
    private static Task<Piece> StartReconciling(Reconciler reconciler, Outcome outcome,
        HashSet<string> countries, List<ClaimRecord> claims, CancellationToken ct) =>
        Task.Factory.StartNew(() => new Piece(outcome, Reconcile(reconciler, outcome, countries, claims, ct), Opens: true, Closes: true),
            ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>
    /// Reads and reconciles one large partition in runs (issue 14): the outlines of its claims first (id, parent, window,
    /// event id), split into runs that reconcile exactly as the whole (<see cref="PartitionRuns"/>); then the first chunk
    /// of runs (with every tally) by id, and the others from one query of the partition's claims in day order, each claim
    /// to the chunk whose days it lies in, a chunk read once the budget has room for it; reconciled one chunk after
    /// another on a thread of its own (<see cref="PartitionReconciliation"/>) while the next is read and the one before is stored.
    /// </summary>
    private async Task ReadInRuns(NpgsqlConnection conn, NpgsqlTransaction tx, ClaimLoader loader, Reconciler reconciler, PartitionKey partition,
        long[] placeIds, long claimCount, SemaphoreSlim budget, int units, ChannelWriter<(Task<Piece>, int)> ready, PhaseTimes phases,
        Action<int> counted, CancellationToken ct)
    {
        // The outlines and the split's arrays take about a twentieth of what a claim takes reconciled: counted in the budget.
        var outlineUnits = (int)Math.Clamp(claimCount / OutlinesPerClaim / ClaimsPerUnit + 1, 1, units);
        for (var i = 0; i < outlineUnits; i++) await budget.WaitAsync(ct);
        var started = Stopwatch.GetTimestamp();
        var outlines = await loader.LoadOutlines(conn, tx, partition.Outcome, placeIds, unplaced: false, (int)Math.Min(claimCount, int.MaxValue / 2), ct);
        var chunks = PartitionRuns.SplitChunks(outlines, reconciler.IsOverridden, ClaimsPerBatch);
        outlines = null!;
        budget.Release(outlineUnits);
        phases.Add("read (beside the rest)", Stopwatch.GetElapsedTime(started));
        var running = new PartitionReconciliation(reconciler, partition.Outcome);
        if (chunks.Count == 0) chunks.Add(new PartitionChunk([], int.MinValue));
        Task? previous = null;

        // The first chunk (the tallies, of any day, and the first runs of events) by id. The partition keeps its tallies
        // (claims, drafts, built incidents) to its end: their share of the first chunk's room is given back only when the
        // last chunk is stored (issue 14, session 14: at 5,000,000 claims every partition is split, and its tallies, a
        // tenth of its claims, were in memory beside a full budget of chunks).
        var first = chunks[0].Ids;
        var firstUnits = Math.Clamp(first.Length / ClaimsPerUnit + 1, 1, units);
        var tallyUnits = chunks.Count == 1 ? 0 : Math.Min(firstUnits - 1, chunks[0].TallyClaims / ClaimsPerUnit);
        for (var i = 0; i < firstUnits; i++) await budget.WaitAsync(ct);
        started = Stopwatch.GetTimestamp();
        var claims = first.Length == 0 ? [] : await loader.LoadByIds(conn, tx, partition.Outcome, first, ct);
        counted(claims.Count);
        phases.Add("read (beside the rest)", Stopwatch.GetElapsedTime(started));
        await Hand(claims, 0, firstUnits - tallyUnits);
        claims = null!; // not held here while the rest is read
        if (chunks.Count == 1) return;

        // The rest in one query, in about the order of the claims' first days, each claim to the chunk whose days it lies
        // in (PartitionChunk.FirstDay: exact, whatever the order), a chunk handed on once all its claims came. Claims of the
        // first chunk (read above) are passed over before they are built; a claim of a chunk already handed on, or of none, is
        // an error.
        var firstDays = chunks.ConvertAll(c => c.FirstDay).ToArray();
        var pending = new List<ClaimRecord>?[chunks.Count];
        var missing = chunks.ConvertAll(c => c.Ids.Length).ToArray();
        await using var stream = loader.StreamByDay(conn, tx, partition.Outcome, placeIds, unplaced: false, (int)Math.Min(claimCount, int.MaxValue),
            id => Array.BinarySearch(first, id) >= 0, ct).GetAsyncEnumerator(ct);
        for (var c = 1; c < chunks.Count; c++)
        {
            var chunkUnits = Math.Clamp(chunks[c].Ids.Length / ClaimsPerUnit + 1, 1, units - tallyUnits);
            for (var i = 0; i < chunkUnits; i++) await budget.WaitAsync(ct);
            started = Stopwatch.GetTimestamp();
            while (missing[c] > 0)
            {
                if (!await stream.MoveNextAsync()) throw new InvalidOperationException($"Claims of a run of partition {partition} were not read again ({missing[c]} of its chunk {c}).");
                Route(stream.Current, c);
            }
            var chunkClaims = pending[c] ?? [];
            pending[c] = null;
            chunks[c] = null!;
            counted(chunkClaims.Count);
            phases.Add("read (beside the rest)", Stopwatch.GetElapsedTime(started));
            // The last chunk's store gives back the tallies' room too.
            await Hand(chunkClaims, c, c == chunks.Count - 1 ? chunkUnits + tallyUnits : chunkUnits);
            chunkClaims = null!;
        }
        started = Stopwatch.GetTimestamp();
        while (await stream.MoveNextAsync()) Route(stream.Current, chunks.Count);
        phases.Add("read (beside the rest)", Stopwatch.GetElapsedTime(started));

        void Route(ClaimRecord claim, int handing)
        {
            var day = claim.Window().First.DayNumber;
            var chunk = Array.BinarySearch(firstDays, 1, firstDays.Length - 1, day);
            chunk = chunk >= 0 ? chunk : ~chunk - 1; // the last chunk starting on or before the day (first days rise strictly)
            if (chunk < handing || chunk >= chunks.Count || Array.BinarySearch(chunks[chunk].Ids, claim.Id) < 0)
            {
                throw new InvalidOperationException($"Claim {claim.Id} of partition {partition} lies in no run still to read (day {day}, chunk {chunk}).");
            }
            (pending[chunk] ??= new List<ClaimRecord>(chunks[chunk].Ids.Length)).Add(claim);
            missing[chunk]--;
        }

        async Task Hand(List<ClaimRecord> chunkClaims, int c, int chunkUnits)
        {
            var reconciling = StartReconcilingRun(previous, reconciler, running, partition, chunkClaims, opens: c == 0, closes: c == chunks.Count - 1, ct);
            // The next run waits for this one (a partition's runs go in order); it need not hold this one's rows.
            previous = reconciling.ContinueWith(static t => t.GetAwaiter().GetResult(), CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            await ready.WriteAsync((reconciling, chunkUnits), ct);
        }
    }

    /// <summary>
    /// Reconciles one run of a partition after <paramref name="previous"/> (the run before it), on a thread of its own;
    /// the last run also finishes the partition (its tallies' rows, its totals).
    /// </summary>
    private static Task<Piece> StartReconcilingRun(Task? previous, Reconciler reconciler, PartitionReconciliation running, PartitionKey partition,
        List<ClaimRecord> claims, bool opens, bool closes, CancellationToken ct)
    {
        Piece Work()
        {
            // As a batch of one partition does: claims the partition's places read but that belong elsewhere are left out.
            var mine = claims.TrueForAll(c => string.Equals(reconciler.Places.CountryOf(c.PlaceKey), partition.Country, StringComparison.Ordinal))
                ? claims
                : claims.FindAll(c => string.Equals(reconciler.Places.CountryOf(c.PlaceKey), partition.Country, StringComparison.Ordinal));
            var result = running.Add(mine);
            claims = mine = null!;
            if (closes)
            {
                var end = running.Finish();
                result = new ReconciliationResult([.. result.Incidents, .. end.Incidents], end.Totals, [.. result.Flags, .. end.Flags]);
            }
            return new Piece(partition.Outcome, [ReconciliationStore.Prepare(partition.Outcome, partition.Country, result)], opens, closes);
        }
        return previous is null
            ? Task.Factory.StartNew(Work, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            : previous.ContinueWith(p =>
            {
                p.GetAwaiter().GetResult();
                return Work();
            }, ct, TaskContinuationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>
    /// The claims of one batch of partitions (one outcome), reconciled partition by partition: in parallel, as
    /// partitions are independent, and kept in country order so that the run is deterministic.
    /// </summary>
    private static List<PreparedPartition> Reconcile(Reconciler reconciler, Outcome outcome, HashSet<string> countries,
        List<ClaimRecord> claims, CancellationToken ct)
    {
        // A batch of one partition (a large one goes alone) is reconciled from the list read, not from a copy of it.
        var byCountry = countries.Count == 1 && claims.TrueForAll(c => countries.Contains(reconciler.Places.CountryOf(c.PlaceKey)))
            ? new Dictionary<string, List<ClaimRecord>>(StringComparer.Ordinal) { [countries.First()] = claims }
            : claims.GroupBy(c => reconciler.Places.CountryOf(c.PlaceKey), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return countries.Order(StringComparer.Ordinal)
            .AsParallel().AsOrdered().WithCancellation(ct)
            .Select(country => ReconciliationStore.Prepare(outcome, country, reconciler.ReconcilePartition(byCountry.GetValueOrDefault(country) ?? [])))
            .ToList();
    }

    /// <summary>Partitions of one outcome, grouped so that each batch is at most about <paramref name="limit"/> in <paramref name="size"/>.</summary>
    private static IEnumerable<List<PartitionKey>> Batches(List<PartitionKey> partitions, Func<PartitionKey, long> size, long limit)
    {
        foreach (var byOutcome in partitions.GroupBy(p => p.Outcome))
        {
            var batch = new List<PartitionKey>();
            var batchSize = 0L;
            foreach (var partition in byOutcome)
            {
                var partitionSize = Math.Max(1, size(partition));
                if (batch.Count > 0 && batchSize + partitionSize > limit)
                {
                    yield return batch;
                    batch = [];
                    batchSize = 0;
                }
                batch.Add(partition);
                batchSize += partitionSize;
            }
            if (batch.Count > 0) yield return batch;
        }
    }
}
