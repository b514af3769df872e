namespace Casualties.Reports.Model;

/// <summary>A conflict flag (v_flags): about figures, never about who is right. <see cref="IncidentId"/> is null for
/// flags about places or periods (parts exceeding a whole).</summary>
public sealed record ReportFlag(
    long Id, string Kind, string Severity, long? IncidentId, string? Place,
    IReadOnlyList<long> ClaimIds, IReadOnlyList<string> Sources, string Explanation)
{
    /// <summary>The country of the flag's incident (where the HTML folder report shows it), when loaded.</summary>
    public string? Country { get; init; }
}
