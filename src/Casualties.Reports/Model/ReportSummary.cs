namespace Casualties.Reports.Model;

/// <summary>
/// Counts over the incidents and flags a report covers. <see cref="Sources"/> and <see cref="Claims"/> count the
/// distinct sources and claims behind those incidents, superseded words included. Dates are the earliest start and
/// the latest end of the incidents, null when none is dated.
/// </summary>
public sealed record ReportSummary(
    int Incidents, int Events, int Tallies, int WithoutConsensus, int Sources, int Claims,
    int HighFlags, int MediumFlags, int LowFlags, DateOnly? FirstDate, DateOnly? LastDate)
{
    /// <summary>The summary of a report that covers nothing.</summary>
    public static readonly ReportSummary Empty = new(0, 0, 0, 0, 0, 0, 0, 0, 0, null, null);

    /// <summary>All flags, of every severity.</summary>
    public int Flags => HighFlags + MediumFlags + LowFlags;
}
