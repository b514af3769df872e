using System.Text.Json;
using Casualties.Testing;
using Casualties.Worker.Tests.Support;
using NUnit.Framework;

namespace Casualties.Worker.Tests;

[TestFixture]
[Property("Issue", "6")]
public sealed class WorkerLoggingTests
{
    [Test]
    public async Task With_the_json_formatter_every_log_line_on_standard_error_is_a_json_object_with_named_fields()
    {
        await using var db = await TestCluster.CreateDatabase();
        var (exitCode, output, error) = await WorkerProcess.Run(db.ConnectionString, ["worker", "--once"],
            Settings.Fast(("Logging__Console__FormatterName", "json")));

        Assert.That(exitCode, Is.Zero, error);
        Assert.That(output, Is.Empty, "logs go to standard error");
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Is.Not.Empty);
        var started = lines.Select(line => JsonDocument.Parse(line).RootElement)
            .Single(e => e.GetProperty("EventId").GetInt32() == 1 && e.GetProperty("Category").GetString() == "Casualties.Worker");
        Assert.That(started.GetProperty("State").GetProperty("WorkerId").GetString(), Does.Contain(":"));
    }
}
