using System.Collections.Concurrent;
using Casualties.Domain.Model;

namespace Casualties.Domain.Reconciliation;

/// <summary>What the reconciler reads off one claim: its period, kind, figure and point value.</summary>
public static class ClaimFacts
{
    /// <summary>
    /// The start as stated; with no start, the end (a figure "as of" a date); with neither, the reported day.
    /// </summary>
    public static PartialDate StartOrEnd(this ClaimRecord claim) =>
        claim.Claim.Period.Start ?? claim.Claim.Period.End ?? PartialDate.Day(claim.Reported);

    /// <summary>The end as stated; with no end, the start; with neither, the reported day.</summary>
    public static PartialDate EndOrStart(this ClaimRecord claim) =>
        claim.Claim.Period.End ?? claim.Claim.Period.Start ?? PartialDate.Day(claim.Reported);

    /// <summary>The days the claim may cover, from <see cref="StartOrEnd"/> to <see cref="EndOrStart"/> (ends swapped when reversed).</summary>
    public static DayWindow Window(this ClaimRecord claim) => Window(claim.Claim.Period.Start, claim.Claim.Period.End, claim.Reported);

    /// <summary><see cref="Window(ClaimRecord)"/> of a claim with these dates.</summary>
    public static DayWindow Window(PartialDate? start, PartialDate? end, DateOnly reported)
    {
        var first = (start ?? end ?? PartialDate.Day(reported)).First;
        var last = (end ?? start ?? PartialDate.Day(reported)).Last;
        return last < first ? new DayWindow(last, first) : new DayWindow(first, last);
    }

    /// <summary>
    /// A tally is a running count (cumulative) or a count over a window longer than a day; an event is a bounded
    /// happening of one day. A dataset row with its own event id is always an event, even when its dates are vague.
    /// </summary>
    public static bool IsTally(this ClaimRecord claim) => IsTally(claim.EventKey is not null, claim.Claim.Cumulative, claim.Window());

    /// <summary><see cref="IsTally(ClaimRecord)"/> of a claim with or without an event id, running or not, over <paramref name="window"/>.</summary>
    public static bool IsTally(bool hasEventKey, bool cumulative, DayWindow window) => !hasEventKey && (cumulative || window.Days > 1);

    /// <summary>The upper end of the figure in a reported range: an open-ended claim counts with its low.</summary>
    public static int FigureHigh(this ClaimRecord claim) => claim.Claim.Quantity.High ?? claim.Claim.Quantity.Low;

    /// <summary>The single number a claim stands for: <see cref="FigurePoint.Of(Quantity, int?)"/> with the dataset's best estimate.</summary>
    public static int PointValue(this ClaimRecord claim) => FigurePoint.Of(claim.Claim.Quantity, claim.Best);

    /// <summary>True when the two claims' bounds have a common part (<see cref="Quantity.Overlaps"/>).</summary>
    public static bool RangesOverlap(this ClaimRecord a, ClaimRecord b) => a.Claim.Quantity.Overlaps(b.Claim.Quantity);

    /// <summary>The dataset of a structured row with its own event id ("ucdp" of "ucdp:12345"), else null.</summary>
    public static string? Dataset(this ClaimRecord claim)
    {
        if (claim.EventKey is null) return null;
        var colon = claim.Document.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) return claim.Document;
        // One string per dataset name, not a new one per call: the grouper asks for it of every dataset row several
        // times, and drafts keep it (issue 14).
        var name = claim.Document.AsSpan(0, colon);
        if (DatasetNames.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var known)) return known;
        var made = name.ToString();
        return DatasetNames.Count < MaxDatasetNames ? DatasetNames.GetOrAdd(made, made) : made;
    }

    private const int MaxDatasetNames = 1_024;
    private static readonly ConcurrentDictionary<string, string> DatasetNames = new(StringComparer.Ordinal);
}
