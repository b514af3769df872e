using Casualties.Domain.Model;

namespace Casualties.Domain.Reconciliation;

internal sealed partial class IncidentGrouper
{
    /// <summary>Claims that always travel together; <see cref="Representative"/> is what the unit is matched by.</summary>
    private sealed record Unit(ClaimRecord Representative, List<(ClaimRecord Claim, string Rule)> Members, IncidentOverride? Override);

    /// <summary>What gathers claims into one unit: a pinned key, a split claim, a dataset event, or a root claim.</summary>
    private readonly record struct UnitKey(char Kind, long ClaimId, string? Dataset, string? Text);

    private IEnumerable<Unit> Units(IReadOnlyList<ClaimRecord> claims, Dictionary<long, ClaimRecord>? byId)
    {
        if (byId is null)
        {
            byId = new Dictionary<long, ClaimRecord>(claims.Count);
            foreach (var claim in claims) byId.TryAdd(claim.Id, claim);
        }
        var ordered = byId.Values.ToArray();
        Array.Sort(ordered, (a, b) => a.Id.CompareTo(b.Id));
        // Sized for every claim at once: grown by doubling they were a chain of large arrays a run (issue 14).
        var units = new Dictionary<UnitKey, (List<ClaimRecord> Roots, List<(ClaimRecord, string)> Members, IncidentOverride? Override)>(ordered.Length);
        var firstOfStatement = new Dictionary<ClaimRecord, ClaimRecord>(ordered.Length, SameStatement.Instance);
        foreach (var claim in ordered)
        {
            var root = RootOf(claim, byId);
            if (!overrides.ContainsKey(root.Id))
            {
                if (firstOfStatement.TryGetValue(root, out var original))
                {
                    if (original.Id != root.Id) root = original;
                }
                else
                {
                    firstOfStatement.Add(root, root);
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
            var rule = claim.Id != root.Id && SameStatement.Instance.Equals(claim, root) ? MatchRules.Duplicate
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
                u.Representative.Claim.PerpetratorSide is null, u.Representative.Window().Days, u.Representative.Id), Unit: u))
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

    /// <summary>
    /// What makes two claims the same statement, whatever their ids (a document ingested twice): the same source,
    /// document, position in it, figure, victims, place, period, report date, event id and perpetrator side.
    /// </summary>
    private sealed class SameStatement : IEqualityComparer<ClaimRecord>
    {
        public static readonly SameStatement Instance = new();

        public bool Equals(ClaimRecord? a, ClaimRecord? b) => ReferenceEquals(a, b) || (a is not null && b is not null
            && a.Position == b.Position && a.Reported == b.Reported && a.Document == b.Document && a.PlaceKey == b.PlaceKey
            && a.EventKey == b.EventKey && SameWords(a.Claim, b.Claim));

        private static bool SameWords(Claim a, Claim b) =>
            a.Quantity == b.Quantity && a.Cumulative == b.Cumulative && a.Period == b.Period && a.Source == b.Source
            && a.Victims == b.Victims && a.VictimSide == b.VictimSide && a.PerpetratorSide == b.PerpetratorSide;

        /// <summary>Hashed by the cheap fields: where and when the statement was made and its figure.</summary>
        public int GetHashCode(ClaimRecord c) =>
            HashCode.Combine(c.Document.Length, c.Position, c.Claim.Quantity.Low, c.Claim.Quantity.Value, c.Claim.Quantity.High, c.Reported);
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
