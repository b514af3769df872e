using System.Text.Json;
using Casualties.Testing;
using Casualties.Worker.Tests.Support;
using NUnit.Framework;

namespace Casualties.Worker.Tests;

/// <summary>casualties report: --since last-report remembers the previous report's place, the folder form, usage errors.</summary>
[TestFixture]
[Property("Issue", "13")]
public sealed class ReportCommandTests
{
    private TestDatabase db = null!;
    private string folder = null!;

    [OneTimeSetUp]
    public async Task SetUp()
    {
        db = await TestCluster.CreateDatabase();
        var reconcile = await WorkerProcess.Run(db.ConnectionString, "reconcile");
        Assert.That(reconcile.ExitCode, Is.Zero, reconcile.Error);
        folder = Directory.CreateTempSubdirectory("casualties-report-cli-").FullName;
    }

    [OneTimeTearDown]
    public async Task TearDown()
    {
        if (db is not null) await db.DisposeAsync();
        if (folder is not null) Directory.Delete(folder, recursive: true);
    }

    [Test]
    public async Task Since_last_report_compares_with_the_run_of_the_report_written_to_the_same_place()
    {
        var path = Path.Combine(folder, "morning.json");
        var first = await WorkerProcess.Run(db.ConnectionString, "report", "--format", "json", "--out", path);
        Assert.That(first.ExitCode, Is.Zero, first.Error);
        var again = await WorkerProcess.Run(db.ConnectionString, "reconcile", "--full");
        Assert.That(again.ExitCode, Is.Zero, again.Error);

        var second = await WorkerProcess.Run(db.ConnectionString, "report", "--format", "json", "--out", path, "--since", "last-report");

        Assert.That(second.ExitCode, Is.Zero, second.Error);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        var changes = json.RootElement.GetProperty("changes");
        Assert.That((changes.GetProperty("from_run").GetInt64(), changes.GetProperty("to_run").GetInt64()), Is.EqualTo((1L, 2L)));
        Assert.That(second.Output, Does.Contain("since run 1"));
    }

    [Test]
    public async Task Since_last_report_where_no_report_was_written_is_a_usage_error_naming_the_place()
    {
        var path = Path.Combine(folder, "never.json");
        var result = await WorkerProcess.Run(db.ConnectionString, "report", "--format", "json", "--out", path, "--since", "last-report");
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("--since last-report").And.Contain(path));
        Assert.That(File.Exists(path), Is.False);
    }

    [TestCase("--format", "csv", "--since", "1")]
    [TestCase("--format", "html", "--since", "999")]
    [TestCase("--format", "html", "--since", "yesterday")]
    [TestCase("--format", "html", "--top", "0")]
    [TestCase("--format", "html", "--top", "3", "--all")]
    public async Task Wrong_selection_or_since_options_are_usage_errors(params string[] options)
    {
        var result = await WorkerProcess.Run(db.ConnectionString, ["report", "--out", Path.Combine(folder, "wrong.out"), .. options]);
        Assert.That(result.ExitCode, Is.EqualTo(2), result.Error);
        Assert.That(result.Error, Does.Contain(options[2]));
    }

    [Test]
    public async Task An_html_report_to_a_folder_writes_an_index()
    {
        var out_ = Path.Combine(folder, "site") + Path.DirectorySeparatorChar;
        var result = await WorkerProcess.Run(db.ConnectionString, "report", "--format", "html", "--out", out_);
        Assert.That(result.ExitCode, Is.Zero, result.Error);
        Assert.That(File.Exists(Path.Combine(out_, "index.html")), Is.True);
        Assert.That(result.Output, Does.Contain("index.html"));
    }
}
