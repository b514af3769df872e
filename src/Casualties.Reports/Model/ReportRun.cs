namespace Casualties.Reports.Model;

/// <summary>The reconciliation run a report shows (its "as of"): from v_reconciliation_runs.</summary>
public sealed record ReportRun(
    long RunId, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string Mode, int Claims, int Incidents, int Flags);
