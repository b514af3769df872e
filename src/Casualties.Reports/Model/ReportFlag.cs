namespace Casualties.Reports.Model;

/// <summary>A conflict flag (v_flags): about figures, never about who is right. <see cref="IncidentId"/> is null for
/// flags about places or periods (parts exceeding a whole).</summary>
public sealed record ReportFlag(
    long Id, string Kind, string Severity, long? IncidentId, string? Place,
    IReadOnlyList<long> ClaimIds, IReadOnlyList<string> Sources, string Explanation);
