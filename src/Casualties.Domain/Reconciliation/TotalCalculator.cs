using Casualties.Domain.Model;

namespace Casualties.Domain.Reconciliation;

/// <summary>
/// Per-side totals (domain.md, "Per-side totals") by perpetrator side × victim group (× victim side) × place
/// (each incident's place and every place around it, up to the country) × period (all, each year, each month).
/// </summary>
/// <remarks>
/// No death counts twice. Inside one total the incidents form a forest by containment (an event inside a tally,
/// a district's tally inside its country's, a short window inside a longer one; successive words of one tally are
/// one incident already): a whole counts as the larger of its own figure and the sum of its parts — low, best and
/// high each — and the total is the sum over the outermost incidents. Method: <c>single</c> for one incident,
/// <c>whole</c> when one outermost incident's own figure outweighed its parts, else <c>sum_of_parts</c>.
/// An incident counts for a victim group with that group's figure; with no figure for the group, with the
/// largest figure of a group inside it (civilians killed count, as a floor, towards people killed; never the
/// other way round). An incident counts in a year or month only when its whole window lies inside it.
/// Known limit: two overlapping tallies neither of which contains the other (a count since 15 November beside
/// one since 20 November) are both added.
/// </remarks>
internal sealed class TotalCalculator(PlaceIndex places, ReconcileOptions options)
{
    private readonly record struct Amount(long Low, long Best, long High)
    {
        public static Amount operator +(Amount a, Amount b) => new(a.Low + b.Low, a.Best + b.Best, a.High + b.High);

        public static Amount Max(Amount a, Amount b) => new(Math.Max(a.Low, b.Low), Math.Max(a.Best, b.Best), Math.Max(a.High, b.High));
    }

    /// <summary>
    /// One incident in one total: <see cref="Scope"/> numbers the total in the order of the totals (group rank,
    /// place rank, period kind, period: see <see cref="ScopeOf"/>), <see cref="Rank"/> the incident innermost
    /// first; <see cref="Contribution"/> indexes what the incident counts for the scope's group.
    /// </summary>
    private readonly record struct Entry(long Scope, int Rank, int Incident, int Contribution) : IComparable<Entry>
    {
        public int CompareTo(Entry other)
        {
            var order = Scope.CompareTo(other.Scope);
            return order != 0 ? order : Rank.CompareTo(other.Rank);
        }
    }

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
    public List<SideTotal> Compute(IReadOnlyList<BuiltIncident> incidents, Outcome outcome)
    {
        // Number the (side, victims, victim side) groups and the places the incidents count for.
        var groupNumbers = new Dictionary<(string? Side, string Victims, string? VictimSide), int>();
        var groups = new List<(string? Side, string Victims, string? VictimSide)>();
        var placeNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var placeKeys = new List<string?> { null };
        var contributions = new (int Group, Amount Amount)[incidents.Count][];
        var incidentPlaces = new int[incidents.Count][];
        for (var i = 0; i < incidents.Count; i++)
        {
            var incident = incidents[i];
            // What the incident counts for each victim group (VictimGroupTree.FigureFor).
            var counted = VictimGroupTree.CountedGroups(incident, options);
            var own = contributions[i] = new (int Group, Amount Amount)[counted.Count];
            for (var k = 0; k < own.Length; k++)
            {
                var (victims, victimSide) = counted[k];
                var figure = VictimGroupTree.FigureFor(incident, victims, victimSide, options)!;
                own[k] = (GroupNumber(incident.Side, victims, victimSide), new Amount(figure.Low, figure.Best, figure.High));
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
            var order = string.CompareOrdinal(groups[a].Side, groups[b].Side);
            if (order == 0) order = string.CompareOrdinal(groups[a].Victims, groups[b].Victims);
            return order != 0 ? order : string.CompareOrdinal(groups[a].VictimSide, groups[b].VictimSide);
        });
        var (placeRank, placeByRank) = Ranks(placeKeys.Count, (a, b) => string.CompareOrdinal(placeKeys[a], placeKeys[b]));
        var (rank, _) = Ranks(incidents.Count, (a, b) =>
        {
            var order = incidents[b].Depth.CompareTo(incidents[a].Depth);
            if (order == 0) order = incidents[a].Window.Days.CompareTo(incidents[b].Window.Days);
            return order != 0 ? order : string.CompareOrdinal(incidents[a].Key, incidents[b].Key);
        });

        // Every incident in every total it counts for: its groups × its place and those around it × all time,
        // its year and its month (when its window lies inside them); sorted by total, then innermost first.
        var entries = new List<Entry>(incidents.Count * 16);
        for (var i = 0; i < incidents.Count; i++)
        {
            var window = incidents[i].Window;
            for (var k = 0; k < contributions[i].Length; k++)
            {
                var group = groupRank[contributions[i][k].Group];
                foreach (var place in incidentPlaces[i])
                {
                    entries.Add(new Entry(ScopeOf(group, placeRank[place], TotalPeriod.All, 0, 0), rank[i], i, k));
                    if (window.IsWithinYear)
                        entries.Add(new Entry(ScopeOf(group, placeRank[place], TotalPeriod.Year, window.First.Year, 0), rank[i], i, k));
                    if (window.IsWithinMonth)
                        entries.Add(new Entry(ScopeOf(group, placeRank[place], TotalPeriod.Month, window.First.Year, window.First.Month), rank[i], i, k));
                }
            }
        }
        entries.Sort();

        var stamp = new int[incidents.Count];
        var partSums = new Amount[incidents.Count];
        var hasParts = new bool[incidents.Count];
        var totals = new List<SideTotal>();
        for (int first = 0, end; first < entries.Count; first = end)
        {
            var scope = entries[first].Scope;
            for (end = first; end < entries.Count && entries[end].Scope == scope; end++)
            {
                var i = entries[end].Incident;
                stamp[i] = first + 1;
                partSums[i] = default;
                hasParts[i] = false;
            }
            var total = default(Amount);
            var roots = 0;
            var wholeUsed = false;
            for (var e = first; e < end; e++)
            {
                var i = entries[e].Incident;
                var own = contributions[i][entries[e].Contribution].Amount;
                var amount = hasParts[i] ? Amount.Max(own, partSums[i]) : own;
                var parent = -1;
                foreach (var container in incidents[i].Containers)
                {
                    if (stamp[container] == first + 1) { parent = container; break; }
                }
                if (parent >= 0)
                {
                    partSums[parent] += amount;
                    hasParts[parent] = true;
                }
                else
                {
                    roots++;
                    total += amount;
                    wholeUsed |= hasParts[i] && own.Low >= partSums[i].Low;
                }
            }
            var count = end - first;
            var method = count == 1 ? TotalMethod.Single
                : roots == 1 && wholeUsed ? TotalMethod.Whole
                : TotalMethod.SumOfParts;
            var (side, victims, victimSide) = groups[groupByRank[(int)(scope >> 44)]];
            var placeKey = placeKeys[placeByRank[(int)((scope >> 20) & 0xFFFFFF)]];
            var period = (TotalPeriod)((scope >> 18) & 0x3);
            var (year, month) = ((int)(scope & 0x3FFFF) / 16, (int)(scope & 0x3FFFF) % 16);
            PartialDate? start = period switch
            {
                TotalPeriod.All => null,
                TotalPeriod.Year => PartialDate.Year(year),
                _ => PartialDate.Month(year, month),
            };
            totals.Add(new SideTotal(side, outcome, victims, victimSide, placeKey, start, start,
                total.Low, total.Best, total.High, method, count) { Period = period });
        }
        return totals;

        int GroupNumber(string? side, string victims, string? victimSide)
        {
            if (groupNumbers.TryGetValue((side, victims, victimSide), out var number)) return number;
            groups.Add((side, victims, victimSide));
            return groupNumbers[(side, victims, victimSide)] = groups.Count - 1;
        }

        int PlaceNumber(string placeKey)
        {
            if (placeNumbers.TryGetValue(placeKey, out var number)) return number;
            placeKeys.Add(placeKey);
            return placeNumbers[placeKey] = placeKeys.Count - 1;
        }
    }
}
