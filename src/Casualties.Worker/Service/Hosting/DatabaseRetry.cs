using System.Net.Sockets;
using Casualties.Worker.Service.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Casualties.Worker.Service.Hosting;

/// <summary>
/// Runs a database operation until PostgreSQL answers: while it is away (connection refused, server shutting
/// down or starting) the operation is retried with exponential backoff up to WorkerOptions.ReconnectMaxDelay.
/// Other errors propagate.
/// </summary>
public sealed class DatabaseRetry(NpgsqlDataSource dataSource, IOptions<WorkerOptions> options, ILogger<DatabaseRetry> logger)
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Runs <paramref name="action"/> until it succeeds or fails with an error that is not transient
    /// (<see cref="IsTransient"/>), or <paramref name="ct"/> is cancelled. <paramref name="operation"/> names it in the
    /// log lines saying the database is away (the first failure, then every tenth) and back.
    /// </summary>
    public async Task<T> Run<T>(string operation, Func<CancellationToken, Task<T>> action, CancellationToken ct)
    {
        var delay = FirstDelay;
        var failures = 0;
        while (true)
        {
            try
            {
                var result = await action(ct);
                if (failures > 0) WorkerLog.DatabaseBack(logger, operation, failures);
                return result;
            }
            catch (Exception e) when (IsTransient(e) && !ct.IsCancellationRequested)
            {
                failures++;
                if (failures == 1 || failures % 10 == 0) WorkerLog.DatabaseAway(logger, operation, failures, delay, e.Message);
                dataSource.Clear();
                await Task.Delay(delay, ct);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.Value.ReconnectMaxDelay.Ticks));
            }
        }
    }

    /// <inheritdoc cref="Run{T}(string, Func{CancellationToken, Task{T}}, CancellationToken)"/>
    public Task Run(string operation, Func<CancellationToken, Task> action, CancellationToken ct) =>
        Run(operation, async c => { await action(c); return true; }, ct);

    /// <summary>True for failures that mean "the database is not reachable now", not "the statement is wrong".</summary>
    public static bool IsTransient(Exception e) => e switch
    {
        PostgresException p => p.SqlState.StartsWith("08", StringComparison.Ordinal)
                               || p.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
                                   or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections
                               || p.IsTransient,
        NpgsqlException n => n.IsTransient || n.InnerException is IOException or SocketException or TimeoutException,
        _ => e.InnerException is NpgsqlException inner && IsTransient(inner),
    };
}
