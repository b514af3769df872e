using Dapper;
using Npgsql;

namespace Casualties.Postgres.Ingest;

/// <summary>The ingest_runs table: one row per ingest call, with its counts when it ends.</summary>
public sealed class IngestRunStore(NpgsqlDataSource dataSource)
{
    const string BeginSql = "INSERT INTO ingest_runs (trigger) VALUES (@Trigger) RETURNING id";

    const string FinishSql = """
        UPDATE ingest_runs
        SET finished_at = now(), status = @Status, documents = @Documents, records = @Records, claims = @Claims,
            duplicates = @Duplicates, quarantined = @Quarantined, retired = @Retired, warnings = @Warnings, error = @Error
        WHERE id = @Id
        """;

    /// <summary>Starts a run (status running) started by <paramref name="trigger"/> (cli, worker, ...); returns its id.</summary>
    public async Task<long> Begin(string trigger, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(BeginSql, new { Trigger = trigger }, cancellationToken: ct));
    }

    /// <summary>
    /// Ends run <paramref name="id"/> with its counts: done, or failed with <paramref name="error"/> when that is not null.
    /// </summary>
    public async Task Finish(long id, IngestRunCounts counts, string? error, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(FinishSql, new
        {
            Id = id,
            Status = error is null ? "done" : "failed",
            counts.Documents, counts.Records, counts.Claims, counts.Duplicates, counts.Quarantined, counts.Retired, counts.Warnings,
            Error = error,
        }, cancellationToken: ct));
    }
}

/// <summary>The counts an ingest run records.</summary>
public sealed record IngestRunCounts(int Documents, int Records, int Claims, int Duplicates, int Quarantined, int Retired, int Warnings);
