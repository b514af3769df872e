using Casualties.Postgres.Reconciliation;
using Casualties.Testing;
using Dapper;
using NUnit.Framework;

namespace Casualties.Postgres.Tests.Reconciliation;

/// <summary>
/// Claims about a place no reference data knows group by the place's name (normalised), with the rules of
/// gazetteer places, and the incident keeps the name (issue 14).
/// </summary>
[Property("Issue", "14")]
public sealed class NamedPlaceTests
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

    /// <summary>
    /// A strike on a market town on 6 December, reported over three days by four sources: a monitor's toll rising
    /// (12, then 19, then 23), the state agency's 4, the UN's 40 to 55, a rescue group's "at least 21" — each with
    /// its own spelling of the town — and the same monitor's word on another town the same day.
    /// </summary>
    private static IReadOnlyList<ClaimRow> Strike(Func<string, (string? Key, string? Name)> place) =>
    [
        At(new ClaimRow("sohr-1", 0, 12, 12, Reported: "2016-12-06"), place("Maarat al-Dhahab")),
        At(new ClaimRow("sohr-2", 0, 19, 19, Reported: "2016-12-07"), place("Maarat al-Dhahab")),
        At(new ClaimRow("sana-1", 0, 4, 4, Source: "Syrian Arab News Agency", Side: null, Reported: "2016-12-06"), place("Maarat el Dhahab town")),
        At(new ClaimRow("un-1", 0, 40, 55, "range", Source: "UN", Side: null, Reported: "2016-12-07"), place("Ma'arat al-Dhahab")),
        At(new ClaimRow("sohr-3", 0, 23, 23, Reported: "2016-12-08"), place("Maarat al-Dhahab")),
        At(new ClaimRow("wh-1", 0, 21, null, "at_least", Source: "Syria Civil Defence", Side: null, Reported: "2016-12-08"), place("al-Maarat al Dhahab village")),
        At(new ClaimRow("sohr-4", 0, 3, 3, Reported: "2016-12-06"), place("Kafr Nasr")),
    ];

    private static ClaimRow At(ClaimRow claim, (string? Key, string? Name) place) => claim with { Place = place.Key, PlaceName = place.Name };

    /// <summary>Incidents (claims' documents, sorted), their sources with superseded words, and flags: no ids, no places.</summary>
    private async Task<string> Shape()
    {
        await using var conn = await database.DataSource.OpenConnectionAsync();
        var incidents = await conn.QueryAsync<string>("""
            SELECT concat_ws('|', i.kind, i.low, i.best, i.high, i.source_count, i.flag_count,
                   string_agg(d.name || CASE WHEN s.superseded THEN '(superseded)' ELSE '' END || ':' || s.rule, ',' ORDER BY d.name))
            FROM v_incidents i JOIN v_incident_sources s USING (incident_id) JOIN claims c ON c.id = s.claim_id JOIN documents d ON d.id = c.document_id
            GROUP BY i.incident_id, i.kind, i.low, i.best, i.high, i.source_count, i.flag_count ORDER BY 1
            """);
        var flags = await conn.QueryAsync<string>("""
            SELECT concat_ws('|', f.kind, f.severity, (SELECT string_agg(d.name, ',' ORDER BY d.name) FROM claims c JOIN documents d ON d.id = c.document_id
                   WHERE c.id = ANY(f.claim_ids)))
            FROM v_flags f ORDER BY 1
            """);
        return string.Join('\n', incidents.Concat(flags));
    }

    [Test]
    public async Task A_town_in_no_reference_data_groups_by_its_name_as_a_known_place_groups_by_its_key()
    {
        // The same reports about a town the gazetteer knows (Idlib): the grouping and flags to expect.
        await ClaimRows.Insert(database.DataSource, Strike(name => (name == "Kafr Nasr" ? "syria.aleppo" : "syria.idlib", null)));
        await new ReconciliationRunner(database.DataSource).Run(full: true);
        var known = await Shape();
        Assert.That(known.Split('\n').Count(l => l.StartsWith("event|", StringComparison.Ordinal)), Is.EqualTo(2), known);
        Assert.That(known, Does.Contain("sohr-1(superseded)").And.Contain("sohr-2(superseded)").And.Contain("disjoint_ranges"), known);

        await using (var conn = await database.DataSource.OpenConnectionAsync()) await conn.ExecuteAsync("DELETE FROM documents");
        await ClaimRows.Insert(database.DataSource, Strike(name => (null, name)));
        await new ReconciliationRunner(database.DataSource).Run(full: false);

        Assert.That(await Shape(), Is.EqualTo(known), "the named town's claims group, supersede and flag as the known town's do");
        await using var read = await database.DataSource.OpenConnectionAsync();
        var places = (await read.QueryAsync<(string Place, int Claims)>("SELECT place, claim_count FROM v_incidents ORDER BY claim_count DESC")).AsList();
        Assert.That(places, Is.EqualTo(new[] { ("Maarat al-Dhahab", 6), ("Kafr Nasr", 1) }));
        var full = await new ReconciliationRunner(database.DataSource).Run(full: true);
        Assert.That(full.RowsChanged, Is.Zero, "the incremental run stored what a full run stores");
    }

    [Test]
    public async Task A_town_named_inside_a_known_governorate_nests_in_it_and_stays_in_its_country()
    {
        await ClaimRows.Insert(database.DataSource, [
            new ClaimRow("sohr-1", 0, 12, 12, Place: "syria.idlib-gov", PlaceName: "Maarat al-Dhahab, Idlib Governorate"),
            new ClaimRow("un-1", 0, 15, 15, Source: "UN", Side: null, Place: "syria.idlib-gov", PlaceName: "Idlib Governorate"),
            new ClaimRow("sana-1", 0, 9, 9, Source: "Syrian Arab News Agency", Side: null, Place: "syria.idlib-gov", PlaceName: "Maarat el-Dhahab, Idlib"),
            new ClaimRow("un-2", 0, 5, 5, Source: "UN", Side: null, Place: null, PlaceName: "Maarat al-Dhahab"),
        ]);
        await new ReconciliationRunner(database.DataSource).Run(full: true);
        await using var conn = await database.DataSource.OpenConnectionAsync();
        var incidents = (await conn.QueryAsync<(string Place, string? Country, int Claims)>(
            "SELECT place, country, claim_count FROM v_incidents ORDER BY claim_count DESC")).AsList();
        // The governorate's figure nests with the town's (one level apart); the claim carrying no known place stays apart.
        Assert.That(incidents, Is.EqualTo(new[] { ("Maarat al-Dhahab", (string?)"Syria", 3), ("Maarat al-Dhahab", null, 1) }));
    }
}
