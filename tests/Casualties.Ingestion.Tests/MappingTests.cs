using System.Text;
using Casualties.Ingestion.Mappings;
using Casualties.Ingestion.Reference;
using Casualties.Postgres.Reconciliation;
using Casualties.Postgres.Reference;
using Casualties.Testing;
using Dapper;
using NUnit.Framework;

namespace Casualties.Ingestion.Tests;

/// <summary>
/// Casualty tables read through declarative mappings (issue 17): the shipped mappings on samples written from the
/// public descriptions of Iraq Body Count's incident list, Airwars' civilian-harm incidents and an OCHA/HDX casualties
/// table, with the repository's reference data; a malformed mapping; a row a mapping cannot read; re-ingest;
/// revisions; and an IBC incident and a GED event of the same day and town reconciled into one incident.
/// </summary>
[TestFixture]
[Property("Issue", "17")]
public sealed class MappingTests
{
    private TestDatabase db = null!;
    private string scratch = null!;

    private static string Data(string name) => RepositoryPaths.Combine("tests", "data", "mappings", name);

    [SetUp]
    public async Task CreateDatabase()
    {
        db = await TestCluster.CreateDatabase();
        await new ReferenceDataStore(db.DataSource).Load(SeedFiles.Load(RepositoryPaths.Combine("seeds")));
        scratch = Directory.CreateTempSubdirectory("casualties-mapping-").FullName;
    }

    [TearDown]
    public async Task DropDatabase()
    {
        await db.DisposeAsync();
        Directory.Delete(scratch, recursive: true);
    }

    private Task<IngestSummary> Ingest(IngestOptions options, params string[] paths) =>
        new Ingestor(db.DataSource).IngestPaths(paths, options, CancellationToken.None);

    private Task<IngestSummary> Ingest(params string[] paths) => Ingest(new IngestOptions(), paths);

    private async Task<IReadOnlyList<string>> Rows(string sql)
    {
        await using var conn = await db.DataSource.OpenConnectionAsync();
        return (await conn.QueryAsync<string>(sql)).AsList();
    }

    /// <summary>Each live claim as "record outcome victims qualifier low..high source side place start..end parent".</summary>
    private Task<IReadOnlyList<string>> Claims() => Rows("""
        SELECT c.document || ' ' || c.outcome || ' ' || c.victims || ' ' || c.qualifier || ' ' || c.low || '..' || coalesce(c.high::text, '')
               || ' ' || coalesce(c.source, '-') || ' ' || coalesce(c.perpetrator_side, '-') || ' ' || coalesce(c.place_key, '-')
               || ' ' || c.start_date || '..' || c.end_date
               || CASE WHEN c.end_precision::text <> 'day' THEN ' (' || c.end_precision || ')' ELSE '' END || coalesce(' part of ' || p.victims, '')
        FROM v_claims c LEFT JOIN v_claims p ON p.claim_id = c.parent_claim_id
        WHERE NOT c.retired ORDER BY c.document, c.claim_id
        """);

    private string Write(string name, string content, Encoding? encoding = null)
    {
        var path = Path.Combine(scratch, name);
        File.WriteAllText(path, content, encoding ?? new UTF8Encoding(false));
        return path;
    }

    [Test]
    public async Task Iraq_body_count_incidents_are_recognised_by_their_header_and_give_a_civilian_range_per_incident()
    {
        var summary = await Ingest(Data("ibc-incidents.csv"));

        Assert.That(summary.Quarantined, Is.Zero);
        Assert.That(await Claims(), Is.EqualTo(new[]
        {
            "ibc:k21304 killed civilians range 12..15 Iraq Body Count - iraq/mosul 2016-12-06..2016-12-06",
            "ibc:k21311 killed civilians exact 23..23 Iraq Body Count - iraq/sadr-city 2016-12-07..2016-12-07",
            "ibc:k21320 killed civilians exact 4..4 Iraq Body Count - iraq/fallujah 2016-12-01..2016-12-03",
            "ibc:k21329 killed civilians range 3..5 Iraq Body Count - iraq/ramadi 2016-12-01..2016-12-01 (month)",
        }));
        Assert.That(await Rows("SELECT details->>'Weapons' FROM feed_records WHERE record_key = 'k21304'"), Is.EqualTo(new[] { "mortar rounds" }));
    }

    [Test]
    public async Task Airwars_incidents_give_civilians_killed_with_children_and_women_as_parts_injured_and_the_belligerents_side()
    {
        var summary = await Ingest(new IngestOptions { Mapping = MappingCatalog.Load("airwars", RepositoryPaths.Combine("seeds")) }, Data("airwars-incidents.csv"));

        Assert.That(summary.Quarantined, Is.Zero);
        Assert.That(await Claims(), Is.EqualTo(new[]
        {
            "airwars:CS1502 killed civilians range 9..14 Airwars coalition syria/raqqa 2017-03-16..2017-03-16",
            "airwars:CS1502 killed children exact 4..4 Airwars coalition syria/raqqa 2017-03-16..2017-03-16 part of civilians",
            "airwars:CS1502 killed women exact 2..2 Airwars coalition syria/raqqa 2017-03-16..2017-03-16 part of civilians",
            "airwars:CS1502 injured civilians range 5..8 Airwars coalition syria/raqqa 2017-03-16..2017-03-16",
            "airwars:CS1510 killed civilians range 20..33 Airwars coalition syria/tabqa 2017-03-21..2017-03-21",
            "airwars:CS1510 killed children exact 7..7 Airwars coalition syria/tabqa 2017-03-21..2017-03-21 part of civilians",
            "airwars:CS1510 injured civilians at_least 10.. Airwars coalition syria/tabqa 2017-03-21..2017-03-21",
            "airwars:R2310 killed civilians exact 3..3 Airwars government syria/deir-ez-zor 2017-03-18..2017-03-18",
            "airwars:R2310 killed women exact 1..1 Airwars government syria/deir-ez-zor 2017-03-18..2017-03-18 part of civilians",
        }));
        Assert.That(await Rows("SELECT latitude || ',' || longitude FROM claims c JOIN feed_records r ON r.id = c.record_id WHERE r.record_key = 'R2310' AND c.ordinal = 0"),
            Is.EqualTo(new[] { "35.336,40.14" }));
    }

    [Test]
    public async Task An_ocha_table_skips_its_hxl_row_reads_day_first_dates_and_takes_the_default_source_for_an_empty_cell()
    {
        var summary = await Ingest(Data("ocha-casualties.csv"));

        Assert.That(summary.Quarantined, Is.Zero);
        Assert.That(await Claims(), Is.EqualTo(new[]
        {
            "ocha-hdx:03/02/2018|Hodeidah|Hodeidah| killed people exact 0..0 UN Office for the Coordination of Humanitarian Affairs - yemen/hodeidah 2018-02-03..2018-02-03",
            "ocha-hdx:03/02/2018|Hodeidah|Hodeidah| injured people exact 3..3 UN Office for the Coordination of Humanitarian Affairs - yemen/hodeidah 2018-02-03..2018-02-03",
            "ocha-hdx:03/02/2018|Taiz|Mokha|Health Office killed people exact 4..4 Health Office - yemen/mokha 2018-02-03..2018-02-03",
            "ocha-hdx:03/02/2018|Taiz|Mokha|Health Office injured people exact 11..11 Health Office - yemen/mokha 2018-02-03..2018-02-03",
            "ocha-hdx:12/02/2018|Taiz|Taiz|OCHA killed people exact 7..7 UN Office for the Coordination of Humanitarian Affairs - yemen/taiz 2018-02-12..2018-02-12",
        }));
    }

    [Test]
    public async Task Ingesting_the_samples_again_changes_nothing()
    {
        var paths = new[] { Data("ibc-incidents.csv"), Data("airwars-incidents.csv"), Data("ocha-casualties.csv") };
        var first = await Ingest(paths);
        var before = await Rows("SELECT id || ' ' || record_id || ' ' || ordinal || ' ' || low FROM claims ORDER BY id");

        var second = await Ingest(paths);

        Assert.That(first.Claims, Is.GreaterThan(0));
        Assert.That(second.Claims, Is.Zero);
        Assert.That(await Rows("SELECT id || ' ' || record_id || ' ' || ordinal || ' ' || low FROM claims ORDER BY id"), Is.EqualTo(before));
    }

    [Test]
    public async Task A_newer_version_of_a_row_replaces_its_claims_and_an_older_one_is_ignored()
    {
        await Ingest(Data("airwars-incidents.csv"));
        var lines = File.ReadAllLines(Data("airwars-incidents.csv"));
        var revised = Write("airwars-revised.csv", lines[0] + "\n" +
            "R2310,2017-03-18,\"Deir ez-Zor, Syria\",35.336,40.140,5,6,2,1,,,Russian Military,Fair,Airstrike,\"Revised after new local reports.\",2017-04-11\n" +
            "CS1510,2017-03-21,\"Tabqa, Raqqa governorate, Syria\",35.836,38.548,1,1,,,,,US-led Coalition,Weak,Airstrike,\"An earlier edition.\",2017-03-22\n");

        await Ingest(revised);

        var claims = await Claims();
        Assert.That(claims.Where(c => c.StartsWith("airwars:R2310", StringComparison.Ordinal)), Is.EqualTo(new[]
        {
            "airwars:R2310 killed civilians range 5..6 Airwars government syria/deir-ez-zor 2017-03-18..2017-03-18",
            "airwars:R2310 killed children exact 2..2 Airwars government syria/deir-ez-zor 2017-03-18..2017-03-18 part of civilians",
            "airwars:R2310 killed women exact 1..1 Airwars government syria/deir-ez-zor 2017-03-18..2017-03-18 part of civilians",
        }));
        Assert.That(claims, Has.Some.StartsWith("airwars:CS1510 killed civilians range 20..33"), "the older edition of CS1510 changed nothing");
    }

    [Test]
    public async Task A_row_the_mapping_cannot_read_is_quarantined_naming_the_line_and_the_column_and_the_others_are_stored()
    {
        var lines = File.ReadAllLines(Data("ibc-incidents.csv"));
        var path = Write("ibc-broken.csv", string.Join('\n', lines[0], lines[1],
            "\"k30001\",\"31 Foo 2016\",\"31 Dec 2016\",\"\",\"Mosul\",\"x\",\"y\",\"1\",\"2\",\"z\"",
            "\"k30002\",\"5 Dec 2016\",\"5 Dec 2016\",\"\",\"Mosul\",\"x\",\"y\",\"twelve\",\"14\",\"z\"",
            "\"k30003\",\"5 Dec 2016\",\"5 Dec 2016\",\"\",\"Mosul\",\"x\",\"y\",\"9\",\"7\",\"z\"", lines[2]) + "\n");

        var summary = await Ingest(path);

        Assert.That(summary.Quarantined, Is.EqualTo(3));
        Assert.That(await Rows("SELECT line || ' ' || reason FROM quarantine ORDER BY line"), Is.EqualTo(new[]
        {
            "3 column 'Start Date': '31 Foo 2016' is not a date in the mapping's formats (d MMM yyyy, d-MMM-yyyy, MMM yyyy)",
            "4 column 'Reported Minimum' 'twelve' is not a whole number of people",
            "5 column 'Reported Maximum' 7 is below column 'Reported Minimum' 9",
        }));
        Assert.That(await Rows("SELECT DISTINCT format FROM quarantine"), Is.EqualTo(new[] { "mapping:iraq-body-count" }));
        Assert.That(await Rows("SELECT record_key FROM feed_records ORDER BY record_key"), Is.EqualTo(new[] { "k21304", "k21311" }));
    }

    [Test]
    public async Task A_mapping_states_encoding_delimiter_header_row_and_partial_and_day_first_dates()
    {
        var mapping = Write("ministry.json", """
            {
              "name": "ministry-daily",
              "encoding": "windows-1252",
              "delimiter": ";",
              "header_row": 3,
              "record": { "key": "Nr", "version": "Rev" },
              "dates": { "start": "Datum", "day_first": true },
              "figures": [
                { "victims": "people", "value": "Tote" },
                { "outcome": "injured", "victims": "people", "value": "Verletzte" }
              ],
              "source": { "value": "Ministry of Health" },
              "places": ["Ort"],
              "country": { "value": "Syria" },
              "quote": "Bemerkung"
            }
            """);
        var table = Write("ministry.csv",
            "Tägliche Meldung\nStand: Dezember\nNr;Rev;Datum;Ort;Tote;Verletzte;Bemerkung\n" +
            "1;1;06/12/2016;Aleppo;11;30;Beschuss, Märkte getroffen\n2;1;2016;Idlib;250;;Jahreszahl\n3;1;12/2016;Homs;9;4;\n",
            Encoding.GetEncoding("iso-8859-1"));

        var summary = await Ingest(new IngestOptions { Mapping = MappingCatalog.Load(mapping) }, table);

        Assert.That(summary.Quarantined, Is.Zero, string.Join("; ", await Rows("SELECT line || ' ' || reason FROM quarantine")));
        Assert.That(await Rows("SELECT record_key || ' ' || outcome || ' ' || low || ' ' || start_date || '/' || start_precision || ' ' || coalesce(quote, '-') FROM claims c JOIN feed_records r ON r.id = c.record_id ORDER BY 1"),
            Is.EqualTo(new[]
            {
                "1 injured 30 2016-12-06/day Beschuss, Märkte getroffen",
                "1 killed 11 2016-12-06/day Beschuss, Märkte getroffen",
                "2 killed 250 2016-01-01/year Jahreszahl",
                "3 injured 4 2016-12-01/month -",
                "3 killed 9 2016-12-01/month -",
            }));
        Assert.That(await Rows("SELECT DISTINCT line::text FROM feed_records WHERE record_key = '1'"), Is.EqualTo(new[] { "4" }));
    }

    [TestCase("""{"name": "x", "record": {"key": "id"}, "dates": {"start": "d"}, "figures": [{"victims": "people", "valu": "n"}]}""", "unknown key 'figures[0].valu'")]
    [TestCase("""{"name": "x", "record": {}, "dates": {"start": "d"}, "figures": [{"victims": "people", "value": "n"}]}""", "'record.key' is required")]
    [TestCase("""{"name": "x", "record": {"key": "id"}, "dates": {"start": "d"}, "header_row": "2", "figures": [{"victims": "people", "value": "n"}]}""", "'header_row' must be a whole number")]
    [TestCase("""{"name": "x", "record": {"key": "id"}, "dates": {"start": "d"}, "figures": [{"victims": "children", "value": "n", "part": true}]}""", "'figures[0].part' needs exactly one figure of outcome killed")]
    [TestCase("""{"name": "x", "record": {"key": "id"}, "dates": {"start": "d"}, "figures": [{"victims": "people", "outcome": "rescued", "value": "n"}]}""", "'figures[0].outcome' 'rescued' is not an outcome")]
    [TestCase("""{"name": "x", "record": {"key": "id"}, "dates": {"start": "d", "formats": ["dd/MM"]}, "figures": [{"victims": "people", "value": "n"}]}""", "'dates.formats' has 'dd/MM', which has no year")]
    [TestCase("""{"name": "x", "record": {"key": "id"}, "dates": {"start": "d"}, "figures": [{"victims": "people", "value": "n"}], "source": 3}""", "'source' must be a column name or an object")]
    [TestCase("""{"name": "x", "record": {"key": "id"}, "dates": {"start": "d"}, "figures": []}""", "'figures' must be a non-empty list")]
    [TestCase("""{"name": "x", "record": {"key": "id"}, "dates": {"start": "d"}, "figures": [{"victims": "people", "value": "n", "low": "l"}]}""", "'figures[0].value' and 'figures[0].low'/'figures[0].high' exclude each other")]
    public void A_malformed_mapping_is_refused_naming_the_key_at_fault(string json, string message)
    {
        var e = Assert.Throws<MappingException>(() => DatasetMapping.Parse(json, "bad.json"));
        Assert.That(e!.Message, Does.StartWith("bad.json: ").And.Contains(message));
    }

    [Test]
    public async Task A_mapping_naming_a_column_the_file_lacks_rejects_the_file_naming_the_column_and_the_key()
    {
        var mapping = DatasetMapping.Parse("""
            {"name": "x", "record": {"key": "IBC code"}, "dates": {"start": "Start Date"}, "figures": [{"victims": "civilians", "low": "Reported Minimum", "high": "Deaths Max"}]}
            """, "x.json");

        var summary = await Ingest(new IngestOptions { Mapping = mapping }, Data("ibc-incidents.csv"));

        Assert.That(summary.Quarantined, Is.EqualTo(1));
        Assert.That(await Rows("SELECT reason FROM quarantine"), Has.Some.Contains("column 'Deaths Max' (figures[0].high) is not in the header"));
    }

    [Test]
    public void Every_shipped_mapping_is_valid_and_names_a_signature()
    {
        var shipped = MappingCatalog.Shipped(RepositoryPaths.Combine("seeds"));
        Assert.That(shipped.Select(m => m.Name), Is.SupersetOf(new[] { "airwars", "iraq-body-count", "ocha-hdx-casualties" }));
        Assert.That(shipped.Select(m => m.Signature.Count), Is.All.GreaterThan(2));
    }

    [Test]
    public async Task An_ibc_incident_and_a_ged_event_of_the_same_day_and_town_are_reconciled_into_one_incident()
    {
        var gedHeader = File.ReadLines(RepositoryPaths.Combine("seeds", "feeds", "ucdp-ged-sample.csv")).First();
        var columns = gedHeader.Split(',');
        var values = new Dictionary<string, string>
        {
            ["id"] = "990001", ["year"] = "2016", ["type_of_violence"] = "3", ["conflict_name"] = "IS - civilians", ["side_a"] = "IS",
            ["side_b"] = "Civilians", ["where_prec"] = "1", ["where_description"] = "Mosul town", ["adm_1"] = "Ninawa governorate",
            ["latitude"] = "36.335", ["longitude"] = "43.119", ["country"] = "Iraq", ["date_prec"] = "1",
            ["date_start"] = "2016-12-06 00:00:00.000", ["date_end"] = "2016-12-06 00:00:00.000", ["deaths_a"] = "0", ["deaths_b"] = "0",
            ["deaths_civilians"] = "14", ["deaths_unknown"] = "0", ["best"] = "14", ["high"] = "16", ["low"] = "12",
        };
        var ged = Write("ged-iraq.csv", gedHeader + "\n" + string.Join(',', columns.Select(c => values.GetValueOrDefault(c, ""))) + "\n");
        var ibc = Write("ibc-one.csv", string.Join('\n', File.ReadLines(Data("ibc-incidents.csv")).Take(2)) + "\n");

        await Ingest(ged, ibc);
        await new ReconciliationRunner(db.DataSource).Run(full: true);

        var incidents = await Rows("""
            SELECT string_agg(DISTINCT document, ' ' ORDER BY document) FROM v_incident_sources GROUP BY incident_id ORDER BY 1
            """);
        Assert.That(incidents, Does.Contain("ibc:k21304 ucdp-ged:990001"), "one incident holds both the IBC incident and the GED event");
    }
}
