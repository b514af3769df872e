namespace Casualties.Reports.Model;

/// <summary>Why the default report shows an incident: it is among its country's top N by one of these.</summary>
[Flags]
public enum SelectionReason
{
    None = 0,
    Flagged = 1,
    Largest = 2,
    Disputed = 4,
    RecentlyChanged = 8,
    /// <summary>Shown because the report shows everything (--all).</summary>
    All = 16,
}

/// <summary>
/// One country of a report: how many of its incidents (and of those, flagged ones) the report covers, how many it
/// shows, and so how many it leaves out. <see cref="Country"/> is null for incidents whose place is not in the
/// gazetteer (or unknown).
/// </summary>
public sealed record CountrySelection(string? Country, int Incidents, int Flagged, int Shown, int FlaggedShown)
{
    public int LeftOut => Incidents - Shown;

    public int FlaggedLeftOut => Flagged - FlaggedShown;
}
