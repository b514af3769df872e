using Casualties.Testing;
using Casualties.Worker.Tests.Support;
using NUnit.Framework;

namespace Casualties.Worker.Tests;

/// <summary>casualties status reports reconciliation runs made outside the worker too.</summary>
[TestFixture]
[Property("Issue", "6")]
public sealed class StatusCommandTests
{
    [Test]
    public async Task Status_shows_the_last_reconciliation_run_even_when_the_cli_ran_it()
    {
        await using var db = await TestCluster.CreateDatabase();
        var before = await WorkerProcess.Run(db.ConnectionString, "status");
        var reconcile = await WorkerProcess.Run(db.ConnectionString, "reconcile");
        var after = await WorkerProcess.Run(db.ConnectionString, "status", "--json");

        Assert.That(reconcile.ExitCode, Is.Zero, reconcile.Error);
        Assert.That(before.Output, Does.Contain("Last reconciliation run: none yet"));
        using var json = System.Text.Json.JsonDocument.Parse(after.Output);
        var run = json.RootElement.GetProperty("last_reconciliation_run");
        Assert.That((run.GetProperty("run_id").GetInt64(), run.GetProperty("mode").GetString()), Is.EqualTo((1L, "full")));
    }
}
