using System.Text;
using AngleSharp.Html.Parser;
using Casualties.Reports.Rendering;
using Casualties.Testing;
using NUnit.Framework;

namespace Casualties.Reports.Tests;

[TestFixture]
[Property("Issue", "7")]
public sealed class HtmlReportTests
{
    private const string Script = "<script>alert(1)</script>";
    private const string ImageAttack = "\"><img src=x onerror=alert(1)>";
    private TestDatabase db = null!;
    private string html = null!;

    [OneTimeSetUp]
    public async Task SetUp()
    {
        db = await ReconciledDatabase.Create();
        html = Encoding.UTF8.GetString(await ReconciledDatabase.Render(await ReconciledDatabase.Load(db.DataSource), ReportFormat.Html));
    }

    private Task<long> Count(string view) => ReconciledDatabase.Scalar<long>(db.DataSource, $"SELECT count(*) FROM {view}");

    [OneTimeTearDown]
    public Task TearDown() => db.DisposeAsync().AsTask();

    [Test]
    public void Markup_from_documents_appears_as_text_and_never_as_tags()
    {
        Assert.That(html, Does.Not.Contain("<script"));
        Assert.That(html, Does.Not.Contain("<img"));
        Assert.That(html, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;"));
        Assert.That(html, Does.Contain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));

        var document = new HtmlParser().ParseDocument(html);
        Assert.That(document.QuerySelectorAll("script, img, iframe, object, embed"), Is.Empty);
        Assert.That(document.All.SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("on", StringComparison.Ordinal)), Is.Empty);
        Assert.That(document.Body!.TextContent, Does.Contain(Script).And.Contain(ImageAttack), "the attack is shown as text");
    }

    [Test]
    public async Task Sides_are_written_as_the_reference_data_names_their_actors()
    {
        var sides = (await ReconciledDatabase.Load(db.DataSource)).Sides;

        Assert.That(new[] { "isis", "houthi", "sdf", "government" }.Select(sides.Name), Is.EqualTo(new[] { "ISIS", "Houthi", "SDF", "government" }));
        Assert.That(sides.Side(null), Is.EqualTo("unknown side"));
        Assert.That(html, Does.Contain("Government side"));
    }

    [Test]
    public void The_report_makes_no_external_request()
    {
        var document = new HtmlParser().ParseDocument(html);
        var references = document.All.SelectMany(e => e.Attributes)
            .Where(a => a.Name is "src" or "href" or "xlink:href" or "action" or "srcset" or "poster" or "data")
            .Select(a => a.Value).ToList();
        Assert.That(references, Is.Not.Empty, "the report links its own sections");
        Assert.That(references, Has.All.StartsWith("#"), "only links inside the page");
        Assert.That(document.QuerySelectorAll("link, base"), Is.Empty);
        Assert.That(html, Does.Not.Contain("url(").And.Not.Contain("@import"));
        Assert.That(document.QuerySelector("meta[http-equiv=Content-Security-Policy]")?.GetAttribute("content"), Does.StartWith("default-src 'none'"));
    }

    [Test]
    public async Task Every_section_a_reader_needs_is_there()
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var id in new[] { "summary", "totals", "timeline", "incidents", "flags", "method" })
            Assert.That(document.GetElementById(id), Is.Not.Null, id);
        Assert.That(document.QuerySelectorAll("article.incident"), Has.Length.EqualTo(await Count("v_incidents")));
        Assert.That(document.QuerySelectorAll("svg.range-chart"), Has.Length.EqualTo(await Count("v_incident_figures")), "one chart per incident figure");
        Assert.That(document.QuerySelectorAll("svg.timeline"), Is.Not.Empty);
        Assert.That(document.QuerySelectorAll("li.flag"), Has.Length.EqualTo(await Count("v_flags")).And.Length.GreaterThan(0));
        Assert.That(document.QuerySelector("meta[name=viewport]"), Is.Not.Null, "readable on a phone");
        Assert.That(html, Does.Contain("@media print").And.Contain("@media (max-width"));
    }

    [Test]
    public async Task Each_source_figure_of_an_incident_is_marked_on_its_chart_with_its_quote_beside_it()
    {
        var document = new HtmlParser().ParseDocument(html);
        var tally = document.GetElementById($"incident-{await ReconciledDatabase.EastAleppoTally(db.DataSource)}")!;
        var headlineChart = tally.QuerySelector("svg.range-chart")!;
        Assert.That(headlineChart.QuerySelectorAll("g.source"), Has.Length.EqualTo(4), "three latest words and one superseded");
        Assert.That(headlineChart.QuerySelectorAll("g.superseded"), Has.Length.EqualTo(1));
        Assert.That(tally.TextContent, Does.Contain("The offensive has killed more than 341 people in east Aleppo"));
        Assert.That(tally.TextContent, Does.Contain("120–440").And.Contain("no consensus"));
    }

    [Test]
    public async Task Same_data_gives_the_same_bytes()
    {
        var again = Encoding.UTF8.GetString(await ReconciledDatabase.Render(await ReconciledDatabase.Load(db.DataSource), ReportFormat.Html));
        Assert.That(again, Is.EqualTo(html));
    }
}
