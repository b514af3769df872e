using Casualties.Domain.Model;
using Casualties.Domain.Reference;

namespace Casualties.Domain.Extraction;

/// <summary>
/// The state of reading one document: what the sentences so far named (sources, places, campaigns,
/// times) so that later sentences can refer back to them, and the claims read so far.
/// </summary>
internal sealed partial class DocumentReader(ClaimExtractor extractor, DateOnly documentDate)
{
    private readonly List<ClaimDraft> drafts = [];
    private readonly TimeExpressions time = new(documentDate);
    private readonly List<QuantityMention> mentions = [];
    private readonly List<TimeExpression> times = [];
    private readonly List<NamedAt<Source>> sourcesHere = [];
    private readonly List<NamedAt<Actor>> actorsHere = [];
    private readonly List<NamedAt<Place>> placesHere = [];
    private readonly List<ClaimDraft> sentenceDrafts = [];
    private readonly List<Actor> scratchActors = [];

    private int sentence;
    private string? contextVictims;
    private IReadOnlyList<Actor>? leadActor;
    private Place? lastCity;
    private Place? lastPlace;
    private readonly List<Place> previousPlaces = [];
    private readonly List<ClaimDraft> previousDrafts = [];
    private readonly List<TimeExpression> previousTimes = [];
    private TimeExpression? previousEventTime;

    private ReferenceData Reference => extractor.Reference;

    /// <summary>A name found at tokens [First, First + Length) with everything it may mean.</summary>
    private readonly record struct NamedAt<T>(int First, int Length, IReadOnlyList<T> Candidates)
    {
        public int Last => First + Length - 1;
    }

    public void ReadSentence(TokenText text, int from, int to)
    {
        // "12:30 The army says ...", "Friday 18:40 - The mayor said ...": a live blog's entry reads from after its time.
        if (EntryTimeLength(text, from, to) is > 0 and var timeLength) from += timeLength;
        times.Clear();
        time.Find(text, from, to, times);
        FindNames(text, from, to);
        RememberMentionedBodies(text, from, to);
        mentions.Clear();
        extractor.Numbers.FindAll(text, from, to, mentions);
        AddSingulars(text, from, to);
        sentenceDrafts.Clear();
        contextVictims = null;
        ReadTableLine(text, from, to);
        var headline = IsHeadline(text, from, to);
        if (headline || sentence < 4 && HasHeaderSeparator(text, from, to) && SentenceHas(text, from, to, ReleaseWords)) RememberIssuer(text, to);
        RememberOpenIssuer(text, from, to, headline);
        if (mentions.Count > 0) ReadClaims(text, from, to);
        if (headline)
        {
            foreach (var draft in sentenceDrafts) draft.InHeadline = true;
        }

        CreditClaimOfResponsibility(text, from, to);
        RememberMeansNamed(text, from, to);
        RememberAttack(text, from);
        RememberNationalAgents(text, from, to);
        RememberSources(text, from, to);
        NoteDescribedSource(text, from, to);
        StartEarlierTallies(text, from, to);
        if (leadActor is null && actorsHere.Count > 0) leadActor = actorsHere[0].Candidates;
        foreach (var actor in actorsHere)
        {
            if (actor.Candidates.All(a => a.Kind is "armed_group" or "militia")) lastArmedGroup = actor.Candidates;
        }
        previousPlaces.Clear();
        foreach (var place in placesHere)
        {
            if (IsNotWhereItHappened(text, place)) continue;
            // A name kept as written is carried into later sentences too: "Wunkur, a village in Upper Nile state" is where
            // the next sentence's figure happened as much as a village the gazetteer knows would be.
            var known = place.Candidates[0];
            previousPlaces.Add(known);
            if (known.Kind == "area" && known.Parent is { } parent && Reference.Gazetteer.ByKey(parent)?.Parent is null)
            {
                // Only the last mention of an area is ever asked for: one entry per area keeps the list as short as the gazetteer's areas.
                namedAreas.Remove(known);
                namedAreas.Add(known);
            }
        }
        var leading = LeadingCountry();
        lastPlace = InnermostOf(previousPlaces, p => leading is null || extractor.CountryKeyOf(p) == leading) ?? lastPlace;
        previousDrafts.Clear();
        previousDrafts.AddRange(sentenceDrafts);
        previousTimes.Clear();
        previousTimes.AddRange(times);
        previousEventTime = times.LastOrDefault(t => !IsTimeOfSpeaking(text, t)) ?? (times.Count == 0 ? previousEventTime : null);
        DateEventsToldBySpeaking(text, from, to);
        RememberPeriodContext(text, from, to);
        sentence++;
    }

    private void FindNames(TokenText text, int from, int to)
    {
        sourcesHere.Clear();
        actorsHere.Clear();
        placesHere.Clear();
        for (var i = from; i < to; i++)
        {
            if (text.Kind(i) != TokenKind.Word) continue;
            VoteForDemonym(text, i);
            if (LocalBodyAt(text, i, to, out var bodyLength) is { } body)
            {
                sourcesHere.Add(new(i, bodyLength, body));
                i += bodyLength - 1;
                continue;
            }
            if (SurnameAt(text, i, from) is { } person)
            {
                sourcesHere.Add(new(i, 1, person));
                continue;
            }
            if (IsInitialsOfUnlistedName(text, i)) continue;
            if (text.IsHyphenated(i) && AllianceAt(text[i]) is { } alliance)
            {
                actorsHere.Add(new(i, 1, alliance));
                VoteForActors(alliance);
                continue;
            }
            if (OpenArmedGroupAt(text, i, to, out var groupLength) is { } openGroup)
            {
                actorsHere.Add(new(i, groupLength, [openGroup]));
                i += groupLength - 1;
                continue;
            }
            if (!extractor.NameStarts.TryGetValue(text[i], out var nameStart))
            {
                if (TryOpenPlaceAt(text, i, to, out var open, out var openLength))
                {
                    placesHere.Add(new(i, openLength, open));
                    i += openLength - 1;
                }
                continue;
            }
            var length = 1;
            var isSource = extractor.Sources.TryMatchShared(nameStart.Sources, text, i, to, out var sourceLength, out var found) && !LongerPlaceAt(nameStart, text, i, to, sourceLength)
                && !WordOfLongerName(text, i, sourceLength, from) && !IsOtherNationality(text, i) && !IsOtherCountrysBody(text, i, found)
                && !IsSelfReference(text, i, from);
            if (extractor.Actors.TryMatchShared(nameStart.Actors, text, i, to, out var actorLength, out var actors) && !IsOtherNationality(text, i)
                && !IsHeadOfUnknownName(text, i, from, actors) && !IsFiledFrom(text, i, actorLength))
            {
                actorsHere.Add(new(i, actorLength, actors));
                // "Israeli police said": a body that is also a source votes once, for its country, not for its war.
                // "a paramilitary ranger patrol" in Thailand: a common noun one war's reference data gives to a party (the RSF's
                // "paramilitary") is no evidence that the text is about that war; a name is.
                // The token tests before the place look-ups: most actor words ("soldiers", "police") are in lower case mid-sentence.
                if ((!isSource || sourceLength < actorLength) && (IsProperName(text, i, actorLength, from) || IsNameAtSentenceStart(text, i, actorLength, actors))
                    && !NamesPlaceOutsideConflict(nameStart, text, i, actorLength, actors))
                {
                    VoteForActors(actors);
                }
                length = actorLength;
            }
            if (isSource)
            {
                sourcesHere.Add(new(i, sourceLength, found));
                RememberSurname(text, i, sourceLength, found);
                // "the provincial governor" is no evidence of the one country whose body the reference data calls so.
                var ownCountry = OpensWithItsCountry(nameStart, text, i, to, found);
                if (ownCountry) namedWithCountry.UnionWith(found);
                if (IsProperName(text, i, sourceLength, from) && !IsGenericBodyName(text, i, sourceLength) || ownCountry) VoteForSource(found);
                i += Math.Max(sourceLength, length) - 1;
                continue;
            }
            if (TryPlaceAt(nameStart, text, i, to, out var places, out var placeLength))
            {
                if (length == 1 && CountryForcesAfter(text, i, placeLength, places, out var forcesLength) is { } forces)
                {
                    actorsHere.Add(new(i, forcesLength, forces));
                    VoteForActors(forces);
                    i += forcesLength - 1;
                    continue;
                }
                placesHere.Add(new(i, placeLength, places));
                length = Math.Max(length, placeLength);
            }
            else if (length == 1 && (actorsHere.Count == 0 || actorsHere[^1].First != i) && TryOpenPlaceAt(text, i, to, out var open, out var openLength))
            {
                placesHere.Add(new(i, openLength, open));
                length = openLength;
            }
            i += length - 1;
        }
    }

    /// <summary>
    /// "the Coastal Observatory for Human Rights", "Manipur Police": one common word a known body goes by ("Observatory",
    /// "Police"), standing inside a longer capitalised name, is a word of that other body's name.
    /// </summary>
    private static bool WordOfLongerName(TokenText text, int i, int length, int from)
    {
        if (!text.IsCapitalized(i) || SourceCandidateFinder.IsAcronym(text[i]) || !text.IsCapitalized(i + length - 1)) return false;
        var before = i > from && text.IsWord(i - 1) && text.IsCapitalized(i - 1) && !text.IsAny(i - 1, "the", "a", "an") && !AttributionVocabulary.Titles.Contains(text[i - 1])
            && !SourceCandidateFinder.IsAcronym(text[i - 1]);
        var next = i + length;
        var after = length <= 2 && text.IsWord(next) && (text.IsCapitalized(next)
            || (text.IsAny(next, "for", "of", "on", "against") || AttributionVocabulary.ForeignConnectors.Contains(text[next])) && text.IsWord(next + 1) && (text.IsCapitalized(next + 1) || text.Is(next + 1, "the") && text.IsCapitalized(next + 2)));
        return before || after;
    }

    /// <summary>
    /// "GULU, Uganda", "in Kampala": the reference data lets "Uganda" stand for Ugandan troops in the war in DR Congo, but the
    /// word names a place outside that war's countries, which is the text's own country as often as the war's: no vote for the war.
    /// </summary>
    private bool NamesPlaceOutsideConflict(ClaimExtractor.NameStart start, TokenText text, int i, int length, IReadOnlyList<Actor> actors)
    {
        if (!(extractor.Places.TryMatchShared(start.Places, text, i, i + length, out var placeLength, out var places)
                || extractor.TryMatchGenerated(text, i, i + length, out placeLength, out places)) || placeLength != length || places.Count == 0)
        {
            return false;
        }
        foreach (var actor in actors)
        {
            if (ConflictKeyed(actor.Conflict) is not { } conflict) return false;
            foreach (var place in places)
            {
                if (conflict.Countries.ContainsOrdinal(extractor.CountryKeyOf(place))) return false;
            }
        }
        return true;
    }

    /// <summary>
    /// "the Balochistan Liberation Army", "the Ambazonia Defence Forces": a state's common word ("Army", "Forces") closing a
    /// longer capitalised name the reference data does not know is that name's head, not the state's forces. A nationality
    /// or a country before it ("Ecuadorian Army", "Kenya Army") still names a state's.
    /// </summary>
    private bool IsHeadOfUnknownName(TokenText text, int i, int from, IReadOnlyList<Actor> actors)
    {
        // The token tests first: the candidates of a word such as "soldiers" are dozens to walk.
        if (!text.IsCapitalized(i) || i - 1 <= from || !text.IsWord(i - 1) || !text.IsCapitalized(i - 1) || !IsStateForcesWord(actors)) return false;
        var word = i - 1;
        if (AttributionVocabulary.Titles.Contains(text[word]) || extractor.Demonyms.Contains(text[word])) return false;
        if (extractor.Places.TryMatchShared(text, word, i, out var placeLength, out _) && placeLength == 1) return false;
        return !(word > from && text.IsApostrophe(word - 1));
    }

    /// <summary>
    /// "South Sudanese officials" are not the "Sudanese officials" of the reference data, nor "Equatorial Guinean troops"
    /// Guinea's: a nationality word that the words before it make another country's.
    /// </summary>
    private bool IsOtherNationality(TokenText text, int i) =>
        extractor.Demonyms.TryGetCountry(text[i], out var alone) && extractor.Demonyms.CountryAt(text, i) != alone;

    /// <summary>
    /// "the Chadian presidency said": a body the reference data gives to another country (Nigeria's presidency) is not the one
    /// a nationality word before it names; the words are read as an office of that nationality's country instead.
    /// </summary>
    private bool IsOtherCountrysBody(TokenText text, int i, IReadOnlyList<Source> candidates)
    {
        if (i == 0 || !text.IsWord(i - 1) || extractor.Demonyms.CountryAt(text, i - 1) is not { } named) return false;
        foreach (var source in candidates)
        {
            if (source.Country is not { } key || CountryOfSource(key) == named) return false;
        }
        return true;
    }

    /// <summary>
    /// "this Observatory has recorded 80 killed", "our Commission documented": a body that writes of itself so is the
    /// document's publisher, whatever other body the reference data calls by that noun.
    /// </summary>
    private static bool IsSelfReference(TokenText text, int i, int from) => i > from && text.IsAny(i - 1, "this", "our");

    /// <summary>The bodies this document has named with their own country (<see cref="OpensWithItsCountry"/>).</summary>
    private readonly HashSet<Source> namedWithCountry = [];

    /// <summary>
    /// "Armenia's defence ministry said" opening a sentence: a body whose name starts with its own country's name or
    /// nationality word names that country, though no other word of it has a capital; and it is that country's body
    /// though the document is about another country ("Azerbaijan's defence ministry" in a report from Yerevan).
    /// </summary>
    private bool OpensWithItsCountry(ClaimExtractor.NameStart start, TokenText text, int i, int to, IReadOnlyList<Source> candidates)
    {
        var named = extractor.Demonyms.CountryAt(text, i);
        if (named is null && extractor.Places.TryMatchShared(start.Places, text, i, to, out _, out var places))
        {
            foreach (var place in places)
            {
                if (place.Parent is null) named = place.Key;
            }
        }
        if (named is null) return false;
        foreach (var source in candidates)
        {
            if (source.Country is not { } key || CountryOfSource(key) != named) return false;
        }
        return true;
    }

    /// <summary>"Sana'a" is the city, not the agency SANA: a longer place name wins over a source name at the same word.</summary>
    private bool LongerPlaceAt(ClaimExtractor.NameStart start, TokenText text, int i, int to, int sourceLength) =>
        extractor.Places.TryMatchShared(start.Places, text, i, to, out var placeLength, out _) && placeLength > sourceLength && HasCapital(text, i, placeLength);

    public IReadOnlyList<Claim> Finish()
    {
        var country = DocumentCountry();
        var conflict = LeadingConflict();
        var read = drafts.Where(d => !d.Rejected && d.Outcome is not null && d.Victims is not null).ToList();
        var bodyFigures = read.Where(d => !d.InHeadline).Select(BodyFigure).ToHashSet();
        var kept = Deduplicate(read.Where(d => !RepeatsBody(d, bodyFigures)).ToList());
        var index = new Dictionary<ClaimDraft, int>(ReferenceEqualityComparer.Instance);
        for (var k = 0; k < kept.Count; k++) index[kept[k]] = k;
        var claims = new List<Claim>(kept.Count);
        foreach (var draft in kept)
        {
            var perpetrator = ResolveActor(draft.Perpetrators, conflict);
            // A document about no seeded conflict: an actor of another war keeps its name, not that war's side.
            var perpetratorSide = conflict is null && !ReferenceEquals(perpetrator, StateForces) && perpetrator?.Kind is not (NationalKind or OpenGroupKind or UnnamedSideKind)
                && !(perpetrator is not null && UnseededParties.Contains(perpetrator)) ? null : perpetrator is null ? null : NationalSide(perpetrator);
            if (perpetrator is null && draft.UnknownPerpetrator is null) perpetratorSide = OtherStateOf(draft);
            var victimSide = draft.VictimSide ?? ResolveActor(draft.VictimActors, conflict)?.Side;
            var keptAsWritten = draft.Place is { } written && IsKeptAsWritten(written);
            var placeParent = keptAsWritten ? Reference.Gazetteer.ByKey(draft.Place!.Parent!) : null;
            claims.Add(new Claim(
                draft.Outcome!.Value,
                draft.Victims!,
                draft.Victims == VictimGroups.Combatants ? victimSide : null,
                draft.Mention.Quantity,
                draft.Parent is { } parent && index.TryGetValue(parent, out var p) ? p : null,
                ResolveSource(FullNameOf(draft.Sources), country)?.Name,
                perpetrator is { Kind: CueKind or UnnamedSideKind } ? null : perpetrator?.Name ?? draft.UnknownPerpetrator,
                perpetratorSide,
                draft.Place?.Name,
                draft.Period,
                draft.Cumulative,
                draft.Quote,
                draft.Span,
                Math.Clamp(draft.Confidence, 0, 1))
            {
                PlaceKey = keptAsWritten ? null : draft.Place?.Key,
                PlaceParent = placeParent?.Name,
                PlaceParentKey = placeParent?.Key,
            });
        }
        return claims;
    }

    /// <summary>A figure repeated for the same thing (headline, then body) is one claim: the first.</summary>
    /// <remarks>The drafts kept are found by their figure (<see cref="FigureOf"/>), not searched one by one: a long document stays linear.</remarks>
    private static List<ClaimDraft> Deduplicate(List<ClaimDraft> candidates)
    {
        var kept = new List<ClaimDraft>();
        var keptByFigure = new Dictionary<(Outcome?, string?, int, int?, bool), List<ClaimDraft>>();
        var replaced = new Dictionary<ClaimDraft, ClaimDraft>(ReferenceEqualityComparer.Instance);
        foreach (var draft in candidates)
        {
            if (draft.Parent is { } parent && replaced.TryGetValue(parent, out var survivor)) draft.Parent = survivor;
            var figure = FigureOf(draft);
            var twin = keptByFigure.TryGetValue(figure, out var same) ? same.FirstOrDefault(k => SameFigure(k, draft)) : null;
            if (twin is null)
            {
                kept.Add(draft);
                if (same is null) keptByFigure[figure] = same = [];
                same.Add(draft);
            }
            else
            {
                replaced[draft] = twin;
            }
        }
        return kept;
    }

    /// <summary>A line that does not end with a sentence's stop: a headline, caption or live-blog heading.</summary>
    /// <summary>
    /// The tokens of a live blog's entry time opening a sentence ("12:30", "Friday 18:40 -", "09:25 UPDATE:"), 0 when none:
    /// a clock time of hours and minutes, an optional weekday before it and a dash or colon after it.
    /// </summary>
    private static int EntryTimeLength(TokenText text, int from, int to)
    {
        var k = from;
        if (text.IsWord(k) && CalendarWords.IsWeekday(text[k])) k++;
        if (k + 2 >= to || text.Kind(k) != TokenKind.Number || !text.IsPunctuation(k + 1, ':') || text.Kind(k + 2) != TokenKind.Number) return 0;
        if (text[k].Length > 2 || text[k + 2].Length != 2 || !int.TryParse(text[k], out var hours) || hours > 23) return 0;
        k += 3;
        if (text.IsWord(k) && text.IsAny(k, "am", "pm", "GMT", "UTC", "local")) k++;
        if (IsHeaderSeparator(text, k)) k++;
        return k < to && (text.IsWord(k) || text.IsPunctuation(k, '"')) ? k - from : 0;
    }

    private static bool IsHeadline(TokenText text, int from, int to)
    {
        var last = to - 1;
        while (last > from && text.Kind(last) == TokenKind.Punctuation && !text.IsPunctuation(last, '.') && !text.IsPunctuation(last, '!')
            && !text.IsPunctuation(last, '?'))
        {
            last--;
        }
        return !(text.IsPunctuation(last, '.') || text.IsPunctuation(last, '!') || text.IsPunctuation(last, '?'));
    }

    /// <summary>"Israel says 1,300 killed" above "more than 1,300 people have been killed": the headline repeats the body's figure.</summary>
    /// <param name="headline">A draft, from a headline or not.</param>
    /// <param name="bodyFigures">The <see cref="BodyFigure"/> of every draft read outside headlines.</param>
    private static bool RepeatsBody(ClaimDraft headline, HashSet<(Outcome?, int)> bodyFigures) =>
        headline.InHeadline && bodyFigures.Contains(BodyFigure(headline));

    /// <summary>What a headline and the body must share to say the same: the outcome and the figure's value (or low bound).</summary>
    private static (Outcome?, int) BodyFigure(ClaimDraft draft) => (draft.Outcome, draft.Mention.Quantity.Value ?? draft.Mention.Quantity.Low);

    /// <summary>Everything <see cref="SameFigure"/> compares but the place.</summary>
    private static (Outcome?, string?, int, int?, bool) FigureOf(ClaimDraft draft) =>
        (draft.Outcome, draft.Victims, draft.Mention.Quantity.Low, draft.Mention.Quantity.High, draft.Parent is null);

    private static bool SameFigure(ClaimDraft a, ClaimDraft b) =>
        a.Outcome == b.Outcome && a.Victims == b.Victims && a.Mention.Quantity.Low == b.Mention.Quantity.Low
        && a.Mention.Quantity.High == b.Mention.Quantity.High && (a.Parent is null) == (b.Parent is null)
        && (a.Place is null || b.Place is null || a.Place.Key == b.Place.Key);

    private Place? DocumentCountry() => LeadingCountry() is { } key ? Reference.Gazetteer.ByKey(key) : null;

    private Actor? ResolveActor(IReadOnlyList<Actor> candidates, Conflict? conflict)
    {
        if (candidates.Count == 0) return null;
        // An arrest by the state's forces (IsArrestByTheState): the government side of this war.
        if (candidates is [var only] && ReferenceEquals(only, StateForces)) return StateForces;
        if (candidates is [{ Kind: OpenGroupKind or UnnamedSideKind } group]) return group;
        // A document about a country no seeded conflict is fought in (Pakistan, Ecuador): an actor of another war is a guess,
        // but a word every war's reference data gives to the state's forces ("troops", "security forces") is this state's.
        if (conflict is null && IsOutsideSeededConflicts())
        {
            return candidates is [{ Kind: NationalKind } national] ? national
                : IsStateForcesWord(candidates) ? StateForces
                : candidates.FirstOrDefault(UnseededParties.Contains);
        }
        if (conflict is not null && RebelsOfAnUnseededWar(candidates, conflict) is { } rebels) return rebels;
        candidates = WithoutUnseeded(candidates);
        if (candidates.Count == 0) return null;
        if (conflict is not null)
        {
            for (var k = 0; k < candidates.Count; k++)
            {
                if (string.Equals(candidates[k].Conflict, conflict.Key, StringComparison.OrdinalIgnoreCase)) return OwnStatesForces(candidates[k], conflict);
            }
            // "the Israeli enemy", named so only in Lebanon, in a text about Gaza: the side still belongs to this conflict.
            // A side read from a means of attack belongs to its own conflict only, and a loose word of another war
            // ("ethnic armed groups" of Myanmar, for "armed groups" in Syria) is no actor here, whatever its side is called.
            if (!OneActor(candidates) || candidates[0].Kind is CueKind or "generic" || !conflict.Sides.ContainsIgnoreCase(candidates[0].Side)) return null;
            // But a side every civil war has is a different party in each: "artillery shelling", which the reference data
            // gives only to Myanmar's army, is the government's in Syria too, but it is not Myanmar's army there.
            return RoleOf(candidates[0].Side) ?? candidates[0];
        }
        // Outside a known conflict a loose word ("gunmen", "militants") points to no side: unknown beats wrong.
        var named = candidates.Where(a => a.Kind is not ("generic" or CueKind)).ToList();
        return named.Count > 0 && OneActor(named) ? named[0] : null;
    }

    /// <summary>The forces of the state a document is about, where no seeded conflict names them: the government side (domain.md).</summary>
    private static readonly Actor StateForces = new("government forces", "", "government", "generic", []);

    private static readonly HashSet<string> StateForceKinds = new(StringComparer.Ordinal) { "army", "police", "air_force", "navy" };

    /// <summary>
    /// "troops", "the army", "security forces", "police": a word that, in every conflict the reference data gives it to, names
    /// a state's forces (an army, police, or the government side's loose word), whatever that war calls the state's side.
    /// A proper name of one country's army ("Malian army") is one candidate: another state's forces here.
    /// </summary>
    private static bool IsStateForcesWord(IReadOnlyList<Actor> candidates)
    {
        if (candidates.Count < 2) return false;
        foreach (var actor in candidates)
        {
            var loose = actor.Kind == "generic" && string.Equals(actor.Side, "government", StringComparison.Ordinal);
            if (!loose && !StateForceKinds.Contains(actor.Kind)) return false;
        }
        return true;
    }

    /// <summary>
    /// "Soldiers killed 11 civilians in Bamessing" in Cameroon, where the seeded war against Boko Haram is fought in four
    /// countries: a loose word its reference data gives to the Nigerian Army names the forces of the document's own state
    /// (the government side), not Nigeria's, when the document is about another of the war's countries.
    /// </summary>
    private Actor OwnStatesForces(Actor actor, Conflict conflict)
    {
        if (!StateForceKinds.Contains(actor.Kind) || conflict.Countries.Count < 2 || LeadingCountry() is not { } home) return actor;
        var space = actor.Name.IndexOf(' ');
        var first = space > 0 ? actor.Name.AsSpan(0, space) : actor.Name.AsSpan();
        return extractor.Demonyms.TryGetCountry(first, out var country) && country != home && conflict.Countries.ContainsOrdinal(home)
            && string.Equals(actor.Side, "government", StringComparison.Ordinal) ? StateForces : actor;
    }

    /// <summary>"Hezbollah attacks on ...": a sentence's first word that the reference data writes with a capital (a name, not "Paramilitary").</summary>
    private static bool IsNameAtSentenceStart(TokenText text, int first, int length, IReadOnlyList<Actor> actors)
    {
        // A word in lower case names no one (and most actor words are: "soldiers" has dozens of candidates to walk).
        if (!text.IsCapitalized(first)) return false;
        var words = text.Slice(first, first + length - 1);
        foreach (var actor in actors)
        {
            if (string.Equals(actor.Name, words, StringComparison.OrdinalIgnoreCase) && char.IsUpper(actor.Name[0])) return true;
            foreach (var alias in actor.Aliases)
            {
                if (alias.Length > 0 && char.IsUpper(alias[0]) && string.Equals(alias, words, StringComparison.OrdinalIgnoreCase)) return true;
            }
        }
        return false;
    }

    /// <summary>"government", "opposition": a side named by its role in a civil war, as an actor with no name; else null.</summary>
    private static Actor? RoleOf(string side) =>
        string.Equals(side, "government", StringComparison.OrdinalIgnoreCase) ? UnnamedGovernment
        : string.Equals(side, "opposition", StringComparison.OrdinalIgnoreCase) ? UnnamedOpposition
        : null;

    /// <summary>
    /// Whether the candidates are one actor (the same name, in several conflicts, on one side). A phrase several
    /// different actors answer to ("air strike": the Ethiopian, Nigerian and Malian air forces) names none of them
    /// outside their own conflicts.
    /// </summary>
    private static bool OneActor(IReadOnlyList<Actor> candidates)
    {
        for (var k = 0; k < candidates.Count; k++)
        {
            var actor = candidates[k];
            if (!string.Equals(actor.Name, candidates[0].Name, StringComparison.OrdinalIgnoreCase)
                || !string.Equals(actor.Side, candidates[0].Side, StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// "Separatist fighters killed four civilians" in Cameroon's North-West, "suspected jihadists" in Burkina Faso: a loose
    /// word for men fighting a state (<see cref="UnseededParties"/>: rebels, insurgents, separatists, jihadists) that no
    /// actor of the document's seeded conflict is called by is the non-state side of a civil war the seeds do not hold
    /// there (another war in the same country, or a group the seeds do not name): domain.md's <c>opposition</c>. Only
    /// where the conflict has a government side; a word the conflict's own actors answer to ("rebels" in Yemen) is theirs.
    /// </summary>
    private static Actor? RebelsOfAnUnseededWar(IReadOnlyList<Actor> candidates, Conflict conflict)
    {
        Actor? rebels = null;
        foreach (var actor in candidates)
        {
            if (string.Equals(actor.Conflict, conflict.Key, StringComparison.OrdinalIgnoreCase)) return null;
            if (UnseededParties.Contains(actor) && actor.Side == "opposition") rebels = actor;
        }
        return rebels is not null && conflict.Sides.Contains("government") ? rebels : null;
    }

    /// <summary>The candidates but the unseeded parties: the list itself when it has none (nearly always), so nothing is copied.</summary>
    private static IReadOnlyList<Actor> WithoutUnseeded(IReadOnlyList<Actor> candidates)
    {
        for (var k = 0; k < candidates.Count; k++)
        {
            if (UnseededParties.Contains(candidates[k])) return candidates.Where(a => !UnseededParties.Contains(a)).ToList();
        }
        return candidates;
    }

    /// <summary>Among the bodies an alias may name, the one of the document's country, else of its conflict, else an international one.</summary>
    private Source? ResolveSource(IReadOnlyList<Source> candidates, Place? country)
    {
        if (candidates.Count == 0) return null;
        // "a police spokesman" in Haiti is not the one country's police whose alias it also is: a body of a country outside
        // the document's countries and war is a guess (unknown beats wrong).
        if (candidates.Count == 1)
        {
            return country is not null && candidates[0].Country is { } only && !InDocumentCountries(only) && !namedWithCountry.Contains(candidates[0]) ? null : candidates[0];
        }
        if (country is not null)
        {
            foreach (var source in candidates)
            {
                if (source.Country is { } key && Reference.Gazetteer.ByKey(key) is { } place && extractor.CountryKeyOf(place) == country.Key)
                {
                    return source;
                }
            }
        }
        return candidates.FirstOrDefault(s => s.Country is not null && InDocumentCountries(s.Country))
            ?? candidates.FirstOrDefault(s => s.Country is null);
    }
}
