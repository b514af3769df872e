using Casualties.Testing;
using Casualties.Worker.Tests.Support;
using Dapper;
using NUnit.Framework;

namespace Casualties.Worker.Tests;

/// <summary>
/// casualties demo, the main job of the README: every sample under seeds/ (the seed article, the other documents, our
/// own CSV and JSON Lines, UCDP GED and ACLED) ingested, reconciled and reported, on a real database, twice.
/// </summary>
[TestFixture]
[Property("Issue", "3")]
public sealed class DemoCommandTests
{
    [Test]
    public async Task Demo_ingests_every_sample_reconciles_and_writes_the_report_and_a_second_run_changes_nothing()
    {
        await using var db = await TestCluster.CreateDatabase();
        var report = Path.Combine(AppContext.BaseDirectory, "report.html");
        File.Delete(report);

        var first = await WorkerProcess.Run(db.ConnectionString, "demo");
        var claims = await Count(db, "claims");
        var incidents = await Count(db, "v_incidents");
        var second = await WorkerProcess.Run(db.ConnectionString, "demo");

        Assert.That(first.ExitCode, Is.Zero, first.Output + first.Error);
        Assert.That(second.ExitCode, Is.Zero, second.Output + second.Error);
        Assert.That(first.Output, Does.Contain("Report: " + report));
        Assert.That(claims, Is.GreaterThan(0));
        Assert.That(await Count(db, "feed_records"), Is.GreaterThan(0), "the sample feeds were ingested");
        Assert.That(incidents, Is.GreaterThan(0));
        Assert.That((await Count(db, "claims"), await Count(db, "v_incidents")), Is.EqualTo((claims, incidents)));
        Assert.That(await File.ReadAllTextAsync(report), Does.Contain("<svg"));
        File.Delete(report);
    }

    private static async Task<long> Count(TestDatabase db, string table)
    {
        await using var conn = await db.DataSource.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}");
    }
}
