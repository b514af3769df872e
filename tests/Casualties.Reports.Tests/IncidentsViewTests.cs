using Casualties.Testing;
using NUnit.Framework;

namespace Casualties.Reports.Tests;

/// <summary>
/// v_incidents counts flags and finds the containing incident by joins (migration 0020) and gives exactly what its
/// earlier form with a subquery per row (migration 0011) gave: the same columns in the same order and types, the same
/// rows, on a database with flags, incidents inside tallies, places known only by name, and a second run that closed
/// and replaced some incidents and cleared a flag.
/// </summary>
[TestFixture]
[Property("Issue", "13")]
[NonParallelizable]
public sealed class IncidentsViewTests
{
    /// <summary>v_incidents as migration 0011 defined it, the reference the set-based view must equal.</summary>
    private const string PerRowSubqueriesSql = """
        SELECT i.incident_id,
               (SELECT max(run_id) FROM reconciliation_runs) AS run_id,
               i.kind, i.outcome, coalesce(p.name, i.place_name) AS place, i.place_key, country.name AS country,
               i.start_date, i.start_precision, i.end_date, i.end_precision, i.perpetrator_side, i.victims,
               i.low, i.best, i.high, i.has_consensus, i.consensus_low, i.consensus_high, i.source_count, i.claim_count,
               (SELECT count(*)::integer FROM flags f WHERE f.valid_to_run IS NULL AND f.incident_key = i.incident_key) AS flag_count,
               (SELECT o.incident_id FROM incidents o WHERE o.valid_to_run IS NULL AND o.incident_key = i.contained_in_key) AS contained_in
        FROM incidents i
        LEFT JOIN places p ON p.key = i.place_key
        LEFT JOIN places country ON country.key = nullif(i.partition_country, '')
        WHERE i.valid_to_run IS NULL
        """;

    private TestDatabase db = null!;

    [OneTimeSetUp]
    public async Task SetUp()
    {
        db = await TestCluster.CreateDatabase();
        foreach (var file in new[] { "demo_claims.sql", "changes_before.sql" })
            await ReconciledDatabase.Execute(db.DataSource, await File.ReadAllTextAsync(ReconciledDatabase.DataFile(file)));
        await ReconciledDatabase.Execute(db.DataSource, (await File.ReadAllTextAsync(ReconciledDatabase.DataFile("many_incidents.sql")))
            .Replace("@Count", "30", StringComparison.Ordinal));
    }

    [OneTimeTearDown]
    public async Task TearDown()
    {
        if (db is not null) await db.DisposeAsync();
    }

    [Test]
    public async Task The_set_based_view_gives_what_the_per_row_subqueries_gave_before_and_after_a_second_run()
    {
        await ReconciledDatabase.Reconcile(db.DataSource);
        await AssertSameAsBefore("after the first run");
        Assert.That(await Count("SELECT count(*) FROM v_incidents WHERE flag_count > 1"), Is.GreaterThan(0), "some incidents have several flags");
        Assert.That(await Count("SELECT count(*) FROM v_incidents WHERE flag_count = 0"), Is.GreaterThan(0), "some have none");
        Assert.That(await Count("SELECT count(*) FROM v_incidents WHERE contained_in IS NOT NULL"), Is.GreaterThan(0), "some are inside another");

        await ReconciledDatabase.Execute(db.DataSource, await File.ReadAllTextAsync(ReconciledDatabase.DataFile("changes_after.sql")));
        await new Casualties.Postgres.Reconciliation.ReconciliationRunner(db.DataSource).Run(full: false);
        Assert.That(await Count("SELECT count(*) FROM incidents WHERE valid_to_run IS NOT NULL"), Is.GreaterThan(0), "the second run closed some incidents");
        Assert.That(await Count("SELECT count(*) FROM flags WHERE valid_to_run IS NOT NULL"), Is.GreaterThan(0), "and cleared some flags");
        await AssertSameAsBefore("after the second run");
    }

    private async Task AssertSameAsBefore(string when)
    {
        var (columns, rows) = await Rows("SELECT * FROM v_incidents ORDER BY incident_id");
        var (referenceColumns, referenceRows) = await Rows($"SELECT * FROM ({PerRowSubqueriesSql}) reference ORDER BY incident_id");
        Assert.That(columns, Is.EqualTo(referenceColumns), $"{when}: the same columns in the same order, of the same types");
        Assert.That(rows, Has.Count.EqualTo(referenceRows.Count).And.Count.GreaterThan(60), when);
        for (var i = 0; i < rows.Count; i++) Assert.That(rows[i], Is.EqualTo(referenceRows[i]), $"{when}: incident row {i}");
    }

    private async Task<(List<string> Columns, List<object[]> Rows)> Rows(string sql)
    {
        await using var cmd = db.DataSource.CreateCommand(sql);
        await using var r = await cmd.ExecuteReaderAsync();
        var columns = Enumerable.Range(0, r.FieldCount).Select(i => $"{r.GetName(i)} {r.GetDataTypeName(i)}").ToList();
        var rows = new List<object[]>();
        while (await r.ReadAsync())
        {
            var values = new object[r.FieldCount];
            r.GetValues(values);
            rows.Add(values);
        }
        return (columns, rows);
    }

    private async Task<long> Count(string sql) => await ReconciledDatabase.Scalar<long>(db.DataSource, sql);
}
