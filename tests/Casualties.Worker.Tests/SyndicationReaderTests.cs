using System.Text;
using Casualties.Worker.Service.Pipeline;
using NUnit.Framework;

namespace Casualties.Worker.Tests;

[TestFixture]
[Property("Issue", "6")]
public sealed class SyndicationReaderTests
{
    private static IReadOnlyList<SyndicationItem> Read(string xml) =>
        SyndicationReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)), "http://127.0.0.1/feed");

    [Test]
    public void Rss_items_give_title_link_body_and_date()
    {
        var items = Read("""
            <rss version="2.0"><channel><item><title>Strike</title><link>http://x/1</link>
            <description>&lt;p&gt;Five killed.&lt;/p&gt;</description><pubDate>Wed, 07 Dec 2016 23:30:00 -0500</pubDate></item></channel></rss>
            """);
        Assert.That(items, Is.EqualTo(new[] { new SyndicationItem("Strike", "http://x/1", "<p>Five killed.</p>", new DateOnly(2016, 12, 8)) }));
    }

    [Test]
    public void Atom_entries_give_title_alternate_link_content_and_date()
    {
        var items = Read("""
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Shelling</title>
            <link rel="self" href="http://x/self"/><link href="http://x/2"/><content>Three died.</content>
            <published>2016-12-06T08:00:00Z</published></entry></feed>
            """);
        Assert.That(items, Is.EqualTo(new[] { new SyndicationItem("Shelling", "http://x/2", "<p>Three died.</p>", new DateOnly(2016, 12, 6)) }));
    }

    [TestCase("Five died.\n  \nThree &lt; four &amp; more\nwounded.", "<p>Five died.</p><p>Three &lt; four &amp; more wounded.</p>")]
    [TestCase("&lt;p&gt;Five died.&lt;/p&gt;", "<p>Five died.</p>")]
    [TestCase("<![CDATA[<p>Five died.</p> Two hurt.]]>", "<p>Five died.</p> Two hurt.")]
    [TestCase("<![CDATA[Five died, 3 < 4.]]>", "<p>Five died, 3 &lt; 4.</p>")]
    [Property("Issue", "17")]
    public void An_rss_description_with_markup_is_html_and_one_without_is_plain_text(string description, string body)
    {
        var items = Read($"<rss><channel><item><title>T</title><description>{description}</description></item></channel></rss>");
        Assert.That(items.Single().Body, Is.EqualTo(body));
    }

    [TestCase("<content>Five died &amp; 3 &lt; 4.</content>", "<p>Five died &amp; 3 &lt; 4.</p>")]
    [TestCase("<content type=\"html\">&lt;p&gt;Five died.&lt;/p&gt;</content>", "<p>Five died.</p>")]
    [TestCase("<content type=\"html\"><![CDATA[<p>Five died.</p>]]></content>", "<p>Five died.</p>")]
    [TestCase("<summary type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Five died.</p><p>Two hurt.</p></div></summary>",
        "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Five died.</p><p>Two hurt.</p></div>")]
    [Property("Issue", "17")]
    public void An_atom_body_is_read_by_its_type(string element, string body)
    {
        var items = Read($"<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>T</title>{element}</entry></feed>");
        Assert.That(items.Single().Body, Is.EqualTo(body));
    }

    [TestCase("<rss><channel><item><title>unclosed</channel>", "line 1")]
    [TestCase("<html><body>not a feed</body></html>", "not an RSS or Atom feed")]
    [TestCase("<!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss>&x;</rss>", "malformed feed")]
    public void Anything_else_is_refused_naming_the_line_or_the_reason(string xml, string message)
    {
        var e = Assert.Throws<InvalidDataException>(() => Read(xml));
        Assert.That(e!.Message, Does.StartWith("http://127.0.0.1/feed: ").And.Contains(message));
    }
}
