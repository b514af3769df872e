using Casualties.Domain.Model;

namespace Casualties.Domain.Reconciliation;

/// <summary>
/// Per-side totals (domain.md, "Per-side totals") by perpetrator side × victim group (× victim side) × place
/// (each incident's place and every place around it, up to the country) × period (all, each year, each month).
/// </summary>
/// <remarks>
/// No death counts twice, within a side or across sides. Inside one victim group, place and period the incidents of
/// every side form a forest by containment (<see cref="CountedIncident.TotalContainers"/>: an event inside a tally, a
/// district's tally inside its country's, a short window inside a longer one; successive words of one tally are one
/// incident already): a whole counts as the larger of its own figure and the sum of its parts — low, best and high
/// each — and the deduplicated total of the place and period is the sum over the outermost incidents. That total is
/// shared out by side (issue 14): a part keeps its side's share; a whole of a known side takes the larger of its own
/// figure and its side's parts, and only what exceeds that of its parts of unknown side stays "unknown" (their dead
/// may be the side's, already in its figure); a whole of unknown side adds only its remainder, the larger of zero
/// and its own figure less its parts (the parts of a known side keep their sides). So the totals of all sides of a
/// place and period add up to its deduplicated total: exactly, unless a remainder's low came out above its high
/// (parts with a wider range than their whole), when the side's low and best are lowered to its high — never above.
/// Method: <c>single</c> for one incident, <c>remainder</c> for the unknown side when some of its incidents held
/// or lay inside incidents of a known side, <c>whole</c> when one outermost incident of the side's own figure
/// outweighed its parts, else <c>sum_of_parts</c>.
/// An incident counts for a victim group with that group's figure; with no figure for the group, with the
/// largest figure of a group inside it (civilians killed count, as a floor, towards people killed; never the
/// other way round). An incident counts in a year or month only when its whole window lies inside it.
/// Known limit: two overlapping tallies neither of which contains the other (a count since 15 November beside
/// one since 20 November) are both added.
/// </remarks>
internal sealed class TotalCalculator(PlaceIndex places)
{
    private readonly record struct Amount(long Low, long Best, long High)
    {
        public static Amount operator +(Amount a, Amount b) => new(a.Low + b.Low, a.Best + b.Best, a.High + b.High);

        public static Amount operator -(Amount a, Amount b) => new(a.Low - b.Low, a.Best - b.Best, a.High - b.High);

        public static Amount Max(Amount a, Amount b) => new(Math.Max(a.Low, b.Low), Math.Max(a.Best, b.Best), Math.Max(a.High, b.High));

        public bool IsZero => Low == 0 && Best == 0 && High == 0;
    }

    /// <summary>
    /// One incident in one scope (a victim group, place and period, over all sides): <see cref="Scope"/> numbers
    /// it in the order of the totals (group rank, place rank, period kind, period: see <see cref="ScopeOf"/>),
    /// <see cref="Rank"/> the incident innermost first; <see cref="Contribution"/> indexes what the incident counts
    /// for the scope's group.
    /// </summary>
    private readonly record struct Entry(long Scope, int Rank, int Incident, int Contribution) : IComparable<Entry>
    {
        public int CompareTo(Entry other)
        {
            var order = Scope.CompareTo(other.Scope);
            return order != 0 ? order : Rank.CompareTo(other.Rank);
        }
    }

    /// <summary>
    /// The parts of a node counted for another side than the node's own (rare: sides crossing), a list per node
    /// through <see cref="Next"/>.
    /// </summary>
    private record struct OtherShare(int Side, Amount Amount, int Next);

    private static long ScopeOf(int groupRank, int placeRank, TotalPeriod period, int year, int month) =>
        ((long)groupRank << 44) | ((long)placeRank << 20) | ((long)period << 18) | (long)(16 * year + month);

    /// <summary>The rank of each of <paramref name="count"/> items in the given order, and the items by rank.</summary>
    private static (int[] Ranks, int[] ByRank) Ranks(int count, Comparison<int> order)
    {
        var byRank = Enumerable.Range(0, count).ToArray();
        Array.Sort(byRank, order);
        var ranks = new int[count];
        for (var position = 0; position < count; position++) ranks[byRank[position]] = position;
        return (ranks, byRank);
    }

    /// <summary>
    /// The totals of a partition's incidents, ordered by side, victims, victim side, place (null first), then
    /// period: all time, the years, the months (an order on what makes each total unique, so it is deterministic).
    /// </summary>
    public List<SideTotal> Compute(IReadOnlyList<CountedIncident> incidents, Outcome outcome)
    {
        // Number the (victims, victim side) groups, the sides and the places the incidents count for.
        var groupNumbers = new Dictionary<(string Victims, string? VictimSide), int>();
        var groups = new List<(string Victims, string? VictimSide)>();
        var sideNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var sides = new List<string?> { null };
        var placeNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var placeKeys = new List<string?> { null };
        var contributions = new (int Group, Amount Amount)[incidents.Count][];
        var incidentSides = new int[incidents.Count];
        var incidentPlaces = new int[incidents.Count][];
        for (var i = 0; i < incidents.Count; i++)
        {
            var incident = incidents[i];
            incidentSides[i] = SideNumber(incident.Side);
            // What the incident counts for each victim group (VictimGroupTree.FigureFor), worked out when it was built.
            var counted = incident.Counts;
            var own = contributions[i] = new (int Group, Amount Amount)[counted.Length];
            for (var k = 0; k < own.Length; k++)
            {
                var count = counted[k];
                own[k] = (GroupNumber(count.Victims, count.VictimSide), new Amount(count.Low, count.Best, count.High));
            }
            if (incident.PlaceKey is null)
            {
                incidentPlaces[i] = [0];
                continue;
            }
            var ancestry = places.AncestryOf(incident.PlaceKey);
            var numbers = incidentPlaces[i] = new int[ancestry.Count];
            for (var k = 0; k < numbers.Length; k++) numbers[k] = PlaceNumber(ancestry[k]);
        }
        var (groupRank, groupByRank) = Ranks(groups.Count, (a, b) =>
        {
            var order = string.CompareOrdinal(groups[a].Victims, groups[b].Victims);
            return order != 0 ? order : string.CompareOrdinal(groups[a].VictimSide, groups[b].VictimSide);
        });
        var (sideRank, _) = Ranks(sides.Count, (a, b) => string.CompareOrdinal(sides[a], sides[b]));
        var (placeRank, placeByRank) = Ranks(placeKeys.Count, (a, b) => string.CompareOrdinal(placeKeys[a], placeKeys[b]));
        // Innermost first, so that a whole is reached after all its parts (an event before a tally of its one day).
        var (rank, _) = Ranks(incidents.Count, (a, b) =>
        {
            var order = incidents[b].Depth.CompareTo(incidents[a].Depth);
            if (order == 0) order = incidents[a].Window.Days.CompareTo(incidents[b].Window.Days);
            if (order == 0) order = incidents[a].Kind.CompareTo(incidents[b].Kind);
            return order != 0 ? order : string.CompareOrdinal(incidents[a].Key, incidents[b].Key);
        });

        // Every incident in every scope it counts for: its groups × its place and those around it × all time,
        // its year and its month (when its window lies inside them); sorted by scope, then innermost first. A scope has
        // one place and one kind of period, so the scopes are taken a slice at a time — one kind of period and the
        // places of one depth — each slice's entries sorted alone: at most about one entry per incident and victim
        // group in memory at once, not one per place around it and period (issue 14: a dense partition's incidents).
        var placeDepths = new int[placeKeys.Count];
        var maxDepth = 0;
        for (var place = 1; place < placeKeys.Count; place++) maxDepth = Math.Max(maxDepth, placeDepths[place] = places.DepthOf(placeKeys[place]));
        var entries = new List<Entry>();
        const int Unknown = 0;
        var stamp = new int[incidents.Count];
        var partSums = new Amount[incidents.Count];
        var hasParts = new bool[incidents.Count];
        var ownSideParts = new Amount[incidents.Count];
        var hasOwnSideParts = new bool[incidents.Count];
        var otherShares = new List<OtherShare>();
        var otherHead = new int[incidents.Count];
        var sideAmounts = new Amount[sides.Count];
        var sideCounts = new int[sides.Count];
        var sideRoots = new int[sides.Count];
        var sideWholeUsed = new bool[sides.Count];
        var touched = new List<int>();
        var rows = new List<(int SideRank, long Scope, SideTotal Total)>();
        var scopeStamp = 0;
        foreach (var slicePeriod in (ReadOnlySpan<TotalPeriod>)[TotalPeriod.All, TotalPeriod.Year, TotalPeriod.Month])
        {
            for (var sliceDepth = 0; sliceDepth <= maxDepth; sliceDepth++)
            {
                Slice(slicePeriod, sliceDepth);
                if (entries.Count > 0) Totals();
            }
        }
        rows.Sort((a, b) => a.SideRank != b.SideRank ? a.SideRank.CompareTo(b.SideRank) : a.Scope.CompareTo(b.Scope));
        return rows.ConvertAll(r => r.Total);

        // The entries of the scopes of one kind of period and of the places of one depth, sorted.
        void Slice(TotalPeriod period, int depth)
        {
            entries.Clear();
            for (var i = 0; i < incidents.Count; i++)
            {
                var window = incidents[i].Window;
                if (period == TotalPeriod.Year && !window.IsWithinYear) continue;
                if (period == TotalPeriod.Month && !window.IsWithinMonth) continue;
                var (year, month) = period switch
                {
                    TotalPeriod.All => (0, 0),
                    TotalPeriod.Year => (window.First.Year, 0),
                    _ => (window.First.Year, window.First.Month),
                };
                for (var k = 0; k < contributions[i].Length; k++)
                {
                    var group = groupRank[contributions[i][k].Group];
                    foreach (var place in incidentPlaces[i])
                    {
                        if (placeDepths[place] == depth) entries.Add(new Entry(ScopeOf(group, placeRank[place], period, year, month), rank[i], i, k));
                    }
                }
            }
            entries.Sort();
        }

        // The totals of the scopes of the slice in entries.
        void Totals()
        {
            for (int first = 0, end; first < entries.Count; first = end)
            {
                var scope = entries[first].Scope;
                scopeStamp++;
                for (end = first; end < entries.Count && entries[end].Scope == scope; end++)
                {
                    var i = entries[end].Incident;
                    stamp[i] = scopeStamp;
                    partSums[i] = ownSideParts[i] = default;
                    hasParts[i] = hasOwnSideParts[i] = false;
                    otherHead[i] = -1;
                }
                otherShares.Clear();
                var crossed = false;
                for (var e = first; e < end; e++)
                {
                    var i = entries[e].Incident;
                    var side = incidentSides[i];
                    var own = contributions[i][entries[e].Contribution].Amount;
                    var amount = hasParts[i] ? Amount.Max(own, partSums[i]) : own;
                    var parent = -1;
                    foreach (var container in incidents[i].TotalContainers)
                    {
                        if (stamp[container] == scopeStamp) { parent = container; break; }
                    }
                    if (sideCounts[side]++ == 0) touched.Add(side);
                    if (parent < 0 || incidentSides[parent] != side)
                    {
                        sideRoots[side]++;
                        sideWholeUsed[side] |= hasOwnSideParts[i] && own.Low >= ownSideParts[i].Low;
                    }
                    crossed |= parent >= 0 && incidentSides[parent] != side;

                    // The node's amount by side (issue 14). Parts of another known side than the node's keep their
                    // share (a side's tally does not count the other side's dead, even inside an unknown tally it holds).
                    // A node of a known side takes the larger of its own figure and its side's parts, and its unknown
                    // parts add only what exceeds its own figure; a node of unknown side adds its remainder to them.
                    var otherKnown = default(Amount);
                    var unknownParts = default(Amount);
                    for (var o = otherHead[i]; o >= 0; o = otherShares[o].Next)
                    {
                        if (otherShares[o].Side != Unknown) otherKnown += otherShares[o].Amount;
                        else unknownParts += otherShares[o].Amount;
                    }
                    var sideShare = side == Unknown ? default : Amount.Max(own, ownSideParts[i]);
                    var unknownShare = side == Unknown
                        ? amount - otherKnown
                        : Amount.Max(own, ownSideParts[i] + unknownParts) - sideShare;
                    if (side != Unknown) Credit(parent, side, sideShare);
                    for (var o = otherHead[i]; o >= 0; o = otherShares[o].Next)
                    {
                        if (otherShares[o].Side != Unknown) Credit(parent, otherShares[o].Side, otherShares[o].Amount);
                    }
                    if (side == Unknown || !unknownShare.IsZero) Credit(parent, Unknown, unknownShare);
                }

                var (groupNumber, placeNumber) = (groupByRank[(int)(scope >> 44)], placeByRank[(int)((scope >> 20) & 0xFFFFFF)]);
                var (victims, victimSide) = groups[groupNumber];
                var placeKey = placeKeys[placeNumber];
                var period = (TotalPeriod)((scope >> 18) & 0x3);
                var (year, month) = ((int)(scope & 0x3FFFF) / 16, (int)(scope & 0x3FFFF) % 16);
                PartialDate? start = period switch
                {
                    TotalPeriod.All => null,
                    TotalPeriod.Year => PartialDate.Year(year),
                    _ => PartialDate.Month(year, month),
                };
                foreach (var side in touched)
                {
                    var total = sideAmounts[side];
                    // A remainder whose parts had a wider range than their whole: never above the high.
                    var low = Math.Min(total.Low, total.High);
                    var best = Math.Clamp(total.Best, low, total.High);
                    var count = sideCounts[side];
                    var method = side == Unknown && crossed ? TotalMethod.Remainder
                        : count == 1 ? TotalMethod.Single
                        : sideRoots[side] == 1 && sideWholeUsed[side] ? TotalMethod.Whole
                        : TotalMethod.SumOfParts;
                    rows.Add((sideRank[side], scope, new SideTotal(sides[side], outcome, victims, victimSide, placeKey, start, start,
                        low, best, total.High, method, count) { Period = period }));
                    (sideAmounts[side], sideCounts[side], sideRoots[side], sideWholeUsed[side]) = (default, 0, 0, false);
                }
                touched.Clear();
            }
        }

        // Counts a node's share for a side in its parent (a part of the parent's), or in the scope's total.
        void Credit(int parent, int side, Amount share)
        {
            if (parent < 0)
            {
                sideAmounts[side] += share;
                return;
            }
            partSums[parent] += share;
            hasParts[parent] = true;
            if (incidentSides[parent] == side)
            {
                ownSideParts[parent] += share;
                hasOwnSideParts[parent] = true;
                return;
            }
            for (var o = otherHead[parent]; o >= 0; o = otherShares[o].Next)
            {
                if (otherShares[o].Side == side)
                {
                    otherShares[o] = otherShares[o] with { Amount = otherShares[o].Amount + share };
                    return;
                }
            }
            otherShares.Add(new OtherShare(side, share, otherHead[parent]));
            otherHead[parent] = otherShares.Count - 1;
        }

        int GroupNumber(string victims, string? victimSide)
        {
            if (groupNumbers.TryGetValue((victims, victimSide), out var number)) return number;
            groups.Add((victims, victimSide));
            return groupNumbers[(victims, victimSide)] = groups.Count - 1;
        }

        int SideNumber(string? side)
        {
            if (side is null) return Unknown;
            if (sideNumbers.TryGetValue(side, out var number)) return number;
            sides.Add(side);
            return sideNumbers[side] = sides.Count - 1;
        }

        int PlaceNumber(string placeKey)
        {
            if (placeNumbers.TryGetValue(placeKey, out var number)) return number;
            placeKeys.Add(placeKey);
            return placeNumbers[placeKey] = placeKeys.Count - 1;
        }
    }
}
