namespace Casualties.Reports;

/// <summary>
/// What a report covers. Every part is optional (null = no restriction).
/// <see cref="Place"/> is a gazetteer name, key or alias and includes every place inside it;
/// <see cref="From"/> and <see cref="To"/> are inclusive days: an incident is in when its period overlaps them,
/// a total when its period lies inside them. <see cref="Side"/> is a perpetrator side, <see cref="Outcome"/> an outcome name.
/// </summary>
public sealed record ReportFilter(string? Place = null, DateOnly? From = null, DateOnly? To = null, string? Side = null, string? Outcome = null)
{
    /// <summary>No restriction: everything.</summary>
    public static readonly ReportFilter None = new();

    /// <summary>True when nothing is restricted.</summary>
    public bool IsEmpty => Place is null && From is null && To is null && Side is null && Outcome is null;
}
