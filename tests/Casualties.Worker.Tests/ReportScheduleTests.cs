using System.Text.Json;
using Casualties.Testing;
using Casualties.Worker.Tests.Support;
using NUnit.Framework;

namespace Casualties.Worker.Tests;

/// <summary>A worker writes the report on its schedule into the configured folder.</summary>
[TestFixture]
[Property("Issue", "6")]
public sealed class ReportScheduleTests
{
    [Test]
    public async Task The_report_is_written_on_schedule_into_the_configured_folder()
    {
        await using var db = await TestCluster.CreateDatabase();
        var folder = Path.Combine(Path.GetTempPath(), "casualties-reports-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            using var worker = WorkerProcess.Start(db.ConnectionString, ["worker"], Settings.Fast(
                ("ReportOptions__Cron", "*/2 * * * * *"), ("ReportOptions__Folder", folder),
                ("ReportOptions__Formats__0", "json"), ("ReportOptions__Formats__1", "md")));
            // Wait for both finished reports by name: a report still being written is a temporary file in the folder.
            await Eventually.Until(() => Task.FromResult(Directory.Exists(folder)
                    && Directory.GetFiles(folder, "casualties-*.json").Length > 0 && Directory.GetFiles(folder, "casualties-*.md").Length > 0),
                done => done, Eventually.Generous, "a JSON and a Markdown report", () => worker.Output);

            var json = Directory.GetFiles(folder, "casualties-*.json").First();
            using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json));
            Assert.That(report.RootElement.GetProperty("schema_version").GetInt32(), Is.EqualTo(1));
            Assert.That(Directory.GetFiles(folder, "casualties-*.md"), Is.Not.Empty);
            Assert.That(await Stored.Scalar(db.DataSource, "SELECT count(*) FROM schedule_ticks WHERE feed = '@report' AND status = 'run'"),
                Is.GreaterThanOrEqualTo(1));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
