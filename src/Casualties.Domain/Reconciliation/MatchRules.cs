namespace Casualties.Domain.Reconciliation;

/// <summary>Why a claim is in its incident: the rule that put it there (stored with each member).</summary>
public static class MatchRules
{
    /// <summary>The claim the incident was founded on (it matched no earlier incident).</summary>
    public const string Anchor = "anchor";

    /// <summary>Founded its own incident because it fitted several (a whole around parts, a vague date around days).</summary>
    public const string AmbiguousAnchor = "ambiguous_anchor";

    /// <summary>A subset of another claim ("including 44 children"): always in its parent's incident.</summary>
    public const string SubsetOfParent = "subset_of_parent";

    /// <summary>The same dataset event id as another claim of the incident.</summary>
    public const string EventKey = "event_key";

    /// <summary>The same statement again (same source, document, place in it and figure): a re-ingest or a copy.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>Pinned to the incident by a user's override.</summary>
    public const string Pinned = "pinned";

    /// <summary>Split into an incident of its own by a user's override.</summary>
    public const string Split = "split";

    /// <summary>Same outcome, same day, same place, compatible perpetrator side.</summary>
    public const string SameEvent = "same_event";

    /// <summary>As <see cref="SameEvent"/>, with one place inside the other.</summary>
    public const string SameEventNestedPlace = "same_event_nested_place";

    /// <summary>As <see cref="SameEvent"/>, with coordinates within the configured distance.</summary>
    public const string SameEventCoordinates = "same_event_coordinates";

    /// <summary>A later (or earlier) word of a source already counting this tally: the same series.</summary>
    public const string TallyUpdate = "tally_update";

    /// <summary>Another source's count over the same window and place.</summary>
    public const string SameTally = "same_tally";

    /// <summary>As <see cref="SameTally"/>, with one place inside the other.</summary>
    public const string SameTallyNestedPlace = "same_tally_nested_place";
}
