using Casualties.Domain.Model;
using Casualties.Domain.Reconciliation;
using Casualties.Domain.Reference;
using Dapper;
using Npgsql;

namespace Casualties.Postgres.Reconciliation;

/// <summary>
/// What a reconciliation reads besides claims: the gazetteer (with place ids), victim groups, overrides, and the
/// acronyms sources are known by (for flag explanations).
/// </summary>
public sealed record ReconciliationReference(
    Gazetteer Gazetteer,
    IReadOnlyDictionary<long, string> PlaceKeys,
    IReadOnlyDictionary<string, string?> VictimParents,
    IReadOnlyList<IncidentOverride> Overrides,
    IReadOnlyDictionary<string, string> SourceShortNames)
{
    private sealed record AliasRow(string Name, string Alias);

    private sealed record PlaceRow(long Id, string Key, string Name, string? ParentKey, string Kind, double? Latitude, double? Longitude);

    private sealed record OverrideRow(long ClaimId, string Action, string? IncidentKey, string? Note);

    private sealed record GroupRow(string Name, string? Parent);

    const string PlacesSql = """
        SELECT p.id, p.key, p.name, parent.key AS parent_key, p.kind, p.latitude, p.longitude
        FROM places p LEFT JOIN places parent ON parent.id = p.parent_id
        """;

    /// <summary>Reads the reference data inside the run's transaction <paramref name="tx"/>.</summary>
    public static async Task<ReconciliationReference> Load(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        var places = (await conn.QueryAsync<PlaceRow>(new CommandDefinition(PlacesSql, transaction: tx, cancellationToken: ct))).AsList();
        var groups = await conn.QueryAsync<GroupRow>(new CommandDefinition("SELECT name, parent FROM victim_groups", transaction: tx, cancellationToken: ct));
        var overrides = await conn.QueryAsync<OverrideRow>(new CommandDefinition(
            "SELECT claim_id, action, incident_key, note FROM incident_overrides", transaction: tx, cancellationToken: ct));
        var aliases = await conn.QueryAsync<AliasRow>(new CommandDefinition(
            "SELECT s.name, a.alias FROM sources s CROSS JOIN LATERAL unnest(s.aliases) AS a (alias)", transaction: tx, cancellationToken: ct));
        var shortNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in aliases.GroupBy(a => a.Name, StringComparer.Ordinal))
        {
            if (FlagWording.Acronym(source.Select(a => a.Alias)) is { } acronym) shortNames[source.Key] = acronym;
        }
        var parents = new Dictionary<string, string?>(VictimGroups.DefaultParents, StringComparer.Ordinal);
        foreach (var group in groups) parents[group.Name] = group.Parent;
        return new ReconciliationReference(
            new Gazetteer(places.Select(p => new Place(p.Key, p.Name, p.ParentKey, p.Kind, [], p.Latitude, p.Longitude))),
            places.ToDictionary(p => p.Id, p => string.Intern(p.Key)),
            parents,
            overrides.Select(o => new IncidentOverride(o.ClaimId, o.Action == "split" ? OverrideAction.Split : OverrideAction.Pin, o.IncidentKey, o.Note)).ToList(),
            shortNames);
    }
}
