using Casualties.Reports.Model;

namespace Casualties.Reports;

/// <summary>
/// Everything a report shows. The small parts are in memory; <see cref="Incidents"/> and <see cref="Flags"/> are
/// streamed (from the database, each enumeration runs its query again), so a report of a million claims renders
/// in bounded memory. Both streams come in the report's order: incidents by start date then id, flags by severity.
/// </summary>
/// <param name="Places">The gazetteer places the place filter matched (their names), empty without one.</param>
public sealed record ReportData(
    ReportFilter Filter,
    IReadOnlyList<string> Places,
    ReportRun? Run,
    ReportSummary Summary,
    IReadOnlyList<ReportTotal> Totals,
    IAsyncEnumerable<ReportIncident> Incidents,
    IAsyncEnumerable<ReportFlag> Flags)
{
    /// <summary>How the perpetrator sides are written (HTML and Markdown; CSV and JSON keep the keys).</summary>
    public SideNames Sides { get; init; } = SideNames.Keys;

    /// <summary>A report from values in memory (tests, previews).</summary>
    public static ReportData FromLists(
        ReportFilter filter, ReportRun? run, ReportSummary summary, IReadOnlyList<ReportTotal> totals,
        IReadOnlyList<ReportIncident> incidents, IReadOnlyList<ReportFlag> flags, IReadOnlyList<string>? places = null) =>
        new(filter, places ?? [], run, summary, totals, incidents.ToAsyncEnumerable(), flags.ToAsyncEnumerable());
}
