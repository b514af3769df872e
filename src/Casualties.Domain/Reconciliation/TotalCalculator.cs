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
    private readonly record struct ScopeKey(string? Side, string Victims, string? VictimSide, string? PlaceKey, TotalPeriod Period, DateOnly PeriodStart);

    private readonly record struct Amount(long Low, long Best, long High)
    {
        public static Amount operator +(Amount a, Amount b) => new(a.Low + b.Low, a.Best + b.Best, a.High + b.High);

        public static Amount Max(Amount a, Amount b) => new(Math.Max(a.Low, b.Low), Math.Max(a.Best, b.Best), Math.Max(a.High, b.High));
    }

    public List<SideTotal> Compute(IReadOnlyList<BuiltIncident> incidents, Outcome outcome)
    {
        var contributions = incidents.Select(Contributions).ToArray();
        var rank = Enumerable.Range(0, incidents.Count)
            .OrderByDescending(i => incidents[i].Depth).ThenBy(i => incidents[i].Window.Days).ThenBy(i => incidents[i].Key, StringComparer.Ordinal)
            .Select((incident, position) => (incident, position))
            .OrderBy(p => p.incident).Select(p => p.position).ToArray();

        var scopes = new Dictionary<ScopeKey, List<int>>();
        for (var i = 0; i < incidents.Count; i++)
        {
            var incident = incidents[i];
            IReadOnlyList<string?> placeKeys = incident.PlaceKey is null ? [null] : [.. places.AncestryOf(incident.PlaceKey)];
            foreach (var (victims, victimSide) in contributions[i].Keys)
            {
                foreach (var placeKey in placeKeys)
                {
                    Add(new ScopeKey(incident.Side, victims, victimSide, placeKey, TotalPeriod.All, default), i);
                    if (incident.Window.IsWithinYear)
                        Add(new ScopeKey(incident.Side, victims, victimSide, placeKey, TotalPeriod.Year, new DateOnly(incident.Window.First.Year, 1, 1)), i);
                    if (incident.Window.IsWithinMonth)
                        Add(new ScopeKey(incident.Side, victims, victimSide, placeKey, TotalPeriod.Month, new DateOnly(incident.Window.First.Year, incident.Window.First.Month, 1)), i);
                }
            }
        }

        var stamp = new int[incidents.Count];
        var partSums = new Amount[incidents.Count];
        var hasParts = new bool[incidents.Count];
        var scopeNumber = 0;
        var totals = new List<SideTotal>(scopes.Count);
        foreach (var (scope, members) in scopes)
        {
            scopeNumber++;
            foreach (var i in members)
            {
                stamp[i] = scopeNumber;
                partSums[i] = default;
                hasParts[i] = false;
            }
            members.Sort((a, b) => rank[a].CompareTo(rank[b]));
            var total = default(Amount);
            var roots = 0;
            var wholeUsed = false;
            foreach (var i in members)
            {
                var own = contributions[i][(scope.Victims, scope.VictimSide)];
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
            var (start, end) = scope.Period switch
            {
                TotalPeriod.Year => ((PartialDate?)PartialDate.Year(scope.PeriodStart.Year), (PartialDate?)PartialDate.Year(scope.PeriodStart.Year)),
                TotalPeriod.Month => (PartialDate.Month(scope.PeriodStart.Year, scope.PeriodStart.Month), PartialDate.Month(scope.PeriodStart.Year, scope.PeriodStart.Month)),
                _ => (null, null),
            };
            totals.Add(new SideTotal(scope.Side, outcome, scope.Victims, scope.VictimSide, scope.PlaceKey, start, end,
                total.Low, total.Best, total.High, method, members.Count) { Period = scope.Period });
        }
        return totals;

        void Add(ScopeKey key, int incident)
        {
            if (!scopes.TryGetValue(key, out var list)) scopes[key] = list = [];
            list.Add(incident);
        }
    }

    /// <summary>What an incident counts for each victim group (<see cref="VictimGroupTree.FigureFor"/>).</summary>
    private Dictionary<(string Victims, string? VictimSide), Amount> Contributions(BuiltIncident incident)
    {
        var result = new Dictionary<(string, string?), Amount>();
        foreach (var (victims, victimSide) in VictimGroupTree.CountedGroups(incident, options))
        {
            var figure = VictimGroupTree.FigureFor(incident, victims, victimSide, options)!;
            result[(victims, victimSide)] = new Amount(figure.Low, figure.Best, figure.High);
        }
        return result;
    }
}
