using System.CommandLine;
using System.Globalization;
using Casualties.Ingestion;
using Casualties.Ingestion.Mappings;
using Casualties.Postgres;

namespace Casualties.Worker.Cli;

/// <summary>ingest PATH... [--source NAME] [--date YYYY-MM-DD] [--mapping NAME|PATH]: files and folders, recursively.</summary>
public static class IngestCommand
{
    private static readonly Argument<string[]> Paths = new("PATH")
    {
        Description = "Files and folders to ingest (folders recursively): .txt, .html, .md, own .csv/.jsonl, UCDP GED and ACLED CSV.",
        Arity = ArgumentArity.OneOrMore,
    };

    private static readonly Option<string?> Source = new("--source")
    {
        Description = "Carrier of documents, and source and dataset of feed rows that name none.",
    };

    private static readonly Option<string?> Date = new("--date")
    {
        Description = "Publication date (YYYY-MM-DD) of documents that carry none of their own.",
    };

    private static readonly Option<string?> Mapping = new("--mapping")
    {
        Description = "Read CSV inputs through this mapping: the name of one in seeds/mappings/ or the path of a mapping file (docs/ingestion.md).",
    };

    private static readonly Option<int> BatchSize = new("--batch-size")
    {
        Description = "Feed records per transaction.",
        DefaultValueFactory = _ => new IngestOptions().BatchSize,
    };

    /// <summary>The ingest verb.</summary>
    public static Command Build()
    {
        var command = new Command("ingest", "Ingest documents and feeds (text, HTML, Markdown, own CSV/JSONL, UCDP GED, ACLED).");
        command.Arguments.Add(Paths);
        command.Options.Add(Source);
        command.Options.Add(Date);
        command.Options.Add(BatchSize);
        command.Options.Add(Mapping);
        command.SetAction(async (parse, ct) =>
        {
            var paths = parse.GetValue(Paths) ?? [];
            var missing = paths.FirstOrDefault(p => !File.Exists(p) && !Directory.Exists(p));
            if (missing is not null) throw new UsageException($"'{missing}' is neither a file nor a folder.");
            var batch = parse.GetValue(BatchSize);
            if (batch < 1) throw new UsageException($"--batch-size {batch} must be at least 1.");
            DatasetMapping? mapping;
            try
            {
                mapping = parse.GetValue(Mapping) is { } name ? MappingCatalog.Load(name, parse.GetValue(GlobalOptions.Seeds)) : null;
            }
            catch (MappingException e)
            {
                throw new UsageException(e.Message);
            }
            var options = new IngestOptions
            {
                Mapping = mapping,
                Source = parse.GetValue(Source),
                Date = ParseDate(parse.GetValue(Date)),
                BatchSize = batch,
            };
            await using var dataSource = await Database.Open(GlobalOptions.Database(parse), ct);
            await Run(dataSource, paths, options, ct);
            return CasualtiesCommand.Done;
        });
        return command;
    }

    /// <summary>Ingests with progress on standard error and the summary on standard output (demo uses it too).</summary>
    public static async Task<IngestSummary> Run(Npgsql.NpgsqlDataSource dataSource, IReadOnlyList<string> paths, IngestOptions options,
        CancellationToken ct)
    {
        using var progress = new ConsoleProgress();
        var summary = await new Ingestor(dataSource).IngestPaths(paths, options with { Progress = progress }, ct);
        progress.Done();
        Console.WriteLine($"Ingested {summary.Describe()}");
        foreach (var problem in summary.Problems) Console.Error.WriteLine("  " + problem);
        if (summary.Quarantined > 0)
            Console.WriteLine($"{summary.Quarantined} input(s) quarantined: see 'casualties quarantine list', fix, then 'casualties quarantine retry'.");
        return summary;
    }

    /// <summary>A --date value as a date: null when not given; a value not in YYYY-MM-DD form is a usage error.</summary>
    public static DateOnly? ParseDate(string? text) => text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new UsageException($"--date '{text}' is not a date: expected YYYY-MM-DD.");
}
