using Casualties.Ingestion.Reference;
using Casualties.Postgres;
using Casualties.Postgres.Embedded;
using Casualties.Postgres.Migrations;
using Casualties.Postgres.Reference;
using Casualties.Worker.Tests.Support;
using Npgsql;
using NUnit.Framework;

namespace Casualties.Worker.Tests;

/// <summary>
/// PostgreSQL stopped for 10 s under running workers, then started again. The test runs its own private
/// cluster so that stopping it disturbs no other fixture.
/// </summary>
[TestFixture]
[Property("Issue", "6")]
public sealed class DatabaseOutageTests
{
    private const int Files = 300;
    private const int FilesDuringOutage = 100;
    private string home = null!;
    private EmbeddedPostgres cluster = null!;

    [SetUp]
    public async Task StartPrivateCluster()
    {
        home = Path.Combine(Path.GetTempPath(), "casualties-outage-" + Guid.NewGuid().ToString("N")[..8]);
        cluster = new EmbeddedPostgres(home);
        await using var dataSource = Database.FromConnectionString(await cluster.EnsureStarted());
        await new Migrator(dataSource).Migrate();
        await new ReferenceDataStore(dataSource).Load(SeedFiles.Load());
    }

    [TearDown]
    public async Task StopPrivateCluster()
    {
        NpgsqlConnection.ClearAllPools();
        await cluster.Stop();
        try { Directory.Delete(home, recursive: true); }
        catch (IOException) { }
    }

    [Test]
    public async Task Workers_ride_out_a_database_outage_and_finish_the_queue_when_it_returns()
    {
        using var inbox = new Inbox();
        inbox.AddArticles(Files);
        var connectionString = cluster.ConnectionString();
        await using var dataSource = Database.FromConnectionString(connectionString);
        var workers = Enumerable.Range(0, 2)
            .Select(_ => WorkerProcess.Start(connectionString, ["worker", "--inbox", inbox.Folder], Settings.Fast()))
            .ToList();
        try
        {
            await Eventually.Until(() => Task.FromResult(inbox.ProcessedCount), n => n >= 30, TimeSpan.FromMinutes(1),
                "the workers are ingesting", () => workers[0].Output);
            NpgsqlConnection.ClearAllPools();
            await cluster.Stop();
            inbox.AddArticles(FilesDuringOutage, "during-outage");
            await Task.Delay(TimeSpan.FromSeconds(10));
            Assert.That(workers.Select(w => w.ExitCode), Is.All.Null, "the workers keep running while the database is away");
            await cluster.EnsureStarted();

            await Eventually.Until(async () => (inbox.ProcessedCount, await Stored.Pending(dataSource)),
                s => s.ProcessedCount == Files + FilesDuringOutage && s.Item2 == 0, TimeSpan.FromMinutes(2), "every file processed after the outage",
                () => workers[0].Output[^Math.Min(workers[0].Output.Length, 4000)..]);

            Assert.That(await Stored.Scalar(dataSource, "SELECT count(*) FROM documents"), Is.EqualTo(Files + FilesDuringOutage));
            Assert.That(await Stored.Scalar(dataSource, "SELECT count(DISTINCT origin) FROM documents"), Is.EqualTo(Files + FilesDuringOutage));
            Assert.That(await Stored.Scalar(dataSource, "SELECT count(*) FROM jobs WHERE state = 'dead'"), Is.Zero, "the outage dead-lettered nothing");
            Assert.That(workers.Select(w => w.ExitCode), Is.All.Null);
            Assert.That(workers.Any(w => w.Output.Contains("Database unavailable", StringComparison.Ordinal)), Is.True);
            Assert.That(workers.Any(w => w.Output.Contains("Database reachable again", StringComparison.Ordinal)), Is.True);
        }
        finally
        {
            foreach (var w in workers) w.Signal("TERM");
            foreach (var w in workers) await w.WaitForExit(Eventually.Generous);
            foreach (var w in workers) w.Dispose();
            NpgsqlConnection.ClearAllPools();
        }
    }
}
