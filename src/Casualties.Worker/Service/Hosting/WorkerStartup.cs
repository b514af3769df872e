using Casualties.Postgres.Feeds;
using Casualties.Postgres.Migrations;
using Casualties.Worker.Service.Feeds;
using Casualties.Worker.Service.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Casualties.Worker.Service.Hosting;

/// <summary>Before the worker runs: wait for the database, apply migrations and views, and store the feeds of configuration.</summary>
public sealed class WorkerStartup(NpgsqlDataSource dataSource, FeedStore feeds, DatabaseRetry retry, IOptions<WorkerOptions> workerOptions,
    IOptions<FeedsOptions> feedsOptions, ILogger<WorkerStartup> logger)
{
    /// <summary>
    /// Checks the configured feeds (a bad one throws <see cref="InvalidDataException"/> naming its index), migrates when
    /// WorkerOptions.MigrateOnStart, then adds or updates the configured feeds, waiting for the database as needed.
    /// </summary>
    public async Task Run(CancellationToken ct)
    {
        var definitions = feedsOptions.Value.Feeds.Select(f => new FeedDefinition(
            f.Name, f.Kind, NullIfEmpty(f.Url), NullIfEmpty(f.Folder), NullIfEmpty(f.Cron), f.TimeZone, f.CatchUp, f.Enabled)).ToList();
        foreach (var (definition, index) in definitions.Select((d, i) => (d, i)))
        {
            if (FeedValidation.Problem(definition) is { } problem)
                throw new InvalidDataException($"Configuration FeedsOptions:Feeds:{index}: {problem}");
        }
        if (workerOptions.Value.MigrateOnStart)
        {
            var migrated = await retry.Run("migrate", c => new Migrator(dataSource).Migrate(c), ct);
            if (migrated.Applied.Count + migrated.ViewsApplied.Count > 0)
                WorkerLog.Migrated(logger, string.Join(", ", migrated.Applied.Concat(migrated.ViewsApplied)));
        }
        foreach (var definition in definitions) await retry.Run("store configured feeds", c => feeds.Upsert(definition, c), ct);
        if (definitions.Count > 0) WorkerLog.FeedsSynced(logger, definitions.Count);
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
