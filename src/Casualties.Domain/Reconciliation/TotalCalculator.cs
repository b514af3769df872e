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
/// <para>Run by run (issue 14): a partition reconciled in runs (<see cref="PartitionReconciliation"/>) hands each run's
/// events here as the run ends (<see cref="AddEvents"/>) and lets go of them. That is exact because an event's
/// containers are tallies (all known from the first run, <see cref="AddTallies"/>) or events of its own run, and a
/// tally's only tallies: in every scope an event's parts are events of its run, and no event lies inside a part of
/// another run. So in each scope the run's events are totalled at once, innermost first; what a root adds to its
/// scope (per side: amount, incidents, roots, an outermost whole that outweighed its parts; whether sides crossed) is
/// summed into the scope's running state, and what a part adds to a tally is kept with that tally and scope until
/// <see cref="Finish"/> totals the tallies. Sums and "or"s do not depend on the order they are made in, and every
/// node is still reached after all its parts, so the totals are those of every incident at once. Only the tallies,
/// the scopes' running states and one run's events are in memory, not every incident of the partition.</para>
/// </remarks>
internal sealed class TotalCalculator(PlaceIndex places, Outcome outcome)
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
    /// it (<see cref="ScopeOf"/>), <see cref="Rank"/> orders the incidents innermost first; <see cref="Contribution"/>
    /// indexes what the incident counts for the scope's group.
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

    /// <summary>An incident as the totals read it: side, what it counts per group, its place and those around it, window, containers.</summary>
    /// <remarks>
    /// A container is the index of an incident of the same batch, or <c>~t</c> for the partition's tally t (from a batch
    /// of events).
    /// </remarks>
    private sealed record Node(CountedIncident Incident, int Side, (int Group, Amount Amount)[] Contributions, int[] Places, int[] Containers);

    /// <summary>What the parts of a tally added to it in one scope so far (from the runs of events before its own totalling).</summary>
    private sealed class PartsOfTally
    {
        public Amount Sum;
        public Amount OwnSide;
        public bool HasOwnSide;
        public List<(int Side, Amount Amount)>? OtherSides;
    }

    /// <summary>One side's running total in a scope: amount, incidents, roots, and whether an outermost whole outweighed its side's parts.</summary>
    private struct SideState
    {
        public int Side;
        public Amount Amount;
        public int Count;
        public int Roots;
        public bool WholeUsed;
    }

    /// <summary>A scope's running state: whether an incident lay inside one of another side, and each side's total.</summary>
    private sealed class ScopeState
    {
        public bool Crossed;
        public List<SideState> Sides = [];
    }

    private const int Unknown = 0;

    // Numbers for the groups, sides and places of the partition, in the order first seen (the rows are sorted by their names).
    private readonly Dictionary<(string Victims, string? VictimSide), int> groupNumbers = [];
    private readonly List<(string Victims, string? VictimSide)> groups = [];
    private readonly Dictionary<string, int> sideNumbers = new(StringComparer.Ordinal);
    private readonly List<string?> sides = [null];
    private readonly Dictionary<string, int[]> ancestries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> placeNumbers = new(StringComparer.Ordinal);
    private readonly List<string?> placeKeys = [null];
    private readonly List<int> placeDepths = [0];
    private readonly List<Node> tallies = [];
    private readonly Dictionary<(long Scope, int Tally), PartsOfTally> tallyParts = [];
    private readonly Dictionary<long, ScopeState> scopes = [];
    private bool finished;

    private static long ScopeOf(int group, int place, TotalPeriod period, int year, int month) =>
        ((long)group << 44) | ((long)place << 20) | ((long)period << 18) | (long)(16 * year + month);

    /// <summary>
    /// The partition's tallies (every one, before any event; <see cref="CountedIncident.TotalContainers"/> index this
    /// list: a tally lies only inside tallies). They are totalled by <see cref="Finish"/>.
    /// </summary>
    public void AddTallies(IReadOnlyList<CountedIncident> partitionTallies)
    {
        if (tallies.Count > 0 || scopes.Count > 0) throw new InvalidOperationException("The tallies come first, once.");
        foreach (var tally in partitionTallies) tallies.Add(NodeOf(tally, tally.TotalContainers));
    }

    /// <summary>
    /// Totals a run's events (all of them: their containers are the partition's tallies, indices below the number of
    /// tallies, or events of this list, at the number of tallies and above).
    /// </summary>
    public void AddEvents(IReadOnlyList<CountedIncident> events)
    {
        if (finished) throw new InvalidOperationException("The totals are finished.");
        var tallyCount = tallies.Count;
        var nodes = new List<Node>(events.Count);
        foreach (var incident in events)
        {
            var containers = incident.TotalContainers.Length == 0 ? []
                : Array.ConvertAll(incident.TotalContainers, c => c < tallyCount ? ~c : c - tallyCount);
            nodes.Add(NodeOf(incident, containers));
        }
        Total(nodes, tallyPhase: false);
    }

    /// <summary>
    /// Totals the tallies and returns the totals of every incident added, ordered by side, victims, victim side, place
    /// (null first), then period: all time, the years, the months (an order on what makes each total unique, so it is
    /// deterministic).
    /// </summary>
    public List<SideTotal> Finish()
    {
        if (finished) throw new InvalidOperationException("The totals are finished.");
        finished = true;
        if (tallies.Count > 0) Total(tallies, tallyPhase: true);
        if (tallyParts.Count > 0) throw new InvalidOperationException("Parts were counted for a tally outside its scope.");
        var rows = new List<(int Side, long Scope, SideTotal Total)>();
        foreach (var (scope, state) in scopes)
        {
            var (victims, victimSide) = groups[(int)(scope >> 44)];
            var placeKey = placeKeys[(int)((scope >> 20) & 0xFFFFFF)];
            var period = (TotalPeriod)((scope >> 18) & 0x3);
            var (year, month) = ((int)(scope & 0x3FFFF) / 16, (int)(scope & 0x3FFFF) % 16);
            PartialDate? start = period switch
            {
                TotalPeriod.All => null,
                TotalPeriod.Year => PartialDate.Year(year),
                _ => PartialDate.Month(year, month),
            };
            foreach (var side in state.Sides)
            {
                var total = side.Amount;
                // A remainder whose parts had a wider range than their whole: never above the high.
                var low = Math.Min(total.Low, total.High);
                var best = Math.Clamp(total.Best, low, total.High);
                var method = side.Side == Unknown && state.Crossed ? TotalMethod.Remainder
                    : side.Count == 1 ? TotalMethod.Single
                    : side.Roots == 1 && side.WholeUsed ? TotalMethod.Whole
                    : TotalMethod.SumOfParts;
                rows.Add((side.Side, scope, new SideTotal(sides[side.Side], outcome, victims, victimSide, placeKey, start, start,
                    low, best, total.High, method, side.Count) { Period = period }));
            }
        }
        scopes.Clear();
        rows.Sort((a, b) =>
        {
            var order = string.CompareOrdinal(sides[a.Side], sides[b.Side]);
            if (order != 0) return order;
            var (x, y) = (a.Total, b.Total);
            order = string.CompareOrdinal(x.Victims, y.Victims);
            if (order == 0) order = string.CompareOrdinal(x.VictimSide, y.VictimSide);
            if (order == 0) order = string.CompareOrdinal(x.PlaceKey, y.PlaceKey);
            return order != 0 ? order : (a.Scope & 0xFFFFF).CompareTo(b.Scope & 0xFFFFF);
        });
        return rows.ConvertAll(r => r.Total);
    }

    private Node NodeOf(CountedIncident incident, int[] containers)
    {
        var counts = incident.Counts;
        var contributions = new (int Group, Amount Amount)[counts.Length];
        for (var k = 0; k < counts.Length; k++)
        {
            var count = counts[k];
            contributions[k] = (GroupNumber(count.Victims, count.VictimSide), new Amount(count.Low, count.Best, count.High));
        }
        return new Node(incident, SideNumber(incident.Side), contributions, PlacesOf(incident.PlaceKey), containers);
    }

    /// <summary>
    /// Totals one batch of incidents in every scope they count for (its events, or the partition's tallies): innermost
    /// first in each scope, roots into the scope's running state, parts into their whole (a tally outside the batch
    /// keeps them in <see cref="tallyParts"/>).
    /// </summary>
    private void Total(List<Node> nodes, bool tallyPhase)
    {
        // Innermost first, so that a whole is reached after all its parts (an event before a tally of its one day).
        var byRank = Enumerable.Range(0, nodes.Count).ToArray();
        Array.Sort(byRank, (x, y) =>
        {
            var (a, b) = (nodes[x].Incident, nodes[y].Incident);
            var order = b.Depth.CompareTo(a.Depth);
            if (order == 0) order = a.Window.Days.CompareTo(b.Window.Days);
            if (order == 0) order = ((int)a.Kind).CompareTo((int)b.Kind); // not Enum.CompareTo(object): a box a call
            return order != 0 ? order : string.CompareOrdinal(a.Key, b.Key);
        });
        var rank = new int[nodes.Count];
        for (var position = 0; position < byRank.Length; position++) rank[byRank[position]] = position;
        byRank = null!;

        // Every incident in every scope it counts for: its groups × its place and those around it × all time, its year
        // and its month (when its window lies inside them); sorted by scope, then innermost first. A scope has one place
        // and one kind of period, so the scopes are taken a slice at a time — one kind of period and the places of one
        // depth — each slice's entries sorted alone.
        var maxDepth = 0;
        foreach (var node in nodes)
        {
            foreach (var place in node.Places) maxDepth = Math.Max(maxDepth, placeDepths[place]);
        }
        var entries = new List<Entry>();
        var stamp = new int[nodes.Count];
        var partSums = new Amount[nodes.Count];
        var hasParts = new bool[nodes.Count];
        var ownSideParts = new Amount[nodes.Count];
        var hasOwnSideParts = new bool[nodes.Count];
        var otherShares = new List<OtherShare>();
        var otherHead = new int[nodes.Count];
        var sideStates = new SideState[sides.Count];
        var touched = new List<int>();
        var isTouched = new bool[sides.Count];
        var scopeStamp = 0;
        foreach (var slicePeriod in (ReadOnlySpan<TotalPeriod>)[TotalPeriod.All, TotalPeriod.Year, TotalPeriod.Month])
        {
            for (var sliceDepth = 0; sliceDepth <= maxDepth; sliceDepth++)
            {
                Slice(slicePeriod, sliceDepth);
                if (entries.Count > 0) Totals();
            }
        }

        // The entries of the scopes of one kind of period and of the places of one depth, sorted.
        void Slice(TotalPeriod period, int depth)
        {
            entries.Clear();
            for (var i = 0; i < nodes.Count; i++)
            {
                var node = nodes[i];
                var window = node.Incident.Window;
                if (period == TotalPeriod.Year && !window.IsWithinYear) continue;
                if (period == TotalPeriod.Month && !window.IsWithinMonth) continue;
                var (year, month) = period switch
                {
                    TotalPeriod.All => (0, 0),
                    TotalPeriod.Year => (window.First.Year, 0),
                    _ => (window.First.Year, window.First.Month),
                };
                for (var k = 0; k < node.Contributions.Length; k++)
                {
                    var group = node.Contributions[k].Group;
                    foreach (var place in node.Places)
                    {
                        if (placeDepths[place] == depth) entries.Add(new Entry(ScopeOf(group, place, period, year, month), rank[i], i, k));
                    }
                }
            }
            entries.Sort();
        }

        // The totals of the scopes of the slice in entries, into the scopes' running states.
        void Totals()
        {
            for (int first = 0, end; first < entries.Count; first = end)
            {
                var scope = entries[first].Scope;
                scopeStamp++;
                otherShares.Clear();
                for (end = first; end < entries.Count && entries[end].Scope == scope; end++)
                {
                    var i = entries[end].Incident;
                    stamp[i] = scopeStamp;
                    partSums[i] = ownSideParts[i] = default;
                    hasParts[i] = hasOwnSideParts[i] = false;
                    otherHead[i] = -1;
                    // A tally's parts among the events came before (as their runs ended).
                    if (tallyPhase && tallyParts.Remove((scope, i), out var parts))
                    {
                        (partSums[i], hasParts[i]) = (parts.Sum, true);
                        (ownSideParts[i], hasOwnSideParts[i]) = (parts.OwnSide, parts.HasOwnSide);
                        foreach (var (side, amount) in parts.OtherSides ?? [])
                        {
                            otherShares.Add(new OtherShare(side, amount, otherHead[i]));
                            otherHead[i] = otherShares.Count - 1;
                        }
                    }
                }
                var crossed = false;
                for (var e = first; e < end; e++)
                {
                    var i = entries[e].Incident;
                    var side = nodes[i].Side;
                    var own = nodes[i].Contributions[entries[e].Contribution].Amount;
                    var amount = hasParts[i] ? Amount.Max(own, partSums[i]) : own;
                    // The innermost container in this scope: one of the batch, or (~t) a tally outside it.
                    var parent = int.MinValue;
                    var parentSide = Unknown;
                    foreach (var container in nodes[i].Containers)
                    {
                        if (container >= 0 ? stamp[container] == scopeStamp : TallyIn(~container, scope))
                        {
                            parent = container;
                            parentSide = container >= 0 ? nodes[container].Side : tallies[~container].Side;
                            break;
                        }
                    }
                    var rooted = parent == int.MinValue;
                    Touch(side);
                    sideStates[side].Count++;
                    if (rooted || parentSide != side)
                    {
                        sideStates[side].Roots++;
                        sideStates[side].WholeUsed |= hasOwnSideParts[i] && own.Low >= ownSideParts[i].Low;
                    }
                    crossed |= !rooted && parentSide != side;

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
                    if (side != Unknown) Credit(parent, parentSide, side, sideShare, scope);
                    for (var o = otherHead[i]; o >= 0; o = otherShares[o].Next)
                    {
                        if (otherShares[o].Side != Unknown) Credit(parent, parentSide, otherShares[o].Side, otherShares[o].Amount, scope);
                    }
                    if (side == Unknown || !unknownShare.IsZero) Credit(parent, parentSide, Unknown, unknownShare, scope);
                }

                // What the roots of this batch add to the scope, summed with the other batches'.
                if (!scopes.TryGetValue(scope, out var state)) scopes[scope] = state = new ScopeState();
                state.Crossed |= crossed;
                foreach (var side in touched)
                {
                    var add = sideStates[side];
                    // A loop, not FindIndex: a predicate capturing the side was a closure a scope (issue 14).
                    var at = -1;
                    for (var k = 0; k < state.Sides.Count && at < 0; k++)
                    {
                        if (state.Sides[k].Side == side) at = k;
                    }
                    if (at < 0)
                    {
                        add.Side = side;
                        state.Sides.Add(add);
                    }
                    else
                    {
                        var sum = state.Sides[at];
                        (sum.Amount, sum.Count, sum.Roots, sum.WholeUsed) =
                            (sum.Amount + add.Amount, sum.Count + add.Count, sum.Roots + add.Roots, sum.WholeUsed | add.WholeUsed);
                        state.Sides[at] = sum;
                    }
                    sideStates[side] = default;
                    isTouched[side] = false;
                }
                touched.Clear();
            }
        }

        void Touch(int side)
        {
            if (isTouched[side]) return;
            isTouched[side] = true;
            touched.Add(side);
        }

        // Counts a node's share for a side in its parent (a part of the parent's), or in the scope's total.
        void Credit(int parent, int parentSide, int side, Amount share, long scope)
        {
            if (parent == int.MinValue)
            {
                // A side's parts inside a tally totalled in a batch after theirs reach the scope here.
                Touch(side);
                sideStates[side].Amount += share;
                return;
            }
            if (parent < 0)
            {
                // A tally outside the batch: kept with it until it is totalled.
                if (!tallyParts.TryGetValue((scope, ~parent), out var parts)) tallyParts[(scope, ~parent)] = parts = new PartsOfTally();
                parts.Sum += share;
                if (parentSide == side)
                {
                    parts.OwnSide += share;
                    parts.HasOwnSide = true;
                    return;
                }
                var others = parts.OtherSides ??= [];
                var at = -1;
                for (var k = 0; k < others.Count && at < 0; k++)
                {
                    if (others[k].Side == side) at = k;
                }
                if (at < 0) others.Add((side, share));
                else others[at] = (side, others[at].Amount + share);
                return;
            }
            partSums[parent] += share;
            hasParts[parent] = true;
            if (parentSide == side)
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
    }

    /// <summary>True when the partition's tally <paramref name="tally"/> is counted in <paramref name="scope"/>.</summary>
    private bool TallyIn(int tally, long scope)
    {
        var node = tallies[tally];
        var (group, place) = ((int)(scope >> 44), (int)((scope >> 20) & 0xFFFFFF));
        var period = (TotalPeriod)((scope >> 18) & 0x3);
        var (year, month) = ((int)(scope & 0x3FFFF) / 16, (int)(scope & 0x3FFFF) % 16);
        var window = node.Incident.Window;
        var inPeriod = period switch
        {
            TotalPeriod.All => true,
            TotalPeriod.Year => window.IsWithinYear && window.First.Year == year,
            _ => window.IsWithinMonth && window.First.Year == year && window.First.Month == month,
        };
        return inPeriod && Array.IndexOf(node.Places, place) >= 0 && Array.Exists(node.Contributions, c => c.Group == group);
    }

    private int GroupNumber(string victims, string? victimSide)
    {
        if (groupNumbers.TryGetValue((victims, victimSide), out var number)) return number;
        groups.Add((victims, victimSide));
        return groupNumbers[(victims, victimSide)] = groups.Count - 1;
    }

    private int SideNumber(string? side)
    {
        if (side is null) return Unknown;
        if (sideNumbers.TryGetValue(side, out var number)) return number;
        sides.Add(side);
        return sideNumbers[side] = sides.Count - 1;
    }

    /// <summary>The numbers of a place and those around it, one shared array per place.</summary>
    private int[] PlacesOf(string? placeKey)
    {
        if (placeKey is null) return NoPlace;
        if (ancestries.TryGetValue(placeKey, out var numbers)) return numbers;
        var ancestry = places.AncestryOf(placeKey);
        numbers = new int[ancestry.Count];
        for (var k = 0; k < numbers.Length; k++) numbers[k] = PlaceNumber(ancestry[k]);
        return ancestries[placeKey] = numbers;
    }

    private static readonly int[] NoPlace = [0];

    private int PlaceNumber(string placeKey)
    {
        if (placeNumbers.TryGetValue(placeKey, out var number)) return number;
        placeKeys.Add(placeKey);
        placeDepths.Add(places.DepthOf(placeKey));
        return placeNumbers[placeKey] = placeKeys.Count - 1;
    }
}
