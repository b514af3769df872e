using Casualties.Ingestion.Reference;
using Casualties.Postgres.Reconciliation;
using Casualties.Postgres.Reference;
using Casualties.Testing;
using Dapper;
using NUnit.Framework;

namespace Casualties.Ingestion.Tests;

/// <summary>
/// The flags a user can trust (issue 15): realistic UCDP GED, ACLED and own-format rows (tests/data/flags) ingested
/// against the real reference data into a real database and reconciled; every flag listed in expected-flags.csv
/// must arise and no other (precision and recall 1.0 per kind).
/// </summary>
[Property("Issue", "15")]
public sealed class FlagCorpusTests
{
    private static string Corpus(string name) => RepositoryPaths.Combine("tests", "data", "flags", name);

    /// <summary>The corpus's files in the order a user would ingest them: the first releases, then the revisions.</summary>
    private static readonly string[][] Batches =
    [
        ["ged-2019.csv", "acled-2019.csv", "monitor-2019.csv"],
        ["ged-2019-revised.csv", "acled-2019-update.csv"],
    ];

    private const string FlagsSql = """
        SELECT f.kind AS Kind, string_agg(DISTINCT c.document, ';' ORDER BY c.document) AS Documents,
               min(f.explanation) AS Explanation, min(array_to_string(f.sources, ';')) AS Sources
        FROM v_flags f CROSS JOIN LATERAL unnest(f.claim_ids) AS id JOIN v_claims c ON c.claim_id = id
        GROUP BY f.flag_id, f.kind
        """;

    private sealed record RaisedFlag(string Kind, string Documents, string Explanation, string Sources);

    private static TestDatabase database = null!;
    private static IReadOnlyList<RaisedFlag> raised = [];

    [OneTimeSetUp]
    public async Task IngestAndReconcile()
    {
        database = await TestCluster.CreateDatabase();
        await new ReferenceDataStore(database.DataSource).Load(SeedFiles.Load(RepositoryPaths.Combine("seeds")));
        var ingestor = new Ingestor(database.DataSource);
        foreach (var batch in Batches)
        {
            var summary = await ingestor.IngestPaths(batch.Select(Corpus).ToList(), new IngestOptions(), CancellationToken.None);
            Assert.That(summary.Quarantined, Is.Zero, "every corpus row is valid");
        }
        await new ReconciliationRunner(database.DataSource).Run(full: true);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        raised = (await connection.QueryAsync<RaisedFlag>(FlagsSql)).AsList();
    }

    [OneTimeTearDown]
    public async Task Drop() => await database.DisposeAsync();

    private static IReadOnlyList<(string Kind, string Documents)> Expected() =>
        File.ReadLines(Corpus("expected-flags.csv")).Skip(1).Where(l => l.Length > 0)
            .Select(l => l.Split(',', 3)).Select(f => (f[0], f[1])).ToList();

    [Test]
    public void Every_expected_flag_arises_and_no_other()
    {
        var expected = Expected().Select(e => $"{e.Kind} {e.Documents}").Order(StringComparer.Ordinal).ToList();
        var actual = raised.Select(f => $"{f.Kind} {f.Documents}").Order(StringComparer.Ordinal).ToList();
        Assert.That(actual, Is.EqualTo(expected), "raised:\n" + string.Join("\n", raised.Select(f => $"{f.Kind} {f.Documents}: {f.Explanation}")));
    }

    [TestCase("disjoint_ranges")]
    [TestCase("wide_spread")]
    [TestCase("subset_exceeds_total")]
    [TestCase("parts_exceed_whole")]
    [TestCase("tally_decreased")]
    [TestCase("self_contradiction")]
    [TestCase("outlier")]
    public void Precision_and_recall_are_one_for(string kind)
    {
        var expected = Expected().Where(e => e.Kind == kind).Select(e => e.Documents).ToHashSet(StringComparer.Ordinal);
        var actual = raised.Where(f => f.Kind == kind).Select(f => f.Documents).ToList();
        Assert.That(expected, Is.Not.Empty, "the corpus holds a true case of every kind");
        var truePositives = actual.Count(expected.Contains);
        Assert.That((Precision: (double)truePositives / Math.Max(1, actual.Count), Recall: (double)truePositives / expected.Count),
            Is.EqualTo((1.0, 1.0)), string.Join("\n", actual));
    }

    [Test]
    public void The_same_event_in_both_datasets_with_counts_apart_names_both_datasets()
    {
        var crossDataset = raised.Where(f => f.Kind == "disjoint_ranges" && f.Documents.Contains("acled:") && f.Documents.Contains("ucdp-ged:")).ToList();
        Assert.That(crossDataset, Has.Count.EqualTo(2));
        foreach (var flag in crossDataset)
        {
            Assert.That(flag.Explanation, Does.Contain("ACLED").And.Contain("UCDP"));
            Assert.That(flag.Sources.Split(';'), Has.Length.EqualTo(2));
        }
    }

    [Test]
    public void The_same_event_in_both_datasets_with_overlapping_counts_raises_nothing() =>
        Assert.That(raised.Where(f => f.Documents.Contains("ucdp-ged:300104") || f.Documents.Contains("acled:AFG2006")), Is.Empty);

    [Test]
    public async Task The_two_sides_of_a_row_stay_two_groups_when_the_seeds_do_not_know_them()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var sides = (await connection.QueryAsync<(string Document, string? VictimSide, string? PerpetratorSide)>("""
            SELECT document, victim_side, perpetrator_side FROM v_claims
            WHERE document IN ('ucdp-ged:300201', 'ucdp-ged:300301') AND victims = 'combatants' ORDER BY document, value
            """)).AsList();
        Assert.That(sides, Is.EqualTo(new[]
        {
            ("ucdp-ged:300201", (string?)"government of cameroon", (string?)"ambazonia defence forces"),
            ("ucdp-ged:300201", "ambazonia defence forces", "government of cameroon"),
            ("ucdp-ged:300301", "faylaq al-rahman", "opposition"),
            ("ucdp-ged:300301", "jaysh al-islam", "opposition"),
        }));
    }

    [Test]
    public async Task Imprecisely_placed_events_are_stored_as_within_their_place_and_contain_nothing()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var scopes = (await connection.QueryAsync<(string Document, string? Scope)>("""
            SELECT DISTINCT c.document, cl.place_scope FROM v_claims c JOIN claims cl ON cl.id = c.claim_id
            WHERE c.document IN ('ucdp-ged:300101', 'ucdp-ged:300106', 'ucdp-ged:300201', 'ucdp-ged:300102', 'acled:AFG2002',
                                 'acled:AFG2003', 'afghan-monitor:aug-2019-civilians', 'afghan-monitor:herat-2019-09')
            ORDER BY 1
            """)).AsList();
        Assert.That(scopes, Is.EqualTo(new[]
        {
            ("acled:AFG2002", (string?)"within"), ("acled:AFG2003", "at"), ("afghan-monitor:aug-2019-civilians", "across"),
            ("afghan-monitor:herat-2019-09", null), ("ucdp-ged:300101", "within"), ("ucdp-ged:300102", "at"),
            ("ucdp-ged:300106", "within"), ("ucdp-ged:300201", "within"),
        }));
        var containers = await connection.QueryAsync<string>("""
            SELECT DISTINCT c.document FROM v_incidents i JOIN v_incidents outer_i ON outer_i.incident_id = i.contained_in
            JOIN v_incident_sources s ON s.incident_id = outer_i.incident_id JOIN v_claims c ON c.claim_id = s.claim_id
            WHERE c.document LIKE 'ucdp-ged:%' OR c.document LIKE 'acled:%'
            """);
        Assert.That(containers, Is.Empty, "no dataset event is a whole around others");
    }
}
