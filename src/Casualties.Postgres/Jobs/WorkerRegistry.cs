using Dapper;
using Npgsql;

namespace Casualties.Postgres.Jobs;

/// <summary>The workers table: each worker process registers, heartbeats, and says when it stopped.</summary>
public sealed class WorkerRegistry(NpgsqlDataSource dataSource)
{
    /// <summary>Adds worker <paramref name="id"/>, or marks it running again (heartbeat now, not stopped) when it is there.</summary>
    public async Task Register(string id, string host, int pid, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO workers (id, host, pid) VALUES (@Id, @Host, @Pid)
            ON CONFLICT (id) DO UPDATE SET heartbeat_at = now(), stopped_at = NULL
            """, new { Id = id, Host = host, Pid = pid }, cancellationToken: ct));
    }

    /// <summary>Sets the worker's heartbeat to the database's now.</summary>
    public async Task Heartbeat(string id, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(
            "UPDATE workers SET heartbeat_at = now() WHERE id = @Id", new { Id = id }, cancellationToken: ct));
    }

    /// <summary>Marks the worker stopped now.</summary>
    public async Task Stopped(string id, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(
            "UPDATE workers SET stopped_at = now(), heartbeat_at = now() WHERE id = @Id", new { Id = id }, cancellationToken: ct));
    }
}
