using Casualties.Ingestion.Documents;
using NUnit.Framework;

namespace Casualties.Ingestion.Tests;

/// <summary>The HTML reader reads every text node once, in blocks, whatever markup surrounds it.</summary>
[TestFixture]
[Property("Issue", "17")]
public sealed class HtmlReaderTests
{
    private static string Body(string html) => HtmlDocumentReader.Read(html).Body;

    [Test]
    public void Bare_text_after_a_heading_is_read_as_a_block_of_its_own()
    {
        var body = Body("<html><body><h1>Strikes on Idlib</h1>\nShells killed 9 people in Ariha, the monitor said.</body></html>");
        Assert.That(body, Is.EqualTo("Strikes on Idlib\n\nShells killed 9 people in Ariha, the monitor said."));
    }

    [Test]
    public void Bare_text_between_blocks_and_inside_divisions_is_kept_in_document_order_without_duplicates()
    {
        var body = Body("""
            <body><h2>Update</h2>Four died on Monday.<p>Two more died <em>overnight</em>.</p>
            <div>Rescuers found a body. <div>Nested text here.</div> Trailing text.</div><ul><li>One <b>list</b> item.</li></ul>
            Last words.</body>
            """);
        Assert.That(body.Split("\n\n"), Is.EqualTo(new[]
        {
            "Update", "Four died on Monday.", "Two more died overnight.", "Rescuers found a body.", "Nested text here.",
            "Trailing text.", "One list item.", "Last words.",
        }));
    }

    [Test]
    public void Line_breaks_and_table_cells_separate_blocks_so_their_sentences_are_not_run_together()
    {
        var body = Body("<body>First line without a stop<br>Second line<table><tr><td>Killed</td><td>12</td></tr></table></body>");
        Assert.That(body.Split("\n\n"), Is.EqualTo(new[] { "First line without a stop", "Second line", "Killed", "12" }));
    }

    [Test]
    public void An_article_is_still_preferred_to_the_chrome_around_it()
    {
        var body = Body("""
            <body><div>Sign up for our newsletter</div><nav>Home</nav>
            <article><h1>Title</h1>Ten were wounded. <a href="/x">Read</a> more.</article><footer>(c)</footer></body>
            """);
        Assert.That(body, Is.EqualTo("Title\n\nTen were wounded. Read more."));
    }
}
