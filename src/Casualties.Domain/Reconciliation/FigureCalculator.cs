namespace Casualties.Domain.Reconciliation;

/// <summary>The claims of one incident and victim group: every claim, and the sources' latest words.</summary>
internal sealed record GroupClaims(string Victims, string? VictimSide, IReadOnlyList<ClaimRecord> Current, IReadOnlyList<ClaimRecord> All)
{
    public IncidentFigure Figure { get; set; } = null!;
}

/// <summary>
/// Reconciled figures per incident and victim group, never pooled across groups (domain.md, "Reconciled figures").
/// </summary>
/// <remarks>
/// One word per source: its latest — from its latest document (the reported date, then the end of the period it
/// counts, then the document name to break ties), and within one document the later statement. Claims with no
/// source are each document's own word. Low and high: the lowest and highest figure a source gives, an open-ended
/// claim counting with its low. Best: the median of the sources' point values (<see cref="ClaimFacts.PointValue"/>)
/// weighted by source reliability — the lower weighted median, or the midpoint when the weights split exactly in
/// half — clamped into [low, high]. Consensus: [highest low, lowest bounded high] when not empty.
/// Headline: the broadest group (fewest steps to the root of the victim groups: people before civilians before
/// children), then the larger low, then the name.
/// </remarks>
internal static class FigureCalculator
{
    public static List<GroupClaims> Compute(IEnumerable<ClaimRecord> claims, ReconcileOptions options)
    {
        var members = claims as IReadOnlyList<ClaimRecord> ?? claims.ToList();
        // A part of a figure in the same victim group ("12 to 20 killed, 2 of them unidentified") is not a word
        // about the group: it stays a member of the incident but neither competes with its whole nor contradicts it.
        // Indexed loops, a static local function: no boxed enumerator nor closure an incident (issue 14).
        Dictionary<long, ClaimRecord>? byId = null;
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i].ParentId is null) continue;
            byId = members.ToDictionary(c => c.Id);
            break;
        }
        static bool IsPartOfItsGroup(ClaimRecord claim, Dictionary<long, ClaimRecord>? byId) =>
            byId is not null && claim.ParentId is { } parentId && byId.TryGetValue(parentId, out var parent)
            && parent.Claim.Victims == claim.Claim.Victims && parent.Claim.VictimSide == claim.Claim.VictimSide;

        var byGroup = new List<List<ClaimRecord>>(1);
        for (var m = 0; m < members.Count; m++)
        {
            var claim = members[m];
            if (IsPartOfItsGroup(claim, byId)) continue;
            // A loop, not List.Find: a predicate capturing the claim was a closure and a delegate a claim (issue 14).
            List<ClaimRecord>? group = null;
            foreach (var g in byGroup)
            {
                if (g[0].Claim.Victims != claim.Claim.Victims || g[0].Claim.VictimSide != claim.Claim.VictimSide) continue;
                group = g;
                break;
            }
            if (group is null) byGroup.Add(group = new List<ClaimRecord>(members.Count));
            group.Add(claim);
        }
        var ordered = new List<(int Depth, int Low, GroupClaims Group)>(byGroup.Count);
        foreach (var all in byGroup)
        {
            all.Sort(ById);
            var current = LatestWords(all);
            var lowest = int.MaxValue;
            foreach (var claim in current) lowest = Math.Min(lowest, claim.Claim.Quantity.Low);
            var first = all[0].Claim;
            ordered.Add((GroupDepth(first.Victims, options), lowest, new GroupClaims(first.Victims, first.VictimSide, current, all)));
        }
        ordered.Sort((a, b) =>
        {
            var order = a.Depth.CompareTo(b.Depth);
            if (order == 0) order = b.Low.CompareTo(a.Low);
            if (order == 0) order = string.CompareOrdinal(a.Group.Victims, b.Group.Victims);
            return order != 0 ? order : string.CompareOrdinal(a.Group.VictimSide, b.Group.VictimSide);
        });
        var groups = new List<GroupClaims>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var group = ordered[i].Group;
            group.Figure = Figure(group, headline: i == 0);
            groups.Add(group);
        }
        return groups;
    }

    private static readonly Comparison<ClaimRecord> ById = (a, b) => a.Id.CompareTo(b.Id);

    /// <summary>Each source's latest word (<see cref="LatestFirst"/>) among <paramref name="all"/>, in claim id order.</summary>
    private static List<ClaimRecord> LatestWords(List<ClaimRecord> all)
    {
        var current = new List<ClaimRecord>(all.Count);
        Dictionary<string, int>? bySource = all.Count > 16 ? new(StringComparer.Ordinal) : null;
        foreach (var claim in all)
        {
            int index;
            if (bySource is not null)
            {
                var identity = SourceIdentity(claim);
                if (!bySource.TryGetValue(identity, out index))
                {
                    index = -1;
                    bySource[identity] = current.Count;
                }
            }
            else
            {
                index = -1;
                for (var i = 0; i < current.Count && index < 0; i++)
                {
                    if (SameSource(current[i], claim)) index = i;
                }
            }
            if (index < 0) current.Add(claim);
            else if (LatestFirst.Compare(claim, current[index]) < 0) current[index] = claim;
        }
        current.Sort(ById);
        return current;
    }

    private static bool SameSource(ClaimRecord a, ClaimRecord b) => (a.Claim.Source, b.Claim.Source) switch
    {
        (null, null) => string.Equals(a.Document, b.Document, StringComparison.Ordinal),
        ({ } x, { } y) => string.Equals(x, y, StringComparison.Ordinal),
        _ => string.Equals(SourceIdentity(a), SourceIdentity(b), StringComparison.Ordinal),
    };

    /// <summary>Whose word a claim is: its source, or (unattributed) the document it stands in.</summary>
    public static string SourceIdentity(ClaimRecord claim) => claim.Claim.Source ?? "\u0000" + claim.Document;

    /// <summary>Orders one source's claims latest word first.</summary>
    public static readonly IComparer<ClaimRecord> LatestFirst = Comparer<ClaimRecord>.Create((a, b) =>
    {
        var order = b.Reported.CompareTo(a.Reported);
        if (order == 0) order = b.EndOrStart().Last.CompareTo(a.EndOrStart().Last);
        if (order == 0) order = string.CompareOrdinal(b.Document, a.Document);
        if (order == 0) order = b.Position.CompareTo(a.Position);
        return order != 0 ? order : b.Id.CompareTo(a.Id);
    });

    public static int GroupDepth(string victims, ReconcileOptions options)
    {
        var depth = 0;
        for (var group = victims; depth < 16; depth++)
        {
            if (!options.VictimParents.TryGetValue(group, out var parent)) return depth + 1;
            if (parent is null) return depth;
            group = parent;
        }
        return depth;
    }

    private static IncidentFigure Figure(GroupClaims group, bool headline)
    {
        var current = group.Current;
        var (low, high, consensusLow) = (int.MaxValue, int.MinValue, int.MinValue);
        int? consensusHigh = null;
        var points = new (int Value, double Weight)[current.Count];
        for (var i = 0; i < current.Count; i++)
        {
            var claim = current[i];
            low = Math.Min(low, claim.Claim.Quantity.Low);
            high = Math.Max(high, claim.FigureHigh());
            consensusLow = Math.Max(consensusLow, claim.Claim.Quantity.Low);
            if (claim.Claim.Quantity.High is { } bounded) consensusHigh = consensusHigh is { } lowestHigh ? Math.Min(lowestHigh, bounded) : bounded;
            points[i] = (claim.PointValue(), claim.SourceReliability);
        }
        var best = Math.Clamp(WeightedMedianInPlace(points), low, high);
        var hasConsensus = consensusHigh is null || consensusLow <= consensusHigh;

        List<ClaimRecord> superseded = [];
        if (group.All.Count > current.Count)
        {
            superseded.Capacity = group.All.Count - current.Count;
            var currentIds = current.Select(c => c.Id).ToHashSet();
            foreach (var claim in group.All)
            {
                if (!currentIds.Contains(claim.Id)) superseded.Add(claim);
            }
            superseded.Sort((a, b) => a.Reported != b.Reported ? a.Reported.CompareTo(b.Reported) : a.Id.CompareTo(b.Id));
        }
        var sources = current.ToArray();
        Array.Sort(sources, (a, b) =>
        {
            var order = b.SourceReliability.CompareTo(a.SourceReliability);
            return order != 0 ? order : a.Id.CompareTo(b.Id);
        });
        return new IncidentFigure(group.Victims, group.VictimSide, headline, low, best, high, hasConsensus,
            hasConsensus ? consensusLow : null, hasConsensus ? consensusHigh : null,
            Array.ConvertAll(sources, ToSourceFigure), superseded.Count == 0 ? [] : superseded.ConvertAll(ToSourceFigure));
    }

    public static SourceFigure ToSourceFigure(ClaimRecord c)
    {
        var (claim, figure) = (c.Claim, c.Claim.Quantity);
        return new(c.Id, claim.Source, figure.Qualifier, figure.Value, figure.Low, figure.High, c.Reported, claim.Quote, c.Document);
    }

    /// <summary>
    /// The weighted median: the smallest value whose cumulative weight reaches half the total, or the midpoint of
    /// the two values around an exact half (rounded up). MathNet.Numerics has unweighted quantiles only.
    /// </summary>
    public static int WeightedMedian(IReadOnlyList<(int Value, double Weight)> points) => WeightedMedianInPlace(points.ToArray());

    /// <summary><see cref="WeightedMedian"/> of an array of the caller's own, sorted in place.</summary>
    private static int WeightedMedianInPlace((int Value, double Weight)[] sorted)
    {
        Array.Sort(sorted, (a, b) => a.Value != b.Value ? a.Value.CompareTo(b.Value) : a.Weight.CompareTo(b.Weight));
        var total = 0.0;
        foreach (var point in sorted) total += Math.Max(point.Weight, 1e-6);
        var half = total / 2;
        var tolerance = total * 1e-9;
        var cumulative = 0.0;
        for (var i = 0; i < sorted.Length; i++)
        {
            cumulative += Math.Max(sorted[i].Weight, 1e-6);
            if (Math.Abs(cumulative - half) <= tolerance && i + 1 < sorted.Length)
                return (int)(((long)sorted[i].Value + sorted[i + 1].Value + 1) / 2);
            if (cumulative > half) return sorted[i].Value;
        }
        return sorted[^1].Value;
    }
}
