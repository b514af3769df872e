using Casualties.Domain.Model;
using Casualties.Domain.Reference;

namespace Casualties.Domain.Extraction;

/// <summary>Places: gazetteer names in the text, "the west of the city", and the place each claim is about.</summary>
internal sealed partial class DocumentReader
{
    private static readonly WordMap<string> Directions = new(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["east"] = "East", ["eastern"] = "East", ["west"] = "West", ["western"] = "West", ["north"] = "North",
        ["northern"] = "North", ["south"] = "South", ["southern"] = "South",
    });

    /// <summary>A gazetteer name (with a capital somewhere), "the city", or "the west of the city".</summary>
    private bool TryPlaceAt(ClaimExtractor.NameStart start, TokenText text, int i, int to, out IReadOnlyList<Place> places, out int length)
    {
        length = 0;
        places = [];
        if (Directions.TryGetValue(text[i], out var direction) && TryDirectionalPlaceAt(text, i, to, direction, out places, out length))
        {
            return true;
        }
        if (TryCountryPart(text, i, out places, out length)) return true;
        if (text.Is(i, "the") && text.IsAny(i + 1, "city", "town") && lastCity is not null && !text.Is(i + 2, "of"))
        {
            places = [lastCity];
            length = 2;
            return true;
        }
        if (text.Is(i, "the") && text.IsAny(i + 1, "region", "province", "governorate", "oblast", "state") && lastRegion is not null
            && !text.Is(i + 2, "of") && !text.IsApostrophe(i + 2) && !(text.IsWord(i + 2) && InstitutionNouns.Contains(text[i + 2])))
        {
            places = [lastRegion];
            length = 2;
            return true;
        }
        if (!extractor.Places.TryMatchShared(start.Places, text, i, to, out length, out var candidates) || !HasCapital(text, i, length) || IsDateline(text, i, length)
            || IsDatedDateline(text, i, length))
        {
            var opensDateline = sentence == 0 && i <= 1 && IsDateline(text, i, length) && HasCapital(text, i, length) || IsDatedDateline(text, i, length);
            if (length > 0 && opensDateline)
            {
                var filed = Prefer(candidates);
                datelinePlace ??= filed;
                // "MOZAMBIQUE: Cabo Delgado - Flash Update": a heading that names a country is about that country.
                if (filed.Parent is null && !FiledFrom(text, i + length))
                {
                    VoteCountry(filed.Key, 3);
                    RememberNamed(filed);
                }
                else
                {
                    VoteForDateline(filed);
                }
            }
            else if (length == 0 && text.IsCapitalized(i))
            {
                VoteForGeneratedDateline(text, i, to);
            }
            length = 0;
            return false;
        }
        var chosen = Prefer(candidates);
        if (FollowsDatelineCity(text, i, length))
        {
            Vote(chosen);
            RememberNamed(chosen);
            return false;
        }
        places = ChosenFirst(candidates, chosen);
        Vote(chosen);
        RememberNamed(chosen);
        if (Reference.Gazetteer.AncestryOf(chosen).FirstOrDefault(IsSettlement) is { } settlement) lastCity = settlement;
        if (Reference.Gazetteer.AncestryOf(chosen).FirstOrDefault(p => p.Kind == "region") is { } region) lastRegion = region;
        return true;
    }

    private static readonly HashSet<string> AfterCountryPart = new WordSet()
    {
        "on", "in", "and", "or", "at", "over", "since", "last", "this", "to", "after", "before", "during", "amid", "following", "where",
        "with", "for", "as", "overnight", "yesterday", "today", "earlier", "alone",
    };

    /// <summary>"fled the south on Monday": a part of the document's country named by its direction alone ("South Lebanon").</summary>
    private bool TryCountryPart(TokenText text, int i, out IReadOnlyList<Place> places, out int length)
    {
        places = [];
        length = 0;
        if (!text.Is(i, "the") || !text.IsAny(i + 1, "south", "north", "east", "west") || text.IsCapitalized(i + 1)) return false;
        if (text.IsWord(i + 2) && !AfterCountryPart.Contains(text[i + 2])) return false;
        if (DocumentCountry() is not { } country) return false;
        var direction = Directions[text[i + 1]];
        var gazetteer = Reference.Gazetteer;
        foreach (var name in (ReadOnlySpan<string>)[$"{direction} {country.Name}", $"{direction}ern {country.Name}"])
        {
            if (FirstInside(gazetteer, gazetteer.Named(name), country) is not { } part) continue;
            places = [part];
            Vote(part);
            length = 2;
            return true;
        }
        return false;
    }

    /// <summary>The first of <paramref name="places"/> inside <paramref name="outer"/> (a loop, not a lambda: no closure per call of the caller).</summary>
    private static Place? FirstInside(Gazetteer gazetteer, IReadOnlyList<Place> places, Place outer)
    {
        for (var k = 0; k < places.Count; k++)
        {
            if (gazetteer.Contains(outer, places[k])) return places[k];
        }
        return null;
    }

    /// <summary>True when the sentence names another place inside this one ("in the east ... in the town of Selydove").</summary>
    private bool NamesPlaceInside(NamedAt<Place> outer)
    {
        foreach (var other in placesHere)
        {
            if (other.First != outer.First && other.Candidates[0].Key != outer.Candidates[0].Key && Reference.Gazetteer.Contains(outer.Candidates[0], other.Candidates[0])) return true;
        }
        return false;
    }

    /// <summary>"the south" read as a part of the country: vaguer than any place the sentence names.</summary>
    private static bool IsCountryPartMention(TokenText text, NamedAt<Place> named) =>
        named.Length == 2 && text.Is(named.First, "the") && text.IsAny(named.First + 1, "south", "north", "east", "west");

    /// <summary>"the west of the city", "eastern districts of Aleppo", "across southern and eastern Lebanon", "eastern Aleppo".</summary>
    private bool TryDirectionalPlaceAt(TokenText text, int i, int to, string direction, out IReadOnlyList<Place> places, out int length)
    {
        length = 0;
        places = [];
        var ofAt = text.IsAny(i + 1, "districts", "neighbourhoods", "neighborhoods", "part", "parts", "side", "suburbs",
            "outskirts", "areas", "quarters", "sector", "half") ? i + 2 : i + 1;
        if (text.Is(ofAt, "of"))
        {
            var cityAt = ofAt + 1;
            Place? city = null;
            if (text.IsAny(cityAt, "the") && text.IsAny(cityAt + 1, "city", "town"))
            {
                city = lastCity;
                length = cityAt + 2 - i;
            }
            else if (extractor.Places.TryMatchShared(text, cityAt, to, out var cityLength, out var named) && HasCapital(text, cityAt, cityLength))
            {
                city = Prefer(named);
                length = cityAt + cityLength - i;
            }
            if (city is not null && Reference.Gazetteer.Named($"{direction} {city.Name}") is [var part, ..])
            {
                places = [part];
                Vote(part);
                return true;
            }
            length = 0;
        }
        if (TryRegionsOfOnePlace(text, i, to, out places, out length)) return true;
        if (!text.IsCapitalized(i)
            && extractor.Places.TryMatchShared(text, i + 1, to, out var namedLength, out var afterAdjective) && HasCapital(text, i + 1, namedLength)
            && Reference.Gazetteer.Named($"{direction} {Prefer(afterAdjective).Name}") is [var directional, ..])
        {
            places = [directional];
            Vote(directional);
            length = namedLength + 1;
            return true;
        }
        length = 0;
        places = [];
        return false;
    }

    /// <summary>"across southern and eastern Lebanon": several regions of one place, which no single region covers, are that place.</summary>
    private bool TryRegionsOfOnePlace(TokenText text, int i, int to, out IReadOnlyList<Place> places, out int length)
    {
        length = 0;
        places = [];
        var directions = Directions;
        if (text.IsCapitalized(i) || !directions.ContainsKey(text[i])) return false;
        var k = i + 1;
        var regions = 1;
        while (text.IsAny(k, "and", "or") || text.IsPunctuation(k, ','))
        {
            if (text.IsAny(k + 1, "and", "or")) k++;
            if (!directions.ContainsKey(text[k + 1]) || text.IsCapitalized(k + 1)) break;
            regions++;
            k += 2;
        }
        if (regions < 2 || !extractor.Places.TryMatchShared(text, k, to, out var namedLength, out var named) || !HasCapital(text, k, namedLength)) return false;
        var whole = Prefer(named);
        places = [whole];
        Vote(whole);
        length = k + namedLength - i;
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

    /// <summary>
    /// "OUAGADOUGOU, March 14 (Reuters) -", "KYIV -": the town a line opens with is where the story was filed, never an actor
    /// its name may stand for elsewhere ("Ouagadougou", "Kyiv" for their governments).
    /// </summary>
    private bool IsFiledFrom(TokenText text, int i, int length) =>
        (sentence == 0 && i <= 1 || StartsLine(text, i))
        && (IsDateline(text, i, length) && (FiledFrom(text, i + length) || IsDash(text, i + length)) || IsDatedDateline(text, i, length));

    /// <summary>"BEIRUT (Reuters) -", "BEIRUT, Lebanon": a dateline, where a story was filed (not a heading about a country).</summary>
    private static bool FiledFrom(TokenText text, int after) => text.IsPunctuation(after, '(') || text.IsComma(after);

    /// <summary>
    /// Where a story was filed is weak evidence of what country it is about (a wire filed from Nairobi may be about Somalia):
    /// half a vote, which any place the story itself names outweighs.
    /// </summary>
    private void VoteForDateline(Place filed) => VoteCountry(extractor.CountryKeyOf(filed), 0.5);

    /// <summary>
    /// "PORT-AU-PRINCE, March 14 -", "Bangui, 14 July 2025 -", "MIREBALAIS -": a dateline town only the generated layer knows gives half a vote
    /// to its country, when every town of that name lies in one country.
    /// </summary>
    private void VoteForGeneratedDateline(TokenText text, int i, int to)
    {
        // Only a line's first words can be a dateline: no other word looks the layer up.
        if (!(sentence == 0 && i <= 1) && !StartsLine(text, i)) return;
        if (!extractor.TryMatchGenerated(text, i, to, out var length, out var candidates) || candidates.Count == 0) return;
        // "MIREBALAIS - At least ...": a town only the layer knows, in capitals before a dash, is where the story was filed.
        if (!(sentence == 0 && i <= 1 && IsDateline(text, i, length) && (FiledFrom(text, i + length) || IsDash(text, i + length)))
            && !IsDatedDateline(text, i, length))
        {
            return;
        }
        var country = extractor.CountryKeyOf(candidates[0]);
        foreach (var place in candidates)
        {
            if (extractor.CountryKeyOf(place) != country) return;
        }
        VoteCountry(country, 0.5);
    }

    private static bool StartsLine(TokenText text, int first) =>
        first == 0 || text.Text.AsSpan(text.Token(first - 1).End, text.Token(first).Start - text.Token(first - 1).End).Contains('\n');

    /// <summary>"Baghdad, 1 August 2015 - A total of...": a line opening with a place, a date and a dash says where the release was issued.</summary>
    private static bool IsDatedDateline(TokenText text, int first, int length)
    {
        if (first > 0 && !text.Text.AsSpan(text.Token(first - 1).End, text.Token(first).Start - text.Token(first - 1).End).Contains('\n')) return false;
        var k = first + length;
        if (!text.IsComma(k)) return false;
        var numbers = 0;
        for (k++; k < first + length + 8 && text.InRange(k); k++)
        {
            if (IsDash(text, k)) return numbers > 0;
            if (text.Kind(k) == TokenKind.Number) numbers++;
            else if (text.Kind(k) == TokenKind.Word && !text.IsCapitalized(k)) return false;
        }
        return false;
    }

    /// <summary>
    /// "MAIDUGURI, Nigeria —", "RAMALLAH, West Bank (AP) —", "LAMU, Kenya, Sept 9 (Wire) -": the country or area of a dateline,
    /// where the story was filed (a date may stand between it and the agency or the dash).
    /// </summary>
    private static bool FollowsDatelineCity(TokenText text, int first, int length)
    {
        if (!text.IsComma(first - 1) || first < 2 || !text.IsWord(first - 2) || text[first - 2].Length < 3 || !IsDateline(text, first - 2, 1)) return false;
        var after = first + length;
        if (text.IsComma(after))
        {
            var k = after + 1;
            while (k < after + 6 && (text.Kind(k) == TokenKind.Number || text.IsWord(k) && text.IsCapitalized(k) || text.IsPunctuation(k, '.') || text.IsComma(k))) k++;
            if (k > after + 1 && ContainsNumber(text, after + 1, k)) after = k;
        }
        return text.IsPunctuation(after, '(') || IsDash(text, after);
    }

    private static bool IsDash(TokenText text, int k) =>
        text.IsPunctuation(k, '-') || text.IsPunctuation(k, '\u2014') || text.IsPunctuation(k, '\u2013');

    private static bool ContainsNumber(TokenText text, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (text.Kind(k) == TokenKind.Number) return true;
        }
        return false;
    }

    private static bool HasCapital(TokenText text, int first, int length)
    {
        for (var k = first; k < first + length; k++)
        {
            if (text.IsCapitalized(k)) return true;
        }
        return false;
    }

    /// <summary>The candidates with the chosen one moved to the front; a lone candidate's list as it is.</summary>
    private static IReadOnlyList<Place> ChosenFirst(IReadOnlyList<Place> candidates, Place chosen)
    {
        if (candidates.Count == 1) return candidates;
        var ordered = new Place[candidates.Count];
        ordered[0] = chosen;
        var next = 1;
        var moved = false;
        foreach (var place in candidates)
        {
            if (!moved && EqualityComparer<Place>.Default.Equals(place, chosen))
            {
                moved = true;
                continue;
            }
            ordered[next++] = place;
        }
        return ordered;
    }

    private static bool IsSettlement(Place place) =>
        place.Kind.Contains("city", StringComparison.OrdinalIgnoreCase) || place.Kind.Contains("town", StringComparison.OrdinalIgnoreCase)
        || place.Kind.Contains("village", StringComparison.OrdinalIgnoreCase);

    /// <summary>Among places sharing a name, the one in the document's leading country, else the most specific.</summary>
    private Place Prefer(IReadOnlyList<Place> places) => places.Count == 1 ? places[0] : PreferAmong(places);

    /// <summary>The ordering of <see cref="Prefer"/>, apart: its lambdas' closure would otherwise be allocated for one place too.</summary>
    private Place PreferAmong(IReadOnlyList<Place> places)
    {
        var leading = LeadingCountry();
        var gazetteer = Reference.Gazetteer;
        return places
            .OrderByDescending(p => leading is not null && extractor.CountryKeyOf(p) == leading)
            .ThenByDescending(InDocumentCountries)
            .ThenBy(p => IsSettlement(p) ? 0 : 1)
            .ThenByDescending(gazetteer.DepthOf)
            .First();
    }

    private static readonly HashSet<string> InstitutionNouns = new WordSet()
    {
        "ministry", "administration", "council", "office", "directorate", "governor", "police", "authorities",
        "authority", "department", "command", "health", "municipality", "branch", "committee", "-based", "government",
        "prosecutor", "prosecutors", "emergency", "media", "news", "television", "radio", "commissioner", "mayor", "commander",
        "administrator", "prefect", "spokesman", "spokeswoman", "spokesperson",
    };

    /// <summary>Words that make a figure country-wide: "inside the country", "fled to neighbouring countries", "nationwide".</summary>
    private static readonly PhraseMatcher<bool> CountryWide = new(
    [
        ("inside the country", true), ("across the country", true), ("in the country", true), ("nationwide", true),
        ("neighbouring countries", true), ("neighboring countries", true), ("the country's", true), ("countrywide", true),
        ("since the uprising", true), ("since the war began", true), ("since the conflict began", true),
        ("since the start of the war", true), ("since the start of the conflict", true), ("since the war started", true),
        ("abroad", true), ("across the border", true), ("throughout the country", true),
    ]);

    /// <summary>
    /// The place a figure is about: the most specific named place of the sentence (the nearest when they are
    /// unrelated); a country-wide statistic's country; else the place the text was just about.
    /// </summary>
    private Place? PlaceFor(TokenText text, int from, int to, ClaimDraft draft, bool continuesPrevious)
    {
        var anchor = draft.Mention.NumberToken;
        NamedAt<Place>? best = null;
        foreach (var named in placesHere)
        {
            if (!InDocumentCountries(named.Candidates[0]) || !IsPlaceOfEvent(text, named)) continue;
            if (IsCountryPartMention(text, named) && NamesPlaceInside(named) || InRelativeClauseWithout(text, named, anchor, to)) continue;
            if (best is not { } current || Closer(named, current, anchor)) best = named;
        }
        if (best is { } last) best = FirstOfAddress(text, last);
        foreach (var named in placesHere)
        {
            if (best is not { } nearest || !InDocumentCountries(named.Candidates[0])) break;
            var adjacent = Math.Abs(named.First - nearest.Last) <= 4 || Math.Abs(nearest.First - named.Last) <= 4;
            if (named.Candidates[0].Key != nearest.Candidates[0].Key
                && (adjacent && Reference.Gazetteer.Contains(nearest.Candidates[0], named.Candidates[0]) || IsLocatedIn(text, named, nearest)
                    // A name kept as written under the nearest place: the text itself put it there ("Abu Shouk camp ..., on the edge of El Fasher").
                    // "the village of Bartiébougou, in Gayéri commune, Komondjari province": or under a place inside it.
                    || IsKeptAsWritten(named.Candidates[0]) && Reference.Gazetteer.Contains(nearest.Candidates[0], named.Candidates[0])
                        && SameClause(text, named, nearest.First)))
            {
                best = named;
            }
        }
        if (best is { } here) return HolderOfCoordinated(text, here) ?? InnermostNamedFor(text, draft, here).Candidates[0];
        if (IsOwnLossAnnouncement(text, from, draft.Mention.FirstToken)) return null;
        if (IsCountryWide(text, from, to, draft)) return CountryWidePlace();
        if (IsWholeWarTally(draft) || IsOverallToll(text, from, draft.Mention.FirstToken)) return DocumentArea();
        if (continuesPrevious && previousDrafts.Count > 0) return previousDrafts[^1].Place;
        if (InnermostOf(previousPlaces, InDocumentCountries) is { } previous) return previous;
        return drafts.LastOrDefault(d => !d.Rejected && d.Place is not null)?.Place ?? lastPlace ?? datelinePlace;
    }

    /// <summary>
    /// "in Gayéri commune, Komondjari province", "Pezu, Lakki Marwat district": a place written after another and a comma,
    /// as the larger unit that holds it (the gazetteer says so, or the text's noun for it is a division's), is the other's
    /// address; the figure is the first place's.
    /// </summary>
    private NamedAt<Place> FirstOfAddress(TokenText text, NamedAt<Place> named)
    {
        for (var steps = 0; steps < 3 && text.IsComma(named.First - 1); steps++)
        {
            var end = named.First - 2;
            if (text.IsWord(end) && !text.IsCapitalized(end) && SettlementNouns.Contains(text[end])) end--;
            NamedAt<Place>? before = null;
            foreach (var other in placesHere)
            {
                if (other.Last == end) before = other;
            }
            if (before is not { } inner || inner.Candidates[0].Key == named.Candidates[0].Key) break;
            var division = text.IsWord(named.Last + 1) && DivisionNouns.Contains(text[named.Last + 1]);
            if (!division && !Reference.Gazetteer.Contains(named.Candidates[0], inner.Candidates[0])) break;
            named = inner;
        }
        return named;
    }

    /// <summary>Nouns of an administrative division above a settlement: what an address ends with ("Komondjari province").</summary>
    private static readonly HashSet<string> DivisionNouns = new WordSet()
    {
        "province", "region", "state", "department", "county", "governorate", "oblast", "prefecture", "district", "territory", "zone",
    };

    /// <summary>
    /// Nearer the figure; at the same distance a place the gazetteer knows beats a name kept as written (weaker evidence:
    /// only its context says it is a place).
    /// </summary>
    private static bool Closer(NamedAt<Place> named, NamedAt<Place> best, int anchor)
    {
        var distance = Distance(named.First, named.Last, anchor);
        var bestDistance = Distance(best.First, best.Last, anchor);
        return distance < bestDistance
            || distance == bestDistance && IsKeptAsWritten(best.Candidates[0]) && !IsKeptAsWritten(named.Candidates[0]);
    }

    /// <summary>
    /// The place a sentence was last about: its last named place, or a place it named inside that one ("in the town of
    /// Bilopillia in Sumy Oblast" is about Bilopillia).
    /// </summary>
    private Place? InnermostOf(List<Place> places, Func<Place, bool> eligible)
    {
        Place? last = null;
        for (var k = places.Count - 1; k >= 0 && last is null; k--)
        {
            if (eligible(places[k])) last = places[k];
        }
        if (last is null) return null;
        var gazetteer = Reference.Gazetteer;
        var innermost = last;
        foreach (var place in places)
        {
            if (place.Key != innermost.Key && eligible(place) && gazetteer.Contains(innermost, place)) innermost = place;
        }
        return innermost;
    }

    /// <summary>
    /// "In Kharkiv Oblast, 10 civilians were injured in strikes on the city of Kupiansk", "killed 32 in the town of Gwoza in Borno
    /// state": a place of the sentence that lies inside the chosen one is the more specific, unless another figure is nearer to it.
    /// </summary>
    private NamedAt<Place> InnermostNamedFor(TokenText text, ClaimDraft draft, NamedAt<Place> chosen)
    {
        var gazetteer = Reference.Gazetteer;
        foreach (var named in placesHere)
        {
            var inner = named.Candidates[0];
            if (inner.Key == chosen.Candidates[0].Key || !gazetteer.Contains(chosen.Candidates[0], inner) || !InDocumentCountries(inner)) continue;
            // "the Kherson regional prosecutor's office said ... in the region": a name inside a body's name is not where it happened.
            if (!IsPlaceOfEvent(text, named)) continue;
            if (gazetteer.DepthOf(inner) <= gazetteer.DepthOf(chosen.Candidates[0]) || !IsNearestFigure(text, draft, named)) continue;
            if (IsCoordinatedPlace(text, named) || !SameClause(text, named, draft.Mention.NumberToken)) continue;
            if (InRelativeClauseWithout(text, named, draft.Mention.NumberToken, text.Count)) continue;
            chosen = named;
        }
        return chosen;
    }

    /// <summary>
    /// "At least 60 of them died in the Shejaiya district", "1.1 million of them in Sagaing region": a part of a figure with a
    /// place of its own, named after it and inside the whole's place, is that place.
    /// </summary>
    private Place? PlaceWithin(TokenText text, ClaimDraft part, ClaimDraft whole)
    {
        var number = part.Mention.NumberToken;
        var after = part.Mention.LastToken + 1;
        if (!text.Is(after, "of") || !text.IsAny(after + 1, "them", "those", "whom")) return null;
        var wholeHere = sentenceDrafts.Contains(whole);
        NamedAt<Place>? best = null;
        foreach (var named in placesHere)
        {
            var place = named.Candidates[0];
            if (named.First <= number || !InDocumentCountries(place) || !IsPlaceOfEvent(text, named)) continue;
            if (whole.Place is { } outer && (outer.Key == place.Key || !Reference.Gazetteer.Contains(outer, place))) continue;
            if (wholeHere && Distance(named.First, named.Last, whole.Mention.NumberToken) <= Distance(named.First, named.Last, number)) continue;
            if (!SameClause(text, named, number) || HasCommaBetween(text, after, named.First)) continue;
            if (best is null || named.First < best.Value.First) best = named;
        }
        return best?.Candidates[0];
    }

    private static bool HasCommaBetween(TokenText text, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (text.IsComma(k)) return true;
        }
        return false;
    }

    /// <summary>
    /// "in Nasir and Ulang", "in the Gojjam and Gondar zones", "the municipalities of Culiacán, Navolato and Elota": a figure
    /// over several places joined by "and" is the smallest place that holds them all (domain.md), when the gazetteer knows
    /// each; null when the chosen place stands alone.
    /// </summary>
    private Place? HolderOfCoordinated(TokenText text, NamedAt<Place> chosen)
    {
        List<Place>? group = null;
        var first = chosen.First;
        while (CoordinatedBefore(text, first) is { } left)
        {
            (group ??= [chosen.Candidates[0]]).Add(left.Candidates[0]);
            first = left.First;
        }
        var last = chosen.Last;
        while (CoordinatedAfter(text, last) is { } right)
        {
            (group ??= [chosen.Candidates[0]]).Add(right.Candidates[0]);
            last = right.Last;
        }
        // "Kanbalu township, Sagaing region" names one place inside the other: an apposition, not a list; and a list has its "and".
        if (group is null || !HasConjunction(text, first, last)) return null;
        var gazetteer = Reference.Gazetteer;
        foreach (var place in group)
        {
            if (IsKeptAsWritten(place) || !InDocumentCountries(place)) return null;
            foreach (var other in group)
            {
                if (other.Key != place.Key && gazetteer.Contains(place, other)) return null;
            }
        }
        return gazetteer.SmallestHolding(group);
    }

    private static bool HasConjunction(TokenText text, int first, int last)
    {
        for (var k = first; k <= last; k++)
        {
            if (text.IsAny(k, "and", "or")) return true;
        }
        return false;
    }

    /// <summary>The place named just before <paramref name="first"/> across "and", "or", a comma or ", and"; else null.</summary>
    private NamedAt<Place>? CoordinatedBefore(TokenText text, int first)
    {
        var end = text.IsComma(first - 2) && text.Is(first - 1, "and") ? first - 3
            : text.IsAny(first - 1, "and", "or") || text.IsComma(first - 1) ? first - 2 : -1;
        foreach (var named in placesHere)
        {
            if (named.Last == end) return named;
        }
        return null;
    }

    /// <summary>The place named just after <paramref name="last"/> across "and", "or", a comma or ", and"; else null.</summary>
    private NamedAt<Place>? CoordinatedAfter(TokenText text, int last)
    {
        var start = text.IsComma(last + 1) && text.Is(last + 2, "and") ? last + 3
            : text.IsAny(last + 1, "and", "or") || text.IsComma(last + 1) ? last + 2 : -1;
        foreach (var named in placesHere)
        {
            if (named.First == start) return named;
        }
        return null;
    }

    /// <summary>"the Shaar and Maadi districts": one of several places, which the figure covers together.</summary>
    private bool IsCoordinatedPlace(TokenText text, NamedAt<Place> named)
    {
        if (CoordinatedBefore(text, named.First) is not null) return true;
        var next = text.Is(named.Last + 2, "the") ? named.Last + 3 : named.Last + 2;
        return text.IsAny(named.Last + 1, "and", "or") && (text.IsCapitalized(next) || text.Kind(next) == TokenKind.Number)
            || text.IsAny(named.First - 1, "and", "or") && text.IsCapitalized(named.First - 2);
    }

    /// <summary>
    /// "the M23 rebels, who seized the provincial capital Goma in January, have detained hundreds": a place inside a relative
    /// clause set off by commas describes someone, not where the figure happened, when the figure lies outside the clause.
    /// </summary>
    private static bool InRelativeClauseWithout(TokenText text, NamedAt<Place> named, int figure, int to)
    {
        var start = -1;
        for (var k = named.First - 1; k >= 0 && k >= named.First - 12; k--)
        {
            if (!text.IsComma(k) && !text.IsPunctuation(k, ';') && !text.IsPunctuation(k, '.')) continue;
            if (text.IsComma(k) && text.IsAny(k + 1, "who", "which", "whose")) start = k;
            break;
        }
        if (start < 0) return false;
        var end = named.Last + 1;
        while (end < to && !text.IsComma(end) && !text.IsPunctuation(end, ';')) end++;
        return figure < start || figure > end;
    }

    private static readonly HashSet<string> ClauseStarts = new WordSet()
    {
        "as", "while", "whereas", "which", "who", "where", "many", "most", "some", "but", "although", "though",
    };

    /// <summary>No clause boundary (", as ...", ", many of them ...", "while") between a name and the figure.</summary>
    private static bool SameClause(TokenText text, NamedAt<Place> named, int figure)
    {
        var (a, b) = figure < named.First ? (figure, named.First) : (named.Last, figure);
        for (var k = a + 1; k < b; k++)
        {
            if (text.IsPunctuation(k, ';') || text.IsWord(k) && ClauseStarts.Contains(text[k]) && (text.IsComma(k - 1) || text.IsAny(k, "as", "while", "whereas"))) return false;
        }
        return true;
    }

    /// <summary>True when no other figure of the sentence is nearer to the name than this draft's.</summary>
    private bool IsNearestFigure(TokenText text, ClaimDraft draft, NamedAt<Place> named)
    {
        var own = Distance(named.First, named.Last, draft.Mention.NumberToken);
        foreach (var other in sentenceDrafts)
        {
            if (other.Rejected || ReferenceEquals(other, draft) || ClosedSubsetBefore(text, draft, other, named)) continue;
            if (Distance(named.First, named.Last, other.Mention.NumberToken) < own) return false;
        }
        return true;
    }

    /// <summary>"51 people, including 13 children, in an attack in Djugu": a subset set off by commas before the place leaves the place to its whole.</summary>
    private static bool ClosedSubsetBefore(TokenText text, ClaimDraft draft, ClaimDraft subset, NamedAt<Place> named) =>
        ReferenceEquals(subset.Parent, draft) && subset.VictimEnd < named.First && text.IsComma(subset.VictimEnd + 1);

    /// <summary>"the overall death toll since October 7, 2023", "since the February 2021 coup": a running tally over months, not the last town.</summary>
    private static bool IsWholeWarTally(ClaimDraft draft) =>
        draft.Cumulative && draft.Period.Start is { } start && start.Precision != DatePrecision.Day
        || draft.Cumulative && draft.Period.Start is { Precision: DatePrecision.Day } day && draft.Period.End is { } end && end.Date.DayNumber - day.Date.DayNumber > 60;

    /// <summary>"The ministry's overall toll stands at 43,985 killed", "the cumulative death toll": the whole war's, not the last town's.</summary>
    private static bool IsOverallToll(TokenText text, int from, int figure)
    {
        for (var k = from; k < figure; k++)
        {
            if (!text.IsAny(k, "overall", "cumulative")) continue;
            if (text.IsAny(k + 1, "toll", "tally") || text.IsAny(k + 1, "death", "casualty") && text.IsAny(k + 2, "toll", "tally")) return true;
        }
        return false;
    }

    /// <summary>The document's country, or the last whole area of it the text named ("the Gaza Strip", "the West Bank").</summary>
    private Place? DocumentArea()
    {
        var country = DocumentCountry();
        if (country is null) return null;
        return namedAreas.LastOrDefault(a => a.Parent == country.Key) ?? CountryWidePlace();
    }

    /// <summary>
    /// A country-wide figure's place: the country, or, for a country made of separate territories (the Gaza Strip and the
    /// West Bank), the territory the text is about: the last one it named, else the one its last place lies in.
    /// </summary>
    private Place? CountryWidePlace()
    {
        var country = DocumentCountry();
        if (country is null) return null;
        var gazetteer = Reference.Gazetteer;
        var territories = gazetteer.ChildrenOf(country);
        if (territories.Count == 0 || territories.Any(t => t.Kind != "area")) return country;
        if (namedAreas.LastOrDefault(a => a.Parent == country.Key) is { } named) return named;
        return lastPlace is null ? country : gazetteer.AncestryOf(lastPlace).FirstOrDefault(p => p.Parent == country.Key) ?? country;
    }

    /// <summary>The first-level region the text last named, or that its last town lies in: what "the region", "the province" mean.</summary>
    private Place? lastRegion;

    /// <summary>"MOGADISHU, Somalia (AP) —": the city the story was filed from, the place of last resort.</summary>
    private Place? datelinePlace;

    /// <summary>Areas directly under a country that the text named, in order ("Gaza Strip", "Darfur").</summary>
    private readonly List<Place> namedAreas = [];

    /// <summary>
    /// "the town of Qana in the Tyre district", "Bodai, in Baalbek", "the Kalma displacement camp outside Nyala": the first
    /// place lies in (or just outside) the second, so it is the more specific.
    /// </summary>
    private static bool IsLocatedIn(TokenText text, NamedAt<Place> inner, NamedAt<Place> outer)
    {
        var k = inner.Last + 1;
        var settlementNoun = text.IsAny(inner.Last, "camp", "village", "town", "settlement", "site");
        for (var words = 0; words < 2 && text.IsWord(k) && !text.IsCapitalized(k) && (SettlementNouns.Contains(text[k]) || CampModifiers.Contains(text[k])); words++)
        {
            settlementNoun |= text.IsAny(k, "camp", "village", "town", "settlement", "site");
            k++;
        }
        // "the Pezu police station in Lakki Marwat district": a post of the forces stands in a settlement of its name.
        if (PastPostOfForces(text, k) is var past && past > k) (k, settlementNoun) = (past, true);
        if (text.IsPunctuation(k, ',')) k++;
        if (ApposedSettlementEnd(text, k) is > 0 and var apposed) return apposed == outer.First;
        // "Abu Shouk camp, on the northern edge of El Fasher", "Zamzam camp, about 15 kilometres south of El Fasher".
        if (EdgeOfPlaceEnd(text, k) is > 0 and var edge) return edge == outer.First && (IsSettlement(inner.Candidates[0]) || settlementNoun);
        if (!text.IsAny(k, "in", "outside")) return false;
        k++;
        if (text.Is(k, "the")) k++;
        k = PastPossessiveName(text, k);
        return k == outer.First && (IsSettlement(inner.Candidates[0]) || settlementNoun);
    }

    /// <summary>
    /// After a name and its comma, "a village in", "a small farming town in the", "the main town of": the token where the
    /// place that holds the name starts, or -1. The apposition says the name is the settlement, inside what follows.
    /// </summary>
    private static int ApposedSettlementEnd(TokenText text, int k)
    {
        if (!text.IsAny(k, "a", "an", "the")) return -1;
        for (var n = k + 1; n <= k + 4 && text.IsWord(n) && !text.IsCapitalized(n); n++)
        {
            if (!SettlementNouns.Contains(text[n])) continue;
            var of = PastDistanceAndDirection(text, n + 1);
            if (!text.IsAny(of, "in", "of", "from", "outside", "near")) return -1;
            var at = text.Is(of + 1, "the") ? of + 2 : of + 1;
            return PastPossessiveName(text, at);
        }
        return -1;
    }

    /// <summary>
    /// "on the northern edge of X", "on the outskirts of X", "about 15 kilometres south of X", "near X": the token where X
    /// starts, or -1.
    /// </summary>
    private static int EdgeOfPlaceEnd(TokenText text, int k)
    {
        if (PastEdgeOf(text, k) is > 0 and var of) return PastTheAt(text, of);
        if (text.Is(k, "near")) return PastTheAt(text, k + 1);
        var at = text.IsAny(k, "about", "some", "around", "roughly") ? k + 1 : k;
        var past = PastDistanceAndDirection(text, at);
        return past != at ? PastTheAt(text, past + 1) : -1;
    }

    /// <summary>"on the outskirts of", "on the northern edge of": the token after "of", or -1.</summary>
    private static int PastEdgeOf(TokenText text, int k)
    {
        if (!text.Is(k, "on") || !text.Is(k + 1, "the")) return -1;
        var n = k + 2;
        if (text.IsWord(n) && Directions.ContainsKey(text[n])) n++;
        return text.IsAny(n, "edge", "outskirts", "fringes", "edges") && text.Is(n + 1, "of") ? n + 2 : -1;
    }

    private static int PastTheAt(TokenText text, int k) => PastPossessiveName(text, text.Is(k, "the") ? k + 1 : k);

    /// <summary>
    /// "a town west of Kherson", "a village 20 km north of Goma", "about 12 km from Mambasa": the token of "of" or "from"
    /// after the distance and the direction, else <paramref name="k"/>.
    /// </summary>
    private static int PastDistanceAndDirection(TokenText text, int k)
    {
        var n = k;
        if (text.Kind(n) == TokenKind.Number && IsDistanceUnit(text, n + 1)) n += 2;
        if (n > k && text.Is(n, "from")) return n;
        var direction = text.IsWord(n) && (Directions.ContainsKey(text[n])
            || text.IsAny(n, "northeast", "northwest", "southeast", "southwest"));
        return direction && text.Is(n + 1, "of") ? n + 1 : k;
    }

    private static bool IsDistanceUnit(TokenText text, int k) => text.IsAny(k, "km", "kilometres", "kilometers", "miles");

    /// <summary>"in Chad's Lake province": the token after a capitalised possessive ("Chad's"), else <paramref name="k"/>.</summary>
    private static int PastPossessiveName(TokenText text, int k) =>
        text.IsWord(k) && text.IsCapitalized(k) && text.IsPossessive(k + 1) && text.IsCapitalized(k + 3) ? k + 3 : k;

    /// <summary>"the Khartoum state health ministry", "a Beirut-based channel", "received at Nasser Hospital": a name, not where it happened.</summary>
    private bool IsPlaceOfEvent(TokenText text, NamedAt<Place> named)
    {
        var after = named.Last + 1;
        if (named.Candidates[0].Parent is null && IsStateAsActor(text, named)) return false;
        if (text.IsAny(after, "river", "riverbank")) return false;
        if (IsNotWhereItHappened(text, named)) return false;
        if (text.IsWord(after) && InstitutionNouns.Contains(text[after]) && !IsPostOfForcesAt(text, after)) return false;
        // "the Khartoum state health ministry", "the Zaporizhzhia regional military administration": a body of the place.
        if (text.IsAny(after, "state", "regional", "city", "provincial", "governorate")
            && (text.IsWord(after + 1) && InstitutionNouns.Contains(text[after + 1])
                || text.IsWord(after + 1) && !text.IsCapitalized(after + 1) && text.IsWord(after + 2) && InstitutionNouns.Contains(text[after + 2])))
        {
            return false;
        }
        if (text[named.Last].EndsWith("-based", StringComparison.OrdinalIgnoreCase)) return false;
        var isHospital = named.Candidates[0].Name.EndsWith("Hospital", StringComparison.OrdinalIgnoreCase)
            || text.IsAny(named.Last, "hospital", "hospitals");
        return !isHospital || text.IsAny(named.First - 1, "on", "struck", "hit", "targeted", "stormed", "raided");
    }

    /// <summary>The capitalised words that end the name of a body: forces, a ministry, a network, a mission.</summary>
    private static readonly HashSet<string> BodyNameHeads = new WordSet()
    {
        "Forces", "Force", "Army", "Navy", "Police", "Gendarmerie", "Guard", "Guards", "Liberation", "Front", "Movement",
        "Network", "Council", "Commission", "Committee", "Observatory", "Society", "Association", "Union", "Alliance",
        "Ministry", "Agency", "Authority", "Institute", "Foundation", "Coalition", "Brigade", "Brigades", "Battalion",
        "Mission", "Tracker", "Monitor", "Watch", "Party", "Federation", "Crescent", "Cross", "Administration", "Command",
        "Office", "Directorate", "Bureau", "Service", "Services", "Team", "Post", "Times", "Herald", "Tribune", "Gazette",
        "Journal", "Radio", "Television", "TV",
    };

    /// <summary>Words of a ministry's or a mission's name that a country's name may follow ("the Ministry of Defence of Azerbaijan").</summary>
    private static readonly HashSet<string> BodyNameBeforeCountry = new WordSet()
    {
        "ministry", "mission", "embassy", "defence", "defense", "health", "interior", "affairs", "forces", "army", "government",
    };

    /// <summary>
    /// "The South Sudan People's Defence Forces said", "the Mozambique Defence Armed Forces", "the Defence Ministry of
    /// Azerbaijan", "the U.N. mission in South Sudan": a place inside a body's proper name names the body, not where it happened.
    /// </summary>
    private static bool IsInsideBodyName(TokenText text, int first, int last)
    {
        for (var k = last + 1; k <= last + 5 && text.IsWord(k) && text.IsCapitalized(k); k++)
        {
            if (BodyNameHeads.Contains(text[k])) return true;
            if (text.IsPossessive(k + 1)) k += 2;
        }
        var before = text.Is(first - 1, "the") ? first - 2 : first - 1;
        if (!text.IsAny(before, "of", "in") || !text.IsWord(before - 1) || !BodyNameBeforeCountry.Contains(text[before - 1])) return false;
        // "the Ministry of Health in Gaza", "police in Kabul": a body where the events are; "the U.N. mission in South Sudan": its name.
        return text.Is(before, "of") || text.IsAny(before - 1, "mission", "embassy");
    }

    /// <summary>
    /// A landmark, the place victims were brought to, where a statement was made, or a body's name: named, but not where
    /// it happened, so what the next sentence is not about either.
    /// </summary>
    private static bool IsNotWhereItHappened(TokenText text, NamedAt<Place> named) =>
        IsDestination(text, named.First) || IsReferencePoint(text, named.First) || IsPlaceOfSpeech(text, named.First)
        || IsInsideBodyName(text, named.First, named.Last);

    /// <summary>Words after which "in X" says where a statement was made.</summary>
    private static readonly HashSet<string> SpeechSettings = new WordSet()
    {
        "reporters", "journalists", "conference", "briefing", "speaking", "said", "says", "told", "interview", "statement",
    };

    /// <summary>"Chol told reporters in Malakal", "speaking at a news conference in Quetta", "said in Juba": where it was said, not where it happened.</summary>
    private static bool IsPlaceOfSpeech(TokenText text, int first)
    {
        var at = text.Is(first - 1, "the") ? first - 2 : first - 1;
        return text.Is(at, "in") && text.IsWord(at - 1) && SpeechSettings.Contains(text[at - 1]);
    }

    private static readonly HashSet<string> MotionWords = new WordSet()
    {
        "taken", "transported", "transferred", "brought", "rushed", "airlifted", "referred", "admitted", "carried", "driven",
        // Flight: "fled to Fataki", "fled the hamlet towards Sevare", "have fled the camp for Fataki" (domain.md: the place
        // people fled from is the place, where they went is not).
        "fled", "flee", "fleeing", "escaped", "evacuated", "relocated",
    };

    private static readonly HashSet<string> CareNouns = new WordSet()
    {
        "hospital", "hospitals", "clinic", "clinics", "camp", "camps", "shelter", "shelters", "morgue", "morgues",
    };

    /// <summary>"taken to hospitals in Maiduguri", "the camps in Amiriyat al-Fallujah", "a hospital it supports in Saada": where victims were brought, not where it happened.</summary>
    private static bool IsDestination(TokenText text, int first)
    {
        var k = text.Is(first - 1, "the") ? first - 2 : first - 1;
        if (text.Is(k, "in") && (CareNouns.Contains(text[k - 1]) || text.IsWord(k - 1) && text.IsAny(k - 2, "hospital", "hospitals", "camp", "camps")
            || text.IsAny(k - 3, "hospital", "hospitals") && text.IsAny(k - 2, "it", "they", "we")))
        {
            return true;
        }
        // "fled the hamlet towards Sevare", "advancing toward Pokrovsk": where a movement heads is not where it happened.
        if (text.IsAny(k, "towards", "toward")) return true;
        // "have fled the camp for Fataki": "for" is a destination after flight only.
        var flight = text.Is(k, "for");
        if (!text.IsAny(k, "to", "into") && !flight) return false;
        for (var m = k - 1; m >= k - 4 && m >= 0; m--)
        {
            if (text.IsWord(m) && MotionWords.Contains(text[m]) && (!flight || text.IsAny(m, "fled", "flee", "fleeing", "escaped"))) return true;
            if (text.IsPunctuation(m, ',') || text.IsPunctuation(m, ';')) return false;
        }
        return false;
    }

    /// <summary>"near Chasiv Yar, about 10 km west of Bakhmut", "near the border with Saudi Arabia": a landmark to measure from, not the place.</summary>
    private static bool IsReferencePoint(TokenText text, int first)
    {
        var of = text.Is(first - 1, "the") ? first - 2 : first - 1;
        if (text.Is(of, "with") && text.IsAny(of - 1, "border", "frontier", "boundary")) return true;
        if (!text.Is(of, "of") || !text.IsWord(of - 1) || !Directions.ContainsKey(text[of - 1]) && !text.IsAny(of - 1, "northeast", "northwest", "southeast", "southwest")) return false;
        return text.IsAny(of - 2, "km", "kilometres", "kilometers", "miles", "mi", "metres", "meters") || text[of - 2].EndsWith("km", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>"The war, which began in 2011, has killed more than 500,000 people": the toll of the whole conflict.</summary>
    private static bool IsBackgroundToll(TokenText text, int from, int figure)
    {
        var war = -1;
        for (var k = from; k < figure; k++)
        {
            if (text.IsAny(k, "war", "conflict")) war = k;
            else if (war >= 0 && text.IsAny(k, "has", "have") && k > war) return true;
        }
        return false;
    }

    /// <summary>"since Israel began its offensive", "Israel's Operation Protective Edge", "blamed on Israel": the state acting, not a place.</summary>
    private static bool IsStateAsActor(TokenText text, NamedAt<Place> named)
    {
        var after = named.Last + 1;
        if (!text.IsCapitalized(named.First)) return false;
        if (text.IsPossessive(after)) return true;
        var before = text.Is(named.First - 1, "the") ? named.First - 2 : named.First - 1;
        if (text.IsAny(before, "by", "against") || text.Is(before, "on") && text.Is(before - 1, "blamed")) return true;
        return text.IsWord(after) && !text.IsCapitalized(after)
            && (text.IsAny(after, "says", "said", "has", "have", "had", "is", "was", "will", "began", "launched", "struck", "pounds", "pounded")
                || text[after].EndsWith("ed", StringComparison.OrdinalIgnoreCase));
    }

    private bool IsCountryWide(TokenText text, int from, int to, ClaimDraft draft)
    {
        for (var k = from; k < to; k++)
        {
            if (text.IsWord(k) && CountryWide.TryMatch(text, k, to, out _, out bool _)) return true;
        }
        if (IsBackgroundToll(text, from, draft.Mention.FirstToken)) return true;
        var victimWord = draft.VictimEnd;
        return text.IsWord(victimWord) && text.IsCapitalized(victimWord) && extractor.Demonyms.TryGetCountry(text[victimWord], out var country)
            && country == LeadingCountry();
    }

    private static int Distance(int first, int last, int anchor) =>
        anchor < first ? first - anchor : anchor > last ? anchor - last : 0;
}
