using Casualties.Domain.Model;

namespace Casualties.Domain.Reconciliation;

public enum IncidentKind
{
    Event,
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

public enum TotalMethod
{
    Single,
    SumOfParts,
    Whole,

    /// <summary>The unknown side's share when some of its incidents held or lay inside a known side's (issue 14).</summary>
    Remainder,
}

public enum TotalPeriod
{
    All,
    Year,
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
    public TotalPeriod Period { get; init; } = TotalPeriod.All;
}

public enum FlagKind
{
    DisjointRanges,
    WideSpread,
    SubsetExceedsTotal,
    PartsExceedWhole,
    TallyDecreased,
    SelfContradiction,
    Outlier,
}

public enum Severity
{
    Low,
    Medium,
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

public static class ReconciliationNames
{
    public static string ToName(this IncidentKind kind) => kind == IncidentKind.Event ? "event" : "tally";

    public static string ToName(this TotalMethod method) => method switch
    {
        TotalMethod.Single => "single",
        TotalMethod.SumOfParts => "sum_of_parts",
        TotalMethod.Remainder => "remainder",
        _ => "whole",
    };

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

    public static string ToName(this TotalPeriod period) => period switch
    {
        TotalPeriod.All => "all",
        TotalPeriod.Year => "year",
        _ => "month",
    };

    public static string ToName(this Severity severity) => severity.ToString().ToLowerInvariant();
}
