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
        SELECT p.key, p.name, parent.key AS parent, p.kind, p.aliases, p.latitude, p.longitude, p.generated
        FROM places p LEFT JOIN places parent ON parent.id = p.parent_id
        WHERE NOT p.generated OR p.parent_id IS NULL
        ORDER BY p.id
        """;

    const string LayerChecksumSql = "SELECT checksum FROM reference_layers WHERE name = @Name";

    // The layer's CSV as the seed file has it (GeneratedPlaces.Header), straight from COPY.
    const string LayerCsvSql = """
        COPY (SELECT p.key, p.name, parent.key, p.kind, array_to_string(p.aliases, '|'), p.latitude, p.longitude
              FROM places p JOIN places parent ON parent.id = p.parent_id
              WHERE p.generated ORDER BY p.id)
        TO STDOUT (FORMAT csv)
        """;

    const string LexiconSql = "SELECT phrase, low, high FROM lexicon ORDER BY phrase";

    const string VictimTermsSql = "SELECT term, victims, victim_side FROM victim_terms ORDER BY term";

    const string SideCuesSql = """
        SELECT conflict, side, cue, words, nullif(country, ''), nullif(from_year, 0), nullif(to_year, 0)
        FROM side_cues ORDER BY conflict, side, cue, country, from_year, to_year
        """;

    const string DemonymsSql = "SELECT demonym, country FROM demonyms ORDER BY demonym";

    const string VictimGroupsSql = "SELECT name FROM victim_groups ORDER BY name";

    /// <summary>The version of the reference data (migration 0007): it changes whenever any reference table does.</summary>
    public async Task<long> Version(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT version FROM reference_version", cancellationToken: ct));
    }

    /// <summary>The reference data as stored (what seed loaded, in the form the extractor and resolver take).</summary>
    public async Task<ReferenceData> Read(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        // text[] columns are read by hand: Npgsql reports arrays as System.Array, which Dapper cannot bind to string[].
        var conflicts = await Rows(connection, ConflictsSql, r => new Conflict(r.GetString(0), r.GetString(1),
            r.GetFieldValue<string[]>(2), r.GetFieldValue<string[]>(3)), ct);
        var sources = await Rows(connection, SourcesSql, r => new Source(r.GetString(0), r.GetString(1), r.GetDouble(2),
            NullableString(r, 3), r.GetFieldValue<string[]>(4)), ct);
        var actors = await Rows(connection, ActorsSql, r => new Actor(r.GetString(0), r.GetString(1), r.GetString(2),
            r.GetString(3), r.GetFieldValue<string[]>(4)), ct);
        var places = await Rows(connection, PlacesSql, r => new Place(r.GetString(0), r.GetString(1), NullableString(r, 2),
            r.GetString(3), r.GetFieldValue<string[]>(4), r.IsDBNull(5) ? null : r.GetDouble(5), r.IsDBNull(6) ? null : r.GetDouble(6), r.GetBoolean(7)), ct);
        var lexicon = await Rows(connection, LexiconSql, r => new LexiconEntry(r.GetString(0), r.GetInt32(1), r.IsDBNull(2) ? null : r.GetInt32(2)), ct);
        var terms = await Rows(connection, VictimTermsSql, r => new VictimTerm(r.GetString(0), r.GetString(1), NullableString(r, 2)), ct);
        var cues = await Rows(connection, SideCuesSql, r => new SideCue(r.GetString(0), r.GetString(1), r.GetString(2),
            r.GetFieldValue<string[]>(3), NullableString(r, 4), r.IsDBNull(5) ? null : r.GetInt32(5), r.IsDBNull(6) ? null : r.GetInt32(6)), ct);
        var demonyms = await Rows(connection, DemonymsSql, r => new Demonym(r.GetString(0), r.GetString(1)), ct);
        var checksum = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(LayerChecksumSql,
            new { Name = ReferenceDataStore.GeneratedPlacesLayer }, cancellationToken: ct));
        var layer = checksum is null ? null : GeneratedPlaces.Shared(checksum, LayerCsv);
        return new ReferenceData(conflicts, sources, actors, places, lexicon, terms, cues, layer, demonyms);
    }

    /// <summary>
    /// The generated layer's divisions and towns as the database holds them, read the first time an extractor asks
    /// (a place context) and then shared in the process for the same checksum.
    /// </summary>
    private byte[] LayerCsv()
    {
        using var connection = dataSource.OpenConnection();
        using var text = new MemoryStream();
        text.Write(System.Text.Encoding.UTF8.GetBytes(GeneratedPlaces.Header + "\n"));
        // A CSV export is a text COPY: Npgsql refuses it as a raw binary one.
        using (var csv = connection.BeginTextExport(LayerCsvSql)) text.Write(System.Text.Encoding.UTF8.GetBytes(csv.ReadToEnd()));
        return text.ToArray();
    }

    /// <summary>The victim groups claims may name (the claims.victims foreign key).</summary>
    public async Task<IReadOnlySet<string>> VictimGroups(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var names = await connection.QueryAsync<string>(new CommandDefinition(VictimGroupsSql, cancellationToken: ct));
        return names.ToHashSet(StringComparer.Ordinal);
    }

    private static async Task<List<T>> Rows<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> map, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct)) rows.Add(map(reader));
        return rows;
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
