using Dapper;
using Npgsql;

namespace Casualties.Postgres.Feeds;

/// <summary>
/// Serialises the runs of one feed across workers with a session advisory lock, so that a run starts after the
/// previous one stored its validators (and its request is conditional). It is an optimisation, not a guarantee
/// that correctness rests on (ingestion is idempotent): when the lock is not had within the wait — a worker
/// holding it may be paused — the run goes on without it. The lock goes with the connection if the worker dies.
/// </summary>
public sealed class FeedLock : IAsyncDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
    private readonly NpgsqlConnection connection;
    private readonly string key;

    /// <summary>False when the wait ran out and the run goes on unserialised.</summary>
    public bool Held { get; }

    private FeedLock(NpgsqlConnection connection, string key, bool held)
    {
        this.connection = connection;
        this.key = key;
        Held = held;
    }

    /// <summary>
    /// Takes the lock of <paramref name="feed"/> on a connection of its own, trying every 200 ms for up to
    /// <paramref name="wait"/>; see <see cref="Held"/> for whether it was had. Dispose to release it.
    /// </summary>
    public static async Task<FeedLock> Enter(NpgsqlDataSource dataSource, string feed, TimeSpan wait, CancellationToken ct)
    {
        var key = "feed:" + feed;
        var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
            var deadline = DateTime.UtcNow + wait;
            while (true)
            {
                var held = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                    "SELECT pg_try_advisory_lock(hashtextextended(@Key, 0))", new { Key = key }, cancellationToken: ct));
                if (held || DateTime.UtcNow >= deadline) return new FeedLock(connection, key, held);
                await Task.Delay(Poll, ct);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Releases the lock, if held, and closes its connection.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Held)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "SELECT pg_advisory_unlock(hashtextextended(@Key, 0))", new { Key = key }));
            }
        }
        catch (NpgsqlException)
        {
            // The connection is broken: the server released the lock with it.
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }
}
