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
        var members = claims.ToList();
        var byId = members.ToDictionary(c => c.Id);
        // A part of a figure in the same victim group ("12 to 20 killed, 2 of them unidentified") is not a word
        // about the group: it stays a member of the incident but neither competes with its whole nor contradicts it.
        bool IsPartOfItsGroup(ClaimRecord claim) =>
            claim.ParentId is { } parentId && byId.TryGetValue(parentId, out var parent)
            && parent.Victims == claim.Victims && parent.VictimSide == claim.VictimSide;
        var groups = members
            .Where(c => !IsPartOfItsGroup(c))
            .GroupBy(c => (c.Victims, c.VictimSide))
            .Select(g =>
            {
                var all = g.OrderBy(c => c.Id).ToList();
                var current = all
                    .GroupBy(SourceIdentity, StringComparer.Ordinal)
                    .Select(bySource => bySource.OrderBy(c => c, LatestFirst).First())
                    .OrderBy(c => c.Id)
                    .ToList();
                return new GroupClaims(g.Key.Victims, g.Key.VictimSide, current, all);
            })
            .ToList();
        var ordered = groups
            .OrderBy(g => GroupDepth(g.Victims, options))
            .ThenByDescending(g => g.Current.Min(c => c.Low))
            .ThenBy(g => g.Victims, StringComparer.Ordinal)
            .ThenBy(g => g.VictimSide, StringComparer.Ordinal)
            .ToList();
        for (var i = 0; i < ordered.Count; i++) ordered[i].Figure = Figure(ordered[i], headline: i == 0);
        return ordered;
    }

    /// <summary>Whose word a claim is: its source, or (unattributed) the document it stands in.</summary>
    public static string SourceIdentity(ClaimRecord claim) => claim.Source ?? "\u0000" + claim.Document;

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
        var low = current.Min(c => c.Low);
        var high = current.Max(c => c.FigureHigh());
        var best = Math.Clamp(WeightedMedian(current.Select(c => (c.PointValue(), c.SourceReliability)).ToList()), low, high);
        var consensusLow = current.Max(c => c.Low);
        var bounded = current.Where(c => c.High is not null).Select(c => c.High!.Value).ToList();
        int? consensusHigh = bounded.Count == 0 ? null : bounded.Min();
        var hasConsensus = consensusHigh is null || consensusLow <= consensusHigh;
        var currentIds = current.Select(c => c.Id).ToHashSet();
        var superseded = group.All.Where(c => !currentIds.Contains(c.Id)).OrderBy(c => c.Reported).ThenBy(c => c.Id).Select(ToSourceFigure).ToList();
        return new IncidentFigure(group.Victims, group.VictimSide, headline, low, best, high, hasConsensus,
            hasConsensus ? consensusLow : null, hasConsensus ? consensusHigh : null,
            current.OrderByDescending(c => c.SourceReliability).ThenBy(c => c.Id).Select(ToSourceFigure).ToList(), superseded);
    }

    public static SourceFigure ToSourceFigure(ClaimRecord c) =>
        new(c.Id, c.Source, c.Qualifier, c.Value, c.Low, c.High, c.Reported, c.Quote, c.Document);

    /// <summary>
    /// The weighted median: the smallest value whose cumulative weight reaches half the total, or the midpoint of
    /// the two values around an exact half (rounded up). MathNet.Numerics has unweighted quantiles only.
    /// </summary>
    public static int WeightedMedian(IReadOnlyList<(int Value, double Weight)> points)
    {
        var sorted = points.OrderBy(p => p.Value).ThenBy(p => p.Weight).ToList();
        var total = sorted.Sum(p => Math.Max(p.Weight, 1e-6));
        var half = total / 2;
        var tolerance = total * 1e-9;
        var cumulative = 0.0;
        for (var i = 0; i < sorted.Count; i++)
        {
            cumulative += Math.Max(sorted[i].Weight, 1e-6);
            if (Math.Abs(cumulative - half) <= tolerance && i + 1 < sorted.Count)
                return (int)(((long)sorted[i].Value + sorted[i + 1].Value + 1) / 2);
            if (cumulative > half) return sorted[i].Value;
        }
        return sorted[^1].Value;
    }
}
