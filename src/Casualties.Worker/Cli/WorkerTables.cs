using Casualties.Postgres;
using Casualties.Worker.Service.Hosting;
using Npgsql;

namespace Casualties.Worker.Cli;

/// <summary>What the operations verbs (status, sources) share: the database and the worker's configuration.</summary>
internal static class WorkerTables
{
    /// <summary>Runs a verb against the worker's services (no hosted service is started).</summary>
    public static async Task<int> With(System.CommandLine.ParseResult parse, Func<IServiceProvider, CancellationToken, Task<int>> action, CancellationToken ct)
    {
        await using var dataSource = await Database.Open(GlobalOptions.Database(parse), ct);
        using var host = WorkerHost.Build(dataSource, [], runServices: false);
        try
        {
            return await action(host.Services, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            throw new InvalidDataException($"The database has no worker tables ({e.MessageText}): run 'casualties migrate' first.", e);
        }
    }
}
