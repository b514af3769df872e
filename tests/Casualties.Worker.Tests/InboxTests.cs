using Casualties.Testing;
using Casualties.Worker.Tests.Support;
using NUnit.Framework;

namespace Casualties.Worker.Tests;

/// <summary>One real worker on an inbox: files still being written wait; rejected files go to quarantine/.</summary>
[TestFixture]
[Property("Issue", "6")]
public sealed class InboxTests
{
    private TestDatabase db = null!;

    [SetUp]
    public async Task CreateDatabase() => db = await TestCluster.CreateDatabase();

    [TearDown]
    public async Task DropDatabase() => await db.DisposeAsync();

    [Test]
    public async Task A_file_still_being_written_is_taken_only_once_it_is_complete()
    {
        // A file counts as complete once unchanged for StableAfter: generous here (a slow writer on a loaded machine
        // never looks finished), and the finished file is dated back past it rather than waited for.
        using var inbox = new Inbox();
        using var worker = WorkerProcess.Start(db.ConnectionString, ["worker", "--inbox", inbox.Folder],
            Settings.Fast(("InboxOptions__StableAfter", "00:00:30")));
        var path = Path.Combine(inbox.Folder, "growing.txt");
        await File.WriteAllTextAsync(path, " date 2016-12-07 ALEPPO - ");
        await Eventually.Until(() => Stored.Scalar(db.DataSource, "SELECT count(*) FROM workers"), n => n >= 1, Eventually.Generous,
            "the worker started", () => worker.Output);
        for (var i = 0; i < 12; i++)
        {
            await Task.Delay(200); // the writer's own pace: the scenario, not a wait for the worker
            await File.AppendAllTextAsync(path, $"Part {i}. ");
            Assert.That(await Stored.Scalar(db.DataSource, "SELECT count(*) FROM jobs WHERE kind = 'ingest-file'"), Is.Zero,
                "no job while the file is being written");
        }
        await File.AppendAllTextAsync(path, "At least 7 people were killed in an air strike on Tuesday, the Syrian Observatory for Human Rights said.");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-1));

        await Eventually.Until(() => Task.FromResult(inbox.ProcessedCount), n => n == 1, Eventually.Generous, "the file processed", () => worker.Output);
        var bodies = await Stored.Rows<string>(db.DataSource, "SELECT body FROM documents");
        Assert.That(bodies, Has.Count.EqualTo(1));
        Assert.That(bodies[0], Does.Contain("Part 11.").And.Contains("At least 7 people"), "the whole file, as finished");
    }

    [Test]
    public async Task A_file_rejected_whole_moves_to_quarantine_with_its_reason_and_partial_names_are_left_alone()
    {
        using var inbox = new Inbox();
        var undated = Path.Combine(inbox.Folder, "undated.txt");
        await File.WriteAllTextAsync(undated, "At least 7 people were killed, a monitor said.");
        var partial = Path.Combine(inbox.Folder, "upload.txt.part");
        await File.WriteAllTextAsync(partial, " date 2016-12-07 half an upl");
        inbox.AddArticles(2);
        foreach (var file in new[] { undated, partial }) File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(-1));

        var (exitCode, _, error) = await WorkerProcess.Run(db.ConnectionString, ["worker", "--once", "--inbox", inbox.Folder], Settings.Fast());

        Assert.That(exitCode, Is.Zero, error);
        Assert.That(File.Exists(Path.Combine(inbox.Quarantine, "undated.txt")), Is.True);
        Assert.That(inbox.ProcessedCount, Is.EqualTo(2));
        Assert.That(File.Exists(partial), Is.True, "a .part file is still being uploaded");
        var reasons = await Stored.Rows<string>(db.DataSource, "SELECT reason FROM quarantine");
        Assert.That(reasons, Has.Some.Contains("no date"));
        var status = await WorkerProcess.Run(db.ConnectionString, "status");
        Assert.That(status.Output, Does.Contain("Quarantine: 1 open rows"));
    }
}
