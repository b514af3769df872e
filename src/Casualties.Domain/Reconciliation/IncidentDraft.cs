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

    public Outcome Outcome => Anchor.Claim.Outcome;
    public string? PlaceKey { get; set; } = anchor.PlaceKey;
    public string? PerpetratorSide { get; set; } = anchor.Claim.PerpetratorSide;
    public double? Latitude { get; set; } = anchor.Latitude;
    public double? Longitude { get; set; } = anchor.Longitude;
    public DayWindow Window { get; } = anchor.Window();
    public PartialDate Start { get; } = anchor.StartOrEnd();
    public PartialDate End { get; } = anchor.EndOrStart();
    public bool Cumulative { get; } = anchor.Claim.Cumulative;

    // Held inline for the usual one dataset event id and one or two sources (a dictionary and a list per draft were
    // a tenth of a dense partition's memory, issue 14); more go to lists made only when needed.
    private string? firstDataset;
    private string? firstEventKey;
    private List<(string Dataset, string EventKey)>? moreEventKeys;
    private string? firstSource;
    private string? secondSource;
    private List<string>? moreSources;

    public List<(ClaimRecord Claim, string Rule)> Members { get; } = [];

    /// <summary>The event id this incident holds from <paramref name="dataset"/>, so two events of one dataset never merge.</summary>
    public bool TryGetEventKey(string dataset, out string eventKey)
    {
        eventKey = "";
        if (firstDataset is null) return false;
        if (string.Equals(firstDataset, dataset, StringComparison.Ordinal))
        {
            eventKey = firstEventKey!;
            return true;
        }
        if (moreEventKeys is null) return false;
        foreach (var (held, key) in moreEventKeys)
        {
            if (!string.Equals(held, dataset, StringComparison.Ordinal)) continue;
            eventKey = key;
            return true;
        }
        return false;
    }

    /// <summary>How many datasets this incident holds an event id of.</summary>
    public int EventKeyCount => firstDataset is null ? 0 : 1 + (moreEventKeys?.Count ?? 0);

    /// <summary>The <paramref name="index"/>th event id this incident holds, with its dataset, in the order they came.</summary>
    public (string Dataset, string EventKey) EventKeyAt(int index) =>
        index == 0 ? (firstDataset!, firstEventKey!) : moreEventKeys![index - 1];

    /// <summary>True when the incident has coordinates, so that it may meet a claim by distance.</summary>
    public bool HasCoordinates => Latitude is not null && Longitude is not null;

    /// <summary>True when <paramref name="source"/> already has a word in this incident.</summary>
    public bool HasSource(string source) =>
        string.Equals(firstSource, source, StringComparison.Ordinal) || string.Equals(secondSource, source, StringComparison.Ordinal)
        || (moreSources is not null && moreSources.Contains(source));

    public void Add(ClaimRecord claim, string rule)
    {
        Members.Add((claim, rule));
        if (claim.Claim.Source is { } source && !HasSource(source))
        {
            if (firstSource is null) firstSource = source;
            else if (secondSource is null) secondSource = source;
            else (moreSources ??= []).Add(source);
        }
        if (claim.Dataset() is { } dataset && !TryGetEventKey(dataset, out _))
        {
            if (firstDataset is null) (firstDataset, firstEventKey) = (dataset, claim.EventKey!);
            else (moreEventKeys ??= []).Add((dataset, claim.EventKey!));
        }
        PerpetratorSide ??= claim.Claim.PerpetratorSide;
        if (Latitude is null && claim.Latitude is not null)
        {
            Latitude = claim.Latitude;
            Longitude = claim.Longitude;
        }
    }

    /// <summary>The stable key: the user's pinned key, else outcome and the lowest member claim id.</summary>
    public string Key() => PinnedKey ?? $"{Outcome.ToName()}-{Members.Min(m => m.Claim.Id)}";
}
