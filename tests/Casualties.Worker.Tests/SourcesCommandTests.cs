using Casualties.Testing;
using Casualties.Worker.Tests.Support;
using NUnit.Framework;

namespace Casualties.Worker.Tests;

/// <summary>casualties sources add|list|remove|run as a user types them.</summary>
[TestFixture]
[Property("Issue", "6")]
public sealed class SourcesCommandTests
{
    private TestDatabase db = null!;

    [SetUp]
    public async Task CreateDatabase() => db = await TestCluster.CreateDatabase();

    [TearDown]
    public async Task DropDatabase() => await db.DisposeAsync();

    [Test]
    public async Task A_feed_added_is_listed_can_be_run_and_is_removed()
    {
        var added = await WorkerProcess.Run(db.ConnectionString, "sources", "add", "un", "--kind", "atom", "--url", "https://127.0.0.1/feed.xml",
            "--cron", "0 */6 * * *", "--time-zone", "Asia/Damascus", "--catch-up", "skip");
        Assert.That(added.ExitCode, Is.Zero, added.Error);

        var list = await WorkerProcess.Run(db.ConnectionString, "sources", "list", "--json");
        using (var json = System.Text.Json.JsonDocument.Parse(list.Output))
        {
            var feed = json.RootElement[0];
            Assert.That(feed.GetProperty("name").GetString(), Is.EqualTo("un"));
            Assert.That(feed.GetProperty("time_zone").GetString(), Is.EqualTo("Asia/Damascus"));
            Assert.That(feed.GetProperty("catch_up").GetString(), Is.EqualTo("skip"));
        }

        var run = await WorkerProcess.Run(db.ConnectionString, "sources", "run", "un");
        Assert.That(run.Output, Does.StartWith("Queued job"));
        Assert.That(await Stored.Scalar(db.DataSource, "SELECT count(*) FROM jobs WHERE kind = 'poll-feed' AND payload->>'feed' = 'un'"), Is.EqualTo(1));

        Assert.That((await WorkerProcess.Run(db.ConnectionString, "sources", "remove", "un")).ExitCode, Is.Zero);
        Assert.That(await Stored.Scalar(db.DataSource, "SELECT count(*) FROM feeds"), Is.Zero);
    }

    [TestCase(new[] { "--kind", "podcast", "--url", "https://127.0.0.1/x" }, "--kind 'podcast'")]
    [TestCase(new[] { "--kind", "rss", "--url", "ftp://127.0.0.1/x" }, "http:// or https:// --url")]
    [TestCase(new[] { "--kind", "inbox", "--url", "https://127.0.0.1/x" }, "needs --folder")]
    [TestCase(new[] { "--kind", "rss", "--url", "https://127.0.0.1/x", "--cron", "every hour" }, "not a cron expression")]
    [TestCase(new[] { "--kind", "rss", "--url", "https://127.0.0.1/x", "--time-zone", "Nowhere/Land" }, "not a known time zone")]
    [TestCase(new[] { "--kind", "rss", "--url", "https://127.0.0.1/x", "--catch-up", "all" }, "--catch-up 'all'")]
    public async Task A_bad_feed_is_refused_as_wrong_usage_naming_the_option(string[] options, string message)
    {
        var result = await WorkerProcess.Run(db.ConnectionString, ["sources", "add", "bad", .. options]);
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain(message));
        Assert.That(await Stored.Scalar(db.DataSource, "SELECT count(*) FROM feeds"), Is.Zero);
    }

    [Test]
    public async Task Running_or_removing_an_unknown_feed_is_wrong_usage()
    {
        Assert.That((await WorkerProcess.Run(db.ConnectionString, "sources", "run", "nope")).ExitCode, Is.EqualTo(2));
        Assert.That((await WorkerProcess.Run(db.ConnectionString, "sources", "remove", "nope")).Error, Does.Contain("no feed named 'nope'"));
    }
}
