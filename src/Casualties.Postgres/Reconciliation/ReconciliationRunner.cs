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

/// <summary>
/// Runs a reconciliation against the database: finds the partitions to recompute (all with --full; else those
/// whose claims are new or changed since the last run), reads their claims, reconciles them and stores the
/// result as a new run — all in one transaction under an advisory lock, so a failed run changes nothing and two
/// runs never interleave.
/// </summary>
public sealed class ReconciliationRunner(NpgsqlDataSource dataSource, ReconcileOptions? options = null, TimeProvider? time = null)
{
    private const long AdvisoryLockKey = 0x_CA5_8EC0;

    /// <summary>
    /// Partitions are read and stored in batches of about this many claims (a full run, which counts them), or of
    /// about this many places (an incremental run), to bound memory and so that one batch is reconciled while the
    /// previous one is stored.
    /// </summary>
    internal int ClaimsPerBatch { get; init; } = 100_000;

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

    const string ChangedPartitionsSql = """
        SELECT DISTINCT outcome, place_id, 0::bigint AS claims, true AS stored FROM claims WHERE id > @ClaimWatermark
        UNION SELECT DISTINCT outcome, place_id, 0, true FROM reconcile_changes WHERE id > @ChangeWatermark
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

    public async Task<ReconcileSummary> Run(bool full, CancellationToken ct = default)
    {
        var clock = time ?? TimeProvider.System;
        var started = clock.GetTimestamp();
        var phases = new PhaseTimes(clock);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await conn.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@Key)", new { Key = AdvisoryLockKey }, tx, cancellationToken: ct));

        var reference = await ReconciliationReference.Load(conn, tx, ct);
        var last = await conn.QuerySingleOrDefaultAsync<LastRun>(new CommandDefinition(LastRunSql, transaction: tx, cancellationToken: ct));
        var claimWatermark = await conn.ExecuteScalarAsync<long>(new CommandDefinition("SELECT coalesce(max(id), 0) FROM claims", transaction: tx, cancellationToken: ct));
        var changeWatermark = await conn.ExecuteScalarAsync<long>(new CommandDefinition("SELECT coalesce(max(id), 0) FROM reconcile_changes", transaction: tx, cancellationToken: ct));
        var mode = full || last is null ? "full" : "incremental";
        phases.Lap("reference");

        var changed = mode == "full"
            ? await conn.QueryAsync<ChangedPlace>(new CommandDefinition(AllPartitionsSql, transaction: tx, cancellationToken: ct))
            : await conn.QueryAsync<ChangedPlace>(new CommandDefinition(ChangedPartitionsSql,
                new { last!.ClaimWatermark, last.ChangeWatermark }, tx, cancellationToken: ct));

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
        var loader = new ClaimLoader(reference.PlaceKeys);
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
