using Casualties.Postgres.Embedded;
using Dapper;
using Npgsql;
using NUnit.Framework;

namespace Casualties.Postgres.Tests;

[Property("Issue", "3")]
public sealed class EmbeddedPostgresTests
{
    [Test]
    public async Task The_embedded_cluster_starts_is_reused_and_stops()
    {
        var home = Path.Combine(Path.GetTempPath(), "casualties-embedded-" + Guid.NewGuid().ToString("N")[..8]);
        var cluster = new EmbeddedPostgres(home);
        try
        {
            var connectionString = await cluster.EnsureStarted();
            var firstPid = await BackendPostmasterStart(connectionString);

            var again = await new EmbeddedPostgres(home).EnsureStarted();
            var secondPid = await BackendPostmasterStart(again);

            Assert.That(cluster.IsRunning, Is.True);
            Assert.That(secondPid, Is.EqualTo(firstPid), "the second call must reuse the running server");
            Assert.That(Directory.GetFiles(cluster.SocketDirectory, ".s.PGSQL.*"), Is.Not.Empty, "listens on its own socket");

            await cluster.Stop();
            Assert.That(cluster.IsRunning, Is.False);
            NpgsqlConnection.ClearAllPools();
            Assert.ThrowsAsync(Is.InstanceOf<Exception>(), () => BackendPostmasterStart(connectionString));

            await cluster.EnsureStarted();
            Assert.That(cluster.IsRunning, Is.True, "a stopped cluster starts again on next use");
        }
        finally
        {
            await cluster.Stop();
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(home, recursive: true);
        }
    }

    [Test]
    public async Task Two_processes_starting_the_same_cluster_at_once_both_get_it()
    {
        var home = Path.Combine(Path.GetTempPath(), "casualties-embedded-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var strings = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => new EmbeddedPostgres(home).EnsureStarted())));
            Assert.That(strings.Distinct().Count(), Is.EqualTo(1));
            Assert.That(await BackendPostmasterStart(strings[0]), Is.Not.Null);
        }
        finally
        {
            await new EmbeddedPostgres(home).Stop();
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(home, recursive: true);
        }
    }

    [Test]
    public void A_data_folder_that_is_not_a_cluster_is_refused_with_a_reason()
    {
        var home = Path.Combine(Path.GetTempPath(), "casualties-embedded-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(home, "pgdata"));
        File.WriteAllText(Path.Combine(home, "pgdata", "stray.txt"), "not a cluster");
        try
        {
            var error = Assert.ThrowsAsync<EmbeddedPostgresException>(() => new EmbeddedPostgres(home).EnsureStarted());
            Assert.That(error!.Message, Does.Contain("holds no PostgreSQL cluster"));
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    private static async Task<DateTime?> BackendPostmasterStart(string connectionString)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        return await conn.ExecuteScalarAsync<DateTime?>("SELECT pg_postmaster_start_time()");
    }
}
