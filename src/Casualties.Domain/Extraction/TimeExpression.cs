using Casualties.Domain.Model;

namespace Casualties.Domain.Extraction;

/// <summary>What a time phrase says about the period of a figure.</summary>
public enum TimeKind
{
    /// <summary>An event on a day, in a month or a year: start and end given.</summary>
    Point,
    /// <summary>A running tally from a start to the document date ("since 2011", "this year").</summary>
    Since,
    /// <summary>"so far", "to date": a running tally with no start.</summary>
    SoFar,
    /// <summary>"in the same period": the period of the claim before.</summary>
    SamePeriod,
    /// <summary>"have since died": from the time the sentence before named, to the document date.</summary>
    SinceThen,
}

/// <summary>A time phrase in a sentence and the period it resolves to, against the document date.</summary>
public sealed record TimeExpression(int Token, TimeKind Kind, PartialDate? Start, PartialDate? End)
{
    /// <summary>True when the phrase makes the figure a running count (since, so far, since then).</summary>
    public bool Cumulative => Kind is TimeKind.Since or TimeKind.SoFar or TimeKind.SinceThen;
}
