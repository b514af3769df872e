using Dapper;
using Npgsql;

namespace Casualties.Worker.Tests.Support;

/// <summary>Reads what the workers stored and did, for comparing runs.</summary>
public static class Stored
{
    /// <summary>Every document as (content hash, name), and every claim with its document's hash instead of ids, sorted.</summary>
    public static async Task<IReadOnlyList<string>> Content(NpgsqlDataSource dataSource)
    {
        await using var conn = await dataSource.OpenConnectionAsync();
        var documents = await conn.QueryAsync<string>(
            "SELECT 'document ' || content_hash || ' ' || name FROM documents");
        var claims = await conn.QueryAsync<string>("""
            SELECT 'claim ' || coalesce(d.content_hash, feed_record_name(r.dataset, r.record_key)) || ' ' || c.ordinal || ' ' || c.outcome || ' '
                   || c.victims || ' ' || c.low || ' ' || coalesce(c.high::text, '-')
            FROM claims c LEFT JOIN documents d ON d.id = c.document_id LEFT JOIN feed_records r ON r.id = c.record_id
            """);
        return documents.Concat(claims).Order(StringComparer.Ordinal).ToList();
    }

    public static async Task<long> Scalar(NpgsqlDataSource dataSource, string sql, object? parameters = null)
    {
        await using var conn = await dataSource.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<long>(sql, parameters);
    }

    public static async Task<IReadOnlyList<T>> Rows<T>(NpgsqlDataSource dataSource, string sql, object? parameters = null)
    {
        await using var conn = await dataSource.OpenConnectionAsync();
        return (await conn.QueryAsync<T>(sql, parameters)).AsList();
    }

    /// <summary>Jobs not finished: queued, running or waiting for a retry.</summary>
    public static Task<long> Pending(NpgsqlDataSource dataSource) =>
        Scalar(dataSource, "SELECT count(*) FROM jobs WHERE state IN ('queued', 'running', 'failed')");
}
