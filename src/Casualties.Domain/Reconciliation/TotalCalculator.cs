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
    /// <summary>One total's scope by numbers: a (side, victims, victim side) group, a place, a period (<see cref="PeriodCode"/>).</summary>
    private readonly record struct ScopeKey(int Group, int Place, int Period);

    private readonly record struct Amount(long Low, long Best, long High)
    {
        public static Amount operator +(Amount a, Amount b) => new(a.Low + b.Low, a.Best + b.Best, a.High + b.High);

        public static Amount Max(Amount a, Amount b) => new(Math.Max(a.Low, b.Low), Math.Max(a.Best, b.Best), Math.Max(a.High, b.High));
    }

    /// <summary>All time is 0, a year 16 × year, a month 16 × year + month.</summary>
    private static int PeriodCode(TotalPeriod period, DateOnly day) => period switch
    {
        TotalPeriod.All => 0,
        TotalPeriod.Year => 16 * day.Year,
        _ => 16 * day.Year + day.Month,
    };

    private static TotalPeriod PeriodOf(int code) => code == 0 ? TotalPeriod.All : code % 16 == 0 ? TotalPeriod.Year : TotalPeriod.Month;

    /// <summary>The rank of each of <paramref name="count"/> items in the given order.</summary>
    private static int[] Ranks(int count, Comparison<int> order)
    {
        var sorted = Enumerable.Range(0, count).ToArray();
        Array.Sort(sorted, order);
        var ranks = new int[count];
        for (var position = 0; position < count; position++) ranks[sorted[position]] = position;
        return ranks;
    }

    /// <summary>
    /// The totals of a partition's incidents, ordered by side, victims, victim side, place (null first), then
    /// period: all time, the years, the months (an order on what makes each total unique, so it is deterministic).
    /// </summary>
    public List<SideTotal> Compute(IReadOnlyList<BuiltIncident> incidents, Outcome outcome)
    {
        var groupNumbers = new Dictionary<(string? Side, string Victims, string? VictimSide), int>();
        var groups = new List<(string? Side, string Victims, string? VictimSide)>();
        var placeNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var placeKeys = new List<string?> { null };
        var contributions = new (int Group, Amount Amount)[incidents.Count][];
        var rank = Enumerable.Range(0, incidents.Count)
            .OrderByDescending(i => incidents[i].Depth).ThenBy(i => incidents[i].Window.Days).ThenBy(i => incidents[i].Key, StringComparer.Ordinal)
            .Select((incident, position) => (incident, position))
            .OrderBy(p => p.incident).Select(p => p.position).ToArray();

        var scopes = new Dictionary<ScopeKey, List<int>>();
        var scopePlaces = new List<int>(8);
        for (var i = 0; i < incidents.Count; i++)
        {
            var incident = incidents[i];
            contributions[i] = Contributions(incident)
                .Select(c => (GroupNumber(incident.Side, c.Victims, c.VictimSide), c.Amount))
                .ToArray();
            scopePlaces.Clear();
            if (incident.PlaceKey is null) scopePlaces.Add(0);
            else
            {
                foreach (var placeKey in places.AncestryOf(incident.PlaceKey)) scopePlaces.Add(PlaceNumber(placeKey));
            }
            var window = incident.Window;
            foreach (var (group, _) in contributions[i])
            {
                foreach (var place in scopePlaces)
                {
                    Add(new ScopeKey(group, place, PeriodCode(TotalPeriod.All, default)), i);
                    if (window.IsWithinYear) Add(new ScopeKey(group, place, PeriodCode(TotalPeriod.Year, window.First)), i);
                    if (window.IsWithinMonth) Add(new ScopeKey(group, place, PeriodCode(TotalPeriod.Month, window.First)), i);
                }
            }
        }

        // In the order of the totals: side, victims, victim side, place (ordinal, null first), period (all, years, months).
        var groupRank = Ranks(groups.Count, (a, b) =>
        {
            var order = string.CompareOrdinal(groups[a].Side, groups[b].Side);
            if (order == 0) order = string.CompareOrdinal(groups[a].Victims, groups[b].Victims);
            return order != 0 ? order : string.CompareOrdinal(groups[a].VictimSide, groups[b].VictimSide);
        });
        var placeRank = Ranks(placeKeys.Count, (a, b) => string.CompareOrdinal(placeKeys[a], placeKeys[b]));
        var ordered = scopes.ToArray();
        Array.Sort(ordered, (x, y) =>
        {
            var (a, b) = (x.Key, y.Key);
            var order = groupRank[a.Group].CompareTo(groupRank[b.Group]);
            if (order == 0) order = placeRank[a.Place].CompareTo(placeRank[b.Place]);
            if (order == 0) order = PeriodOf(a.Period).CompareTo(PeriodOf(b.Period));
            return order != 0 ? order : a.Period.CompareTo(b.Period);
        });

        var stamp = new int[incidents.Count];
        var partSums = new Amount[incidents.Count];
        var hasParts = new bool[incidents.Count];
        var scopeNumber = 0;
        var totals = new List<SideTotal>(scopes.Count);
        Comparison<int> byRank = (a, b) => rank[a].CompareTo(rank[b]);
        foreach (var (scope, members) in ordered)
        {
            scopeNumber++;
            foreach (var i in members)
            {
                stamp[i] = scopeNumber;
                partSums[i] = default;
                hasParts[i] = false;
            }
            members.Sort(byRank);
            var total = default(Amount);
            var roots = 0;
            var wholeUsed = false;
            foreach (var i in members)
            {
                var own = Array.Find(contributions[i], c => c.Group == scope.Group).Amount;
                var amount = hasParts[i] ? Amount.Max(own, partSums[i]) : own;
                var parent = -1;
                foreach (var container in incidents[i].Containers)
                {
                    if (stamp[container] == scopeNumber) { parent = container; break; }
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
            var method = members.Count == 1 ? TotalMethod.Single
                : roots == 1 && wholeUsed ? TotalMethod.Whole
                : TotalMethod.SumOfParts;
            var (side, victims, victimSide) = groups[scope.Group];
            var period = PeriodOf(scope.Period);
            PartialDate? start = period switch
            {
                TotalPeriod.All => null,
                TotalPeriod.Year => PartialDate.Year(scope.Period / 16),
                _ => PartialDate.Month(scope.Period / 16, scope.Period % 16),
            };
            totals.Add(new SideTotal(side, outcome, victims, victimSide, placeKeys[scope.Place], start, start,
                total.Low, total.Best, total.High, method, members.Count) { Period = period });
        }
        return totals;

        void Add(ScopeKey key, int incident)
        {
            if (!scopes.TryGetValue(key, out var list)) scopes[key] = list = [];
            list.Add(incident);
        }

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

    /// <summary>What an incident counts for each victim group (<see cref="VictimGroupTree.FigureFor"/>).</summary>
    private IEnumerable<(string Victims, string? VictimSide, Amount Amount)> Contributions(BuiltIncident incident)
    {
        foreach (var (victims, victimSide) in VictimGroupTree.CountedGroups(incident, options))
        {
            var figure = VictimGroupTree.FigureFor(incident, victims, victimSide, options)!;
            yield return (victims, victimSide, new Amount(figure.Low, figure.Best, figure.High));
        }
    }
}
