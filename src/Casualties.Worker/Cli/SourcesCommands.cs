using System.CommandLine;
using System.Text.Json;
using Casualties.Postgres.Feeds;
using Casualties.Postgres.Jobs;
using Casualties.Postgres.Reference;
using Casualties.Worker.Service.Feeds;
using Casualties.Worker.Service.Handlers;
using Casualties.Worker.Service.Jobs;
using Casualties.Worker.Service.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Casualties.Worker.Cli;

/// <summary><c>sources list|add|remove|run|unknown</c>: the feeds the worker watches or polls (the feeds table).</summary>
public static class SourcesCommands
{
    /// <summary>The sources verb with list, add, remove, run and unknown.</summary>
    public static Command Build()
    {
        var sources = new Command("sources", "The feeds the worker watches or polls: list, add, remove, run now.");
        sources.Subcommands.Add(List());
        sources.Subcommands.Add(Add());
        sources.Subcommands.Add(Remove());
        sources.Subcommands.Add(Run());
        sources.Subcommands.Add(Unknown());
        return sources;
    }

    /// <summary><c>sources unknown</c>: who claims were credited to that seeds/sources.csv does not list (view v_unknown_sources).</summary>
    private static Command Unknown()
    {
        var json = new Option<bool>("--json") { Description = "Print them as JSON on standard output." };
        var command = new Command("unknown", "List the sources claims name that the reference data does not know, to curate into seeds/sources.csv.");
        command.Options.Add(json);
        command.SetAction((parse, ct) => WorkerTables.With(parse, async (services, c) =>
        {
            var unknown = await new UnknownSources(services.GetRequiredService<Npgsql.NpgsqlDataSource>()).List(c);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(unknown, JobPayloads.Json));
                return CasualtiesCommand.Done;
            }
            if (unknown.Count == 0) Console.WriteLine("Every source the claims name is in the reference data.");
            foreach (var u in unknown)
            {
                Console.WriteLine($"{u.Name}\t{u.Claims} claims\t{u.Documents} documents\t{u.FirstReported:yyyy-MM-dd}..{u.LastReported:yyyy-MM-dd}");
            }
            return CasualtiesCommand.Done;
        }, ct));
        return command;
    }

    private static Command List()
    {
        var json = new Option<bool>("--json") { Description = "Print the feeds as JSON on standard output." };
        var command = new Command("list", "List the feeds with their schedules and last runs.");
        command.Options.Add(json);
        command.SetAction((parse, ct) => WorkerTables.With(parse, async (services, c) =>
        {
            var feeds = await services.GetRequiredService<FeedStore>().List(c);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(feeds.Select(f => new
                {
                    f.Name, f.Kind, f.Url, f.Folder, f.Cron, f.TimeZone, f.CatchUp, f.Enabled, f.LastRunAt, f.LastStatus,
                    Cursor = f.Cursor is null ? (JsonElement?)null : JsonDocument.Parse(f.Cursor).RootElement,
                }), JobPayloads.Json));
                return CasualtiesCommand.Done;
            }
            if (feeds.Count == 0) Console.WriteLine("No feeds. Add one with: casualties sources add NAME --kind rss --url URL --cron '0 * * * *'");
            foreach (var f in feeds)
            {
                Console.WriteLine($"{f.Name}\t{f.Kind}\t{f.Url ?? f.Folder}\t{f.Cron ?? "(by hand)"} {f.TimeZone} catch-up {f.CatchUp}\t" +
                                  $"{(f.Enabled ? "enabled" : "disabled")}\t{(f.LastRunAt is null ? "never run" : $"{f.LastStatus} at {f.LastRunAt:u}")}");
            }
            return CasualtiesCommand.Done;
        }, ct));
        return command;
    }

    private static Command Add()
    {
        var name = new Argument<string>("NAME") { Description = "A unique name for the feed." };
        var kind = new Option<string>("--kind") { Description = $"One of {string.Join(", ", Feed.Kinds)}.", Required = true };
        var url = new Option<string?>("--url") { Description = "The http(s) URL to poll (every kind but inbox)." };
        var folder = new Option<string?>("--folder") { Description = "The folder to watch (inbox)." };
        var cron = new Option<string?>("--cron") { Description = "When to poll: five cron fields, or six with seconds first. None: only by 'sources run'." };
        var timeZone = new Option<string>("--time-zone") { Description = "The cron's time zone (IANA name).", DefaultValueFactory = _ => "UTC" };
        var catchUp = new Option<string>("--catch-up") { Description = "Runs missed while no worker ran: once (one run for all) or skip.", DefaultValueFactory = _ => "once" };
        var disabled = new Option<bool>("--disabled") { Description = "Add it disabled." };
        var command = new Command("add", "Add a feed.") { name, kind, url, folder, cron, timeZone, catchUp, disabled };
        command.SetAction((parse, ct) =>
        {
            var folderValue = parse.GetValue(folder);
            var definition = new FeedDefinition(parse.GetValue(name)!, parse.GetValue(kind)!, parse.GetValue(url),
                folderValue is null ? null : Path.GetFullPath(folderValue), parse.GetValue(cron), parse.GetValue(timeZone)!,
                parse.GetValue(catchUp)!, !parse.GetValue(disabled));
            if (FeedValidation.Problem(definition) is { } problem) throw new UsageException(problem);
            return WorkerTables.With(parse, async (services, c) =>
            {
                if (!await services.GetRequiredService<FeedStore>().Add(definition, c))
                    throw new UsageException($"A feed named '{definition.Name}' exists already: remove it first, or choose another name.");
                Console.WriteLine($"Added feed '{definition.Name}' ({definition.Kind}, {definition.Url ?? definition.Folder}, " +
                                  $"{(definition.Cron is null ? "run by hand" : $"cron {definition.Cron} {definition.TimeZone}")}).");
                return CasualtiesCommand.Done;
            }, ct);
        });
        return command;
    }

    private static Command Remove()
    {
        var name = new Argument<string>("NAME") { Description = "The feed to remove (what it ingested stays)." };
        var command = new Command("remove", "Remove a feed; what it ingested stays.") { name };
        command.SetAction((parse, ct) => WorkerTables.With(parse, async (services, c) =>
        {
            var feedName = parse.GetValue(name)!;
            if (!await services.GetRequiredService<FeedStore>().Remove(feedName, c))
                throw new UsageException($"There is no feed named '{feedName}' (see 'casualties sources list').");
            Console.WriteLine($"Removed feed '{feedName}'.");
            return CasualtiesCommand.Done;
        }, ct));
        return command;
    }

    private static Command Run()
    {
        var name = new Argument<string>("NAME") { Description = "The feed to run now." };
        var command = new Command("run", "Queue a run of the feed now; a worker picks it up.") { name };
        command.SetAction((parse, ct) => WorkerTables.With(parse, async (services, c) =>
        {
            var feedName = parse.GetValue(name)!;
            if (await services.GetRequiredService<FeedStore>().Get(feedName, c) is null)
                throw new UsageException($"There is no feed named '{feedName}' (see 'casualties sources list').");
            var maxAttempts = services.GetRequiredService<IOptions<WorkerOptions>>().Value.MaxAttempts;
            var id = await services.GetRequiredService<JobQueue>().Enqueue(new NewJob(JobKinds.PollFeed,
                JobPayloads.Serialize(new PollFeedPayload(feedName)), $"manual:{feedName}", maxAttempts), c);
            Console.WriteLine(id is null
                ? $"A run of '{feedName}' is already queued."
                : $"Queued job {id}: a worker will run '{feedName}' (or run 'casualties worker --once').");
            return CasualtiesCommand.Done;
        }, ct));
        return command;
    }
}
