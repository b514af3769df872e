namespace Casualties.Reports.Model;

/// <summary>
/// A per-side total over a place and period (v_side_totals). <see cref="Period"/> is 'all', 'year' or 'month';
/// <see cref="Method"/> 'single', 'sum_of_parts', 'whole' or 'remainder'. <see cref="PlaceDepth"/> is the place's depth in the
/// gazetteer (0 = a country), null when the place is not in it.
/// </summary>
public sealed record ReportTotal(
    string? PerpetratorSide, string Outcome, string Victims, string? VictimSide, string? Place, string? PlaceKey,
    int? PlaceDepth, string Period, DateOnly? PeriodStart, DateOnly? PeriodEnd,
    long Low, long Best, long High, string Method, int IncidentCount);
