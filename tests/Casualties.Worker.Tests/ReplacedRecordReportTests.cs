using System.Text.Json;
using Casualties.Testing;
using Casualties.Worker.Tests.Support;
using NUnit.Framework;

namespace Casualties.Worker.Tests;

/// <summary>
/// casualties report --since after a feed record was replaced: the replaced record's claims are deleted (a new
/// version of the row is stored as new claims), but an incident version of the earlier run still names them as
/// members. The report of changes shows the earlier version with the figures reconciliation stored for that run and
/// the sources still stored, and never needs the deleted claims' rows.
/// </summary>
[TestFixture]
[Property("Issue", "12")]
public sealed class ReplacedRecordReportTests
{
    private const string Header =
        "dataset,record_id,version,date,outcome,victims,victim_side,qualifier,value,low,high,phrase,source,perpetrator,perpetrator_side,place,start,end,cumulative,quote,parent_record";

    // Run 1: a tally in East Aleppo by two sources, and a strike in Idlib only the monitor reports.
    private static readonly string[] FirstEdition =
    [
        "replaced-test,aleppo-tally,1,2016-12-07,killed,people,,exact,300,,,,Syrian Observatory for Human Rights,,government,East Aleppo,2016-11-15,2016-12-07,true,\"The offensive has killed 300 people\",",
        "replaced-test,aleppo-tally-rescuers,1,2016-12-07,killed,people,,exact,320,,,,Syrian Civil Defence,,government,East Aleppo,2016-11-15,2016-12-07,true,\"Rescuers counted 320 dead\",",
        "replaced-test,idlib-strike,1,2016-12-06,killed,people,,exact,12,,,,Syrian Observatory for Human Rights,Russia,government,Idlib,2016-12-06,2016-12-06,false,\"12 people were killed\",",
    ];

    // Run 2: new versions of the monitor's two rows (their claims are replaced); the rescuers' row is unchanged.
    private static readonly string[] SecondEdition =
    [
        "replaced-test,aleppo-tally,2,2016-12-08,killed,people,,exact,340,,,,Syrian Observatory for Human Rights,,government,East Aleppo,2016-11-15,2016-12-07,true,\"The offensive has killed 340 people\",",
        "replaced-test,idlib-strike,2,2016-12-07,killed,people,,exact,15,,,,Syrian Observatory for Human Rights,Russia,government,Idlib,2016-12-06,2016-12-06,false,\"15 people were killed\",",
    ];

    private TestDatabase db = null!;
    private string folder = null!;
    private JsonElement firstReport;
    private long[] replacedClaims = [];
    private long[] newClaims = [];

    [OneTimeSetUp]
    public async Task SetUp()
    {
        db = await TestCluster.CreateDatabase();
        folder = Directory.CreateTempSubdirectory("casualties-replaced-").FullName;
        await IngestAndReconcile("first.csv", FirstEdition);
        var first = await WorkerProcess.Run(db.ConnectionString, "report", "--format", "json", "--all", "--out", Path.Combine(folder, "first.json"));
        Assert.That(first.ExitCode, Is.Zero, first.Error);
        using (var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "first.json"))))
        {
            firstReport = json.RootElement.Clone();
        }
        replacedClaims = await MonitorClaims();
        await IngestAndReconcile("second.csv", SecondEdition);
        newClaims = await MonitorClaims();
        Assert.That(replacedClaims, Has.Length.EqualTo(2));
        Assert.That(newClaims, Has.Length.EqualTo(2).And.No.AnyOf(replacedClaims), "the new versions are new claims");
        Assert.That(await Stored.Scalar(db.DataSource, "SELECT count(*) FROM claims WHERE id = ANY(@Ids)", new { Ids = replacedClaims }),
            Is.Zero, "the replaced rows' claims are deleted");
    }

    [OneTimeTearDown]
    public async Task TearDown()
    {
        if (db is not null) await db.DisposeAsync();
        if (folder is not null) Directory.Delete(folder, recursive: true);
    }

    private async Task IngestAndReconcile(string name, string[] rows)
    {
        var path = Path.Combine(folder, name);
        await File.WriteAllLinesAsync(path, [Header, .. rows]);
        var ingest = await WorkerProcess.Run(db.ConnectionString, "ingest", path);
        Assert.That(ingest.ExitCode, Is.Zero, ingest.Error);
        var reconcile = await WorkerProcess.Run(db.ConnectionString, "reconcile");
        Assert.That(reconcile.ExitCode, Is.Zero, reconcile.Error);
    }

    private async Task<long[]> MonitorClaims() => [.. await Stored.Rows<long>(db.DataSource, """
        SELECT c.id FROM claims c JOIN feed_records r ON r.id = c.record_id
        WHERE r.dataset = 'replaced-test' AND r.record_key IN ('aleppo-tally', 'idlib-strike') ORDER BY r.record_key
        """)];

    private async Task<JsonElement> Changes()
    {
        var path = Path.Combine(folder, "since.json");
        var result = await WorkerProcess.Run(db.ConnectionString, "report", "--format", "json", "--out", path, "--since", "1");
        Assert.That(result.ExitCode, Is.Zero, result.Error);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        return json.RootElement.GetProperty("changes").Clone();
    }

    private static IEnumerable<long> Claims(JsonElement incident) =>
        incident.GetProperty("figures").EnumerateArray()
            .SelectMany(f => f.GetProperty("sources").EnumerateArray().Concat(f.GetProperty("superseded").EnumerateArray()))
            .Select(s => s.GetProperty("claim").GetInt64());

    private static string Figure(JsonElement figure) =>
        $"{figure.GetProperty("victims").GetString()}/{figure.GetProperty("victim_side")} headline={figure.GetProperty("headline")} "
        + $"{figure.GetProperty("low")}-{figure.GetProperty("best")}-{figure.GetProperty("high")} consensus="
        + (figure.GetProperty("consensus") is { ValueKind: JsonValueKind.Object } consensus
            ? $"{consensus.GetProperty("low")}-{consensus.GetProperty("high")}"
            : "none");

    [Test]
    public async Task An_earlier_version_shows_the_figures_of_its_run_and_the_sources_still_stored()
    {
        var changes = await Changes();
        var incidents = changes.GetProperty("incidents").EnumerateArray().ToList();
        var earlier = firstReport.GetProperty("incidents").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetInt64());
        var befores = incidents.Where(c => c.GetProperty("before").ValueKind != JsonValueKind.Null).Select(c => c.GetProperty("before")).ToList();
        Assert.That(befores.Select(b => earlier[b.GetProperty("id").GetInt64()]).SelectMany(Claims), Is.SupersetOf(replacedClaims),
            "the changes include the earlier versions that held the replaced claims");
        foreach (var before in befores)
        {
            var then = earlier[before.GetProperty("id").GetInt64()];
            Assert.That(before.GetProperty("figures").EnumerateArray().Select(Figure), Is.EqualTo(then.GetProperty("figures").EnumerateArray().Select(Figure)),
                "the figures stored for run 1, as run 1's report showed them");
            Assert.That(Claims(before), Is.EqualTo(Claims(then).Except(replacedClaims)), "the sources still stored, none of the deleted");
        }
    }

    [Test]
    public async Task The_tally_with_a_replaced_source_changed_and_the_strike_shows_its_new_figure()
    {
        var incidents = (await Changes()).GetProperty("incidents").EnumerateArray().ToList();
        static long Best(JsonElement incident) => incident.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("headline").GetBoolean()).GetProperty("best").GetInt64();

        var tally = incidents.Single(c => c.GetProperty("after").ValueKind != JsonValueKind.Null && Claims(c.GetProperty("after")).Contains(newClaims[0]));
        Assert.That(tally.GetProperty("status").GetString(), Is.EqualTo("changed"), "the rescuers' unchanged claim ties the versions together");
        Assert.That(Claims(tally.GetProperty("before")), Does.Not.Contain(replacedClaims[0]));

        var strike = incidents.Single(c => c.GetProperty("after").ValueKind != JsonValueKind.Null && Claims(c.GetProperty("after")).Contains(newClaims[1]));
        Assert.That(Best(strike.GetProperty("after")), Is.EqualTo(15));
        var strikeBefore = strike.GetProperty("status").GetString() == "changed"
            ? strike.GetProperty("before")
            : incidents.Single(c => c.GetProperty("status").GetString() == "gone"
                && c.GetProperty("before").GetProperty("place").GetString() == strike.GetProperty("after").GetProperty("place").GetString()).GetProperty("before");
        Assert.That(Best(strikeBefore), Is.EqualTo(12), "the strike's figure of run 1");
    }

    [TestCase("md", "since.md")]
    [TestCase("html", "since.html")]
    public async Task Markdown_and_html_reports_since_the_first_run_are_written(string format, string name)
    {
        var path = Path.Combine(folder, name);
        var result = await WorkerProcess.Run(db.ConnectionString, "report", "--format", format, "--out", path, "--since", "1");
        Assert.That(result.ExitCode, Is.Zero, result.Error);
        Assert.That(await File.ReadAllTextAsync(path), Does.Contain("Idlib").And.Contain("East Aleppo"));
    }
}
