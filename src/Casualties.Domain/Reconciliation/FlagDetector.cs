using Casualties.Domain.Model;
using MathNet.Numerics.Statistics;

namespace Casualties.Domain.Reconciliation;

/// <summary>
/// Conflict flags (domain.md, "Conflict flags"): about figures, never about who is right. Each names the claims
/// involved and says in one line what disagrees.
/// </summary>
/// <remarks>
/// Per incident and victim group, over the sources' latest words: <c>disjoint_ranges</c> when no interval fits
/// every source (the pair with the highest low and the lowest high is named); else <c>wide_spread</c> when the
/// highest point value exceeds the lowest by more than <see cref="ReconcileOptions.WideSpreadRatio"/>;
/// <c>outlier</c> for each source whose log point value lies more than <see cref="ReconcileOptions.OutlierZ"/>
/// robust z-scores (median and MAD) from the median, given enough sources. Over every word:
/// <c>self_contradiction</c> when one source on one day gives two figures whose ranges do not meet for the same
/// event, or for the same tally as of the same date; <c>tally_decreased</c> when a later word of a running count
/// is entirely below an earlier one. Per claim: <c>subset_exceeds_total</c> when a subset's low is above its
/// parent's high. Per incident containing others: <c>parts_exceed_whole</c> when the parts' lows add up to more
/// than the whole's high. Severity grows with the ratio between the figures in conflict.
/// </remarks>
internal sealed class FlagDetector(ReconcileOptions options, PlaceIndex places)
{
    /// <summary>
    /// The flags about one incident's own figures and subsets (all but <c>parts_exceed_whole</c>, which
    /// <see cref="PartsAboveWhole"/> raises from the incidents inside a whole). <paramref name="claims"/> holds at least
    /// the parents of the incident's members that lie in its partition.
    /// </summary>
    public void IncidentFlags(BuiltIncident incident, IReadOnlyDictionary<long, ClaimRecord> claims, List<ConflictFlag> flags)
    {
        foreach (var group in incident.Groups)
        {
            if (!LooselyMatched(group.Current))
            {
                RangeFlags(incident, group, flags);
                Outliers(incident, group, flags);
            }
            SelfContradictions(incident, group, flags);
            if (incident.Kind == IncidentKind.Tally) TallyDecreases(incident, group, flags);
        }
        SubsetsAboveTotals(incident, claims, flags);
    }

    /// <summary>
    /// True when the sources' words may be about different extents of the incident, so their figures cannot be
    /// set against each other (issue 15): one is placed only somewhere inside a place around another's (an event
    /// geocoded to its province beside one in a town of it: one of several events ACLED splits a report into), or
    /// one event is dated only to a window other than another's (a month-precise row beside a day's event).
    /// </summary>
    private bool LooselyMatched(IReadOnlyList<ClaimRecord> current)
    {
        if (current.Count < 2) return false;
        foreach (var a in current)
        {
            var window = a.Window();
            var vague = a.Claim.PlaceScope == PlaceScope.Within;
            var longEvent = !a.IsTally() && window.Days > 1;
            if (!vague && !longEvent) continue;
            foreach (var b in current)
            {
                if (ReferenceEquals(a, b)) continue;
                if (vague && places.StrictlyContains(a.PlaceKey, b.PlaceKey)) return true;
                if (longEvent && !b.IsTally() && b.Window() != window) return true;
            }
        }
        return false;
    }

    private static ConflictFlag Flag(FlagKind kind, Severity severity, BuiltIncident incident, IEnumerable<ClaimRecord> involved, string explanation)
    {
        var list = involved.DistinctBy(c => c.Id).ToList();
        return new ConflictFlag(kind, severity, incident.Key, list.Select(c => c.Id).Order().ToList(),
            list.Select(c => c.Claim.Source ?? "unattributed").Distinct().Order(StringComparer.Ordinal).ToList(),
            char.ToUpperInvariant(explanation[0]) + explanation[1..]) { PlaceKey = incident.PlaceKey };
    }

    private static Severity BySpread(double ratio) => ratio >= 3 ? Severity.High : ratio >= 2 ? Severity.Medium : Severity.Low;

    private void RangeFlags(BuiltIncident incident, GroupClaims group, List<ConflictFlag> flags)
    {
        if (group.Current.Count < 2) return;
        if (!group.Figure.HasConsensus)
        {
            var highest = group.Current.OrderByDescending(c => c.Claim.Quantity.Low).ThenBy(c => c.Id).First();
            var lowest = group.Current.Where(c => c.Claim.Quantity.High is not null).OrderBy(c => c.Claim.Quantity.High).ThenBy(c => c.Id).First();
            var ratio = highest.Claim.Quantity.Low / (double)Math.Max(1, lowest.Claim.Quantity.High!.Value);
            flags.Add(Flag(FlagKind.DisjointRanges, ratio >= 2 ? Severity.High : ratio >= 1.25 ? Severity.Medium : Severity.Low, incident,
                [highest, lowest], $"{FlagWording.Says(highest, options.SourceShortNames)}; {FlagWording.Name(lowest.Claim.Source, options.SourceShortNames)} says {FlagWording.Figure(lowest)}: the ranges do not overlap."));
            return;
        }
        var (top, bottom) = (group.Current[0], group.Current[0]);
        foreach (var claim in group.Current)
        {
            var point = claim.PointValue();
            if (point > top.PointValue() || (point == top.PointValue() && claim.Id < top.Id)) top = claim;
            if (point < bottom.PointValue() || (point == bottom.PointValue() && claim.Id < bottom.Id)) bottom = claim;
        }
        var spread = bottom.PointValue() == 0 ? (top.PointValue() == 0 ? 1 : double.PositiveInfinity) : top.PointValue() / (double)bottom.PointValue();
        if (spread > options.WideSpreadRatio)
        {
            flags.Add(Flag(FlagKind.WideSpread, BySpread(spread), incident, [top, bottom],
                $"{FlagWording.Says(top, options.SourceShortNames)}; {FlagWording.Name(bottom.Claim.Source, options.SourceShortNames)} says {FlagWording.Figure(bottom)}: the ranges overlap, but the highest figure is {FlagWording.Ratio(spread)} times the lowest."));
        }
    }

    private void Outliers(BuiltIncident incident, GroupClaims group, List<ConflictFlag> flags)
    {
        if (group.Current.Count < Math.Max(3, options.OutlierMinSources)) return;
        var logs = group.Current.Select(c => Math.Log(c.PointValue() + 1.0)).ToArray();
        var median = logs.Median();
        var mad = logs.Select(x => Math.Abs(x - median)).Median();
        var scale = Math.Max(mad / 0.6745, options.OutlierMinScale);
        for (var i = 0; i < logs.Length; i++)
        {
            var z = Math.Abs(logs[i] - median) / scale;
            if (z <= options.OutlierZ) continue;
            var claim = group.Current[i];
            flags.Add(Flag(FlagKind.Outlier, z > 2 * options.OutlierZ ? Severity.High : Severity.Medium, incident,
                [claim], $"{FlagWording.Says(claim, options.SourceShortNames)}, far from the other sources' median of {FlagWording.Number((long)Math.Round(Math.Exp(median) - 1))}."));
        }
    }

    private void SelfContradictions(BuiltIncident incident, GroupClaims group, List<ConflictFlag> flags)
    {
        // One word per source (every word is a latest one): nobody can contradict themselves.
        if (group.All.Count == group.Current.Count) return;
        // The columns of a dataset row are different groups or parts (deaths_a beside deaths_b), never two words
        // about one: a column is compared only with the same column of other rows sharing the event id.
        var sameDay = group.All
            .GroupBy(c => (FigureCalculator.SourceIdentity(c), c.Reported, incident.Kind == IncidentKind.Tally ? c.EndOrStart().Last : default,
                c.EventKey is null ? -1 : c.Position))
            .Where(g => g.Count() > 1);
        foreach (var words in sameDay)
        {
            var highest = words.OrderByDescending(c => c.Claim.Quantity.Low).ThenBy(c => c.Id).First();
            var lowest = words.OrderBy(c => c.Claim.Quantity.High ?? int.MaxValue).ThenBy(c => c.Id).First();
            if (highest.RangesOverlap(lowest)) continue;
            var ratio = highest.Claim.Quantity.Low / (double)Math.Max(1, lowest.Claim.Quantity.High!.Value);
            flags.Add(Flag(FlagKind.SelfContradiction, ratio >= 2 ? Severity.High : Severity.Medium, incident, [highest, lowest],
                $"{FlagWording.Name(highest.Claim.Source, options.SourceShortNames)} gives both {FlagWording.Figure(highest)} and {FlagWording.Figure(lowest)} {highest.Claim.Outcome.ToName()} for the same incident on {FlagWording.Date(highest.Reported)}."));
        }
    }

    private void TallyDecreases(BuiltIncident incident, GroupClaims group, List<ConflictFlag> flags)
    {
        foreach (var series in group.All.GroupBy(FigureCalculator.SourceIdentity, StringComparer.Ordinal))
        {
            var words = series.OrderByDescending(c => c, FigureCalculator.LatestFirst).ToList();
            for (var i = 1; i < words.Count; i++)
            {
                var (earlier, later) = (words[i - 1], words[i]);
                if (later.Claim.Quantity.High is not { } laterHigh || laterHigh >= earlier.Claim.Quantity.Low) continue;
                // A later count for a place inside (or around) the earlier one's counts another extent, not less.
                if (!string.Equals(later.PlaceKey, earlier.PlaceKey, StringComparison.Ordinal)) continue;
                if (later.Reported == earlier.Reported && later.EndOrStart().Last == earlier.EndOrStart().Last) continue;
                flags.Add(Flag(FlagKind.TallyDecreased, laterHigh * 2 < earlier.Claim.Quantity.Low ? Severity.High : Severity.Medium, incident, [earlier, later],
                    $"{FlagWording.Name(later.Claim.Source, options.SourceShortNames)}'s running count went down from {FlagWording.Figure(earlier)} ({FlagWording.Date(earlier.Reported)}) to {FlagWording.Figure(later)} ({FlagWording.Date(later.Reported)})."));
            }
        }
    }

    private void SubsetsAboveTotals(BuiltIncident incident, IReadOnlyDictionary<long, ClaimRecord> claims, List<ConflictFlag> flags)
    {
        foreach (var (claim, _) in incident.Draft.Members)
        {
            if (claim.ParentId is not { } parentId || !claims.TryGetValue(parentId, out var parent)) continue;
            if (parent.Claim.Quantity.High is not { } parentHigh) continue;
            // A dataset row's parts add up to its best even when the row breaks low <= best <= high (stored as
            // published and flagged at ingest): the row's own total is the larger of the two.
            if (parent.EventKey is not null && parent.Best is { } best) parentHigh = Math.Max(parentHigh, best);
            if (claim.Claim.Quantity.Low <= parentHigh) continue;
            flags.Add(Flag(FlagKind.SubsetExceedsTotal, Severity.High, incident, [parent, claim],
                $"{FlagWording.Says(claim, options.SourceShortNames)}, more than the {FlagWording.Figure(parent)} of the total it is part of."));
        }
    }

    /// <summary>
    /// <c>parts_exceed_whole</c> when the incidents directly inside <paramref name="parts"/>'s whole (whose innermost
    /// container it is) add up, by their lows for the whole's headline group, to more than the whole's high.
    /// </summary>
    public void PartsAboveWhole(WholeParts parts, List<ConflictFlag> flags)
    {
        var whole = parts.Whole;
        var headline = whole.Headline;
        if (parts.Count == 0 || parts.Sum <= headline.High) return;
        var involved = whole.Groups[0].Current.Concat(parts.FirstClaims()).Take(WholeParts.NamedClaims);
        var where = places.NameOf(whole.PlaceKey) ?? "an unknown place";
        flags.Add(Flag(FlagKind.PartsExceedWhole, parts.Sum > 1.5 * headline.High ? Severity.High : Severity.Medium, whole, involved,
            $"the {parts.Count} incidents inside {where} from {whole.Start} to {whole.End} add up to at least {FlagWording.Number(parts.Sum)} {whole.Outcome.ToName()}, more than the {FlagWording.Number(headline.High)} of the whole."));
    }
}

/// <summary>
/// The incidents directly inside one whole (<see cref="BuiltIncident.Containers"/>[0]), as <c>parts_exceed_whole</c>
/// reads them: how many count for the whole's headline group, the sum of their lows, and the claims the flag names
/// (the whole's latest words, then its parts' in key order, <see cref="NamedClaims"/> at most). Parts may come in any
/// order and over several runs of a partition (<see cref="PartitionReconciliation"/>): only the claims that may
/// still be named are kept.
/// </summary>
internal sealed class WholeParts(BuiltIncident whole, ReconcileOptions options)
{
    /// <summary>At most this many claims are named by a flag about parts and a whole.</summary>
    public const int NamedClaims = 50;

    private readonly List<(string Key, IReadOnlyList<ClaimRecord> Current)> named = [];
    private int namedClaims;

    public BuiltIncident Whole { get; } = whole;
    public int Count { get; private set; }
    public long Sum { get; private set; }

    public void Add(BuiltIncident part)
    {
        var headline = Whole.Headline;
        if (VictimGroupTree.FigureFor(part, headline.Victims, headline.VictimSide, options) is not { } figure) return;
        Count++;
        Sum += figure.Low;
        named.Add((part.Key, part.Groups[0].Current));
        namedClaims += part.Groups[0].Current.Count;
    }

    /// <summary>Drops the parts whose claims a flag could no longer name (those after the first <see cref="NamedClaims"/> by key).</summary>
    public void Trim()
    {
        var room = NamedClaims - Whole.Groups[0].Current.Count;
        if (namedClaims <= Math.Max(room, 0) + 64) return;
        Sort();
        var (kept, claims) = (0, 0);
        while (kept < named.Count && claims < room) claims += named[kept++].Current.Count;
        named.RemoveRange(kept, named.Count - kept);
        namedClaims = claims;
    }

    /// <summary>The parts' latest words, the parts in key order (enough of them to name <see cref="NamedClaims"/>).</summary>
    public IEnumerable<ClaimRecord> FirstClaims()
    {
        Sort();
        return named.SelectMany(p => p.Current);
    }

    private void Sort() => named.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
}
