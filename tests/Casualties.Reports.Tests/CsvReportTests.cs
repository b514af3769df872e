using System.Text;
using Casualties.Reports.Rendering;
using Casualties.Testing;
using NUnit.Framework;
using Sylvan.Data.Csv;

namespace Casualties.Reports.Tests;

[TestFixture]
[Property("Issue", "7")]
public sealed class CsvReportTests
{
    private TestDatabase db = null!;
    private List<Dictionary<string, string>> rows = null!;
    private string[] header = null!;

    [OneTimeSetUp]
    public async Task SetUp()
    {
        db = await ReconciledDatabase.Create();
        var csv = await ReconciledDatabase.Render(await ReconciledDatabase.Load(db.DataSource), ReportFormat.Csv);
        using var reader = CsvDataReader.Create(new StreamReader(new MemoryStream(csv), Encoding.UTF8));
        header = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        rows = [];
        while (reader.Read()) rows.Add(header.Select((name, i) => (name, value: reader.GetString(i))).ToDictionary(c => c.name, c => c.value));
    }

    [OneTimeTearDown]
    public Task TearDown() => db.DisposeAsync().AsTask();

    [Test]
    public async Task Parses_back_with_the_documented_columns_and_one_row_per_source_figure()
    {
        Assert.That(header, Is.EqualTo(CsvReportRenderer.Columns));
        Assert.That(rows, Has.Count.EqualTo(await ReconciledDatabase.Scalar<long>(db.DataSource, "SELECT count(*) FROM v_incident_sources")));
        Assert.That(rows.Count(r => r["superseded"] == "true"), Is.EqualTo(1));
        Assert.That(rows.Select(r => r["claim_id"]), Is.Unique);
    }

    [Test]
    public void Text_with_commas_quotes_and_markup_round_trips_unchanged()
    {
        var quote = rows.Single(r => r["claim_id"] == "103")["quote"];
        Assert.That(quote, Is.EqualTo("Rebel fire into the government-held west of the city has killed 81 people, including 31 children, in the same period, it says."));
        var evil = rows.Single(r => r["claim_id"] == "112");
        Assert.That(evil["document"], Is.EqualTo("evil<script>alert(1)</script>"));
        Assert.That(evil["source"], Is.EqualTo("\"><img src=x onerror=alert(1)>"));
    }

    [Test]
    public void Formula_looking_cells_are_prefixed_with_a_quote()
    {
        var formula = rows.Single(r => r["claim_id"] == "117");
        Assert.That(formula["source"], Is.EqualTo("'=HYPERLINK(\"http://example.invalid/x\",\"click\")"));
        Assert.That(formula["quote"], Is.EqualTo("'@SUM(1+1) twelve dead"));
        var dangerous = rows.SelectMany(r => r.Values).Where(v => v.Length > 0 && "=+-@\t\r".Contains(v[0]));
        Assert.That(dangerous, Is.Empty);
    }

    [TestCase("=1+1", "'=1+1")]
    [TestCase("+1", "'+1")]
    [TestCase("-1", "'-1")]
    [TestCase("@SUM(A1)", "'@SUM(A1)")]
    [TestCase("\tx", "'\tx")]
    [TestCase("\rx", "\"'\rx\"")]
    [TestCase("a,b", "\"a,b\"")]
    [TestCase("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [TestCase("plain", "plain")]
    [TestCase("", "")]
    public void Cell_escaping(string value, string expected) =>
        Assert.That(CsvCell.Escape(value), Is.EqualTo(expected));
}
