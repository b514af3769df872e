namespace Casualties.Reports.Model;

/// <summary>Why the default report shows an incident: it is among its country's top N by one of these.</summary>
[Flags]
public enum SelectionReason
{
    /// <summary>Not shown.</summary>
    None = 0,
    /// <summary>Among the country's top incidents by their flags.</summary>
    Flagged = 1,
    /// <summary>Among the country's largest incidents.</summary>
    Largest = 2,
    /// <summary>Among the country's most disputed incidents.</summary>
    Disputed = 4,
    /// <summary>Among the country's most recently changed incidents.</summary>
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
    /// <summary>The incidents covered but not shown.</summary>
    public int LeftOut => Incidents - Shown;

    /// <summary>The flagged incidents covered but not shown.</summary>
    public int FlaggedLeftOut => Flagged - FlaggedShown;
}
