using Casualties.Domain.Model;

namespace Casualties.Domain.Reconciliation;

/// <summary>An incident while claims are being grouped: its identity so far and its members with their rules.</summary>
internal sealed class IncidentDraft(ClaimRecord anchor, bool isTally, string? pinnedKey, bool closed)
{
    public ClaimRecord Anchor { get; } = anchor;
    public bool IsTally { get; } = isTally;
    public string? PinnedKey { get; } = pinnedKey;

    /// <summary>Split by a user: nothing else joins.</summary>
    public bool Closed { get; } = closed;

    public Outcome Outcome => Anchor.Outcome;
    public string? PlaceKey { get; set; } = anchor.PlaceKey;
    public string? PerpetratorSide { get; set; } = anchor.PerpetratorSide;
    public double? Latitude { get; set; } = anchor.Latitude;
    public double? Longitude { get; set; } = anchor.Longitude;
    public DayWindow Window { get; } = anchor.Window();
    public PartialDate Start { get; } = anchor.StartOrEnd();
    public PartialDate End { get; } = anchor.EndOrStart();
    public bool Cumulative { get; } = anchor.Cumulative;

    private Dictionary<string, string>? eventKeys;
    private readonly List<string> sources = new(4);

    public List<(ClaimRecord Claim, string Rule)> Members { get; } = [];

    /// <summary>The event id this incident holds from <paramref name="dataset"/>, so two events of one dataset never merge.</summary>
    public bool TryGetEventKey(string dataset, out string eventKey)
    {
        eventKey = "";
        return eventKeys is not null && eventKeys.TryGetValue(dataset, out eventKey!);
    }

    /// <summary>The event ids this incident holds, by dataset, in the order they came (null: none).</summary>
    public IReadOnlyDictionary<string, string>? EventKeys => eventKeys;

    /// <summary>True when the incident has coordinates, so that it may meet a claim by distance.</summary>
    public bool HasCoordinates => Latitude is not null && Longitude is not null;

    /// <summary>True when <paramref name="source"/> already has a word in this incident.</summary>
    public bool HasSource(string source) => sources.Contains(source);

    public void Add(ClaimRecord claim, string rule)
    {
        Members.Add((claim, rule));
        if (claim.Source is not null && !sources.Contains(claim.Source)) sources.Add(claim.Source);
        if (claim.Dataset() is { } dataset) (eventKeys ??= new(StringComparer.Ordinal)).TryAdd(dataset, claim.EventKey!);
        PerpetratorSide ??= claim.PerpetratorSide;
        if (Latitude is null && claim.Latitude is not null)
        {
            Latitude = claim.Latitude;
            Longitude = claim.Longitude;
        }
    }

    /// <summary>The stable key: the user's pinned key, else outcome and the lowest member claim id.</summary>
    public string Key() => PinnedKey ?? $"{Outcome.ToName()}-{Members.Min(m => m.Claim.Id)}";
}
