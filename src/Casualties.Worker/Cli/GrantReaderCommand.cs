using System.CommandLine;
using Casualties.Postgres;
using Casualties.Postgres.Roles;
using Npgsql;

namespace Casualties.Worker.Cli;

/// <summary>db grant-reader NAME [--password P]: a login that may read the reporting views and nothing else.</summary>
public static class GrantReaderCommand
{
    /// <summary>The db grant-reader verb.</summary>
    public static Command Build()
    {
        var name = new Argument<string>("NAME") { Description = "The login role to create or update." };
        var password = new Option<string?>("--password") { Description = "Its password (needed when the server asks for one)." };
        var command = new Command("grant-reader", "Create (or update) a login that can read the reporting views (member of casualties_reader) and nothing else.");
        command.Arguments.Add(name);
        command.Options.Add(password);
        command.SetAction(async (parse, ct) =>
        {
            var role = parse.GetValue(name)!;
            var secret = parse.GetValue(password);
            await using var dataSource = await Database.Open(GlobalOptions.Database(parse), ct);
            bool created;
            try
            {
                created = await new ReaderLogins(dataSource).Grant(role, secret, ct);
            }
            catch (ArgumentException e)
            {
                throw new UsageException($"NAME: {e.Message.Split(" (Parameter", 2)[0]}");
            }
            catch (InvalidOperationException e)
            {
                Console.Error.WriteLine($"casualties: {e.Message}");
                return CasualtiesCommand.Failed;
            }
            var target = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
            var connect = new NpgsqlConnectionStringBuilder { Host = target.Host, Port = target.Port, Database = target.Database, Username = role };
            Console.WriteLine($"{(created ? "Created" : "Updated")} the login '{role}': it may SELECT the reporting views (v_claims, v_incidents, v_incident_sources, v_incident_figures, v_side_totals, v_flags, v_source_coverage, v_places, v_reconciliation_runs) and nothing else.");
            Console.WriteLine($"Connect with psql:  psql \"host={target.Host} port={target.Port} dbname={target.Database} user={role}\"");
            Console.WriteLine($"or this connection string: {connect.ConnectionString}{(secret is null ? "" : ";Password=<the password you gave>")}");
            if (secret is null) Console.WriteLine("No password was set: the server's pg_hba.conf decides whether one is needed (the embedded cluster trusts its local socket).");
            return CasualtiesCommand.Done;
        });
        return command;
    }
}
