using System.Text;
using Casualties.Reports.Rendering;
using Casualties.Testing;
using NUnit.Framework;

namespace Casualties.Reports.Tests;

[TestFixture]
[Property("Issue", "7")]
public sealed class MarkdownReportTests
{
    private TestDatabase db = null!;
    private string markdown = null!;

    [OneTimeSetUp]
    public async Task SetUp()
    {
        db = await ReconciledDatabase.Create();
        markdown = Encoding.UTF8.GetString(await ReconciledDatabase.Render(await ReconciledDatabase.Load(db.DataSource), ReportFormat.Markdown));
    }

    [OneTimeTearDown]
    public Task TearDown() => db.DisposeAsync().AsTask();

    [Test]
    public void Has_the_sections_of_a_newsroom_note()
    {
        foreach (var heading in new[] { "# Casualty reconciliation report", "## Summary", "## Per-side totals", "## Incidents", "## Conflict flags", "## How every number was computed" })
            Assert.That(markdown, Does.Contain("\n" + heading + "\n").Or.StartWith(heading + "\n"), heading);
        Assert.That(markdown, Does.Match(@"\n#### #\d+ Killed in East Aleppo, 2016-11-15 to 2016-12-0\d\n"));
        Assert.That(markdown, Does.Contain("Syrian Observatory for Human Rights (superseded)"));
    }

    [Test]
    public void Markup_from_documents_is_inert()
    {
        Assert.That(markdown, Does.Not.Contain("<script").And.Not.Contain("<img"));
        Assert.That(markdown, Does.Contain("&lt;script&gt;alert\\(1\\)&lt;/script&gt;"));
        Assert.That(markdown, Does.Not.Contain("[click]").And.Not.Contain("](http"));
    }

    [TestCase("a|b", "a\\|b")]
    [TestCase("*bold* _it_", "\\*bold\\* \\_it\\_")]
    [TestCase("[x](http://y)", "\\[x\\]\\(http://y\\)")]
    [TestCase("<b>&", "&lt;b&gt;&amp;")]
    [TestCase("line\nbreak", "line break")]
    public void Escaping(string text, string expected) => Assert.That(Markdown.Escape(text), Is.EqualTo(expected));
}
