using Casualties.Domain.Reference;

namespace Casualties.Domain.Extraction;

/// <summary>Places: gazetteer names in the text, "the west of the city", and the place each claim is about.</summary>
internal sealed partial class DocumentReader
{
    private static readonly Dictionary<string, string> Directions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["east"] = "East", ["eastern"] = "East", ["west"] = "West", ["western"] = "West", ["north"] = "North",
        ["northern"] = "North", ["south"] = "South", ["southern"] = "South",
    };

    /// <summary>A gazetteer name (with a capital somewhere), "the city", or "the west of the city".</summary>
    private bool TryPlaceAt(TokenText text, int i, int to, List<Place> places, out int length)
    {
        length = 0;
        if (Directions.TryGetValue(text[i].ToString(), out var direction) && text.Is(i + 1, "of"))
        {
            var cityAt = i + 2;
            Place? city = null;
            if (text.IsAny(cityAt, "the") && text.IsAny(cityAt + 1, "city", "town"))
            {
                city = lastCity;
                length = 4;
            }
            else if (extractor.Places.TryMatch(text, cityAt, to, out var cityLength, places) && HasCapital(text, cityAt, cityLength))
            {
                city = Prefer(places);
                length = 2 + cityLength;
            }
            if (city is not null && Reference.Gazetteer.Named($"{direction} {city.Name}") is [var part, ..])
            {
                places.Clear();
                places.Add(part);
                Vote(part);
                return true;
            }
            length = 0;
        }
        if (text.Is(i, "the") && text.IsAny(i + 1, "city", "town") && lastCity is not null && !text.Is(i + 2, "of"))
        {
            places.Clear();
            places.Add(lastCity);
            length = 2;
            return true;
        }
        if (!extractor.Places.TryMatch(text, i, to, out length, places) || !HasCapital(text, i, length))
        {
            length = 0;
            return false;
        }
        var chosen = Prefer(places);
        places.Remove(chosen);
        places.Insert(0, chosen);
        Vote(chosen);
        if (chosen.Parent is not null && !IsCountryLevel(chosen) && IsSettlement(chosen)) lastCity = chosen;
        return true;
    }

    private static bool HasCapital(TokenText text, int first, int length)
    {
        for (var k = first; k < first + length; k++)
        {
            if (text.IsCapitalized(k)) return true;
        }
        return false;
    }

    private static bool IsSettlement(Place place) =>
        place.Kind.Contains("city", StringComparison.OrdinalIgnoreCase) || place.Kind.Contains("town", StringComparison.OrdinalIgnoreCase)
        || place.Kind.Contains("village", StringComparison.OrdinalIgnoreCase);

    private bool IsCountryLevel(Place place) => place.Parent is null;

    /// <summary>Among places sharing a name, the one in the document's leading country, else the most specific.</summary>
    private Place Prefer(List<Place> places)
    {
        if (places.Count == 1) return places[0];
        var leading = countryVotes.Count == 0 ? null
            : countryVotes.OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal).First().Key;
        var gazetteer = Reference.Gazetteer;
        return places
            .OrderByDescending(p => leading is not null && gazetteer.CountryOf(p).Key == leading)
            .ThenBy(p => IsSettlement(p) ? 0 : 1)
            .ThenByDescending(gazetteer.DepthOf)
            .First();
    }

    private void Vote(Place place)
    {
        var country = Reference.Gazetteer.CountryOf(place).Key;
        countryVotes[country] = countryVotes.GetValueOrDefault(country) + 1;
    }

    /// <summary>
    /// The place a figure is about: the named place nearest to it, or a place inside that one the sentence
    /// also names (the most specific); else the place the text was just about.
    /// </summary>
    private Place? PlaceFor(ClaimDraft draft, bool continuesPrevious)
    {
        if (placesHere.Count > 0)
        {
            var anchor = draft.Mention.NumberToken;
            var nearest = placesHere.MinBy(p => Distance(p.First, p.Last, anchor)).Candidates[0];
            var gazetteer = Reference.Gazetteer;
            foreach (var other in placesHere)
            {
                var candidate = other.Candidates[0];
                if (candidate.Key != nearest.Key && gazetteer.Contains(nearest, candidate)
                    && gazetteer.DepthOf(candidate) > gazetteer.DepthOf(nearest))
                {
                    nearest = candidate;
                }
            }
            return nearest;
        }
        if (continuesPrevious && previousDrafts.Count > 0) return previousDrafts[^1].Place;
        if (previousPlaces.Count > 0) return previousPlaces[^1];
        return lastPlace;
    }

    private static int Distance(int first, int last, int anchor) =>
        anchor < first ? first - anchor : anchor > last ? anchor - last : 0;
}
