using System.Data;
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
public sealed class ReconciliationRunner(NpgsqlDataSource dataSource, ReconcileOptions? options = null, TimeProvider? time = null)
{
    private const long AdvisoryLockKey = 0x_CA5_8EC0;

    /// <summary>
    /// Partitions are read and stored in batches of about this many claims (a full run, which counts them), or of
    /// about this many places (an incremental run), to bound memory and so that one batch is reconciled while the
    /// previous one is stored.
    /// </summary>
    internal int ClaimsPerBatch { get; init; } = 50_000;

    /// <inheritdoc cref="ClaimsPerBatch"/>
    internal int PlacesPerBatch { get; init; } = 10_000;

    private sealed record LastRun(long RunId, int Claims, int Incidents, int Flags, long ClaimWatermark, long ChangeWatermark);

    /// <summary>A place whose partition a run recomputes: its claims (when counted), and whether results are stored for it.</summary>
    private sealed record ChangedPlace(string Outcome, long? PlaceId, long Claims, bool Stored);

    const string LastRunSql = """
        SELECT run_id, claims, incidents, flags, claim_watermark, change_watermark
        FROM reconciliation_runs ORDER BY run_id DESC LIMIT 1
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
            claim_watermark = @ClaimWatermark, change_watermark = @ChangeWatermark
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

        var reconciler = new Reconciler(reference.Gazetteer,
            (options ?? ReconcileOptions.Default) with { VictimParents = reference.VictimParents, SourceShortNames = reference.SourceShortNames }, reference.Overrides);
        var places = reconciler.Places;
        var byPartition = changed
            .GroupBy(c => new PartitionKey(OutcomeNames.Parse(c.Outcome),
                c.PlaceId is { } id && reference.PlaceKeys.TryGetValue(id, out var key) ? places.CountryOf(key) : PlaceIndex.NoCountry))
            .ToDictionary(g => g.Key, g => (Claims: g.Sum(c => c.Claims), Stored: g.Any(c => c.Stored)));
        var partitions = byPartition.Keys.Order().ToList();

        phases.Lap("partitions");
        var runId = await conn.ExecuteScalarAsync<long>(new CommandDefinition(StartRunSql,
            new { StartedAt = clock.GetUtcNow(), Mode = mode }, tx, cancellationToken: ct));

        var placesByCountry = reference.PlaceKeys
            .GroupBy(p => places.CountryOf(p.Value), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Key).ToArray(), StringComparer.Ordinal);
        var loader = new ClaimLoader(reference.PlaceKeys, places);
        var store = new ReconciliationStore();
        var changes = default(StoreChanges);
        var claimsRead = 0;
        var batches = mode == "full"
            ? Batches(partitions, p => byPartition[p].Claims, ClaimsPerBatch)
            : Batches(partitions, p => placesByCountry.GetValueOrDefault(p.Country)?.Length ?? 1, PlacesPerBatch);
        // One batch is reconciled (on the thread pool) while the previous one is stored (on the connection).
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Task<(Outcome Outcome, List<PreparedPartition> Results)>? reconciling = null;
        try
        {
            foreach (var batch in batches)
            {
                var outcome = batch[0].Outcome;
                var countries = batch.Select(p => p.Country).ToHashSet(StringComparer.Ordinal);
                var placeIds = countries.SelectMany(c => placesByCountry.GetValueOrDefault(c) ?? []).ToArray();
                var claims = await loader.Load(conn, tx, outcome, placeIds, countries.Contains(PlaceIndex.NoCountry), ct);
                claimsRead += claims.Count;
                phases.Lap("load");
                // On a thread of its own: it blocks while its partitions run on the pool, which the connection's I/O needs too.
                var next = Task.Factory.StartNew(() => (outcome, Reconcile(reconciler, outcome, countries, claims, stop.Token)),
                    stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
                if (reconciling is not null) changes += await Store(await reconciling);
                reconciling = next;
            }
            if (reconciling is not null) changes += await Store(await reconciling);
        }
        finally
        {
            await stop.CancelAsync();
        }

        async Task<StoreChanges> Store((Outcome Outcome, List<PreparedPartition> Results) batch)
        {
            phases.Lap("reconcile (waiting for it)");
            // Partitions with no results stored when the run began have no current rows to compare with: not asked
            // for, as the tables grow inside this transaction faster than the planner's statistics follow.
            var storedCountries = batch.Results.Select(r => r.Country)
                .Where(country => byPartition[new PartitionKey(batch.Outcome, country)].Stored).ToHashSet(StringComparer.Ordinal);
            var stored = await store.Replace(conn, tx, runId, batch.Outcome, batch.Results, ct, phases, storedCountries);
            phases.Lap("store");
            return stored;
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

    /// <summary>
    /// The claims of one batch of partitions (one outcome), reconciled partition by partition: in parallel, as
    /// partitions are independent, and kept in country order so that the run is deterministic.
    /// </summary>
    private static List<PreparedPartition> Reconcile(Reconciler reconciler, Outcome outcome, HashSet<string> countries,
        List<ClaimRecord> claims, CancellationToken ct)
    {
        var byCountry = claims.GroupBy(c => reconciler.Places.CountryOf(c.PlaceKey), StringComparer.Ordinal)
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
