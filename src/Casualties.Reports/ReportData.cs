using Casualties.Reports.Model;

namespace Casualties.Reports;

/// <summary>
/// Everything a report shows. The small parts are in memory; <see cref="Incidents"/> and <see cref="Flags"/> are
/// streamed (from the database, each enumeration runs its query again), so a report of a million claims renders
/// in bounded memory. Both streams come in the report's order: incidents by start date then id, flags by severity.
/// CSV and JSON write those complete streams; HTML and Markdown write <see cref="SelectedIncidents"/> and
/// <see cref="SelectedFlags"/>, the selection <see cref="Selection"/> asks for, and say what they left out.
/// </summary>
/// <param name="Filter">What the report covers.</param>
/// <param name="Places">The gazetteer places the place filter matched (their names), empty without one.</param>
/// <param name="Run">The reconciliation run shown, null before any has run.</param>
/// <param name="Summary">Counts over the incidents and flags covered.</param>
/// <param name="Totals">The per-side totals covered.</param>
/// <param name="Incidents">Every incident covered, streamed.</param>
/// <param name="Flags">Every flag covered, streamed.</param>
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

    /// <summary>What HTML and Markdown show; everything unless loaded otherwise.</summary>
    public ReportSelection Selection { get; init; } = ReportSelection.Everything;

    /// <summary>The incidents HTML and Markdown show, by country (name order, unplaced last), then start date and id.</summary>
    public IAsyncEnumerable<ReportIncident> SelectedIncidents { get; init; } = Incidents;

    /// <summary>The flags HTML and Markdown show (every high and medium one by default), most severe first.</summary>
    public IAsyncEnumerable<ReportFlag> SelectedFlags { get; init; } = Flags;

    /// <summary>Per country: incidents covered, shown and left out (by country name, unplaced last).</summary>
    public IReadOnlyList<CountrySelection> Countries { get; init; } = [];

    /// <summary>The shown incidents and why (without <see cref="ReportSelection.All"/>); see <see cref="IsShown"/>.</summary>
    public IReadOnlyDictionary<long, SelectionReason> Shown { get; init; } = new Dictionary<long, SelectionReason>();

    /// <summary>Flags the selection leaves out (low severity, without --all).</summary>
    public int FlagsLeftOut { get; init; }

    /// <summary>What changed since an earlier run (report --since), or null.</summary>
    public ReportChanges? Changes { get; init; }

    /// <summary>True when HTML and Markdown show this incident.</summary>
    public bool IsShown(long incidentId) => Selection.All || Shown.ContainsKey(incidentId);

    /// <summary>A report from values in memory (tests, previews).</summary>
    public static ReportData FromLists(
        ReportFilter filter, ReportRun? run, ReportSummary summary, IReadOnlyList<ReportTotal> totals,
        IReadOnlyList<ReportIncident> incidents, IReadOnlyList<ReportFlag> flags, IReadOnlyList<string>? places = null) =>
        new(filter, places ?? [], run, summary, totals, incidents.ToAsyncEnumerable(), flags.ToAsyncEnumerable());
}
