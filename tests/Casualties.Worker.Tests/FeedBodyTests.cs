using Casualties.Testing;
using Casualties.Worker.Tests.Support;
using NUnit.Framework;

namespace Casualties.Worker.Tests;

/// <summary>
/// RSS and Atom items with plain-text, HTML and CDATA bodies, added with the real CLI, polled by a real
/// <c>worker --once</c> from a feed server on 127.0.0.1: every body's claims are stored with their source (issue 17:
/// a plain-text description after the item's heading was lost).
/// </summary>
[TestFixture]
[Property("Issue", "17")]
public sealed class FeedBodyTests
{
    private TestDatabase db = null!;
    private FeedServer server = null!;

    [SetUp]
    public async Task Start()
    {
        db = await TestCluster.CreateDatabase();
        server = new FeedServer();
    }

    [TearDown]
    public async Task Stop()
    {
        server.Dispose();
        await db.DisposeAsync();
    }

    private async Task Cli(params string[] args)
    {
        var (exitCode, output, error) = await WorkerProcess.Run(db.ConnectionString, args, Settings.Fast());
        Assert.That(exitCode, Is.Zero, $"casualties {string.Join(' ', args)}: {output}{error}");
    }

    /// <summary>The (document, victims, value, source) of every killed claim, sorted.</summary>
    private Task<IReadOnlyList<string>> Claims() => Stored.Rows<string>(db.DataSource, """
        SELECT document || ' ' || victims || ' ' || value || ' ' || coalesce(source, '-') || ' ' || coalesce(place, '-')
        FROM v_claims WHERE outcome = 'killed' ORDER BY 1
        """);

    private async Task Poll(string name, string kind, string path, string body, string contentType)
    {
        server.Route(path, c => FeedServer.Write(c, 200, body, contentType));
        await Cli("sources", "add", name, "--kind", kind, "--url", server.Url(path));
        await Cli("sources", "run", name);
        await Cli("worker", "--once");
    }

    [Test]
    public async Task Rss_items_with_plain_text_html_and_cdata_descriptions_give_the_bodys_claims_with_their_source()
    {
        await Poll("wire", "rss", "wire.rss", """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Wire</title>
            <item><title>Idlib strikes</title><link>http://127.0.0.1/rss/plain</link>
              <description>Air strikes killed 12 people, including five children, in Idlib on Wednesday, the Syrian Observatory for Human Rights said.</description>
              <pubDate>Wed, 07 Dec 2016 10:00:00 GMT</pubDate></item>
            <item><title>Ariha shelling</title><link>http://127.0.0.1/rss/html</link>
              <description>&lt;p&gt;Shelling killed 9 people, among them four children, in Ariha on Tuesday, the &lt;a href="http://x"&gt;Syrian Observatory for Human Rights&lt;/a&gt; said.&lt;/p&gt;</description>
              <pubDate>Wed, 07 Dec 2016 11:00:00 GMT</pubDate></item>
            <item><title>Binnish raid</title><link>http://127.0.0.1/rss/cdata</link>
              <description><![CDATA[Update:<br/>A raid killed 7 people, including three children, in Binnish on Monday, the Syrian Observatory for Human Rights said.]]></description>
              <pubDate>Wed, 07 Dec 2016 12:00:00 GMT</pubDate></item>
            </channel></rss>
            """, "application/rss+xml");

        const string Sohr = "Syrian Observatory for Human Rights";
        Assert.That(await Claims(), Is.EqualTo(new[]
        {
            $"cdata children 3 {Sohr} Binnish",
            $"cdata people 7 {Sohr} Binnish",
            $"html children 4 {Sohr} Ariha",
            $"html people 9 {Sohr} Ariha",
            $"plain children 5 {Sohr} Idlib",
            $"plain people 12 {Sohr} Idlib",
        }), "each body's two claims, with their source and place; the headlines hold no figure");
    }

    [Test]
    public async Task Atom_entries_with_text_html_cdata_and_xhtml_content_give_the_bodys_claims_with_their_source()
    {
        await Poll("atom", "atom", "wire.atom", """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:x</id><updated>2016-12-07T10:00:00Z</updated>
            <entry><title>Idlib strikes</title><link href="http://127.0.0.1/atom/text"/><id>urn:1</id><updated>2016-12-07T10:00:00Z</updated>
              <content type="text">Air strikes killed 12 people, including five children, in Idlib on Wednesday, the Syrian Observatory for Human Rights said.</content></entry>
            <entry><title>Ariha shelling</title><link href="http://127.0.0.1/atom/html"/><id>urn:2</id><updated>2016-12-07T10:00:00Z</updated>
              <content type="html">&lt;div&gt;Shelling killed 9 people, among them four children, in Ariha on Tuesday, the Syrian Observatory for Human Rights said.&lt;/div&gt;</content></entry>
            <entry><title>Binnish raid</title><link href="http://127.0.0.1/atom/cdata"/><id>urn:3</id><updated>2016-12-07T10:00:00Z</updated>
              <summary type="html"><![CDATA[<b>Update</b> A raid killed 7 people, including three children, in Binnish on Monday, the Syrian Observatory for Human Rights said.]]></summary></entry>
            <entry><title>Atarib</title><link href="http://127.0.0.1/atom/xhtml"/><id>urn:4</id><updated>2016-12-07T10:00:00Z</updated>
              <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Quiet morning.</p>Shells killed 6 people, including two children, in Atarib on Sunday, the Syrian Observatory for Human Rights said.</div></content></entry>
            </feed>
            """, "application/atom+xml");

        const string Sohr = "Syrian Observatory for Human Rights";
        Assert.That(await Claims(), Is.EqualTo(new[]
        {
            $"cdata children 3 {Sohr} Binnish",
            $"cdata people 7 {Sohr} Binnish",
            $"html children 4 {Sohr} Ariha",
            $"html people 9 {Sohr} Ariha",
            $"text children 5 {Sohr} Idlib",
            $"text people 12 {Sohr} Idlib",
            $"xhtml children 2 {Sohr} Atarib",
            $"xhtml people 6 {Sohr} Atarib",
        }), "each body's two claims, with their source and place; the headlines hold no figure");
    }
}
