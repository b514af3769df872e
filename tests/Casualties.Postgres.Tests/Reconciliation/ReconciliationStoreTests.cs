using Casualties.Postgres.Reconciliation;
using Casualties.Testing;
using Dapper;
using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;

namespace Casualties.Postgres.Tests.Reconciliation;

[Property("Issue", "8")]
public sealed class ReconciliationStoreTests
{
    private TestDatabase database = null!;

    [SetUp]
    public async Task CreateDatabase()
    {
        database = await TestCluster.CreateDatabase(seeded: false);
        await ClaimRows.Seed(database.DataSource);
    }

    [TearDown]
    public async Task DropDatabase() => await database.DisposeAsync();

    private Task<ReconcileSummary> Reconcile(bool full = false) => new ReconciliationRunner(database.DataSource).Run(full);

    private async Task<List<T>> Query<T>(string sql, object? parameters = null)
    {
        await using var conn = await database.DataSource.OpenConnectionAsync();
        return (await conn.QueryAsync<T>(sql, parameters)).AsList();
    }

    private async Task Execute(string sql, object? parameters = null)
    {
        await using var conn = await database.DataSource.OpenConnectionAsync();
        await conn.ExecuteAsync(sql, parameters);
    }

    /// <summary>Everything the views show, without surrogate ids and run numbers, in a fixed order.</summary>
    private async Task<string> Snapshot()
    {
        var incidents = await Query<string>("""
            SELECT concat_ws('|', kind, outcome, place_key, start_date, end_date, perpetrator_side, victims, low, best, high,
                consensus_low, consensus_high, source_count, claim_count, flag_count,
                (SELECT min(m.claim_id) FROM incident_members m WHERE m.incident_id = i.incident_id),
                (SELECT min(m.claim_id) FROM incident_members m WHERE m.incident_id = i.contained_in))
            FROM v_incidents i ORDER BY 1
            """);
        var sources = await Query<string>("""
            SELECT concat_ws('|', claim_id, victims, headline, source, superseded, rule,
                (SELECT min(m.claim_id) FROM incident_members m WHERE m.incident_id = s.incident_id))
            FROM v_incident_sources s ORDER BY claim_id
            """);
        var figures = await Query<string>("""
            SELECT concat_ws('|', (SELECT min(m.claim_id) FROM incident_members m WHERE m.incident_id = f.incident_id),
                victims, victim_side, headline, low, best, high, has_consensus, consensus_low, consensus_high, source_count)
            FROM v_incident_figures f ORDER BY 1
            """);
        var totals = await Query<string>("""
            SELECT concat_ws('|', perpetrator_side, outcome, victims, victim_side, place_key, period, period_start, low, best, high, method, incident_count)
            FROM v_side_totals ORDER BY 1
            """);
        var flags = await Query<string>("SELECT concat_ws('|', kind, severity, place, claim_ids, sources, explanation) FROM v_flags ORDER BY 1");
        return string.Join('\n', incidents.Concat(sources).Concat(figures).Concat(totals).Concat(flags));
    }

    [Test]
    public async Task The_seed_article_reconciles_into_separate_incidents_with_per_side_totals_in_the_views()
    {
        await ClaimRows.Insert(database.DataSource, ClaimRows.SeedArticle());
        var summary = await Reconcile();
        Assert.That((summary.Mode, summary.Claims, summary.Flags), Is.EqualTo(("full", 10, 0)));

        var killed = await Query<(string Place, string? Side, string Kind, int Low, string? Container)>("""
            SELECT i.place, i.perpetrator_side, i.kind, i.low, c.place FROM v_incidents i
            LEFT JOIN v_incidents c ON c.incident_id = i.contained_in
            WHERE i.outcome = 'killed' ORDER BY i.place, i.perpetrator_side
            """);
        Assert.That(killed, Is.EqualTo(new[]
        {
            ("East Aleppo", "government", "tally", 342, "Syria"),
            ("Idlib", "government", "event", 25, "Syria"),
            ("Idlib", "opposition", "event", 10, "Syria"),
            ("Syria", null, "tally", 300001, null),
            ("West Aleppo", "opposition", "tally", 81, "Syria"),
        }));
        var children = await Query<(string Victims, bool Headline, int Low, string Rule)>("""
            SELECT s.victims, s.headline, s.low, s.rule FROM v_incident_sources s JOIN v_incidents i USING (incident_id)
            WHERE i.place = 'East Aleppo' AND i.outcome = 'killed' ORDER BY s.claim_id
            """);
        Assert.That(children, Is.EqualTo(new[] { ("people", true, 342, "anchor"), ("children", false, 44, "subset_of_parent") }));
        var totals = await Query<(string Side, string Victims, long Low, string Method)>("""
            SELECT perpetrator_side, victims, low, method FROM v_side_totals
            WHERE place_key = 'syria' AND period = 'all' AND outcome = 'killed' AND perpetrator_side IS NOT NULL AND victims = 'people'
            ORDER BY perpetrator_side
            """);
        Assert.That(totals, Is.EqualTo(new[] { ("government", "people", 367L, "sum_of_parts"), ("opposition", "people", 91L, "sum_of_parts") }));
    }

    /// <summary>
    /// For any claims stored in batches with an incremental run after each, then a few deleted (FsCheck, a fresh
    /// database per case, a few cases: each costs seconds), the views show what a full run computes, and that full
    /// run finds nothing to change. A failure prints the smallest batches FsCheck shrank to.
    /// </summary>
    [Test]
    [Property("Issue", "12")]
    public void An_incremental_run_gives_what_a_full_run_gives_and_a_full_run_after_it_changes_nothing() =>
        CheckInFreshDatabases(stored => IncrementalRunsThenFull(stored, new ReconciliationRunner(database.DataSource)), cases: 8);

    /// <summary>
    /// The same with every partition of the incremental runs read and reconciled in runs of overlapping days, three
    /// claims a run at most, one run in memory at a time (issue 14, session 16: an incremental run counts its partitions'
    /// claims and reads one above <c>SplitAbove</c> in runs, as a full run does).
    /// </summary>
    [Test]
    [Property("Issue", "14")]
    public void An_incremental_run_that_reads_partitions_in_runs_gives_what_a_full_run_gives() =>
        CheckInFreshDatabases(stored => IncrementalRunsThenFull(stored,
            new ReconciliationRunner(database.DataSource) { SplitAbove = 0, ClaimsPerBatch = 3, ClaimsInFlight = 1 }), cases: 5);

    /// <summary>
    /// Checks <paramref name="property"/> for generated <see cref="StoredBatches"/> (FsCheck), each case in a fresh
    /// database of its own (the fixture's <c>database</c> while it runs): a few cases, as each costs seconds. A failure
    /// prints the smallest batches FsCheck shrank to, and the seed that replays them.
    /// </summary>
    private void CheckInFreshDatabases(Func<StoredBatches, Task<FsCheck.Property>> property, int cases) =>
        Prop.ForAll(StoredBatches.Arbitrary(), stored => InFreshDatabase(() => property(stored)).GetAwaiter().GetResult())
            .Check(Config.QuickThrowOnFailure.WithMaxTest(cases));

    private async Task<FsCheck.Property> InFreshDatabase(Func<Task<FsCheck.Property>> property)
    {
        var fixtureDatabase = database;
        await using var fresh = await TestCluster.CreateDatabase(seeded: false);
        await ClaimRows.Seed(fresh.DataSource);
        database = fresh;
        try
        {
            return await property();
        }
        finally
        {
            database = fixtureDatabase;
        }
    }

    /// <summary>
    /// Runs <paramref name="runner"/> after each of the batches and after a few claims are deleted, then a full run with
    /// the default settings: it finds nothing to change and the views are the same.
    /// </summary>
    private async Task<FsCheck.Property> IncrementalRunsThenFull(StoredBatches stored, ReconciliationRunner runner)
    {
        var modes = new List<string>();
        for (var batch = 0; batch < stored.Batches.Count; batch++)
        {
            await ClaimRows.Insert(database.DataSource, stored.Rows(batch));
            var run = await runner.Run(full: false);
            modes.Add(run.Mode);
        }
        await Execute("DELETE FROM claims WHERE id IN (SELECT id FROM claims ORDER BY id LIMIT @Deleted)", new { stored.Deleted });
        await runner.Run(full: false);
        var incremental = await Snapshot();

        var full = await Reconcile(full: true);
        var afterFull = await Snapshot();
        var counts = (await Query<(int Incidents, int Flags, long Claims)>(
            "SELECT (SELECT count(*)::int FROM v_incidents), (SELECT count(*)::int FROM v_flags), coalesce((SELECT sum(claim_count) FROM v_incidents), 0)")).Single();
        return (modes.SequenceEqual(["full", .. Enumerable.Repeat("incremental", modes.Count - 1)])).Label($"modes {string.Join(", ", modes)}")
            .And((full.RowsChanged == 0).Label($"a full run after incremental ones changed {full.RowsChanged} rows"))
            .And((afterFull == incremental).Label("the views differ after the full run: " + FirstDifference(afterFull, incremental)))
            .And(((full.Incidents, full.Flags, (long)full.Claims) == counts)
                .Label($"the full run's summary {(full.Incidents, full.Flags, full.Claims)} is not the views' {counts}"));
    }

    /// <summary>The same views, else false labelled with the first line where they differ.</summary>
    private static FsCheck.Property SameViews(string actual, string expected, string what) =>
        (actual == expected).Label($"{what}: " + FirstDifference(actual, expected));

    /// <summary>The (outcome, country) partitions of the generated claims (their places are all in Syria or Iraq).</summary>
    private static int Partitions(IEnumerable<ClaimRow> rows) => rows.Select(r => (r.Outcome, r.Place?.Split('.')[0])).Distinct().Count();

    private static string FirstDifference(string actual, string expected)
    {
        var (a, e) = (actual.Split('\n'), expected.Split('\n'));
        var line = 0;
        while (line < a.Length && line < e.Length && a[line] == e[line]) line++;
        return $"line {line + 1}: {(line < a.Length ? a[line] : "(none)")} instead of {(line < e.Length ? e[line] : "(none)")}";
    }

    /// <summary>Over any claims stored before it (FsCheck, <see cref="CheckInFreshDatabases"/>).</summary>
    [Test]
    [Property("Issue", "14")]
    public void Claims_of_an_ingest_that_commits_after_a_run_it_started_before_are_reconciled_by_the_next_incremental_run() =>
        CheckInFreshDatabases(async stored =>
        {
            await ClaimRows.Insert(database.DataSource, stored.AllRows());
            await Reconcile();

            // The slow ingest starts first (its claims get the lower ids) and commits last.
            await using var slow = await database.DataSource.OpenConnectionAsync();
            await using var slowIngest = await slow.BeginTransactionAsync();
            await ClaimRows.Insert(slow, slowIngest, [
                new ClaimRow("slow-1", 0, 40, 40, Place: "iraq.mosul", Side: null, Start: "2016-11-20", Reported: "2016-11-21"),
                new ClaimRow("slow-2", 0, 7, 7, Place: "syria.idlib", Side: "opposition", Start: "2016-11-03", Reported: "2016-11-04"),
            ]);
            await ClaimRows.Insert(database.DataSource, [new ClaimRow("fast-1", 0, 44, 44, Place: "iraq.mosul", Side: null, Start: "2016-11-20",
                Source: "UN", Reported: "2016-11-22")]);
            var duringIngest = (await Reconcile()).Mode;
            await slowIngest.CommitAsync();

            var afterIngest = (await Reconcile()).Mode;
            var incremental = await Snapshot();
            var unreconciled = (await Query<long>("SELECT (SELECT count(*) FROM claims) - (SELECT sum(claim_count) FROM v_incidents)")).Single();
            var full = await Reconcile(full: true);
            return (duringIngest == "incremental" && afterIngest == "incremental").Label($"runs {duringIngest} and {afterIngest}, not incremental")
                .And((unreconciled == 0).Label($"{unreconciled} claims in no incident after the incremental run"))
                .And((full.RowsChanged == 0).Label($"a full run found {full.RowsChanged} rows the incremental runs missed"))
                .And(SameViews(await Snapshot(), incremental, "the views differ after the full run"));
        }, cases: 5);

    /// <summary>Over any claims (FsCheck, <see cref="CheckInFreshDatabases"/>), and two with no place.</summary>
    [Test]
    [Property("Issue", "12")]
    public void A_full_run_in_many_batches_stores_what_a_run_in_one_batch_stores() => CheckInFreshDatabases(async stored =>
    {
        List<ClaimRow> rows = [
            .. stored.AllRows(),
            new ClaimRow("nowhere-1", 0, 7, 7, Place: null),
            new ClaimRow("nowhere-2", 0, 9, 9, Source: "UN", Place: null),
        ];
        await ClaimRows.Insert(database.DataSource, rows);
        // One partition to a batch: each is reconciled while the one before it is stored.
        var inBatches = await new ReconciliationRunner(database.DataSource) { ClaimsPerBatch = 1 }.Run(full: true);
        var snapshot = await Snapshot();

        var inOne = await new ReconciliationRunner(database.DataSource) { ClaimsPerBatch = int.MaxValue }.Run(full: true);

        var (one, many) = ((inOne.Incidents, inOne.Flags, inOne.Claims), (inBatches.Incidents, inBatches.Flags, inBatches.Claims));
        return (inBatches.Partitions == Partitions(rows)).Label($"{inBatches.Partitions} partitions, not {Partitions(rows)}")
            .And((inOne.RowsChanged == 0).Label($"one batch found {inOne.RowsChanged} rows to change after many"))
            .And(SameViews(await Snapshot(), snapshot, "the views differ after one batch"))
            .And((one == many).Label($"one batch's summary {one}, many batches' {many}"));
    }, cases: 5);

    /// <summary>Over any claims (FsCheck, <see cref="CheckInFreshDatabases"/>), and one with no place.</summary>
    [Test]
    [Property("Issue", "12")]
    public void A_run_that_holds_one_batch_in_memory_at_a_time_stores_what_an_unbounded_run_stores() => CheckInFreshDatabases(async stored =>
    {
        List<ClaimRow> rows = [.. stored.AllRows(), new ClaimRow("nowhere-1", 0, 4, 4, Place: null)];
        await ClaimRows.Insert(database.DataSource, rows);
        // Each batch is read only once the one before it is stored (the budget holds less than a batch).
        var oneAtATime = await new ReconciliationRunner(database.DataSource) { ClaimsPerBatch = 1, ClaimsInFlight = 1 }.Run(full: true);
        var snapshot = await Snapshot();

        var unbounded = await new ReconciliationRunner(database.DataSource) { ClaimsPerBatch = 1, ClaimsInFlight = int.MaxValue }.Run(full: true);

        var (bounded, free) = ((oneAtATime.ClaimsRead, oneAtATime.Incidents, oneAtATime.Flags), (unbounded.ClaimsRead, unbounded.Incidents, unbounded.Flags));
        return (unbounded.RowsChanged == 0).Label($"an unbounded run found {unbounded.RowsChanged} rows to change")
            .And(SameViews(await Snapshot(), snapshot, "the views differ after the unbounded run"))
            .And(((oneAtATime.Partitions, oneAtATime.ClaimsRead) == (Partitions(rows), rows.Count))
                .Label($"read {oneAtATime.Partitions} partitions and {oneAtATime.ClaimsRead} claims, not each of {Partitions(rows)} and {rows.Count} once"))
            .And((free == bounded).Label($"unbounded {free}, one at a time {bounded}"));
    }, cases: 5);

    /// <summary>
    /// Every partition read and reconciled in runs of overlapping days (issue 14: <c>SplitAbove</c> 0, three claims a
    /// run at most, one run in memory at a time) stores what reading each partition whole stores, on a first run (the
    /// seed article and the first generated batch), and after more claims came (rows closed and written piece by piece:
    /// the second batch), either way round (the third) — over any batches (FsCheck, <see cref="CheckInFreshDatabases"/>).
    /// </summary>
    [Test]
    [Property("Issue", "14")]
    public void A_full_run_that_reads_partitions_in_runs_stores_what_reading_them_whole_stores() => CheckInFreshDatabases(async stored =>
    {
        await ClaimRows.Insert(database.DataSource, [.. ClaimRows.SeedArticle(), .. stored.Rows(0)]);
        var inRuns = new ReconciliationRunner(database.DataSource) { SplitAbove = 0, ClaimsPerBatch = 3, ClaimsInFlight = 1 };
        var whole = new ReconciliationRunner(database.DataSource) { SplitAbove = int.MaxValue, ClaimsPerBatch = int.MaxValue };

        var first = await inRuns.Run(full: true);
        var snapshot = await Snapshot();
        var again = await whole.Run(full: true);
        var (runs, wholes) = ((first.ClaimsRead, first.Incidents, first.Flags, first.Claims), (again.ClaimsRead, again.Incidents, again.Flags, again.Claims));
        var property = (again.RowsChanged == 0).Label($"reading partitions whole found {again.RowsChanged} rows to change after reading them in runs")
            .And(SameViews(await Snapshot(), snapshot, "the views differ after reading partitions whole"))
            .And((runs == wholes).Label($"in runs {runs}, whole {wholes}"));
        if (stored.Batches.Count < 2) return property;

        await ClaimRows.Insert(database.DataSource, stored.Rows(1));
        var changed = await inRuns.Run(full: true);
        snapshot = await Snapshot();
        var wholeAfter = await whole.Run(full: true);
        var (runsAfter, wholeAfterSummary) = ((changed.Incidents, changed.Flags, changed.Claims), (wholeAfter.Incidents, wholeAfter.Flags, wholeAfter.Claims));
        property = property.And((changed.RowsChanged > 0).Label("new claims changed nothing"))
            .And((wholeAfter.RowsChanged == 0).Label($"reading partitions whole found {wholeAfter.RowsChanged} rows to change after runs replaced them"))
            .And(SameViews(await Snapshot(), snapshot, "the views differ after reading partitions whole, after more claims"))
            .And((runsAfter == wholeAfterSummary).Label($"in runs {runsAfter}, whole {wholeAfterSummary}"));
        if (stored.Batches.Count < 3) return property;

        await ClaimRows.Insert(database.DataSource, stored.Rows(2));
        await whole.Run(full: true);
        snapshot = await Snapshot();
        var inRunsAfter = await inRuns.Run(full: true);
        return property.And((inRunsAfter.RowsChanged == 0).Label($"reading partitions in runs found {inRunsAfter.RowsChanged} rows to change after reading them whole"))
            .And(SameViews(await Snapshot(), snapshot, "the views differ after reading partitions in runs"));
    }, cases: 5);

    [Test]
    public async Task An_incremental_run_recomputes_only_the_partitions_whose_claims_changed()
    {
        await ClaimRows.Insert(database.DataSource, ClaimRows.SeedArticle());
        await Reconcile();
        await ClaimRows.Insert(database.DataSource, [new ClaimRow("mosul-1", 0, 12, 12, Place: "iraq.mosul", Side: null)]);
        var summary = await Reconcile();
        Assert.That((summary.Mode, summary.Partitions, summary.ClaimsRead), Is.EqualTo(("incremental", 1, 1)));
        Assert.That(summary.Incidents, Is.EqualTo(8), "the seed article's 7 incidents and Mosul's");
    }

    [Test]
    public async Task A_new_word_on_a_tally_supersedes_the_old_one_and_past_runs_stay_readable()
    {
        await ClaimRows.Insert(database.DataSource, [new ClaimRow("a", 0, 300, 300, Start: "2016-11-15", End: "2016-12-01", Cumulative: true, Reported: "2016-12-01")]);
        var first = await Reconcile();
        await ClaimRows.Insert(database.DataSource, [new ClaimRow("b", 0, 250, 250, Start: "2016-11-15", End: "2016-12-07", Cumulative: true, Reported: "2016-12-07")]);
        await Reconcile();

        var sources = await Query<(int Low, bool Superseded, string Rule)>("SELECT low, superseded, rule FROM v_incident_sources ORDER BY claim_id");
        Assert.That(sources, Is.EqualTo(new[] { (300, true, "anchor"), (250, false, "tally_update") }));
        var flag = (await Query<(string Kind, string Explanation)>("SELECT kind, explanation FROM v_flags")).Single();
        Assert.That(flag.Kind, Is.EqualTo("tally_decreased"));
        var asOfFirst = await Query<int>("""
            SELECT low FROM incidents WHERE valid_from_run <= @Run AND (valid_to_run IS NULL OR valid_to_run > @Run)
            """, new { Run = first.RunId });
        Assert.That(asOfFirst, Is.EqualTo(new[] { 300 }));
    }

    [Test]
    public async Task Overrides_split_and_pin_claims_and_retired_dataset_rows_drop_out()
    {
        await ClaimRows.Insert(database.DataSource, [
            new ClaimRow("a", 0, 25, 25), new ClaimRow("b", 0, 30, 30, Source: "Syrian Arab News Agency"),
            new ClaimRow("ged-1", 0, 27, 27, Source: "UCDP", Dataset: "ucdp", EventKey: "1")]);
        await Reconcile();
        Assert.That(await Query<int>("SELECT claim_count FROM v_incidents"), Is.EqualTo(new[] { 3 }));

        await Execute("INSERT INTO incident_overrides (claim_id, action, note) SELECT id, 'split', 'another strike' FROM claims WHERE source_name = 'Syrian Arab News Agency'");
        await Execute("UPDATE feed_records SET retired_at = now()");
        await Reconcile();
        var incidents = await Query<(int Claims, string Rule)>("""
            SELECT i.claim_count, min(s.rule) FROM v_incidents i JOIN v_incident_sources s USING (incident_id)
            GROUP BY i.incident_id, i.claim_count ORDER BY min(s.rule)
            """);
        Assert.That(incidents, Is.EqualTo(new[] { (1, "anchor"), (1, "split") }));
    }
}
