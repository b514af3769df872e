using Casualties.Ingestion.Reference;
using Casualties.Postgres;
using Casualties.Postgres.Embedded;
using Casualties.Postgres.Migrations;
using Casualties.Postgres.Reference;
using Npgsql;

namespace Casualties.Testing;

/// <summary>
/// One throwaway PostgreSQL cluster per test run (or the server CASUALTIES_TEST_DB names), with two
/// template databases — migrated, and migrated plus seeded — from which each fixture clones its own.
/// Call <see cref="Start"/> from a [OneTimeSetUp] of a [SetUpFixture] and <see cref="StopAsync"/> from its [OneTimeTearDown].
/// </summary>
public static class TestCluster
{
    public const string ServerVariable = "CASUALTIES_TEST_DB";
    private const string MigratedTemplate = "casualties_template_migrated";
    private const string SeededTemplate = "casualties_template_seeded";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static EmbeddedPostgres? cluster;
    private static string? serverConnectionString;
    private static string? home;
    private static int counter;

    /// <summary>A connection string to the server's maintenance database.</summary>
    public static string ServerConnectionString => serverConnectionString
        ?? throw new InvalidOperationException("TestCluster.Start has not run: add a [SetUpFixture] that calls it.");

    /// <summary>The embedded cluster, when the tests started one (null with CASUALTIES_TEST_DB).</summary>
    public static EmbeddedPostgres? Embedded => cluster;

    public static async Task Start()
    {
        await Gate.WaitAsync();
        try
        {
            if (serverConnectionString is not null) return;
            if (Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } given)
            {
                serverConnectionString = new NpgsqlConnectionStringBuilder(given) { Database = "postgres" }.ConnectionString;
            }
            else
            {
                if (PostgresBinaries.Find() is null)
                {
                    throw new InvalidOperationException("Database tests need PostgreSQL. " + PostgresBinaries.InstallHint +
                        $" Or set {ServerVariable} to a connection string of a server where the tests may create databases.");
                }
                home = Path.Combine(Path.GetTempPath(), "casualties-test-" + Guid.NewGuid().ToString("N")[..10]);
                cluster = new EmbeddedPostgres(home);
                await cluster.EnsureStarted();
                serverConnectionString = cluster.ConnectionString("postgres");
            }
            await CreateTemplates();
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task StopAsync()
    {
        if (cluster is not null)
        {
            await cluster.Stop();
            try { Directory.Delete(home!, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        else if (serverConnectionString is not null)
        {
            await DropDatabase(MigratedTemplate);
            await DropDatabase(SeededTemplate);
        }
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>A fresh database for one fixture, migrated and (unless told otherwise) seeded from seeds/.</summary>
    public static async Task<TestDatabase> CreateDatabase(bool seeded = true)
    {
        var name = $"t_{Environment.ProcessId}_{Interlocked.Increment(ref counter)}_{Guid.NewGuid().ToString("N")[..6]}";
        await Execute($"CREATE DATABASE \"{name}\" TEMPLATE \"{(seeded ? SeededTemplate : MigratedTemplate)}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
        return new TestDatabase(name, connectionString);
    }

    /// <summary>A fresh empty database, not migrated (for migration tests).</summary>
    public static async Task<TestDatabase> CreateEmptyDatabase()
    {
        var name = $"e_{Environment.ProcessId}_{Interlocked.Increment(ref counter)}_{Guid.NewGuid().ToString("N")[..6]}";
        await Execute($"CREATE DATABASE \"{name}\"");
        return new TestDatabase(name, new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString);
    }

    internal static async Task DropDatabase(string name) => await Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");

    private static async Task CreateTemplates()
    {
        await DropDatabase(MigratedTemplate);
        await DropDatabase(SeededTemplate);
        await Execute($"CREATE DATABASE \"{MigratedTemplate}\"");
        var migratedConnection = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = MigratedTemplate }.ConnectionString;
        await using (var dataSource = Database.FromConnectionString(migratedConnection))
        {
            await new Migrator(dataSource).Migrate();
        }
        NpgsqlConnection.ClearAllPools();
        await Execute($"CREATE DATABASE \"{SeededTemplate}\" TEMPLATE \"{MigratedTemplate}\"");
        var seededConnection = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = SeededTemplate }.ConnectionString;
        await using (var dataSource = Database.FromConnectionString(seededConnection))
        {
            await new ReferenceDataStore(dataSource).Load(SeedFiles.Load());
        }
        NpgsqlConnection.ClearAllPools();
    }

    private static async Task Execute(string sql)
    {
        await using var conn = new NpgsqlConnection(ServerConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
