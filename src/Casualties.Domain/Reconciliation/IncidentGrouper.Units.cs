namespace Casualties.Domain.Reconciliation;

internal sealed partial class IncidentGrouper
{
    /// <summary>Claims that always travel together; <see cref="Representative"/> is what the unit is matched by.</summary>
    private sealed record Unit(ClaimRecord Representative, List<(ClaimRecord Claim, string Rule)> Members, IncidentOverride? Override);

    private IEnumerable<Unit> Units(IReadOnlyList<ClaimRecord> claims)
    {
        var byId = new Dictionary<long, ClaimRecord>(claims.Count);
        foreach (var claim in claims) byId.TryAdd(claim.Id, claim);
        var units = new Dictionary<string, (List<ClaimRecord> Roots, List<(ClaimRecord, string)> Members, IncidentOverride? Override)>(StringComparer.Ordinal);
        var firstOfStatement = new Dictionary<Statement, ClaimRecord>();
        foreach (var claim in byId.Values.OrderBy(c => c.Id))
        {
            var root = RootOf(claim, byId);
            if (!overrides.ContainsKey(root.Id))
            {
                if (firstOfStatement.TryGetValue(Statement.Of(root), out var original) && original.Id != root.Id)
                {
                    root = original;
                }
                else
                {
                    firstOfStatement.TryAdd(Statement.Of(root), root);
                }
            }
            var rootOverride = overrides.GetValueOrDefault(root.Id);
            var key = rootOverride switch
            {
                { Action: OverrideAction.Pin, IncidentKey: { } pinKey } => "p:" + pinKey,
                { Action: OverrideAction.Pin } => "p:pin-" + root.Id,
                { Action: OverrideAction.Split } => "s:" + root.Id,
                _ when root.EventKey is not null => "e:" + root.Dataset() + "\u0001" + root.EventKey,
                _ => "c:" + root.Id,
            };
            if (!units.TryGetValue(key, out var unit)) units[key] = unit = ([], [], rootOverride);
            var rule = claim.Id != root.Id && Statement.Of(claim) == Statement.Of(root) ? MatchRules.Duplicate
                : !ReferenceEquals(root, claim) ? MatchRules.SubsetOfParent
                : rootOverride is { Action: OverrideAction.Pin } ? MatchRules.Pinned
                : rootOverride is { Action: OverrideAction.Split } ? MatchRules.Split
                : MatchRules.EventKey;
            unit.Members.Add((claim, rule));
            if (ReferenceEquals(root, claim)) unit.Roots.Add(claim);
        }
        return units.Values
            .Select(u => new Unit(u.Roots.MinBy(c => c.Id)!, u.Members, u.Override))
            .OrderBy(u => u.Override is null ? 1 : 0)
            .ThenBy(u => u.Representative.EventKey is null ? 1 : 0)
            .ThenByDescending(u => places.DepthOf(u.Representative.PlaceKey))
            .ThenBy(u => u.Representative.PerpetratorSide is null ? 1 : 0)
            .ThenBy(u => u.Representative.Window().Days)
            .ThenBy(u => u.Representative.Id)
            .Select(u => u with { Members = u.Members.OrderBy(m => m.Claim.Id).ToList() });
    }

    /// <summary>What makes two claims the same statement, whatever their ids (a document ingested twice).</summary>
    private readonly record struct Statement(
        string? Source, string Document, int Position, string Victims, string? VictimSide, Model.Qualifier Qualifier,
        int? Value, int Low, int? High, string? PlaceKey, Model.PartialDate? Start, Model.PartialDate? End, bool Cumulative,
        DateOnly Reported, string? EventKey, string? PerpetratorSide)
    {
        public static Statement Of(ClaimRecord c) => new(c.Source, c.Document, c.Position, c.Victims, c.VictimSide, c.Qualifier,
            c.Value, c.Low, c.High, c.PlaceKey, c.Start, c.End, c.Cumulative, c.Reported, c.EventKey, c.PerpetratorSide);
    }

    /// <summary>The top of a claim's subset chain inside this partition; an overridden claim is its own top.</summary>
    private ClaimRecord RootOf(ClaimRecord claim, Dictionary<long, ClaimRecord> byId)
    {
        var current = claim;
        for (var hops = 0; hops < 16; hops++)
        {
            if (overrides.ContainsKey(current.Id)) return current;
            if (current.ParentId is not { } parentId || parentId == current.Id || !byId.TryGetValue(parentId, out var parent)) return current;
            current = parent;
        }
        return current;
    }
}
