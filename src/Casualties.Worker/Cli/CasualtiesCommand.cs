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
    /// <summary>Exit code 0: the verb did its work (a run that quarantined some inputs is done, and says so).</summary>
    public const int Done = 0;
    /// <summary>Exit code 1: the verb failed (database, file or migration error, or cancelled), said on standard error.</summary>
    public const int Failed = 1;
    /// <summary>Exit code 2: the command line was wrong (unknown verb or option, a value that does not parse).</summary>
    public const int WrongUsage = 2;

    /// <summary>The root command with the global options and every verb; <see cref="Run"/> parses and invokes it.</summary>
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

    /// <summary>
    /// Parses <paramref name="args"/> and runs the verb, cancelled by Ctrl-C or SIGTERM. Returns the exit code: a usage
    /// error, or a failure the CLI can name (database, file, migration, cancellation), is one line on standard error.
    /// </summary>
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
        catch (Exception e)
        {
            // A defect, not bad input: still exit 1 with one sentence (interfaces.md); the trace when asked for.
            Console.Error.WriteLine($"casualties: internal error ({e.GetType().Name}: {e.Message}); please report it"
                + (Environment.GetEnvironmentVariable("CASUALTIES_DEBUG") is { Length: > 0 } ? "." : " (set CASUALTIES_DEBUG=1 for the trace)."));
            if (Environment.GetEnvironmentVariable("CASUALTIES_DEBUG") is { Length: > 0 }) Console.Error.WriteLine(e);
            return Failed;
        }
    }
}

/// <summary>A mistake in how the command was called: exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
