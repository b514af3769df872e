namespace Casualties.Domain.Reconciliation;

internal sealed partial class IncidentGrouper
{
    private enum PlaceFit
    {
        None,
        Same,
        Nested,
        Near,
    }

    /// <summary>The rule by which <paramref name="claim"/> belongs to <paramref name="draft"/>, or null when it does not.</summary>
    private string? Fit(IncidentDraft draft, ClaimRecord claim, bool isTally)
    {
        if (draft.Closed || draft.IsTally != isTally) return null;
        if (draft.PerpetratorSide is not null && claim.Claim.PerpetratorSide is not null
            && !string.Equals(draft.PerpetratorSide, claim.Claim.PerpetratorSide, StringComparison.Ordinal))
        {
            return null;
        }
        if (claim.Dataset() is { } dataset && draft.TryGetEventKey(dataset, out var eventKey)
            && !string.Equals(eventKey, claim.EventKey, StringComparison.Ordinal))
        {
            return null;
        }
        var place = FitPlace(draft, claim);
        if (place == PlaceFit.None) return null;
        if (isTally)
        {
            if (place == PlaceFit.Near || !draft.Start.AgreesWith(claim.StartOrEnd())) return null;
            if (!(draft.Cumulative && claim.Claim.Cumulative) && !draft.End.AgreesWith(claim.EndOrStart())) return null;
            return place == PlaceFit.Nested ? MatchRules.SameTallyNestedPlace
                : claim.Claim.Source is not null && draft.HasSource(claim.Claim.Source) ? MatchRules.TallyUpdate
                : MatchRules.SameTally;
        }
        if (!draft.Window.Overlaps(claim.Window())) return null;
        return place switch
        {
            PlaceFit.Same => MatchRules.SameEvent,
            PlaceFit.Nested => MatchRules.SameEventNestedPlace,
            _ => MatchRules.SameEventCoordinates,
        };
    }

    private PlaceFit FitPlace(IncidentDraft draft, ClaimRecord claim)
    {
        var (a, b) = (draft.PlaceKey, claim.PlaceKey);
        if (a is not null && b is not null)
        {
            if (string.Equals(a, b, StringComparison.Ordinal)) return PlaceFit.Same;
            var (depthA, depthB) = (places.DepthOf(a), places.DepthOf(b));
            var nested = depthA > depthB ? places.Contains(b, a) : places.Contains(a, b);
            if (nested && Math.Abs(depthA - depthB) <= options.MaxPlaceDepthGap && Math.Min(depthA, depthB) >= 1) return PlaceFit.Nested;
        }
        if (draft.Latitude is { } latA && draft.Longitude is { } lonA && claim.Latitude is { } latB && claim.Longitude is { } lonB
            && Geo.DistanceKm(latA, lonA, latB, lonB) <= options.CoordinateMatchKm)
        {
            return PlaceFit.Near;
        }
        return PlaceFit.None;
    }
}
