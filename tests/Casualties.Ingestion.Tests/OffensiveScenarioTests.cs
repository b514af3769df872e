using Casualties.Ingestion.Reference;
using Casualties.Postgres.Reconciliation;
using Casualties.Postgres.Reference;
using Casualties.Testing;
using Dapper;
using NUnit.Framework;

namespace Casualties.Ingestion.Tests;

/// <summary>
/// End to end on four wire articles written for this test (tests/data/scenarios/idlib-offensive): a monitor's running
/// tally for an offensive, updated four days later, whose start is stated in another sentence; a rescue service and a
/// ministry disagreeing on one market strike; a hospital network's subset larger than its total. Ingested as an analyst
/// drops them into the inbox, against the real reference data, and reconciled: the incidents, ranges and flags are
/// those a careful analyst derives by hand.
/// </summary>
[Property("Issue", "16")]
public sealed class OffensiveScenarioTests
{
    private static TestDatabase database = null!;

    [OneTimeSetUp]
    public async Task IngestAndReconcile()
    {
        database = await TestCluster.CreateDatabase();
        await new ReferenceDataStore(database.DataSource).Load(SeedFiles.Load(RepositoryPaths.Combine("seeds")));
        var folder = RepositoryPaths.Combine("tests", "data", "scenarios", "idlib-offensive");
        var files = Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal).ToList();
        var summary = await new Ingestor(database.DataSource).IngestPaths(files, new IngestOptions(), CancellationToken.None);
        Assert.That(summary.Quarantined, Is.Zero, "every article is readable");
        await new ReconciliationRunner(database.DataSource).Run(full: true);
    }

    [OneTimeTearDown]
    public async Task Drop() => await database.DisposeAsync();

    private sealed record IncidentRow(long IncidentId, string? Place, DateOnly? StartDate, DateOnly? EndDate, string Victims,
        int? Low, int? Best, int? High, int ClaimCount, string? PerpetratorSide);

    private static async Task<IReadOnlyList<IncidentRow>> Incidents(string place)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<IncidentRow>("""
            SELECT incident_id AS IncidentId, place AS Place, start_date AS StartDate, end_date AS EndDate, victims AS Victims,
                   low AS Low, best AS Best, high AS High, claim_count AS ClaimCount, perpetrator_side AS PerpetratorSide
            FROM v_incidents WHERE place = @place AND outcome = 'killed'
            """, new { place })).AsList();
    }

    private static async Task<IReadOnlyList<string>> FlagKinds(long incidentId)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<string>("SELECT kind FROM v_flags WHERE incident_id = @incidentId ORDER BY kind", new { incidentId })).AsList();
    }

    [Test]
    public async Task The_running_tally_is_one_incident_from_the_offensives_start_with_the_monitors_latest_word()
    {
        var tally = (await Incidents("Idlib Governorate")).Single(i => i.Victims == "civilians");
        Assert.Multiple(() =>
        {
            Assert.That(tally.StartDate, Is.EqualTo(new DateOnly(2019, 12, 16)), "the start stated in the next sentence");
            Assert.That(tally.EndDate, Is.EqualTo(new DateOnly(2019, 12, 24)), "the day of the latest word");
            Assert.That(tally.Best, Is.EqualTo(112), "the monitor's latest word, not its older 80");
            Assert.That(tally.ClaimCount, Is.EqualTo(2), "both words of the monitor, the older superseded");
        });
        Assert.That(await FlagKinds(tally.IncidentId), Does.Not.Contain("tally_decreased"));
    }

    [Test]
    public async Task The_ministry_and_the_rescue_service_disagree_on_the_market_strike()
    {
        var strike = (await Incidents("Maarat al-Numan")).Single(i => i.Victims == "civilians");
        Assert.Multiple(() =>
        {
            Assert.That(strike.StartDate, Is.EqualTo(new DateOnly(2019, 12, 22)), "Sunday before the Monday statement");
            Assert.That((strike.Low, strike.High), Is.EqualTo(((int?)4, (int?)14)), "the range spans both accounts");
            Assert.That(strike.ClaimCount, Is.EqualTo(2));
        });
        Assert.That(await FlagKinds(strike.IncidentId), Does.Contain("disjoint_ranges"));
    }

    [Test]
    public async Task A_subset_larger_than_its_total_is_flagged()
    {
        var strike = (await Incidents("Saraqeb")).Single(i => i.Victims == "civilians");
        Assert.That(strike.Best, Is.EqualTo(9));
        Assert.That(await FlagKinds(strike.IncidentId), Does.Contain("subset_exceeds_total"));
    }

    [Test]
    [Property("Issue", "14")]
    public async Task The_sides_totals_add_up_to_the_deduplicated_toll_of_the_province()
    {
        // The offensive's tally (112, Dec 16-24) holds the disputed market strike (4-14, Dec 22, side unknown); the
        // Saraqeb strike (9) came the day after: 121 civilians, whichever place around them or period holds them all.
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var sums = (await connection.QueryAsync<(string Place, string Period, long Low, long Best, long High)>("""
            SELECT place, period, sum(low)::bigint, sum(best)::bigint, sum(high)::bigint
            FROM v_side_totals
            WHERE outcome = 'killed' AND victims = 'civilians' AND victim_side IS NULL AND place IN ('Idlib Governorate', 'Syria')
            GROUP BY place, period, period_start ORDER BY place, period
            """)).AsList();
        Assert.That(sums, Has.Count.EqualTo(6), "all time, the year and the month, at both places");
        Assert.That(sums.Select(s => (s.Low, s.Best, s.High)).Distinct(), Is.EqualTo(new[] { (121L, 121L, 121L) }));
        var unknown = await connection.QuerySingleAsync<(long Best, string Method)>("""
            SELECT best, method FROM v_side_totals
            WHERE outcome = 'killed' AND victims = 'civilians' AND place = 'Idlib Governorate' AND period = 'all' AND perpetrator_side IS NULL
            """);
        Assert.That(unknown, Is.EqualTo((0L, "remainder")), "the strike's dead are inside the offensive's toll, and it says so");
    }
}
