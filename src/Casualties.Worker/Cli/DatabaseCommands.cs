using System.CommandLine;
using Casualties.Ingestion.Reference;
using Casualties.Postgres;
using Casualties.Postgres.Embedded;
using Casualties.Postgres.Migrations;
using Casualties.Postgres.Reference;
using Npgsql;

namespace Casualties.Worker.Cli;

/// <summary>migrate, seed, db status|stop|grant-reader.</summary>
public static class DatabaseCommands
{
    /// <summary>The verbs migrate, seed and db (status, stop, grant-reader).</summary>
    public static IEnumerable<Command> All()
    {
        var migrate = new Command("migrate", "Apply the migrations under db/migrations and the views under db/views, then load the reference data.");
        migrate.SetAction(async (parse, ct) =>
        {
            await using var dataSource = await Database.Open(GlobalOptions.Database(parse), ct);
            await MigrateAndSeed(dataSource, parse.GetValue(GlobalOptions.Seeds), ct);
            return CasualtiesCommand.Done;
        });

        var seed = new Command("seed", "Load the reference data from seeds/ (idempotent: edit the CSV and run it again).");
        seed.SetAction(async (parse, ct) =>
        {
            await using var dataSource = await Database.Open(GlobalOptions.Database(parse), ct);
            var result = await new ReferenceDataStore(dataSource).Load(SeedFiles.Load(parse.GetValue(GlobalOptions.Seeds)), ct);
            Console.WriteLine($"Seeded: {Describe(result)}.");
            return CasualtiesCommand.Done;
        });

        var db = new Command("db", "The database: status of the embedded cluster, stop it.");
        var status = new Command("status", "Say which database is used and whether the embedded cluster runs.");
        status.SetAction(async (parse, ct) =>
        {
            var options = GlobalOptions.Database(parse);
            if (!options.IsEmbedded)
            {
                await using var dataSource = Database.FromConnectionString(options.ConnectionString!);
                await using var conn = await dataSource.OpenConnectionAsync(ct);
                Console.WriteLine($"Using the server of the connection string: PostgreSQL {conn.PostgreSqlVersion}, database {conn.Database}.");
                return CasualtiesCommand.Done;
            }
            var cluster = new EmbeddedPostgres(options.DataDirectory ?? EmbeddedPostgres.DefaultHome());
            Console.WriteLine(!cluster.IsInitialized ? $"Embedded cluster at {cluster.Home}: not created yet (any command creates it)."
                : cluster.IsRunning ? $"Embedded cluster at {cluster.Home}: running, socket {cluster.SocketDirectory}."
                : $"Embedded cluster at {cluster.Home}: stopped.");
            return CasualtiesCommand.Done;
        });
        var stop = new Command("stop", "Stop the embedded cluster (it starts again on next use).");
        stop.SetAction(async (parse, ct) =>
        {
            var options = GlobalOptions.Database(parse);
            if (!options.IsEmbedded) throw new UsageException("db stop manages the embedded cluster only; this run has a connection string.");
            var cluster = new EmbeddedPostgres(options.DataDirectory ?? EmbeddedPostgres.DefaultHome());
            await cluster.Stop(ct);
            Console.WriteLine($"Embedded cluster at {cluster.Home}: stopped.");
            return CasualtiesCommand.Done;
        });
        db.Subcommands.Add(status);
        db.Subcommands.Add(stop);
        db.Subcommands.Add(GrantReaderCommand.Build());
        return [migrate, seed, db];
    }

    /// <summary>
    /// Applies the pending migrations and the changed view files, then loads the reference data from <paramref name="seedsDirectory"/> (null: the
    /// default seeds folder), printing what each step did on standard output.
    /// </summary>
    public static async Task MigrateAndSeed(NpgsqlDataSource dataSource, string? seedsDirectory, CancellationToken ct)
    {
        var migrated = await new Migrator(dataSource).Migrate(ct);
        Console.WriteLine(migrated.Applied.Count == 0
            ? $"Migrations: nothing to apply ({migrated.AlreadyApplied} already applied)."
            : $"Migrations: applied {string.Join(", ", migrated.Applied)}.");
        Console.WriteLine(migrated.ViewsApplied.Count == 0
            ? "Views: unchanged."
            : $"Views: applied {string.Join(", ", migrated.ViewsApplied)}.");
        var seeded = await new ReferenceDataStore(dataSource).Load(SeedFiles.Load(seedsDirectory), ct);
        Console.WriteLine($"Seeded: {Describe(seeded)}.");
    }

    private static string Describe(SeedResult r) => r.Total == 0
        ? "reference data unchanged"
        : $"{r.Conflicts} conflicts, {r.Places} places, {r.Sources} sources, {r.Actors} actors, {r.VictimGroups} victim terms, {r.Lexicon} lexicon rows inserted or changed";
}
