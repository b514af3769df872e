namespace Casualties.Domain.Reconciliation;

/// <summary>What a user's grouping correction does with its claim.</summary>
public enum OverrideAction
{
    /// <summary>The claim belongs to the incident <see cref="IncidentOverride.IncidentKey"/> (claims pinned to one key are one incident).</summary>
    Pin,

    /// <summary>The claim (with its subsets) is an incident of its own that nothing else joins.</summary>
    Split,
}

/// <summary>A user's correction of the grouping, honoured by every reconciliation (table incident_overrides).</summary>
public sealed record IncidentOverride(long ClaimId, OverrideAction Action, string? IncidentKey, string? Note);
