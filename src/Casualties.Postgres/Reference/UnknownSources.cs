using Dapper;
using Npgsql;

namespace Casualties.Postgres.Reference;

/// <summary>A source claims name that the reference data does not know (the view v_unknown_sources, migration 0015).</summary>
public sealed record UnknownSource(string Name, long Claims, DateOnly FirstReported, DateOnly LastReported, long Documents);

/// <summary>Lists the sources the reference data lacks, for a curator to add to seeds/sources.csv.</summary>
public sealed class UnknownSources(NpgsqlDataSource dataSource)
{
    const string ListSql = """
        SELECT name, claims, first_reported, last_reported, documents
        FROM v_unknown_sources
        ORDER BY claims DESC, name
        """;

    /// <summary>Every unknown source (view v_unknown_sources), the most claimed first.</summary>
    public async Task<IReadOnlyList<UnknownSource>> List(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<UnknownSource>(new CommandDefinition(ListSql, cancellationToken: ct));
        return rows.AsList();
    }
}
