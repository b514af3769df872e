namespace Casualties.Domain.Reconciliation;

internal sealed partial class IncidentGrouper
{
    /// <summary>Claims that always travel together; <see cref="Representative"/> is what the unit is matched by.</summary>
    private sealed record Unit(ClaimRecord Representative, List<(ClaimRecord Claim, string Rule)> Members, IncidentOverride? Override);

    /// <summary>What gathers claims into one unit: a pinned key, a split claim, a dataset event, or a root claim.</summary>
    private readonly record struct UnitKey(char Kind, long ClaimId, string? Dataset, string? Text);

    private IEnumerable<Unit> Units(IReadOnlyList<ClaimRecord> claims)
    {
        var byId = new Dictionary<long, ClaimRecord>(claims.Count);
        foreach (var claim in claims) byId.TryAdd(claim.Id, claim);
        var ordered = byId.Values.ToArray();
        Array.Sort(ordered, (a, b) => a.Id.CompareTo(b.Id));
        var units = new Dictionary<UnitKey, (List<ClaimRecord> Roots, List<(ClaimRecord, string)> Members, IncidentOverride? Override)>();
        var firstOfStatement = new Dictionary<Statement, ClaimRecord>(Statement.Comparer);
        foreach (var claim in ordered)
        {
            var root = RootOf(claim, byId);
            if (!overrides.ContainsKey(root.Id))
            {
                var statement = Statement.Of(root);
                if (firstOfStatement.TryGetValue(statement, out var original))
                {
                    if (original.Id != root.Id) root = original;
                }
                else
                {
                    firstOfStatement.Add(statement, root);
                }
            }
            var rootOverride = overrides.GetValueOrDefault(root.Id);
            var key = rootOverride switch
            {
                { Action: OverrideAction.Pin, IncidentKey: { } pinKey } => new UnitKey('p', 0, null, pinKey),
                { Action: OverrideAction.Pin } => new UnitKey('p', 0, null, "pin-" + root.Id),
                { Action: OverrideAction.Split } => new UnitKey('s', root.Id, null, null),
                _ when root.EventKey is not null => new UnitKey('e', 0, root.Dataset(), root.EventKey),
                _ => new UnitKey('c', root.Id, null, null),
            };
            if (!units.TryGetValue(key, out var unit)) units[key] = unit = ([], [], rootOverride);
            var rule = claim.Id != root.Id && Statement.Of(claim) == Statement.Of(root) ? MatchRules.Duplicate
                : !ReferenceEquals(root, claim) ? MatchRules.SubsetOfParent
                : rootOverride is { Action: OverrideAction.Pin } ? MatchRules.Pinned
                : rootOverride is { Action: OverrideAction.Split } ? MatchRules.Split
                : MatchRules.EventKey;
            // Claims come in id order, so each unit's members are in id order too.
            unit.Members.Add((claim, rule));
            if (ReferenceEquals(root, claim)) unit.Roots.Add(claim);
        }
        var sorted = units.Values
            .Select(u => new Unit(u.Roots.MinBy(c => c.Id)!, u.Members, u.Override))
            .Select(u => (Order: new UnitOrder(u.Override is null, u.Representative.EventKey is null, places.DepthOf(u.Representative.PlaceKey),
                u.Representative.PerpetratorSide is null, u.Representative.Window().Days, u.Representative.Id), Unit: u))
            .ToArray();
        Array.Sort(sorted, (a, b) => a.Order.CompareTo(b.Order));
        return sorted.Select(u => u.Unit);
    }

    /// <summary>
    /// The order units are placed in: pinned and split first, then dataset events, then the deepest place, then an
    /// attributed perpetrator, then the shortest window, the claim id last (unique, so the order is total).
    /// </summary>
    private readonly record struct UnitOrder(bool NoOverride, bool NoEventKey, int Depth, bool NoSide, int Days, long Id) : IComparable<UnitOrder>
    {
        public int CompareTo(UnitOrder other)
        {
            var order = NoOverride.CompareTo(other.NoOverride);
            if (order == 0) order = NoEventKey.CompareTo(other.NoEventKey);
            if (order == 0) order = other.Depth.CompareTo(Depth);
            if (order == 0) order = NoSide.CompareTo(other.NoSide);
            if (order == 0) order = Days.CompareTo(other.Days);
            return order != 0 ? order : Id.CompareTo(other.Id);
        }
    }

    /// <summary>What makes two claims the same statement, whatever their ids (a document ingested twice).</summary>
    private readonly record struct Statement(
        string? Source, string Document, int Position, string Victims, string? VictimSide, Model.Qualifier Qualifier,
        int? Value, int Low, int? High, string? PlaceKey, Model.PartialDate? Start, Model.PartialDate? End, bool Cumulative,
        DateOnly Reported, string? EventKey, string? PerpetratorSide)
    {
        public static Statement Of(ClaimRecord c) => new(c.Source, c.Document, c.Position, c.Victims, c.VictimSide, c.Qualifier,
            c.Value, c.Low, c.High, c.PlaceKey, c.Start, c.End, c.Cumulative, c.Reported, c.EventKey, c.PerpetratorSide);

        /// <summary>Equal as records; hashed by where and when the statement was made and its figure, the cheap fields.</summary>
        public static readonly IEqualityComparer<Statement> Comparer = new CheapHash();

        private sealed class CheapHash : IEqualityComparer<Statement>
        {
            public bool Equals(Statement a, Statement b) => a.Equals(b);

            public int GetHashCode(Statement s) => HashCode.Combine(s.Document.Length, s.Position, s.Low, s.Value, s.High, s.Reported);
        }
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
