using System.CommandLine;
using Casualties.Postgres.Embedded;
using Casualties.Postgres.Migrations;
using Npgsql;

namespace Casualties.Worker.Cli;

/// <summary>
/// The command line: verbs of interfaces.md. Exit codes: 0 done, 1 failed, 2 wrong usage.
/// Errors go to standard error as one sentence; --json output alone goes to standard output.
/// </summary>
public static class CasualtiesCommand
{
    public const int Done = 0;
    public const int Failed = 1;
    public const int WrongUsage = 2;

    public static RootCommand Build()
    {
        var root = new RootCommand("Casualties: ingests casualty figures, reconciles them into incidents, ranges, per-side totals and conflict flags.");
        root.Options.Add(GlobalOptions.Connection);
        root.Options.Add(GlobalOptions.DataDir);
        root.Options.Add(GlobalOptions.Seeds);
        foreach (var command in DatabaseCommands.All()) root.Subcommands.Add(command);
        root.Subcommands.Add(DemoCommand.Build());
        root.Subcommands.Add(WorkerCommand.Build());
        root.Subcommands.Add(StatusCommand.Build());
        root.Subcommands.Add(SourcesCommands.Build());
        root.Subcommands.Add(IngestCommand.Build());
        root.Subcommands.Add(QuarantineCommand.Build());
        foreach (var command in ExtractCommands.All()) root.Subcommands.Add(command);
        root.Subcommands.Add(ReconcileCommand.Build());
        root.Subcommands.Add(ReportCommand.Build());
        return root;
    }

    public static async Task<int> Run(string[] args)
    {
        var root = Build();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            var messages = parse.Errors.Select(e => e.Message.TrimEnd('.')).Distinct();
            Console.Error.WriteLine($"casualties: {string.Join("; ", messages)} (see 'casualties --help').");
            return WrongUsage;
        }
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        // SIGTERM cancels like Ctrl-C, and the verb decides how long to finish (the worker: WorkerOptions.ShutdownTimeout).
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; cancel.Cancel(); });
        try
        {
            return await parse.InvokeAsync(
                new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }, cancel.Token);
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"casualties: {e.Message}");
            return WrongUsage;
        }
        catch (Exception e) when (e is EmbeddedPostgresException or MigrationException or FormatException
                                      or FileNotFoundException or DirectoryNotFoundException or NpgsqlException
                                      or InvalidDataException or IOException)
        {
            Console.Error.WriteLine($"casualties: {e.Message}");
            return Failed;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("casualties: cancelled.");
            return Failed;
        }
    }
}

/// <summary>A mistake in how the command was called: exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
