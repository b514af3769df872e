namespace Casualties.Domain.Reconciliation;

/// <summary>The days a figure may cover: both ends inclusive, widened to the precision of its dates.</summary>
public readonly record struct DayWindow(DateOnly First, DateOnly Last)
{
    /// <summary>The number of days covered, both ends counted.</summary>
    public int Days => Last.DayNumber - First.DayNumber + 1;

    /// <summary>True when <paramref name="inner"/> lies wholly inside this window (ends may coincide).</summary>
    public bool Contains(DayWindow inner) => First <= inner.First && inner.Last <= Last;

    /// <summary>True when the two windows share at least one day.</summary>
    public bool Overlaps(DayWindow other) => First <= other.Last && other.First <= Last;

    /// <summary>True when both ends fall in one calendar year.</summary>
    public bool IsWithinYear => First.Year == Last.Year;

    /// <summary>True when both ends fall in one calendar month.</summary>
    public bool IsWithinMonth => IsWithinYear && First.Month == Last.Month;
}
