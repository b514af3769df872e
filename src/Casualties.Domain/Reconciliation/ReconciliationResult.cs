using Casualties.Domain.Model;

namespace Casualties.Domain.Reconciliation;

/// <summary>Whether an incident is one bounded happening or a count over a longer window (domain.md, "Incidents").</summary>
public enum IncidentKind
{
    /// <summary>A bounded happening of one day (an attack, a strike).</summary>
    Event,
    /// <summary>A running count or a count over a window longer than a day.</summary>
    Tally,
}

/// <summary>
/// The real-world event or tally that several claims describe (domain.md, "Incidents").
/// <see cref="Key"/> is stable across runs for the same grouping (derived from its claims, not from order).
/// </summary>
public sealed record Incident(
    string Key,
    IncidentKind Kind,
    Outcome Outcome,
    string? PlaceKey,
    PartialDate? Start,
    PartialDate? End,
    string? PerpetratorSide,
    IReadOnlyList<IncidentFigure> Figures,
    IReadOnlyList<IncidentMember> Members,
    IReadOnlyList<string> Contains)
{
    /// <summary>The figure of the broadest victim group (people before civilians before children).</summary>
    public IncidentFigure? Headline => Figures.FirstOrDefault(f => f.Headline);

    /// <summary>The key of the innermost incident containing this one (the tally around an event), null if none.</summary>
    public string? ContainedIn { get; init; }

    /// <summary>For a place the gazetteer does not know, its name as the incident's claims most often spell it; else null.</summary>
    public string? PlaceName { get; init; }
}

/// <summary>
/// Why a claim belongs to its incident: the rule that matched, whether a later word superseded it, and the victim
/// group it speaks of. A part of a figure in its own group (UCDP's unknown deaths under the event's total) is a
/// member without being one of the group's source figures.
/// </summary>
public sealed record IncidentMember(long ClaimId, string Rule, bool Superseded, string Victims, string? VictimSide);

/// <summary>
/// Reconciled figures of one incident and victim group (domain.md, "Reconciled figures").
/// <see cref="Low"/>/<see cref="High"/> are the reported range (open-ended claims count with their low);
/// <see cref="ConsensusLow"/>/<see cref="ConsensusHigh"/> the interval every claim allows, null when there is none
/// (<see cref="HasConsensus"/> false), with <see cref="ConsensusHigh"/> null meaning unbounded.
/// </summary>
public sealed record IncidentFigure(
    string Victims,
    string? VictimSide,
    bool Headline,
    int Low,
    int Best,
    int High,
    bool HasConsensus,
    int? ConsensusLow,
    int? ConsensusHigh,
    IReadOnlyList<SourceFigure> Sources,
    IReadOnlyList<SourceFigure> Superseded);

/// <summary>One source's own figure in an incident (its latest word, or a superseded earlier one).</summary>
public sealed record SourceFigure(
    long ClaimId,
    string? Source,
    Qualifier Qualifier,
    int? Value,
    int Low,
    int? High,
    DateOnly Reported,
    string? Quote,
    string Document);

/// <summary>How a per-side total was reached (side_totals.method).</summary>
public enum TotalMethod
{
    /// <summary>The total is one incident's figure.</summary>
    Single,
    /// <summary>The total adds up incidents: several outside one another, or the parts of a whole that exceed it.</summary>
    SumOfParts,
    /// <summary>One whole (a tally, a country total) holding the others gave the total with its own figure.</summary>
    Whole,

    /// <summary>The unknown side's share when some of its incidents held or lay inside a known side's (issue 14).</summary>
    Remainder,
}

/// <summary>The period a per-side total covers.</summary>
public enum TotalPeriod
{
    /// <summary>All time.</summary>
    All,
    /// <summary>One calendar year.</summary>
    Year,
    /// <summary>One calendar month.</summary>
    Month,
}

/// <summary>
/// A per-side total over a place and period (domain.md, "Per-side totals"), never counting a death twice.
/// <see cref="Period"/> says which: all time (<see cref="Start"/>/<see cref="End"/> null), one year or one month
/// (both the year or month). An incident counts in a year or month only when its whole window lies inside it.
/// <see cref="PlaceKey"/> null: claims with no known place.
/// </summary>
public sealed record SideTotal(
    string? PerpetratorSide,
    Outcome Outcome,
    string Victims,
    string? VictimSide,
    string? PlaceKey,
    PartialDate? Start,
    PartialDate? End,
    long Low,
    long Best,
    long High,
    TotalMethod Method,
    int Incidents)
{
    /// <summary>Which period the total covers; <see cref="Start"/> and <see cref="End"/> name it.</summary>
    public TotalPeriod Period { get; init; } = TotalPeriod.All;
}

/// <summary>What a conflict flag says is wrong between figures (domain.md, "Conflict flags").</summary>
public enum FlagKind
{
    /// <summary>Two sources' ranges for one incident and victim group do not overlap.</summary>
    DisjointRanges,
    /// <summary>The ranges overlap, but the highest point value is more than 1.5 times the lowest.</summary>
    WideSpread,
    /// <summary>A subset claim's low is above its parent's high ("50 people, including 60 children").</summary>
    SubsetExceedsTotal,
    /// <summary>The incidents inside a whole add up to more than the whole's high.</summary>
    PartsExceedWhole,
    /// <summary>A source's running tally went down over time.</summary>
    TallyDecreased,
    /// <summary>One source gives two incompatible figures for the same incident.</summary>
    SelfContradiction,
    /// <summary>With three or more sources, one is far from the rest (robust z-score on the log scale).</summary>
    Outlier,
}

/// <summary>How far apart a flag's figures are; each kind sets its own thresholds (FlagDetector).</summary>
public enum Severity
{
    /// <summary>A small gap for its kind.</summary>
    Low,
    /// <summary>A clear gap.</summary>
    Medium,
    /// <summary>The kind's strongest case (disjoint ranges twice or more apart; a subset above its total is always high).</summary>
    High,
}

/// <summary>A conflict between figures: never about who is right; the explanation is one line a journalist can read.</summary>
public sealed record ConflictFlag(
    FlagKind Kind,
    Severity Severity,
    string? IncidentKey,
    IReadOnlyList<long> ClaimIds,
    IReadOnlyList<string> Sources,
    string Explanation)
{
    /// <summary>The place of the incident the flag is about.</summary>
    public string? PlaceKey { get; init; }
}

/// <summary>Everything one reconciliation computes.</summary>
public sealed record ReconciliationResult(
    IReadOnlyList<Incident> Incidents,
    IReadOnlyList<SideTotal> Totals,
    IReadOnlyList<ConflictFlag> Flags);

/// <summary>The snake_case names of the reconciliation enums used in the database, the reports and the API.</summary>
public static class ReconciliationNames
{
    /// <summary>"event" or "tally" (incidents.kind).</summary>
    public static string ToName(this IncidentKind kind) => kind == IncidentKind.Event ? "event" : "tally";

    /// <summary>"single", "sum_of_parts", "whole" or "remainder" (side_totals.method).</summary>
    public static string ToName(this TotalMethod method) => method switch
    {
        TotalMethod.Single => "single",
        TotalMethod.SumOfParts => "sum_of_parts",
        TotalMethod.Remainder => "remainder",
        _ => "whole",
    };

    /// <summary>The flag kind as domain.md names it ("disjoint_ranges").</summary>
    public static string ToName(this FlagKind kind) => kind switch
    {
        FlagKind.DisjointRanges => "disjoint_ranges",
        FlagKind.WideSpread => "wide_spread",
        FlagKind.SubsetExceedsTotal => "subset_exceeds_total",
        FlagKind.PartsExceedWhole => "parts_exceed_whole",
        FlagKind.TallyDecreased => "tally_decreased",
        FlagKind.SelfContradiction => "self_contradiction",
        _ => "outlier",
    };

    /// <summary>"all", "year" or "month" (side_totals.period).</summary>
    public static string ToName(this TotalPeriod period) => period switch
    {
        TotalPeriod.All => "all",
        TotalPeriod.Year => "year",
        _ => "month",
    };

    /// <summary>"low", "medium" or "high" (flags.severity).</summary>
    public static string ToName(this Severity severity) => severity.ToString().ToLowerInvariant();
}
