using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Casualties.Postgres.Reconciliation;
using Casualties.Reports.Loading;
using Casualties.Reports.Rendering;
using Casualties.Testing;
using NUnit.Framework;

namespace Casualties.Reports.Tests;

/// <summary>
/// report --since: between two runs a monitor updates its tally, a new source disagrees, a ministry corrects itself
/// (its flag clears) and a dataset deletes a row. The reports list exactly those changes, and nothing of the demo
/// claims that did not change.
/// </summary>
[TestFixture]
[Property("Issue", "13")]
[NonParallelizable]
public sealed class ChangesReportTests
{
    private static readonly string[] Marland = ["Marland", "Port Vey", "Oskar", "Lindt", "Tarn"];
    private TestDatabase db = null!;
    private long firstRun, secondRun;
    private (long Best, long High) marlandBefore, marlandAfter;
    private string folder = null!;

    [OneTimeSetUp]
    public async Task SetUp()
    {
        db = await TestCluster.CreateDatabase();
        await ReconciledDatabase.Execute(db.DataSource, await File.ReadAllTextAsync(ReconciledDatabase.DataFile("demo_claims.sql")));
        await ReconciledDatabase.Execute(db.DataSource, await File.ReadAllTextAsync(ReconciledDatabase.DataFile("changes_before.sql")));
        firstRun = (await new ReconciliationRunner(db.DataSource).Run(full: true)).RunId;
        marlandBefore = await MarlandTotal();
        await ReconciledDatabase.Execute(db.DataSource, await File.ReadAllTextAsync(ReconciledDatabase.DataFile("changes_after.sql")));
        secondRun = (await new ReconciliationRunner(db.DataSource).Run(full: false)).RunId;
        marlandAfter = await MarlandTotal();
        folder = Directory.CreateTempSubdirectory("casualties-changes-").FullName;
    }

    [OneTimeTearDown]
    public async Task TearDown()
    {
        if (db is not null) await db.DisposeAsync();
        if (folder is not null) Directory.Delete(folder, recursive: true);
    }

    private async Task<(long Best, long High)> MarlandTotal()
    {
        await using var cmd = db.DataSource.CreateCommand("""
            SELECT best, high FROM v_side_totals
            WHERE place_key = 'marland' AND period = 'all' AND outcome = 'killed' AND victims = 'people' AND perpetrator_side = 'government'
            """);
        await using var r = await cmd.ExecuteReaderAsync();
        Assert.That(await r.ReadAsync(), Is.True, "Marland has a total");
        return (r.GetInt64(0), r.GetInt64(1));
    }

    private async Task<ReportData> Since(long run) =>
        await new ReportDataLoader(db.DataSource).Load(ReportFilter.None, ReportSelection.Default, run);

    private async Task<JsonElement> Json()
    {
        var bytes = await ReconciledDatabase.Render(await Since(firstRun), ReportFormat.Json);
        return JsonDocument.Parse(bytes).RootElement.Clone();
    }

    private static string? Place(JsonElement change) =>
        (change.GetProperty("after").ValueKind == JsonValueKind.Null ? change.GetProperty("before") : change.GetProperty("after")).GetProperty("place").GetString();

    [Test]
    public async Task Json_lists_the_four_incidents_that_changed_with_before_and_after()
    {
        var changes = (await Json()).GetProperty("changes");
        Assert.That(changes.GetProperty("from_run").GetInt64(), Is.EqualTo(firstRun));
        Assert.That(changes.GetProperty("to_run").GetInt64(), Is.EqualTo(secondRun));
        var incidents = changes.GetProperty("incidents").EnumerateArray().ToList();
        Assert.That(incidents.Select(c => $"{Place(c)}: {c.GetProperty("status").GetString()}").Order(),
            Is.EqualTo(new[] { "Lindt: changed", "Oskar: changed", "Port Vey: changed", "Tarn: gone" }));

        JsonElement Of(string place) => incidents.Single(c => Place(c) == place);
        static JsonElement Headline(JsonElement incident) => incident.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("headline").GetBoolean());

        var tally = Of("Port Vey");
        Assert.That(Headline(tally.GetProperty("before")).GetProperty("best").GetInt32(), Is.EqualTo(200));
        Assert.That(Headline(tally.GetProperty("after")).GetProperty("best").GetInt32(), Is.EqualTo(260), "the monitor's updated tally");
        Assert.That(Headline(tally.GetProperty("after")).GetProperty("superseded").GetArrayLength(), Is.EqualTo(1), "its earlier word, superseded");
        Assert.That(tally.GetProperty("incident").GetInt64(), Is.EqualTo(tally.GetProperty("after").GetProperty("id").GetInt64()));

        var oskar = Of("Oskar");
        Assert.That(Headline(oskar.GetProperty("before")).GetProperty("sources").GetArrayLength(), Is.EqualTo(1));
        Assert.That(Headline(oskar.GetProperty("after")).GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("source").GetString()),
            Is.EquivalentTo(new[] { "Marland Monitor", "Oskar Governor Office" }));

        var lindt = Of("Lindt");
        Assert.That(Headline(lindt.GetProperty("before")).GetProperty("consensus").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(Headline(lindt.GetProperty("after")).GetProperty("consensus").GetProperty("low").GetInt32(), Is.EqualTo(30), "the ministry now agrees");

        var tarn = Of("Tarn");
        Assert.That(tarn.GetProperty("after").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(tarn.GetProperty("before").GetProperty("figures")[0].GetProperty("sources")[0].GetProperty("document").GetString(), Is.EqualTo("ucdp-ged:tarn-1"));
    }

    [Test]
    public async Task Json_lists_the_flag_raised_and_the_flag_cleared()
    {
        var json = await Json();
        var flags = json.GetProperty("changes").GetProperty("flags").EnumerateArray().ToList();
        Assert.That(flags.Select(f => $"{f.GetProperty("status").GetString()} {f.GetProperty("flag").GetProperty("kind").GetString()} in {f.GetProperty("flag").GetProperty("place").GetString()}"),
            Is.EqualTo(new[] { "raised disjoint_ranges in Oskar", "cleared disjoint_ranges in Lindt" }));
        var raised = flags[0].GetProperty("flag");
        Assert.That(raised.GetProperty("sources").EnumerateArray().Select(s => s.GetString()), Is.EquivalentTo(new[] { "Marland Monitor", "Oskar Governor Office" }));
        Assert.That(json.GetProperty("flags").EnumerateArray().Select(f => f.GetProperty("id").GetInt64()), Has.Member(raised.GetProperty("id").GetInt64()), "a raised flag is a current one");
        Assert.That(json.GetProperty("flags").EnumerateArray().Select(f => f.GetProperty("id").GetInt64()), Has.No.Member(flags[1].GetProperty("flag").GetProperty("id").GetInt64()));
    }

    [Test]
    public async Task Json_lists_only_the_totals_that_moved_with_before_and_after()
    {
        var totals = (await Json()).GetProperty("changes").GetProperty("totals").EnumerateArray().ToList();
        Assert.That(totals, Is.Not.Empty);
        var places = totals.Select(t => (t.GetProperty("after").ValueKind == JsonValueKind.Null ? t.GetProperty("before") : t.GetProperty("after")).GetProperty("place").GetString()).Distinct();
        Assert.That(places, Is.SubsetOf(Marland), "nothing of the demo claims moved");
        var whole = totals.Single(t => t.GetProperty("status").GetString() == "changed"
            && t.GetProperty("after").GetProperty("place_key").GetString() == "marland" && t.GetProperty("after").GetProperty("period").GetString() == "all"
            && t.GetProperty("after").GetProperty("victims").GetString() == "people" && t.GetProperty("after").GetProperty("outcome").GetString() == "killed");
        Assert.That(whole.GetProperty("before").GetProperty("best").GetInt64(), Is.EqualTo(marlandBefore.Best));
        Assert.That(whole.GetProperty("after").GetProperty("best").GetInt64(), Is.EqualTo(marlandAfter.Best));
        Assert.That(marlandAfter, Is.Not.EqualTo(marlandBefore));
        Assert.That(totals.Where(t => t.GetProperty("status").GetString() == "gone").Select(t => t.GetProperty("before").GetProperty("place").GetString()).Distinct(),
            Is.EqualTo(new[] { "Tarn" }), "the deleted row's place has no total left");
        foreach (var t in totals.Where(t => t.GetProperty("status").GetString() == "changed"))
        {
            var (before, after) = (t.GetProperty("before"), t.GetProperty("after"));
            Assert.That((before.GetProperty("low").GetInt64(), before.GetProperty("best").GetInt64(), before.GetProperty("high").GetInt64()),
                Is.Not.EqualTo((after.GetProperty("low").GetInt64(), after.GetProperty("best").GetInt64(), after.GetProperty("high").GetInt64())), "a changed total moved");
        }
    }

    [Test]
    public async Task The_same_changes_in_sql_between_the_two_runs_and_in_v_changes()
    {
        await using var cmd = db.DataSource.CreateCommand("""
            SELECT (SELECT count(*) FROM changes(@From, @To) WHERE item = 'incident'),
                   (SELECT count(*) FROM changes(@From, @To) WHERE item = 'flag'),
                   (SELECT count(*) FROM v_changes WHERE item = 'incident'),
                   (SELECT count(*) FROM changes(@To, @To))
            """);
        cmd.Parameters.AddWithValue("From", firstRun);
        cmd.Parameters.AddWithValue("To", secondRun);
        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();
        Assert.That((r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3)), Is.EqualTo((4L, 2L, 4L, 0L)));
    }

    [Test]
    public async Task Markdown_lists_the_same_changes()
    {
        var markdown = Encoding.UTF8.GetString(await ReconciledDatabase.Render(await Since(firstRun), ReportFormat.Markdown));
        Assert.That(markdown, Does.Contain($"\n## What changed since run {firstRun}\n"));
        var rows = markdown.Split('\n').Where(l => l.StartsWith("| changed | #", StringComparison.Ordinal) || l.StartsWith("| gone | #", StringComparison.Ordinal) || l.StartsWith("| new | #", StringComparison.Ordinal)).ToList();
        Assert.That(rows.Select(l => l.Split(" | ")[0] + " " + Marland.Single(p => l.Contains($" in {p},", StringComparison.Ordinal))).Order(),
            Is.EqualTo(new[] { "| changed Lindt", "| changed Oskar", "| changed Port Vey", "| gone Tarn" }));
        Assert.That(rows.Single(l => l.Contains("Port Vey", StringComparison.Ordinal)), Does.Contain("| 200, best 200, 1 source | 200–260, best 260, 1 source |").Or.Contain("best 260"));
        var flagLines = markdown.Split('\n').Where(l => l.StartsWith("- **raised**", StringComparison.Ordinal) || l.StartsWith("- **cleared**", StringComparison.Ordinal)).ToList();
        Assert.That(flagLines, Has.Count.EqualTo(2));
        Assert.That(flagLines[0], Does.StartWith("- **raised**: high, Ranges do not overlap"));
        Assert.That(flagLines[1], Does.StartWith("- **cleared**: high, Ranges do not overlap"));
    }

    [Test]
    public async Task Html_lists_the_same_changes_as_chromium_renders_them()
    {
        HeadlessChromium.RequireInstalled();
        var path = Path.Combine(folder, "changes.html");
        await ReportWriter.WriteFile(await Since(firstRun), ReportFormat.Html, path, FixedClock.Default);

        var (dom, result) = await HeadlessChromium.DumpDom(path);

        Assert.That(result.ExitCode, Is.Zero, result.Log);
        Assert.That(result.ConsoleMessages, Is.Empty);
        Assert.That(result.PageRequests, Is.Empty);
        var document = new HtmlParser().ParseDocument(dom);
        var rows = document.QuerySelectorAll("#changes table.incident-changes tbody tr");
        Assert.That(rows.Select(tr => tr.QuerySelector(".status")!.TextContent + " " + Marland.Single(p => tr.TextContent.Contains($" in {p},", StringComparison.Ordinal))).Order(),
            Is.EqualTo(new[] { "changed Lindt", "changed Oskar", "changed Port Vey", "gone Tarn" }));
        var flags = document.QuerySelectorAll("#changes ul.flag-changes li");
        Assert.That(flags.Select(li => li.QuerySelector(".status")!.TextContent + " " + li.QuerySelector("strong")!.TextContent),
            Is.EqualTo(new[] { "raised Ranges do not overlap", "cleared Ranges do not overlap" }));
        Assert.That(flags[0].TextContent, Does.Contain("Oskar"));
        Assert.That(flags[1].TextContent, Does.Contain("Lindt"));
        var totals = document.QuerySelectorAll("#changes table.total-changes tbody tr");
        Assert.That(totals.Select(tr => tr.TextContent), Has.All.Matches<string>(text => Marland.Any(p => text.Contains(" in " + p + ",", StringComparison.Ordinal))));
    }

    [Test]
    public async Task Without_since_there_is_no_changes_key_and_since_the_latest_run_nothing_changed()
    {
        var plain = JsonDocument.Parse(await ReconciledDatabase.Render(await new ReportDataLoader(db.DataSource).Load(ReportFilter.None), ReportFormat.Json)).RootElement;
        Assert.That(plain.TryGetProperty("changes", out _), Is.False);
        var none = JsonDocument.Parse(await ReconciledDatabase.Render(await Since(secondRun), ReportFormat.Json)).RootElement.GetProperty("changes");
        Assert.That(none.GetProperty("incidents").GetArrayLength() + none.GetProperty("flags").GetArrayLength() + none.GetProperty("totals").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task The_run_of_the_last_report_written_to_a_place_is_remembered()
    {
        var marks = new ReportMarks(db.DataSource);
        var place = Path.Combine(folder, "morning.html");
        Assert.That(await marks.Previous(place), Is.Null);
        Assert.That(await marks.Remember(place, firstRun, "html"), Is.True);
        Assert.That(await marks.Remember(place + "/../morning.html", secondRun, "html"), Is.True, "the same place, written differently");
        Assert.That(await marks.Previous(place), Is.EqualTo(secondRun));
        Assert.That(await marks.Previous(Path.Combine(folder, "evening.html")), Is.Null);
    }
}
