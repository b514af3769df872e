using Npgsql;

namespace Casualties.Postgres.Ingest;

/// <summary>
/// The ids of sources (by canonical name) and places (by key), read once per feed file, so claims can be
/// COPYed with their source_id and place_id instead of joining per row. A name not found gives null, as the
/// join would.
/// </summary>
internal sealed class ReferenceIds(IReadOnlyDictionary<string, long> sources, IReadOnlyDictionary<string, long> places)
{
    const string Sql = "SELECT 's', name, id FROM sources UNION ALL SELECT 'p', key, id FROM places";

    public static async Task<ReferenceIds> Read(NpgsqlConnection connection, CancellationToken ct)
    {
        var sources = new Dictionary<string, long>(StringComparer.Ordinal);
        var places = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(Sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            (reader.GetString(0) == "s" ? sources : places)[reader.GetString(1)] = reader.GetInt64(2);
        }
        return new ReferenceIds(sources, places);
    }

    public long? Source(string? canonicalName) => canonicalName is not null && sources.TryGetValue(canonicalName, out var id) ? id : null;

    public long? Place(string? key) => key is not null && places.TryGetValue(key, out var id) ? id : null;
}
