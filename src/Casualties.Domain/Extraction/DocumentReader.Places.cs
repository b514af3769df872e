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
        var ofAt = text.IsAny(i + 1, "districts", "neighbourhoods", "neighborhoods", "part", "parts", "side", "suburbs",
            "outskirts", "areas", "quarters", "sector") ? i + 2 : i + 1;
        if (Directions.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text[i], out var direction) && text.Is(ofAt, "of"))
        {
            var cityAt = ofAt + 1;
            Place? city = null;
            if (text.IsAny(cityAt, "the") && text.IsAny(cityAt + 1, "city", "town"))
            {
                city = lastCity;
                length = cityAt + 2 - i;
            }
            else if (extractor.Places.TryMatch(text, cityAt, to, out var cityLength, places) && HasCapital(text, cityAt, cityLength))
            {
                city = Prefer(places);
                length = cityAt + cityLength - i;
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
        if (!extractor.Places.TryMatch(text, i, to, out length, places) || !HasCapital(text, i, length) || IsDateline(text, i, length))
        {
            length = 0;
            return false;
        }
        var chosen = Prefer(places);
        places.Remove(chosen);
        places.Insert(0, chosen);
        Vote(chosen);
        if (Reference.Gazetteer.AncestryOf(chosen).FirstOrDefault(IsSettlement) is { } settlement) lastCity = settlement;
        return true;
    }

    /// <summary>"BEIRUT (Reuters) -": a place in capitals is where the story was filed, not what it is about.</summary>
    private static bool IsDateline(TokenText text, int first, int length)
    {
        for (var k = first; k < first + length; k++)
        {
            var word = text[k];
            if (word.Length < 3) continue;
            foreach (var c in word)
            {
                if (char.IsLower(c)) return false;
            }
        }
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

    private string? LeadingCountry() => countryVotes.Count == 0 ? null
        : countryVotes.OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal).First().Key;

    private void Vote(Place place)
    {
        var country = extractor.CountryKeyOf(place);
        countryVotes[country] = countryVotes.GetValueOrDefault(country) + 1;
    }

    /// <summary>
    /// The place a figure is about: the named place nearest to it; else the place the text was just about.
    /// </summary>
    private Place? PlaceFor(ClaimDraft draft, bool continuesPrevious)
    {
        var leading = LeadingCountry();
        var anchor = draft.Mention.NumberToken;
        NamedAt<Place>? nearest = null;
        var anyInLeading = leading is not null && placesHere.Any(p => extractor.CountryKeyOf(p.Candidates[0]) == leading);
        foreach (var place in placesHere)
        {
            if (anyInLeading && extractor.CountryKeyOf(place.Candidates[0]) != leading) continue;
            if (nearest is null || Distance(place.First, place.Last, anchor) < Distance(nearest.Value.First, nearest.Value.Last, anchor)) nearest = place;
        }
        if (nearest is { } here) return here.Candidates[0];
        if (continuesPrevious && previousDrafts.Count > 0) return previousDrafts[^1].Place;
        var previous = previousPlaces.LastOrDefault(p => leading is null || extractor.CountryKeyOf(p) == leading);
        return previous ?? lastPlace;
    }

    private static int Distance(int first, int last, int anchor) =>
        anchor < first ? first - anchor : anchor > last ? anchor - last : 0;
}
