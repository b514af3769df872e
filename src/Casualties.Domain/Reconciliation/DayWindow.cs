namespace Casualties.Domain.Reconciliation;

/// <summary>The days a figure may cover: both ends inclusive, widened to the precision of its dates.</summary>
public readonly record struct DayWindow(DateOnly First, DateOnly Last)
{
    public int Days => Last.DayNumber - First.DayNumber + 1;

    public bool Contains(DayWindow inner) => First <= inner.First && inner.Last <= Last;

    public bool Overlaps(DayWindow other) => First <= other.Last && other.First <= Last;

    public bool IsWithinYear => First.Year == Last.Year;

    public bool IsWithinMonth => IsWithinYear && First.Month == Last.Month;
}
