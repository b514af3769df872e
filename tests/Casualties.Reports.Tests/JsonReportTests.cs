using System.Text.Json;
using Casualties.Reports.Rendering;
using Casualties.Testing;
using NUnit.Framework;
using K = System.Text.Json.JsonValueKind;

namespace Casualties.Reports.Tests;

/// <summary>The JSON report against its documented shape (interfaces.md and docs/reports.md): every key, every type.</summary>
[TestFixture]
[Property("Issue", "7")]
public sealed class JsonReportTests
{
    private static readonly K[] Text = [K.String], TextOrNull = [K.String, K.Null], Integer = [K.Number],
        IntegerOrNull = [K.Number, K.Null], Flag = [K.True, K.False], List = [K.Array], Thing = [K.Object], ThingOrNull = [K.Object, K.Null];

    private static readonly Dictionary<string, JsonValueKind[]> Top = new()
    {
        ["schema_version"] = Integer, ["generated_at"] = Text, ["reconciliation_run"] = IntegerOrNull,
        ["filters"] = Thing, ["incidents"] = List, ["totals"] = List, ["flags"] = List,
    };

    private static readonly Dictionary<string, JsonValueKind[]> Filters = new()
    {
        ["place"] = TextOrNull, ["from"] = TextOrNull, ["to"] = TextOrNull, ["side"] = TextOrNull, ["outcome"] = TextOrNull,
    };

    private static readonly Dictionary<string, JsonValueKind[]> Incident = new()
    {
        ["id"] = Integer, ["kind"] = Text, ["outcome"] = Text, ["place"] = TextOrNull, ["place_key"] = TextOrNull,
        ["start"] = TextOrNull, ["end"] = TextOrNull, ["perpetrator_side"] = TextOrNull, ["contained_in"] = IntegerOrNull,
        ["contains"] = List, ["figures"] = List,
    };

    private static readonly Dictionary<string, JsonValueKind[]> Figure = new()
    {
        ["victims"] = Text, ["victim_side"] = TextOrNull, ["headline"] = Flag, ["low"] = Integer, ["best"] = Integer,
        ["high"] = Integer, ["consensus"] = ThingOrNull, ["sources"] = List, ["superseded"] = List,
    };

    private static readonly Dictionary<string, JsonValueKind[]> Consensus = new() { ["low"] = Integer, ["high"] = IntegerOrNull };

    private static readonly Dictionary<string, JsonValueKind[]> Source = new()
    {
        ["source"] = TextOrNull, ["qualifier"] = Text, ["value"] = IntegerOrNull, ["low"] = Integer, ["high"] = IntegerOrNull,
        ["reported"] = Text, ["quote"] = TextOrNull, ["document"] = TextOrNull, ["claim"] = Integer, ["rule"] = TextOrNull,
    };

    private static readonly Dictionary<string, JsonValueKind[]> Total = new()
    {
        ["perpetrator_side"] = TextOrNull, ["outcome"] = Text, ["victims"] = Text, ["victim_side"] = TextOrNull,
        ["place"] = TextOrNull, ["place_key"] = TextOrNull, ["period"] = Text, ["start"] = TextOrNull, ["end"] = TextOrNull,
        ["low"] = Integer, ["best"] = Integer, ["high"] = Integer, ["method"] = Text, ["incidents"] = Integer,
    };

    private static readonly Dictionary<string, JsonValueKind[]> FlagShape = new()
    {
        ["id"] = Integer, ["kind"] = Text, ["severity"] = Text, ["incident"] = IntegerOrNull, ["place"] = TextOrNull,
        ["claims"] = List, ["sources"] = List, ["explanation"] = Text,
    };

    private TestDatabase db = null!;
    private JsonDocument json = null!;

    [OneTimeSetUp]
    public async Task SetUp()
    {
        db = await ReconciledDatabase.Create();
        json = JsonDocument.Parse(await ReconciledDatabase.Render(await ReconciledDatabase.Load(db.DataSource), ReportFormat.Json));
    }

    [OneTimeTearDown]
    public async Task TearDown()
    {
        json.Dispose();
        await db.DisposeAsync();
    }

    [Test]
    public void Every_object_has_exactly_the_documented_keys_and_types()
    {
        var root = json.RootElement;
        Check(root, Top, "$");
        Check(root.GetProperty("filters"), Filters, "$.filters");
        foreach (var incident in root.GetProperty("incidents").EnumerateArray())
        {
            Check(incident, Incident, "incident");
            Assert.That(incident.GetProperty("contains").EnumerateArray().Select(e => e.ValueKind), Has.All.EqualTo(K.Number));
            foreach (var figure in incident.GetProperty("figures").EnumerateArray())
            {
                Check(figure, Figure, "figure");
                if (figure.GetProperty("consensus").ValueKind == K.Object) Check(figure.GetProperty("consensus"), Consensus, "consensus");
                foreach (var source in figure.GetProperty("sources").EnumerateArray().Concat(figure.GetProperty("superseded").EnumerateArray()))
                    Check(source, Source, "source");
            }
        }
        foreach (var total in root.GetProperty("totals").EnumerateArray()) Check(total, Total, "total");
        foreach (var flag in root.GetProperty("flags").EnumerateArray())
        {
            Check(flag, FlagShape, "flag");
            Assert.That(flag.GetProperty("claims").EnumerateArray().Select(e => e.ValueKind), Has.All.EqualTo(K.Number));
            Assert.That(flag.GetProperty("sources").EnumerateArray().Select(e => e.ValueKind), Has.All.EqualTo(K.String));
        }
    }

    [Test]
    public async Task Header_names_the_schema_the_run_and_the_time_of_the_clock()
    {
        var root = json.RootElement;
        Assert.That(root.GetProperty("schema_version").GetInt32(), Is.EqualTo(1));
        Assert.That(root.GetProperty("generated_at").GetString(), Is.EqualTo("2026-11-26T10:00:00Z"));
        Assert.That(root.GetProperty("reconciliation_run").GetInt64(), Is.GreaterThan(0));
        Assert.That(root.GetProperty("reconciliation_run").GetInt64(),
            Is.EqualTo(await ReconciledDatabase.Scalar<long>(db.DataSource, "SELECT max(run_id) FROM v_reconciliation_runs")));
        Assert.That(root.GetProperty("incidents").GetArrayLength(), Is.EqualTo(await ReconciledDatabase.Scalar<long>(db.DataSource, "SELECT count(*) FROM v_incidents")));
        Assert.That(root.GetProperty("totals").GetArrayLength(), Is.EqualTo(await ReconciledDatabase.Scalar<long>(db.DataSource, "SELECT count(*) FROM v_side_totals")));
        Assert.That(root.GetProperty("flags").GetArrayLength(), Is.EqualTo(await ReconciledDatabase.Scalar<long>(db.DataSource, "SELECT count(*) FROM v_flags")));
    }

    [Test]
    public async Task The_east_aleppo_tally_carries_its_sources_its_superseded_word_and_the_event_inside_it()
    {
        var id = await ReconciledDatabase.EastAleppoTally(db.DataSource);
        var strike = await ReconciledDatabase.Scalar<long>(db.DataSource,
            "SELECT incident_id FROM v_incidents WHERE place = 'East Aleppo' AND kind = 'event' AND start_date = '2016-11-20'");
        var incidents = json.RootElement.GetProperty("incidents").EnumerateArray().ToList();
        var tally = incidents.Single(i => i.GetProperty("id").GetInt64() == id);
        Assert.That(tally.GetProperty("contains").EnumerateArray().Select(e => e.GetInt64()), Is.EqualTo(new[] { strike }));
        Assert.That(incidents.Single(i => i.GetProperty("id").GetInt64() == strike).GetProperty("contained_in").GetInt64(), Is.EqualTo(id));
        var people = tally.GetProperty("figures")[0];
        Assert.That(people.GetProperty("headline").GetBoolean(), Is.True);
        Assert.That(people.GetProperty("consensus").ValueKind, Is.EqualTo(K.Null));
        Assert.That(people.GetProperty("sources").GetArrayLength(), Is.EqualTo(3));
        var open = people.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("qualifier").GetString() == "more_than");
        Assert.That(open.GetProperty("low").GetInt32(), Is.EqualTo(342));
        Assert.That(open.GetProperty("high").ValueKind, Is.EqualTo(K.Null), "unbounded above");
        Assert.That(people.GetProperty("superseded")[0].GetProperty("value").GetInt32(), Is.EqualTo(300));
    }

    [Test]
    public async Task Only_generated_at_changes_with_the_clock()
    {
        var data = await ReconciledDatabase.Load(db.DataSource);
        var later = await ReconciledDatabase.Render(data, ReportFormat.Json, new FixedClock(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero)));
        var same = await ReconciledDatabase.Render(await ReconciledDatabase.Load(db.DataSource), ReportFormat.Json);
        using var laterJson = JsonDocument.Parse(later);
        Assert.That(laterJson.RootElement.GetProperty("generated_at").GetString(), Is.EqualTo("2030-01-02T03:04:05Z"));
        Assert.That(same, Is.EqualTo(await ReconciledDatabase.Render(await ReconciledDatabase.Load(db.DataSource), ReportFormat.Json)));
        Assert.That(System.Text.Encoding.UTF8.GetString(later).Replace("2030-01-02T03:04:05Z", "2026-11-26T10:00:00Z"),
            Is.EqualTo(System.Text.Encoding.UTF8.GetString(same)));
    }

    private static void Check(JsonElement element, Dictionary<string, JsonValueKind[]> shape, string where)
    {
        Assert.That(element.ValueKind, Is.EqualTo(K.Object), where);
        var keys = element.EnumerateObject().Select(p => p.Name).ToList();
        Assert.That(keys, Is.EquivalentTo(shape.Keys), where);
        foreach (var property in element.EnumerateObject())
            Assert.That(shape[property.Name], Does.Contain(property.Value.ValueKind), $"{where}.{property.Name}");
    }
}
