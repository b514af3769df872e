using Casualties.Domain.Reference;
using Dapper;
using Npgsql;

namespace Casualties.Postgres.Reference;

/// <summary>
/// Reads the reference data back from PostgreSQL (what <see cref="ReferenceDataStore"/> loaded, plus any
/// later edits), so ingestion resolves names against the database it writes to.
/// </summary>
public sealed class ReferenceDataReader(NpgsqlDataSource dataSource)
{
    const string ConflictsSql = """
        SELECT c.key, c.name, coalesce(array_agg(p.key ORDER BY p.key) FILTER (WHERE p.key IS NOT NULL), '{}') AS countries, c.sides
        FROM conflicts c
        LEFT JOIN conflict_countries cc ON cc.conflict = c.key
        LEFT JOIN places p ON p.id = cc.place_id
        GROUP BY c.key, c.name, c.sides
        ORDER BY c.key
        """;

    const string SourcesSql = """
        SELECT s.name, s.kind, s.reliability, p.key AS country, s.aliases
        FROM sources s LEFT JOIN places p ON p.id = s.country_id
        ORDER BY s.id
        """;

    const string ActorsSql = "SELECT name, conflict, side, kind, aliases FROM actors ORDER BY id";

    const string PlacesSql = """
        SELECT p.key, p.name, parent.key AS parent, p.kind, p.aliases, p.latitude, p.longitude
        FROM places p LEFT JOIN places parent ON parent.id = p.parent_id
        ORDER BY p.id
        """;

    const string LexiconSql = "SELECT phrase, low, high FROM lexicon ORDER BY phrase";

    const string VictimTermsSql = "SELECT term, victims, victim_side FROM victim_terms ORDER BY term";

    const string VictimGroupsSql = "SELECT name FROM victim_groups ORDER BY name";

    public async Task<ReferenceData> Read(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var conflicts = await connection.QueryAsync<ConflictRow>(new CommandDefinition(ConflictsSql, cancellationToken: ct));
        var sources = await connection.QueryAsync<SourceRow>(new CommandDefinition(SourcesSql, cancellationToken: ct));
        var actors = await connection.QueryAsync<ActorRow>(new CommandDefinition(ActorsSql, cancellationToken: ct));
        var places = await connection.QueryAsync<PlaceRow>(new CommandDefinition(PlacesSql, cancellationToken: ct));
        var lexicon = await connection.QueryAsync<LexiconEntry>(new CommandDefinition(LexiconSql, cancellationToken: ct));
        var terms = await connection.QueryAsync<VictimTerm>(new CommandDefinition(VictimTermsSql, cancellationToken: ct));
        return new ReferenceData(
            conflicts.Select(c => new Conflict(c.Key, c.Name, c.Countries, c.Sides)).ToList(),
            sources.Select(s => new Source(s.Name, s.Kind, s.Reliability, s.Country, s.Aliases)).ToList(),
            actors.Select(a => new Actor(a.Name, a.Conflict, a.Side, a.Kind, a.Aliases)).ToList(),
            places.Select(p => new Place(p.Key, p.Name, p.Parent, p.Kind, p.Aliases, p.Latitude, p.Longitude)).ToList(),
            lexicon.AsList(),
            terms.AsList());
    }

    /// <summary>The victim groups claims may name (the claims.victims foreign key).</summary>
    public async Task<IReadOnlySet<string>> VictimGroups(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var names = await connection.QueryAsync<string>(new CommandDefinition(VictimGroupsSql, cancellationToken: ct));
        return names.ToHashSet(StringComparer.Ordinal);
    }

    private sealed record ConflictRow(string Key, string Name, string[] Countries, string[] Sides);

    private sealed record SourceRow(string Name, string Kind, double Reliability, string? Country, string[] Aliases);

    private sealed record ActorRow(string Name, string Conflict, string Side, string Kind, string[] Aliases);

    private sealed record PlaceRow(string Key, string Name, string? Parent, string Kind, string[] Aliases, double? Latitude, double? Longitude);
}
