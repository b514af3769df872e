using Casualties.Domain.Reference;

namespace Casualties.Domain.Extraction;

/// <summary>
/// Places beyond the curated gazetteer: the generated layer (GeoNames), read only in a place context and inside the
/// document's countries; and a place no layer knows, kept as written under the nearest known place the text gives.
/// </summary>
internal sealed partial class DocumentReader
{
    /// <summary>Nouns of a settlement or division: "the village of X", "X, a town in ...", "X camp".</summary>
    private static readonly HashSet<string> SettlementNouns = new WordSet()
    {
        "village", "villages", "town", "towns", "city", "hamlet", "locality", "settlement", "district", "neighbourhood",
        "neighborhood", "camp", "commune", "municipality", "county", "area", "community", "suburb", "quarter", "township",
        "department", "prefecture", "province", "region", "state", "governorate", "oblast", "outskirts", "chiefdom", "territory",
        "barangay", "vereda", "kebele", "woreda", "payam", "boma", "upazila", "tehsil", "sub-county", "subcounty", "ward",
        "corregimiento", "aldea", "kampung", "raion", "hromada", "sector", "cell", "colline", "groupement", "commune", "island",
        "section",
    };

    /// <summary>Verbs of an attack on a place: "gunmen attacked X", "troops overran X" (a weak place context, as "in X" is).</summary>
    private static readonly HashSet<string> PlaceObjectVerbs = new WordSet()
    {
        "attacked", "raided", "stormed", "overran", "shelled", "bombed", "besieged", "targeted", "struck", "bombarded", "invaded",
    };

    /// <summary>
    /// Local units written before their name with a capital, as part of it: "Barangay Tuayan", "Vereda Caño Tomás",
    /// "Kebele 05". The name that follows is a place.
    /// </summary>
    private static readonly HashSet<string> UnitTitles = new WordSet()
    {
        "barangay", "vereda", "kebele", "woreda", "payam", "boma", "upazila", "tehsil", "corregimiento", "aldea", "kampung",
    };

    /// <summary>Words between a name and its settlement noun: "Abu Shouk displacement camp", "Kakuma refugee camp".</summary>
    private static readonly HashSet<string> CampModifiers = new WordSet()
    {
        "displacement", "displaced", "refugee", "refugees", "IDP", "IDPs", "transit", "military", "army", "police", "border",
    };

    /// <summary>Prepositions that put what follows at a place: "in X", "near X", "fled X".</summary>
    private static readonly HashSet<string> PlacePrepositions = new WordSet()
    {
        "in", "near", "at", "outside", "around", "across", "from", "fled", "into", "toward", "towards", "inside",
    };

    /// <summary>Lower-case particles inside a place name: "Deir ez Zor", "Bir al Abd", "Kafr el Sheikh".</summary>
    private static readonly HashSet<string> NameParticles = new WordSet()
    {
        "al", "el", "ez", "az", "as", "ash", "ad", "ar", "at", "an", "de", "du", "des", "la", "le", "bin", "ibn", "abu", "um", "umm",
    };

    /// <summary>Country keys the text named by a country's own name: a generated place may lie in one of them.</summary>
    private readonly HashSet<string> namedCountries = new(StringComparer.Ordinal);

    /// <summary>The tokens [first, end) as strings (a method of its own: a lambda over the text would cost a closure per call of its caller).</summary>
    private static string[] TokenStrings(TokenText text, int first, int end)
    {
        var words = new string[end - first];
        for (var k = first; k < end; k++) words[k - first] = text[k].ToString();
        return words;
    }

    /// <summary>
    /// At a word no curated name starts: a generated-layer place or, in a strong place context, a place kept as written.
    /// </summary>
    private bool TryOpenPlaceAt(TokenText text, int i, int to, out IReadOnlyList<Place> places, out int length)
    {
        places = [];
        length = 0;
        if (!text.IsCapitalized(i) || text[i].Length < 2) return false;
        VoteForGeneratedDateline(text, i, to);
        // "Barangay Tuayan": the unit's title is no part of the name, which starts at the next word.
        if (UnitTitles.Contains(text[i]) && text.IsCapitalized(i + 1)) return false;
        // "MOGADISHU" mid-line: a word in capitals, though not "El Tarra" (a two-letter word is in capitals either way).
        if (i > 1 && IsDateline(text, i, Math.Max(1, NameEnd(text, i, to) - i)))
        {
            VoteForCountryInCapitals(text, i, to);
            return false;
        }
        // "Al Maghazi": the curated "Maghazi" after the article beats the generated layer's "Al Maghazi Refugee Camp".
        if (NameParticles.Contains(text[i]) && extractor.Places.TryMatchShared(text, i + 1, to, out _, out _)) return false;
        // "Across Cabo Delgado", "Since January": a capitalised preposition opens a phrase, not a name.
        if (IsTimeWord(text, i) || text.IsAny(i, "The", "A", "An") || AttributionVocabulary.Prepositions.Contains(text[i])) return false;
        if (IsPartOfCity(text, NameEnd(text, i, to)) && !IsDistrictOfItsOwn(text, i, NameEnd(text, i, to))) return false;
        if (KeptNameAt(text, i, to) is { } again)
        {
            places = [again.Place];
            length = again.Tokens.Length;
            return true;
        }
        var context = PlaceContextAt(text, i);
        if (context == OpenPlaceContext.None) return false;
        // "in Sitio Kangwayan", "in Purok 3": a settlement whose name opens with its unit's title, kept with it.
        if (text.IsAny(i, "Sitio", "Purok") && (text.IsCapitalized(i + 1) || text.Kind(i + 1) == TokenKind.Number)) context = OpenPlaceContext.Strong;
        var generated = extractor.TryMatchGenerated(text, i, to, out var generatedLength, out var candidates);
        if (generated) VoteForUnplacedDocument(text, i, generatedLength, candidates);
        // "Guihulngan City", "Bacolod City": a town the layer names without the word "City" its country writes after it.
        if (generated && text.Is(i + generatedLength, "City") && text.IsCapitalized(i + generatedLength) && candidates.Any(IsSettlement)
            && !ContinuesName(text, i + generatedLength + 1))
        {
            candidates = [.. candidates.Where(IsSettlement)];
            generatedLength++;
        }
        // "Jonglei State", "Tillabéri Region": a division the layer names without the noun the text writes after it, capitalised.
        if (generated && text.IsWord(i + generatedLength) && text.IsCapitalized(i + generatedLength) && DivisionNouns.Contains(text[i + generatedLength])
            && candidates.Any(p => p.Kind is "region" or "area") && !ContinuesName(text, i + generatedLength + 1))
        {
            candidates = [.. candidates.Where(p => p.Kind is "region" or "area")];
            generatedLength++;
        }
        // "Cabo Delgado province": a division the layer names with its noun ("Cabo Delgado Province"), written in lower case.
        if (generated
            && (text.IsCapitalized(i + generatedLength - 1) || generatedLength > 1 && SettlementNouns.Contains(text[i + generatedLength - 1]))
            && !ContinuesName(text, i + generatedLength)
            && ChooseGenerated(text, i + generatedLength, to, candidates) is { } chosen)
        {
            places = [chosen];
            length = generatedLength;
            Vote(chosen);
            RememberOpenPlace(chosen);
            // "in Cabo Delgado province ... in the province": the layer's division is the one "the province" means.
            if (Reference.Gazetteer.AncestryOf(chosen).FirstOrDefault(p => p.Kind == "region") is { } region) lastRegion = region;
            return true;
        }
        if (context != OpenPlaceContext.Strong && !NestedPlaceFollows(text, NameEnd(text, i, to), to) && !IsEventPlacePhrase(text, i, NameEnd(text, i, to))) return false;
        var end = NameEnd(text, i, to);
        if (end == i || end - i > 5 || IsDescriptionOfNamedPlace(text, i, end)) return false;
        // "the state Commissioner", "the state Assembly": an office or a body, capitalised, after a division's noun.
        if (IsOfficeWord(text, i, end)) return false;
        var nest = NestingPlaceAfter(text, end, to);
        // "Sugapa, the main town of Intan Jaya regency": a nest kept as written stands for the known place it lies in.
        var parent = KnownPartOf(nest) ?? DocumentCountry();
        if (parent is null) return false;
        var name = text.Slice(i, end - 1);
        // "an RSF-held town", "the Houthi-controlled port": who holds a place, not its name.
        if (HoldersWord(text[end - 1])) return false;
        var apposedNest = nest is not null && text.IsComma(end) && text.IsAny(end + 1, "a", "an", "the");
        if (SettlementNouns.Contains(name) || !apposedNest && IsKnownElsewhere(name, context)) return false;
        var kept = new Place($"?{parent.Key}/{name}", name, parent.Key, "city", [], null, null);
        keptNames.Add((kept, TokenStrings(text, i, end)));
        places = [kept];
        length = end - i;
        RememberOpenPlace(kept);
        return true;
    }

    /// <summary>
    /// A name the gazetteer knows elsewhere is kept only where the text nests it here ("Doumbaro, a village in Lake
    /// province"), or where a settlement's noun says it is one ("the village of Mangusu") and the only places of that name
    /// are the generated layer's, outside the document's countries and those the text named (a village's name recurs
    /// across the world).
    /// </summary>
    private bool IsKnownElsewhere(string name, OpenPlaceContext context)
    {
        var known = Reference.Gazetteer.NamedAnywhere(name);
        if (known.Count == 0) return false;
        if (context != OpenPlaceContext.Strong) return true;
        foreach (var place in known)
        {
            if (!place.Generated || InOpenCountries(place)) return true;
        }
        return false;
    }

    /// <summary>
    /// "MINISTRY OF NATIONAL DEFENCE - REPUBLIC OF COLOMBIA": a country named in capitals in a document's first lines (its
    /// header, never read for places) is the document's country, as its name in prose would be.
    /// </summary>
    private void VoteForCountryInCapitals(TokenText text, int i, int to)
    {
        if (sentence > 1) return;
        Place? country = null;
        var length = 0;
        if (extractor.Places.TryMatchShared(text, i, to, out var knownLength, out var known)) (country, length) = (known.FirstOrDefault(p => p.Parent is null), knownLength);
        if (country is null && extractor.TryMatchGenerated(text, i, to, out var generatedLength, out var generated))
        {
            (country, length) = (generated.FirstOrDefault(p => p.Parent is null), generatedLength);
        }
        if (country is null || !IsDateline(text, i, length)) return;
        VoteCountry(country.Key, 3);
        RememberNamed(country);
    }

    /// <summary>Per country, the generated-layer names in a place context that lie only in it, while the document has no country.</summary>
    private readonly Dictionary<string, HashSet<string>> unplacedNames = new(StringComparer.Ordinal);

    /// <summary>
    /// "MBENGWI: ... a statement from the ministry in Yaounde ... fled to Bamenda": a document that never names its country
    /// but names, where a place is expected, two different places the generated layer knows in one country only is about
    /// that country. One such name is not enough (a name may be a word); a country already known is not second-guessed.
    /// </summary>
    private void VoteForUnplacedDocument(TokenText text, int i, int length, IReadOnlyList<Place> candidates)
    {
        if (LeadingCountry() is not null || candidates.Count == 0) return;
        var country = extractor.CountryKeyOf(candidates[0]);
        foreach (var place in candidates)
        {
            if (extractor.CountryKeyOf(place) != country) return;
        }
        if (!unplacedNames.TryGetValue(country, out var names)) unplacedNames[country] = names = new(StringComparer.OrdinalIgnoreCase);
        if (names.Add(text.Slice(i, i + length - 1)) && names.Count == 2) VoteCountry(country, 1);
    }

    /// <summary>A name whose every word is an office, a body's noun or a title ("Commissioner", "Assembly", "Police Command").</summary>
    private static bool IsOfficeWord(TokenText text, int first, int end)
    {
        for (var k = first; k < end; k++)
        {
            if (!(InstitutionNouns.Contains(text[k]) || NotPlaceNames.Contains(text[k]) || AttributionVocabulary.BodyKinds.ContainsKey(text[k])
                || AttributionVocabulary.Titles.Contains(text[k])))
            {
                return false;
            }
        }
        return true;
    }

    private enum OpenPlaceContext { None, Weak, Strong }

    /// <summary>"in February", "on Monday": a time, not a place, whatever the gazetteer holds.</summary>
    private bool IsTimeWord(TokenText text, int i)
    {
        if (CalendarWords.IsCalendarWord(text[i])) return true;
        foreach (var time in times)
        {
            if (time.Token >= i - 1 && time.Token <= i) return true;
        }
        return false;
    }

    /// <summary>
    /// "in X", "near X", "attacked X" (weak: a known name may follow); "the village of X", "X village", "X, a town in", "X camp" (strong:
    /// even a name no gazetteer knows is a place). A line's dateline counts as weak.
    /// </summary>
    private static OpenPlaceContext PlaceContextAt(TokenText text, int i)
    {
        var before = i - 1;
        if (text.Is(before, "the")) before--;
        if (text.Is(before, "of") && text.IsWord(before - 1) && SettlementNouns.Contains(text[before - 1])) return OpenPlaceContext.Strong;
        if (text.IsWord(before) && SettlementNouns.Contains(text[before]) && !text.IsCapitalized(before) && !text.Is(before - 1, "a")) return OpenPlaceContext.Strong;
        var end = i + 1;
        while (text.IsWord(end) && (text.IsCapitalized(end) || NameParticles.Contains(text[end])) && end < i + 5) end++;
        if (text.IsWord(end) && !text.IsCapitalized(end) && SettlementNouns.Contains(text[end]) && !text.IsApostrophe(end - 1)) return OpenPlaceContext.Strong;
        if (text.IsComma(end) && text.IsAny(end + 1, "a", "an", "the") && text.IsWord(end + 2) && IsNestingNoun(text[end + 2])) return OpenPlaceContext.Strong;
        if (text.IsComma(end) && text.IsAny(end + 1, "a", "an") && text.IsWord(end + 2) && text.IsWord(end + 3) && IsNestingNoun(text[end + 3])) return OpenPlaceContext.Strong;
        if (text.IsWord(before) && UnitTitles.Contains(text[before])) return OpenPlaceContext.Strong;
        // "near Mindouli", "just outside Kalma": a name right after these is where something happened, not an institution.
        if (before == i - 1 && text.IsAny(before, "near", "outside") && !text.IsCapitalized(before)) return OpenPlaceContext.Strong;
        if (text.IsWord(end) && CampModifiers.Contains(text[end]) && text.IsAny(end + 1, "camp", "camps", "settlement", "site")) return OpenPlaceContext.Strong;
        if (IsPostOfForcesAt(text, end)) return OpenPlaceContext.Strong;
        if (text.IsWord(before) && PlacePrepositions.Contains(text[before]) && (!text.IsCapitalized(before) || OpensSentence(text, before))) return OpenPlaceContext.Weak;
        if (before == i - 1 && text.IsWord(before) && PlaceObjectVerbs.Contains(text[before]) && !text.IsCapitalized(before)) return OpenPlaceContext.Weak;
        return OpenPlaceContext.None;
    }

    /// <summary>
    /// "the Pezu police station", "the Ceel Jaale base", "the Kolofata army post": a post of the forces named by where it
    /// stands (lower-case nouns after the name).
    /// </summary>
    private static bool IsPostOfForcesAt(TokenText text, int k) => PastPostOfForces(text, k) > k;

    /// <summary>The token after "police station", "base", "army post" at <paramref name="k"/>, else <paramref name="k"/>.</summary>
    private static int PastPostOfForces(TokenText text, int k)
    {
        var noun = text.IsAny(k, "police", "army", "military", "gendarmerie") && !text.IsCapitalized(k) ? k + 1 : k;
        return text.IsAny(noun, "station", "base", "barracks", "checkpoint", "outpost", "post") && !text.IsCapitalized(noun) ? noun + 1 : k;
    }

    /// <summary>"In Zemio, ...": the first word of a sentence (or of a line), where a preposition has a capital.</summary>
    private static bool OpensSentence(TokenText text, int k) =>
        k == 0 || text.IsPunctuation(k - 1, '.') || text.IsPunctuation(k - 1, '-') && k == 1
        || text.Text.AsSpan(text.Token(k - 1).End, text.Token(k).Start - text.Token(k - 1).End).Contains('\n');

    /// <summary>The token after a name: capitalised words and the particles between them ("Deir al Balah").</summary>
    private static int NameEnd(TokenText text, int i, int to)
    {
        var k = i;
        while (k < to && text.IsWord(k) && (text.IsCapitalized(k) || NameParticles.Contains(text[k]) && text.IsCapitalized(k + 1)
            || text[k].StartsWith("al-", StringComparison.OrdinalIgnoreCase) || text[k].StartsWith("el-", StringComparison.OrdinalIgnoreCase)))
        {
            k++;
            // "Saut-d'Eau", "Ma'arat": an apostrophe inside a word joins its two parts (not a possessive "'s").
            if (k + 1 < to && JoinsWord(text, k)) k++;
        }
        return k;
    }

    private static bool JoinsWord(TokenText text, int k) =>
        text.IsApostrophe(k) && text.IsWord(k + 1) && !text.Is(k + 1, "s") && text.Token(k - 1).End == text.Token(k).Start
        && text.Token(k).End == text.Token(k + 1).Start;

    /// <summary>
    /// "the Congolese city of Goma" (a nationality), "Kharkiv's Saltivskyi district" (a part of a place the text names, which
    /// is what the figure is reported for): words no gazetteer knows that are not a place to keep.
    /// </summary>
    private bool IsDescriptionOfNamedPlace(TokenText text, int first, int end)
    {
        if (end - first == 1 && (extractor.Demonyms.Contains(text[first]) || text[first].EndsWith("ese", StringComparison.OrdinalIgnoreCase)
            || text[first].EndsWith("ian", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }
        return text.IsPossessive(first - 2);
    }

    private static bool HoldersWord(ReadOnlySpan<char> word) =>
        word.EndsWith("-held", StringComparison.OrdinalIgnoreCase) || word.EndsWith("-controlled", StringComparison.OrdinalIgnoreCase)
        || word.EndsWith("-run", StringComparison.OrdinalIgnoreCase) || word.EndsWith("-backed", StringComparison.OrdinalIgnoreCase)
        || word.EndsWith("-occupied", StringComparison.OrdinalIgnoreCase) || word.EndsWith("-based", StringComparison.OrdinalIgnoreCase)
        || word.EndsWith("-led", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// "in Chiúre district", "across Macomia district": a district named without an article is an administrative district
    /// of its own, not a part of a city ("the Kyivskyi district" is); so is one the text places in a province or state
    /// ("the Maruf district of Kandahar province").
    /// </summary>
    private static bool IsDistrictOfItsOwn(TokenText text, int first, int after) =>
        text.Is(after, "district") && (!text.Is(first - 1, "the") && !text.IsPossessive(first - 2) || IsOfDivision(text, after + 1));

    /// <summary>Nouns of the divisions a district lies in.</summary>
    private static readonly HashSet<string> ProvinceNouns = new WordSet()
    {
        "province", "state", "region", "governorate", "county", "department", "prefecture", "oblast",
    };

    /// <summary>"of Kandahar province", "of Borno State": "of", a capitalised name and a division's noun.</summary>
    private static bool IsOfDivision(TokenText text, int of)
    {
        if (!text.Is(of, "of") || !text.IsCapitalized(of + 1)) return false;
        var k = of + 1;
        while (k < of + 5 && text.IsWord(k) && text.IsCapitalized(k)) k++;
        return text.IsWord(k) && ProvinceNouns.Contains(text[k]);
    }

    /// <summary>"the Kyivskyi district", "the Al-Rawdah neighbourhood": a part of a city, whose figure is the city's.</summary>
    private static bool IsPartOfCity(TokenText text, int after) =>
        text.IsAny(after, "district", "suburb", "suburbs");

    private static bool ContinuesName(TokenText text, int k) => text.IsWord(k) && text.IsCapitalized(k) && !text.IsAny(k, "On", "In");

    /// <summary>"X, in Hama province", "X in Idlib", "X camp in Idlib", "X, a village in Idlib": the place the text puts a name in.</summary>
    private Place? NestingPlaceAfter(TokenText text, int k, int to)
    {
        if (text.IsWord(k) && !text.IsCapitalized(k) && SettlementNouns.Contains(text[k])) k++;
        k = PastPostOfForces(text, k);
        if (text.IsComma(k)) k++;
        // "Mangusu, about 12 km from Mambasa", "Kalma, near Nyala": the known place it lies by is the nearest parent the text gives.
        if ((text.IsAny(k, "about", "some", "around", "roughly", "near") || text.Kind(k) == TokenKind.Number) && EdgeOfPlaceEnd(text, k) is > 0 and var by)
        {
            k = by;
        }
        else if (text.IsAny(k, "a", "an", "the"))
        {
            var noun = k + 1;
            while (noun < k + 4 && text.IsWord(noun) && !IsNestingNoun(text[noun])) noun++;
            if (!text.IsWord(noun) || !IsNestingNoun(text[noun])) return null;
            k = PastDistanceAndDirection(text, noun + 1);
        }
        if (text.IsAny(k, "in", "of", "outside") || text.Is(k, "from") && IsDistanceUnit(text, k - 1))
        {
            k++;
            // "in the southern countryside of Idlib", "in the eastern suburbs of Damascus": a part of the place is in it.
            var part = text.Is(k, "the") ? k + 1 : k;
            if (text.IsWord(part) && Directions.ContainsKey(text[part])) part++;
            if (part > k && text.IsAny(part, "countryside", "suburbs", "outskirts", "part", "parts") && text.Is(part + 1, "of")) k = part + 2;
        }
        // "on the outskirts of Goma", "on the northern edge of El Fasher".
        else if (PastEdgeOf(text, k) is > 0 and var of)
        {
            k = of;
        }
        if (text.Is(k, "the")) k++;
        k = PastPossessiveName(text, k);
        if (!text.IsCapitalized(k)) return null;
        if (KeptNameAt(text, k, to) is { } kept) return kept.Place;
        if (extractor.Places.TryMatchShared(text, k, to, out _, out var known)) return PreferWithin(known);
        if (extractor.TryMatchGenerated(text, k, to, out _, out var generated)) return PreferWithin(generated);
        return null;
    }

    /// <summary>
    /// "killed in Tarikwe on Monday", "attacked at Kavumbe overnight", "killed eleven soldiers in Mbve and": a one- or
    /// two-word name that an event's preposition opens and a time or the clause's end closes, after a verb of the event
    /// and at most its object (<see cref="EventVerbBefore"/>). What else such a slot holds ("in Parliament", "in English")
    /// is no verb's place of killing.
    /// </summary>
    private static bool IsEventPlacePhrase(TokenText text, int first, int end)
    {
        if (end - first is < 1 or > 2 || !text.IsAny(first - 1, "in", "at") || !EventVerbBefore(text, first - 2)) return false;
        if (NotPlaceNames.Contains(text[first])) return false;
        return end >= text.Count || text.IsComma(end) || text.IsPunctuation(end, '.') || text.IsPunctuation(end, ';')
            || text.IsAny(end, "on", "overnight", "last", "this", "early", "late", "during", "when", "after", "before", "since", "and");
    }

    /// <summary>
    /// A verb of the event at <paramref name="k"/> or just before it, past the verb's object: numbers and lower-case words
    /// ("killed eleven soldiers", "wounded at least 12 people"), never across a comma, a capital or a clause word.
    /// </summary>
    private static bool EventVerbBefore(TokenText text, int k)
    {
        for (var steps = 0; steps < 6 && k >= 0; steps++, k--)
        {
            if (text.IsWord(k) && EventVerbs.Contains(text[k])) return true;
            var objectWord = text.Kind(k) == TokenKind.Number
                || text.IsWord(k) && !text.IsCapitalized(k) && !ClauseStarts.Contains(text[k]) && !ExtractionVocabulary.SpeechVerbs.Contains(text[k]);
            if (!objectWord) return false;
        }
        return false;
    }

    /// <summary>Capitalised words an event's "in" may open that name no place: "killed in Operation Sindoor", "died in Custody".</summary>
    private static readonly HashSet<string> NotPlaceNames = new WordSet()
    {
        "Operation", "Parliament", "Congress", "Court", "Senate", "Assembly", "Custody", "Detention", "Captivity", "Action", "Combat",
    };

    private static readonly HashSet<string> EventVerbs = new WordSet()
    {
        "killed", "died", "dead", "wounded", "injured", "hurt", "attacked", "attack", "attacks", "raid", "raided", "ambush",
        "ambushed", "clashes", "fighting", "massacre", "strike", "strikes", "shelling", "bombing", "explosion", "blast",
        "abducted", "kidnapped", "arrested", "detained", "displaced", "fled", "murdered", "shot", "executed", "beheaded",
    };

    /// <summary>"X, a village in Y", "X, the capital of Y", "X, the seat of Y district": what the apposition calls the first place.</summary>
    private static bool IsNestingNoun(ReadOnlySpan<char> word) =>
        SettlementNouns.Contains(word) || word.Equals("capital", StringComparison.OrdinalIgnoreCase)
        || word.Equals("seat", StringComparison.OrdinalIgnoreCase);

    private bool NestedPlaceFollows(TokenText text, int k, int to) => NestingPlaceAfter(text, k, to) is not null;

    /// <summary>Of the places a name may mean, one inside the document's countries, else none.</summary>
    private Place? PreferWithin(IReadOnlyList<Place> candidates)
    {
        Place? best = null;
        foreach (var place in candidates)
        {
            if (!InOpenCountries(place)) continue;
            if (best is null || Reference.Gazetteer.DepthOf(place) < Reference.Gazetteer.DepthOf(best)) best = place;
        }
        return best;
    }

    /// <summary>A document's country, one of its conflict's, or one the text named: where a generated place may lie.</summary>
    private bool InOpenCountries(Place place)
    {
        var country = extractor.CountryKeyOf(place);
        if (namedCountries.Contains(country)) return true;
        return LeadingCountry() is not null && InDocumentCountries(place);
    }

    /// <summary>
    /// Among the generated places a name may mean: only those in the document's countries; then the one inside the place
    /// the text nests it in ("Kafr Zayta, in Hama province"), else the nearest to the places named so far.
    /// </summary>
    private Place? ChooseGenerated(TokenText text, int after, int to, IReadOnlyList<Place> candidates)
    {
        var gazetteer = Reference.Gazetteer;
        var nest = KnownPartOf(NestingPlaceAfter(text, after, to));
        Place? best = null;
        var bestScore = double.MaxValue;
        foreach (var place in candidates)
        {
            if (!InOpenCountries(place)) continue;
            if (nest is not null && !gazetteer.Contains(nest, place)) continue;
            var score = DistanceToNamed(place);
            if (best is null || score < bestScore) (best, bestScore) = (place, score);
        }
        return best ?? DivisionOfOneCountry(candidates, nest);
    }

    /// <summary>
    /// "in Manipur", "across Balochistan" on a text whose country nothing has named yet: a first- or second-level division
    /// whose name only one country has is that country's, and tells the document's country.
    /// </summary>
    private Place? DivisionOfOneCountry(IReadOnlyList<Place> candidates, Place? nest)
    {
        if (LeadingCountry() is not null || namedCountries.Count > 0 || candidates.Count == 0) return null;
        var country = extractor.CountryKeyOf(candidates[0]);
        Place? division = null;
        foreach (var place in candidates)
        {
            if (extractor.CountryKeyOf(place) != country) return null;
            if (place.Kind is not ("region" or "area") || nest is not null && !Reference.Gazetteer.Contains(nest, place)) continue;
            if (division is null || Reference.Gazetteer.DepthOf(place) < Reference.Gazetteer.DepthOf(division)) division = place;
        }
        return division;
    }

    /// <summary>Kilometres (roughly) from a place to the nearest place the document named, or a large number.</summary>
    private double DistanceToNamed(Place place)
    {
        if (place.Latitude is not { } lat || place.Longitude is not { } lon) return 1e6;
        var nearest = 1e5;
        foreach (var known in openAnchors)
        {
            var dLat = known.Lat - lat;
            var dLon = (known.Lon - lon) * Math.Cos(lat * Math.PI / 180);
            nearest = Math.Min(nearest, Math.Sqrt(dLat * dLat + dLon * dLon) * 111);
        }
        return nearest;
    }

    /// <summary>Coordinates of the settlements and districts named so far: what "distance to places already named" measures from.</summary>
    private readonly List<(double Lat, double Lon)> openAnchors = [];

    private void RememberOpenPlace(Place place)
    {
        if (place.Latitude is { } lat && place.Longitude is { } lon) openAnchors.Add((lat, lon));
    }

    /// <summary>A place the text names by a country's own name (for a generated place's country) and by coordinates.</summary>
    private void RememberNamed(Place place)
    {
        if (place.Parent is null) namedCountries.Add(place.Key);
        else if (place.Kind is "city" or "district") RememberOpenPlace(place);
    }

    /// <summary>The names this document kept as written, with their tokens: read as the same place wherever they recur.</summary>
    private readonly List<(Place Place, string[] Tokens)> keptNames = [];

    /// <summary>
    /// "near Sotk, in Gegharkunik province ... in the Sotk direction": a name the document already showed to be a place is
    /// that place again, in any context (the whole name, not the start of a longer one).
    /// </summary>
    private (Place Place, string[] Tokens)? KeptNameAt(TokenText text, int i, int to)
    {
        foreach (var kept in keptNames)
        {
            var tokens = kept.Tokens;
            if (i + tokens.Length > to || ContinuesName(text, i + tokens.Length)) continue;
            var same = true;
            for (var k = 0; k < tokens.Length && same; k++) same = TokenText.SameToken(text[i + k], tokens[k]);
            if (same) return kept;
        }
        return null;
    }

    /// <summary>
    /// A place, or for a name kept as written the known place it lies in: "Gayéri commune, Komondjari province" with the
    /// province no gazetteer spells so lies in Burkina Faso, which is all the name tells (a kept name's parent is always known).
    /// </summary>
    private Place? KnownPartOf(Place? place) => place is not null && IsKeptAsWritten(place) ? Reference.Gazetteer.ByKey(place.Parent!) : place;

    /// <summary>A place kept as written: not in the gazetteer, under the nearest known place the text gave.</summary>
    private static bool IsKeptAsWritten(Place place) => place.Key.StartsWith('?');
}
