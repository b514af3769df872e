namespace Casualties.Reports.Model;

/// <summary>
/// What changed between reconciliation run <see cref="FromRun"/> and the report's run <see cref="ToRun"/> (the
/// functions of migration 0013). Incidents, flags and totals are streamed (each enumeration runs its query again);
/// <see cref="Counts"/> are known up front, so a reader of a capped list knows what it left out.
/// </summary>
public sealed record ReportChanges(
    long FromRun, long ToRun, ChangeCounts Counts,
    IAsyncEnumerable<IncidentChange> Incidents, IAsyncEnumerable<FlagChange> Flags, IAsyncEnumerable<TotalChange> Totals);

/// <summary>How many incidents are new, changed and gone, flags raised and cleared, totals new, moved and gone.</summary>
public sealed record ChangeCounts(
    int NewIncidents, int ChangedIncidents, int GoneIncidents, int RaisedFlags, int ClearedFlags,
    int NewTotals, int ChangedTotals, int GoneTotals)
{
    /// <summary>All incidents new, changed or gone.</summary>
    public int Incidents => NewIncidents + ChangedIncidents + GoneIncidents;

    /// <summary>All flags raised or cleared.</summary>
    public int Flags => RaisedFlags + ClearedFlags;

    /// <summary>All totals new, moved or gone.</summary>
    public int Totals => NewTotals + ChangedTotals + GoneTotals;
}

/// <summary>An incident new, changed or gone: <see cref="Before"/> as of the earlier run (null when new),
/// <see cref="After"/> as of the report's run (null when gone). <see cref="Key"/> is the incident's stable key.</summary>
public sealed record IncidentChange(string Key, string Status, ReportIncident? Before, ReportIncident? After)
{
    /// <summary>The incident's id in the report's run, or its last id when gone.</summary>
    public long Id => (After ?? Before)!.Id;
}

/// <summary>A flag raised (present now, not before) or cleared (present before, not now).</summary>
public sealed record FlagChange(string Status, ReportFlag Flag);

/// <summary>A per-side total new, moved (its low, best or high changed) or gone; <see cref="Before"/> and
/// <see cref="After"/> null on the side where it does not exist.</summary>
public sealed record TotalChange(string Status, ReportTotal? Before, ReportTotal? After)
{
    /// <summary>The total as of the report's run, or as it last was when gone.</summary>
    public ReportTotal Total => (After ?? Before)!;
}
