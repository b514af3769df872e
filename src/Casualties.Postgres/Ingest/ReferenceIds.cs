using Npgsql;

namespace Casualties.Postgres.Ingest;

/// <summary>
/// The ids of sources (by canonical name) and places (by key), so claims can be COPYed with their source_id and
/// place_id instead of joining per row. A name not found gives null, as the join would.
/// </summary>
/// <remarks>
/// Sources and the curated places are read once per writer; places of the generated layer (~200,000, issue 16) are
/// read only when a claim names one (<see cref="Know"/> before the claims are written): reading them all cost each
/// feed file about 2 s of server time and 30 MB, for keys a dataset's claims never use.
/// </remarks>
internal sealed class ReferenceIds
{
    const string Sql = "SELECT 's', name, id FROM sources UNION ALL SELECT 'p', key, id FROM places WHERE NOT generated";
    const string PlacesSql = "SELECT key, id FROM places WHERE key = ANY (@Keys)";

    private readonly Dictionary<string, long> sources;
    private readonly Dictionary<string, long> places;
    private readonly HashSet<string> absent = new(StringComparer.Ordinal);

    private ReferenceIds(Dictionary<string, long> sources, Dictionary<string, long> places) => (this.sources, this.places) = (sources, places);

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

    /// <summary>Reads the ids of the place keys of <paramref name="claims"/> not known yet (one query, none when all are known).</summary>
    public async Task Know(NpgsqlConnection connection, IEnumerable<StagedClaim> claims, CancellationToken ct)
    {
        HashSet<string>? unknown = null;
        foreach (var claim in claims)
        {
            Note(claim.PlaceKey);
            Note(claim.Claim.PlaceParentKey);
        }
        if (unknown is null) return;
        await using var command = new NpgsqlCommand(PlacesSql, connection);
        command.Parameters.AddWithValue("Keys", unknown.ToArray());
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) places[reader.GetString(0)] = reader.GetInt64(1);
        }
        foreach (var key in unknown)
        {
            if (!places.ContainsKey(key)) absent.Add(key);
        }

        void Note(string? key)
        {
            if (key is not null && !places.ContainsKey(key) && !absent.Contains(key)) (unknown ??= new(StringComparer.Ordinal)).Add(key);
        }
    }

    public long? Source(string? canonicalName) => canonicalName is not null && sources.TryGetValue(canonicalName, out var id) ? id : null;

    public long? Place(string? key) => key is not null && places.TryGetValue(key, out var id) ? id : null;
}
