using System.CommandLine;
using Casualties.Ingestion;
using Casualties.Postgres;
using Casualties.Postgres.Ingest;

namespace Casualties.Worker.Cli;

/// <summary>quarantine list|show ID|retry [ID]: see rejected inputs, and read them again after a fix.</summary>
public static class QuarantineCommand
{
    /// <summary>The quarantine verb with list, show and retry.</summary>
    public static Command Build()
    {
        var quarantine = new Command("quarantine", "Rejected inputs: list them, show one, retry them after fixing reference data or the file.");

        var all = new Option<bool>("--all") { Description = "Include resolved entries." };
        var limit = new Option<int>("--limit") { Description = "At most this many entries.", DefaultValueFactory = _ => 100 };
        var list = new Command("list", "List open quarantine entries: id, origin and line, reason.");
        list.Options.Add(all);
        list.Options.Add(limit);
        list.SetAction(async (parse, ct) =>
        {
            await using var dataSource = await Database.Open(GlobalOptions.Database(parse), ct);
            var rows = await new QuarantineStore(dataSource).List(parse.GetValue(all), Math.Max(1, parse.GetValue(limit)), ct);
            if (rows.Count == 0) Console.WriteLine("Quarantine is empty.");
            foreach (var row in rows)
            {
                var where = row.Line is null ? row.Origin : $"{row.Origin}:{row.Line}";
                var state = row.ResolvedAt is not null ? " [resolved]" : row.RetriedAt is not null ? " [retried]" : "";
                Console.WriteLine($"{row.Id,6}  {where}  {row.Reason}{state}");
            }
            return CasualtiesCommand.Done;
        });

        var showId = new Argument<long>("ID") { Description = "The quarantine entry." };
        var show = new Command("show", "Show one quarantine entry whole, with its raw text.");
        show.Arguments.Add(showId);
        show.SetAction(async (parse, ct) =>
        {
            await using var dataSource = await Database.Open(GlobalOptions.Database(parse), ct);
            var id = parse.GetValue(showId);
            var item = await new QuarantineStore(dataSource).Show(id, ct) ?? throw new UsageException($"There is no quarantine entry {id}.");
            Console.WriteLine($"id:       {item.Id}");
            Console.WriteLine($"origin:   {item.Origin}");
            Console.WriteLine($"line:     {item.Line?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(whole input)"}");
            Console.WriteLine($"format:   {item.Format}");
            Console.WriteLine($"reason:   {item.Reason}");
            Console.WriteLine($"created:  {item.CreatedAt:u}");
            if (item.RetriedAt is { } retried) Console.WriteLine($"retried:  {retried:u}");
            if (item.ResolvedAt is { } resolved) Console.WriteLine($"resolved: {resolved:u}");
            if (item.Header is not null) Console.WriteLine($"header:   {item.Header}");
            Console.WriteLine("raw:");
            Console.WriteLine(item.Raw ?? "(not kept: the input is read again from its origin)");
            return CasualtiesCommand.Done;
        });

        var retryId = new Argument<long?>("ID") { Description = "The entry to retry (default: every open entry).", Arity = ArgumentArity.ZeroOrOne };
        var retry = new Command("retry", "Read quarantined inputs again; those that now go in are resolved.");
        retry.Arguments.Add(retryId);
        retry.SetAction(async (parse, ct) =>
        {
            await using var dataSource = await Database.Open(GlobalOptions.Database(parse), ct);
            QuarantineRetrySummary result;
            try
            {
                result = await new Ingestor(dataSource).RetryQuarantine(parse.GetValue(retryId), new IngestOptions(), ct);
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message);
            }
            Console.WriteLine($"Retried: {result.Resolved} resolved, {result.StillFailing.Count} still quarantined; {result.Run.Describe()}");
            foreach (var (id, reason) in result.StillFailing) Console.WriteLine($"{id,6}  {reason}");
            return CasualtiesCommand.Done;
        });

        quarantine.Subcommands.Add(list);
        quarantine.Subcommands.Add(show);
        quarantine.Subcommands.Add(retry);
        return quarantine;
    }
}
