using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Casualties.Reports.Loading;
using Casualties.Reports.Rendering;
using Casualties.Testing;
using NUnit.Framework;

namespace Casualties.Reports.Tests;

/// <summary>
/// The default HTML report of a database of any size: every high- and medium-severity flag is in it, each country
/// shows its top incidents, and the counts of what was left out are those of the database.
/// </summary>
[TestFixture(12)]
[TestFixture(150)]
[Property("Issue", "13")]
[NonParallelizable]
public sealed class SelectionReportTests(int eventsPerCountry)
{
    private TestDatabase db = null!;
    private string folder = null!;

    [OneTimeSetUp]
    public async Task SetUp()
    {
        db = await TestCluster.CreateDatabase();
        await ReconciledDatabase.Execute(db.DataSource, await File.ReadAllTextAsync(ReconciledDatabase.DataFile("demo_claims.sql")));
        await ReconciledDatabase.Execute(db.DataSource, await File.ReadAllTextAsync(ReconciledDatabase.DataFile("changes_before.sql")));
        await ReconciledDatabase.Execute(db.DataSource, (await File.ReadAllTextAsync(ReconciledDatabase.DataFile("many_incidents.sql")))
            .Replace("@Count", eventsPerCountry.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        await ReconciledDatabase.Reconcile(db.DataSource);
        folder = Directory.CreateTempSubdirectory("casualties-selection-").FullName;
    }

    [OneTimeTearDown]
    public async Task TearDown()
    {
        if (db is not null) await db.DisposeAsync();
        if (folder is not null) Directory.Delete(folder, recursive: true);
    }

    private async Task<List<long>> Ids(string sql)
    {
        await using var cmd = db.DataSource.CreateCommand(sql);
        await using var r = await cmd.ExecuteReaderAsync();
        var ids = new List<long>();
        while (await r.ReadAsync()) ids.Add(r.GetInt64(0));
        return ids;
    }

    private async Task<IDocument> DefaultHtml(int top = 3) => new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(
        await ReconciledDatabase.Render(await new ReportDataLoader(db.DataSource).Load(ReportFilter.None, new ReportSelection(top), null), ReportFormat.Html)));

    [Test]
    public async Task Every_high_and_medium_flag_is_in_the_default_html()
    {
        var document = await DefaultHtml();
        var shownFlags = document.QuerySelectorAll("#flags li.flag").Select(li => long.Parse(li.GetAttribute("data-flag")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var high = await Ids("SELECT flag_id FROM v_flags WHERE severity = 'high'");
        var medium = await Ids("SELECT flag_id FROM v_flags WHERE severity = 'medium'");
        Assert.That(high, Has.Count.GreaterThan(eventsPerCountry / 3), "the data has many high-severity flags");
        Assert.That(shownFlags, Is.SupersetOf(high));
        Assert.That(shownFlags, Is.SupersetOf(medium));
        Assert.That(shownFlags, Has.Count.EqualTo(high.Count + medium.Count), "low-severity flags are left out");

        var cards = document.QuerySelectorAll("article.incident").Select(a => a.Id).ToHashSet();
        var highOnHiddenIncidents = await Ids("SELECT incident_id FROM v_flags WHERE severity = 'high' AND incident_id IS NOT NULL");
        if (eventsPerCountry > 20)
            Assert.That(highOnHiddenIncidents.Where(id => !cards.Contains($"incident-{id}")), Is.Not.Empty, "some flagged incidents have no card, yet their flags are there");
    }

    [Test]
    public async Task Left_out_counts_are_those_of_the_database()
    {
        var document = await DefaultHtml();
        var rows = document.QuerySelectorAll("table.countries tr.country-row").ToList();
        Assert.That(rows.Select(r => r.GetAttribute("data-country")), Is.EqualTo(new[] { "Marland", "Syria" }));
        foreach (var row in rows)
        {
            var country = row.GetAttribute("data-country")!;
            int Cell(string css) => int.Parse(row.QuerySelector("td." + css)!.TextContent.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
            var inDatabase = (await Ids($"SELECT count(*) FROM v_incidents WHERE country = '{country}'")).Single();
            var flaggedInDatabase = (await Ids($"SELECT count(*) FROM v_incidents WHERE country = '{country}' AND flag_count > 0")).Single();
            var section = document.GetElementById("country-" + country.ToLowerInvariant())!;
            var cards = section.QuerySelectorAll("article.incident").ToList();
            var flaggedCards = cards.Count(a => a.QuerySelector(".flagged") is not null);

            Assert.That(Cell("incidents"), Is.EqualTo(inDatabase), country);
            Assert.That(Cell("shown"), Is.EqualTo(cards.Count), country);
            Assert.That(Cell("left-out"), Is.EqualTo(inDatabase - cards.Count), country);
            Assert.That(Cell("flagged-left-out"), Is.EqualTo(flaggedInDatabase - flaggedCards), country);
            Assert.That(cards.Count, Is.LessThanOrEqualTo(4 * 3), "at most top 3 of each of four kinds");
            if (inDatabase > cards.Count)
            {
                Assert.That(section.QuerySelector("p.left-out")!.TextContent,
                    Does.Contain($"casualties report --format html --all --place {country} --out report-all").And.Contain($"country = '{country}'"));
            }
        }
        var lowFlags = (await Ids("SELECT count(*) FROM v_flags WHERE severity = 'low'")).Single();
        Assert.That(lowFlags, Is.GreaterThan(0));
        Assert.That(document.QuerySelector("p.flags-left-out")!.GetAttribute("data-count"), Is.EqualTo(lowFlags.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task The_largest_and_the_flagged_incidents_of_each_country_have_cards()
    {
        var document = await DefaultHtml(top: 2);
        var cards = document.QuerySelectorAll("article.incident").Select(a => a.Id).ToHashSet();
        foreach (var country in new[] { "Syria", "Marland" })
        {
            var largest = await Ids($"SELECT incident_id FROM v_incidents WHERE country = '{country}' ORDER BY best DESC, incident_id LIMIT 2");
            Assert.That(largest.Select(id => $"incident-{id}"), Is.SubsetOf(cards), country);
            var flagged = await Ids($"SELECT incident_id FROM v_incidents WHERE country = '{country}' AND flag_count > 0");
            Assert.That(flagged.Count(id => cards.Contains($"incident-{id}")), Is.GreaterThanOrEqualTo(Math.Min(2, flagged.Count)), country);
        }
    }

    [Test]
    public async Task With_all_every_incident_and_flag_is_shown()
    {
        var data = await new ReportDataLoader(db.DataSource).Load(ReportFilter.None, ReportSelection.Everything, null);
        var document = new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(await ReconciledDatabase.Render(data, ReportFormat.Html)));
        Assert.That(document.QuerySelectorAll("article.incident"), Has.Length.EqualTo((await Ids("SELECT count(*) FROM v_incidents")).Single()));
        Assert.That(document.QuerySelectorAll("#flags li.flag"), Has.Length.EqualTo((await Ids("SELECT count(*) FROM v_flags")).Single()));
        Assert.That(document.QuerySelector("p.flags-left-out"), Is.Null);
    }

    [Test]
    public async Task The_folder_form_links_the_index_and_a_page_per_country_both_ways_and_renders_in_chromium()
    {
        var out_ = Path.Combine(folder, $"report-{eventsPerCountry}");
        var data = await new ReportDataLoader(db.DataSource).Load(ReportFilter.None, new ReportSelection(3), null);
        var files = await ReportWriter.WriteFolder(data, out_, FixedClock.Default);

        Assert.That(files.Order(), Is.EqualTo(new[] { "country-marland.html", "country-syria.html", "index.html" }));
        var parser = new HtmlParser();
        var pages = files.ToDictionary(f => f, f => parser.ParseDocument(File.ReadAllText(Path.Combine(out_, f))));
        var index = pages["index.html"];
        Assert.That(index.QuerySelectorAll("table.countries a").Select(a => a.GetAttribute("href")), Is.EquivalentTo(new[] { "country-marland.html", "country-syria.html" }));
        Assert.That(index.QuerySelectorAll("article.incident"), Is.Empty, "incidents are on the country pages");
        foreach (var (name, page) in pages.Where(p => p.Key != "index.html"))
        {
            Assert.That(page.QuerySelectorAll("a").Select(a => a.GetAttribute("href")), Has.Some.EqualTo("index.html"), name);
            Assert.That(page.QuerySelector("meta[http-equiv=Content-Security-Policy]")?.GetAttribute("content"), Does.StartWith("default-src 'none'"));
            Assert.That(page.QuerySelectorAll("article.incident"), Is.Not.Empty);
        }
        // Every link of every page names a page of the folder and an element on it.
        foreach (var (name, page) in pages)
        {
            foreach (var href in page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                var (file, anchor) = href.Split('#') is [var f, var a] ? (f.Length == 0 ? name : f, a) : (href, null);
                Assert.That(pages.ContainsKey(file), Is.True, $"{name}: {href}");
                if (anchor is not null) Assert.That(pages[file].GetElementById(anchor), Is.Not.Null, $"{name}: {href}");
            }
        }

        HeadlessChromium.RequireInstalled();
        foreach (var name in new[] { "index.html", "country-syria.html" })
        {
            var (dom, result) = await HeadlessChromium.DumpDom(Path.Combine(out_, name));
            Assert.That(result.ExitCode, Is.Zero, result.Log);
            Assert.That(result.ConsoleMessages, Is.Empty, name);
            Assert.That(result.PageRequests, Is.Empty, name);
            Assert.That(dom, Does.Contain("</main>"), name);
        }
    }
}
