using Casualties.Domain.Model;
using Casualties.Domain.Reference;

namespace Casualties.Domain.Extraction;

/// <summary>
/// The claim grammar of one sentence: which figures count casualties (by their victim noun and the outcome
/// word that governs them), subsets and lists, then each claim's attributes.
/// </summary>
internal sealed partial class DocumentReader
{
    private static readonly HashSet<string> BoundaryWords = new WordSet()
    {
        "and", "in", "on", "at", "as", "when", "while", "near", "after", "during", "across", "including", "among",
        "since", "with", "from", "over", "by", "for", "following", "inside", "outside", "around", "last", "this",
        "yesterday", "overnight", "today", "earlier", "more", "others", "or", "amid", "before", "between", "so",
        "according", "said", "says", "the", "into", "within", "throughout", "until", "along", "to",
    };

    private static readonly HashSet<string> RiseWords = new WordSet()
    {
        "rose", "risen", "climbed", "increased", "jumped", "up", "toll", "tally", "raising", "bringing", "rising",
        "climbing", "soared", "raised", "brought", "revised", "updated", "down", "fell", "dropped", "lowered",
    };

    private static readonly HashSet<string> StaleMarkers = new WordSet()
    {
        "previous", "earlier", "old", "former", "prior", "initial", "last",
    };

    private void ReadClaims(TokenText text, int from, int to)
    {
        ClaimDraft? partBefore = null;
        for (var m = 0; m < mentions.Count; m++)
        {
            var mention = mentions[m];
            var part = partBefore;
            partBefore = null;
            if (IsDecoy(text, from, mention)) continue;
            var family = IsFamilyOf(text, mention.FirstToken);
            if (family) mention = mention with { FirstToken = mention.FirstToken - 3 };
            var draft = new ClaimDraft(mention) { Sentence = sentence, VictimEnd = mention.LastToken };
            var bareAllowed = ReadVictims(text, to, draft);
            if (family)
            {
                draft.Victims ??= VictimGroups.People;
                bareAllowed = true;
            }
            if (draft.RefersToGroup && m > 0 && CountsSomethingElse(text, mentions[m - 1], mention)) continue;
            if (draft.Outcome == Outcome.Detained && TryOutcomeBefore(text, from, mention.FirstToken, out var done) && done != Outcome.Detained)
            {
                draft.Outcome = done;
            }
            if (IsAmongTheNext(text, draft, m))
            {
                partBefore = draft;
                continue;
            }
            LinkToFiguresBefore(text, from, to, draft);
            if (draft.IsSubset && draft.Parent is not null && draft.Victims is null
                && (IsBoundary(text, mention.LastToken + 1, to) || text.IsAny(mention.LastToken + 1, "are", "were", "is", "was")))
            {
                bareAllowed = true;
            }
            if (draft.Outcome is null && IsTakenCaptive(text, from, draft))
            {
                draft.Outcome = Outcome.Detained;
                bareAllowed = true;
            }
            if (VictimsAccountingFor(text, from, to, draft)) bareAllowed = true;
            if (draft.Outcome is null && TryOutcomeBefore(text, from, mention.FirstToken, out var before))
            {
                draft.Outcome = before;
                draft.OwnOutcome = true;
                bareAllowed |= IsBoundary(text, mention.LastToken + 1, to);
            }
            if (draft.Outcome is null && !draft.IsSubset && TryTally(text, from, draft, out var tallied))
            {
                draft.Outcome = tallied;
                draft.OwnOutcome = true;
                draft.IsTally = true;
                bareAllowed = true;
            }
            if (draft.Outcome is null && TryOutcomeAfter(text, to, draft.VictimEnd + 1, out var after))
            {
                draft.Outcome = after;
                draft.OwnOutcome = true;
                bareAllowed |= draft.VictimEnd == mention.LastToken;
            }
            if (draft.Outcome is null && draft.ModifierOutcome is { } modifierOutcome)
            {
                draft.Outcome = modifierOutcome;
                draft.OwnOutcome = true;
            }
            if (IsTableRow(text, from, mention))
            {
                FillFromTable(text, from, draft);
                bareAllowed |= draft.Outcome is not null;
            }
            if (draft.Victims is null && !bareAllowed && draft.CoordinatedWith is null) continue;
            if (draft.Victims is null && !draft.IsSubset) draft.Victims = contextVictims;
            if (draft.Victims is null && draft.Parent is { } group) draft.Victims = group.Victims;
            if (!draft.IsSubset && draft.Victims is not null && draft.Outcome is not null) contextVictims = draft.Victims;
            sentenceDrafts.Add(draft);
            if (part is not null && !draft.IsSubset)
            {
                part.IsSubset = true;
                part.Parent = draft;
                part.Victims ??= draft.Victims;
                sentenceDrafts.Add(part);
            }
        }

        ShareOutcomesAcrossLists();
        var continuesPrevious = previousDrafts.Count > 0 && !NamesAnotherSource();
        var explicitlyContinues = continuesPrevious && !SentenceHas(text, from, to, ClashWords)
            && (times.Any(t => t.Kind == TimeKind.SamePeriod) || HasAnaphoricAttribution(text, from, to)
                || TallyNounAt(text, from) || TallyNounAt(text, from + 1));
        foreach (var draft in sentenceDrafts)
        {
            draft.Victims ??= VictimGroups.People;
            if (draft.Outcome is null || draft.Rejected) { draft.Rejected = true; continue; }
            if (draft.Parent is { } parent && (parent.Outcome != draft.Outcome || parent.Rejected)) draft.Parent = null;
            if (draft.Parent is { } inherited)
            {
                draft.Sources = inherited.Sources;
                draft.Perpetrators = inherited.Perpetrators;
                if (!sentenceDrafts.Contains(inherited) && PerpetratorsFor(text, from, to, draft) is { Count: > 0 } own) draft.Perpetrators = own;
                draft.Place = PlaceWithin(text, draft, inherited) ?? inherited.Place;
                draft.Period = inherited.Period;
                draft.Cumulative = inherited.Cumulative;
            }
            else
            {
                draft.Sources = SourcesFor(text, from, to, draft);
                if (draft.Sources.Count == 0 && IssuerOrOfficeFor(text, from, to, draft) is { } unattributed) draft.Sources = unattributed;
                (draft.Period, draft.Cumulative) = PeriodFor(text, from, draft, continuesPrevious);
                draft.DatedBySpeaking = !draft.Cumulative && !draft.IsTally && draft.Period.Start is { Precision: DatePrecision.Day } spoken
                    && draft.Period.End == spoken && times.Count > 0 && times.All(t => IsTimeOfSpeaking(text, t));
                if (draft.DatedBySpeaking) lastSpokenSentence = sentence;
                draft.Place = PlaceFor(text, from, to, draft, continuesPrevious);
                var ownDead = OwnDeadOf(text, from, draft);
                if (ownDead is { } speaker) draft.VictimActors = speaker.Candidates;
                draft.Perpetrators = RowActor(text, from, draft) ?? PerpetratorsFor(text, from, to, draft);
                if (draft.Perpetrators.Count == 0 && IsStatesKillingOfItsEnemies(text, from, to, draft)) draft.Perpetrators = [StateForces];
                // "were killed by Hutu extremists": an attacker the text names but the reference data lacks is not an earlier one;
                // a side's report of its own dead takes no attacker from earlier sentences.
                var ownLoss = IsOwnLossAnnouncement(text, from, draft.Mention.FirstToken) || draft.Perpetrators.Count == 0 && UnnamedAgentAfter(text, to, draft)
                    || ownDead is not null;
                if (draft.Perpetrators.Count == 0 && explicitlyContinues && !ownLoss && !draft.IsTally && !draft.Cumulative)
                {
                    draft.Perpetrators = previousDrafts[^1].Perpetrators;
                }
                if (draft.Perpetrators.Count == 0 && !ownLoss && ContinuesLastEvent(text, from, to, draft)) draft.Perpetrators = lastEvent!.Perpetrators;
                if (draft.Perpetrators.Count == 0 && !ownLoss && FollowsAttackAtSamePlace(text, from, to, draft)) draft.Perpetrators = lastAttack!.Value.Actors;
                if (TollOfLastEvent(text, from, to, draft) is { } tolled)
                {
                    draft.Period = draft.Period with { Start = tolled.Period.Start };
                    if (draft.Perpetrators.Count == 0 && !ownLoss) draft.Perpetrators = tolled.Perpetrators;
                }
                if (draft.Perpetrators.Count == 0 && (!ownLoss || ownDead is not null)) draft.Perpetrators = CuedPerpetrators(text, from, to, draft);
                if (draft.Perpetrators.Count == 0 && ownDead is not null) draft.Perpetrators = EnemyOfOwnDead(text, from, to, draft.VictimActors);
                // "Militants stormed a checkpost ... killing 9 soldiers": a loose word that names no side here leaves the side to the victims.
                if (UnnamedSideOfCivilWar(text, from, to, draft) is { } unnamed && ResolveActor(draft.Perpetrators, null) is null) draft.Perpetrators = [unnamed];
                if (draft.Perpetrators.Count > 0 && (SameSideAsVictims(draft, draft.Perpetrators) || IsStateKillingItsOwnSoldiers(text, draft))) draft.Perpetrators = [];
                draft.Parent ??= TableParent(text, from, draft);
                draft.VictimCountry = VictimCountryOf(text, draft);
                if (draft.Perpetrators.Count == 0 && draft.Parent is { } whole && IsTableRow(text, from, draft.Mention)) draft.Perpetrators = whole.Perpetrators;
                if (draft.Perpetrators.Count > 0 && !draft.IsTally && !draft.Cumulative) lastEvent = draft;
                if (!draft.IsTally && !draft.Cumulative && draft.Place is not null && draft.Period.Start is { Precision: DatePrecision.Day } day && draft.Period.End == day
                    && draft.Outcome is Outcome.Killed or Outcome.Injured)
                {
                    lastDatedEvent = draft;
                }
            }
            SetQuote(text, from, to, draft);
            draft.Confidence = Confidence(draft);
            drafts.Add(draft);
        }
        sentenceDrafts.RemoveAll(d => d.Rejected);
    }

    /// <summary>"deaths", "injuries", "martyrs", "fatalities": a plural noun that names the outcome whatever follows it.</summary>
    private static bool IsPluralOutcomeNoun(TokenText text, int index) =>
        text.IsAny(index, "deaths", "injuries", "martyrs", "fatalities", "killings", "abductions", "kidnappings", "homicides", "murders", "lives");

    /// <summary>
    /// "Four children were among nine civilians killed", "two medics are also among the 14 dead": a part named before its
    /// whole, which is the next figure; the part is read after it, as its subset.
    /// </summary>
    private bool IsAmongTheNext(TokenText text, ClaimDraft draft, int m)
    {
        if (m + 1 >= mentions.Count) return false;
        var k = draft.VictimEnd + 1;
        if (!text.IsAny(k, "were", "was", "are", "is")) return false;
        k++;
        while (text.IsAny(k, "also", "reportedly", "said", "believed", "thought", "confirmed", "to", "be")) k++;
        if (!text.Is(k, "among")) return false;
        k++;
        if (text.IsAny(k, "the", "those")) k++;
        return mentions[m + 1].FirstToken == k;
    }

    /// <summary>"a family of seven", "one family of five": the figure counts the family's members.</summary>
    private static bool IsFamilyOf(TokenText text, int first) =>
        text.Is(first - 1, "of") && text.IsAny(first - 2, "family", "household") && text.IsAny(first - 3, "a", "an", "one", "entire", "whole");

    /// <summary>"18 massacres in May, 14 of them ...": a group figure right after a figure that was no claim counts that thing, not people.</summary>
    private bool CountsSomethingElse(TokenText text, QuantityMention before, QuantityMention group)
    {
        if (sentenceDrafts.Any(d => ReferenceEquals(d.Mention, before) || d.Mention.NumberToken == before.NumberToken)) return false;
        for (var k = before.LastToken + 1; k < group.FirstToken; k++)
        {
            if (text.IsPunctuation(k, ';') || text.IsPunctuation(k, '.')) return false;
        }
        return before.LastToken + 1 < group.FirstToken && text.IsWord(before.LastToken + 1);
    }

    /// <summary>"Children accounted for 14 of the dead", "women made up 40 of the victims": the victims named before the verb.</summary>
    private bool VictimsAccountingFor(TokenText text, int from, int to, ClaimDraft draft)
    {
        var first = draft.Mention.FirstToken;
        var verb = text.IsAny(first - 1, "for") && text.IsAny(first - 2, "accounted", "account", "accounting", "accounts") ? first - 2
            : text.IsAny(first - 1, "up") && text.IsAny(first - 2, "made", "make", "making", "makes") ? first - 2 : -1;
        if (verb < 0) return false;
        for (var pos = verb - 1; pos >= Math.Max(from, verb - 3); pos--)
        {
            if (!TryVictimAt(text, pos, to, out var length, out var term) || pos + length != verb) continue;
            SetVictims(text, draft, term, pos, pos + length - 1);
            draft.VictimEnd = Math.Max(draft.VictimEnd, draft.Mention.LastToken);
            return true;
        }
        return false;
    }

    /// <summary>"had taken 37 Ukrainian soldiers prisoner", "took 12 people hostage".</summary>
    private static bool IsTakenCaptive(TokenText text, int from, ClaimDraft draft)
    {
        if (!text.IsAny(draft.VictimEnd + 1, "prisoner", "prisoners", "captive", "captives", "hostage", "hostages")
            && !text.IsAny(draft.VictimEnd, "prisoner", "prisoners", "captive", "captives", "hostage", "hostages"))
        {
            return false;
        }
        var before = draft.Mention.FirstToken - 1;
        while (before > from && text.IsWord(before) && ExtractionVocabulary.ObjectFillers.Contains(text[before])) before--;
        return text.IsAny(before, "taken", "took", "take", "taking", "takes");
    }

    /// <summary>A plural victim noun ("children", "soldiers"), not an adjective-like singular ("civilian" in "civilian deaths").</summary>
    private bool IsPluralVictimTerm(TokenText text, int pos, int to)
    {
        if (!extractor.Victims.TryMatch(text, pos, to, out var length, out VictimTerm _)) return false;
        var last = text[pos + length - 1];
        return last.EndsWith("s", StringComparison.OrdinalIgnoreCase) || last.EndsWith("ren", StringComparison.OrdinalIgnoreCase)
            || last.EndsWith("men", StringComparison.OrdinalIgnoreCase) || last.Equals("people", StringComparison.OrdinalIgnoreCase);
    }

    private static readonly HashSet<string> ClashWords = new WordSet()
    {
        "clashes", "clash", "firefight", "firefights", "skirmishes", "battles", "exchanges", "crossfire",
    };

    /// <summary>The last event whose attacker was named: later deaths and injuries of the same day share it.</summary>
    private ClaimDraft? lastEvent;

    /// <summary>
    /// "A Russian missile hit the port on Sunday. ... Eight other people were injured, he said.", "the hospital received 58
    /// wounded since Sunday": from the same day (and within a week of it, not a month's report), no attacker of its own, no clashes.
    /// </summary>
    private bool ContinuesLastEvent(TokenText text, int from, int to, ClaimDraft draft) =>
        lastEvent is not null && !draft.IsTally
        && draft.Outcome is Outcome.Killed or Outcome.Injured && draft.Period.Start is { Precision: DatePrecision.Day } start && start == lastEvent.Period.Start
        && draft.Period.End is { } end && end.Last.DayNumber - start.First.DayNumber <= EventReachDays
        && !SentenceHas(text, from, to, ClashWords) && !text.IsAny(from, "separately", "elsewhere")
        && SameSite(draft.Place, lastEvent.Place);

    /// <summary>How long after an event a later figure (a toll, the wounded counted since) may still be that event's: a week.</summary>
    private const int EventReachDays = 7;

    /// <summary>The last event of one day, at a known place, whose dead or wounded the text counted, with or without an attacker.</summary>
    private ClaimDraft? lastDatedEvent;

    /// <summary>
    /// "A truck bomb claimed by al-Shabaab struck the market on Wednesday, killing 30. ... The death toll has risen to 45, the
    /// governor said on Thursday", "the prefect on Friday put the toll at 31": a toll with no start of its own (or only the
    /// day it was stated), no attacker in its sentence and no clashes, of the same outcome at the same site, no smaller and
    /// within a week, is the last event's toll: it starts on the event's day and takes its attacker (domain.md: a running
    /// tally starts when the count began).
    /// </summary>
    private ClaimDraft? TollOfLastEvent(TokenText text, int from, int to, ClaimDraft draft)
    {
        // The more recent of the last event with an attacker and the last dated one.
        var tolled = lastDatedEvent is null || lastEvent is not null && lastEvent.Sentence > lastDatedEvent.Sentence ? lastEvent : lastDatedEvent;
        if (tolled is not { Period.Start: { Precision: DatePrecision.Day } eventStart } || actorsHere.Count > 0 || draft.Outcome != tolled.Outcome) return null;
        var ownStart = draft.Period.Start is { } start && !(start == draft.Period.End && start.First > eventStart.First && (draft.IsTally || times.Count > 0 && times.All(t => IsTimeOfSpeaking(text, t))));
        if (!(draft.IsTally || draft.Cumulative || SentenceHas(text, from, to, ExtractionVocabulary.TallyNouns)) || ownStart) return null;
        return SameSite(draft.Place, tolled.Place) && draft.Mention.Quantity.Low >= tolled.Mention.Quantity.Low && !SentenceHas(text, from, to, ClashWords)
            && !text.IsAny(from, "separately", "elsewhere")
            && draft.Period.End is { } end && end.Last.DayNumber - eventStart.First.DayNumber is >= 0 and <= EventReachDays ? tolled : null;
    }

    /// <summary>Two places can be one event's site when either is unknown or one lies within the other.</summary>
    private bool SameSite(Place? a, Place? b) =>
        a is null || b is null || Reference.Gazetteer.Contains(a, b) || Reference.Gazetteer.Contains(b, a);

    /// <summary>
    /// The last attack the text described, with or without a figure ("Russian forces struck Kharkiv overnight"): a live
    /// blog's later figures for that place ("the death toll in Kharkiv has risen to 7") are its victims.
    /// </summary>
    private (IReadOnlyList<Actor> Actors, Place Place)? lastAttack;

    private bool FollowsAttackAtSamePlace(TokenText text, int from, int to, ClaimDraft draft) =>
        lastAttack is { } attack && draft.Place is { } place && actorsHere.Count == 0 && !draft.Cumulative && !text.IsAny(from, "separately", "elsewhere")
        && draft.Outcome is Outcome.Killed or Outcome.Injured && !SentenceHas(text, from, to, ClashWords)
        && !SentenceHas(text, from, to, ExtractionVocabulary.AttackNouns)
        && (draft.Period.Start is null || draft.Period.Start == draft.Period.End && draft.Period.Start.Value.Precision == DatePrecision.Day)
        && attack.Place.Kind is "city" or "district" && (place.Key == attack.Place.Key || Reference.Gazetteer.Contains(attack.Place, place));

    /// <summary>Remembers the sentence's attack: its claims' attacker and place, else an agent actor and the place it struck.</summary>
    private void RememberAttack(TokenText text, int from)
    {
        if (sentenceDrafts.FirstOrDefault(d => !d.Rejected && d.Perpetrators.Count > 0 && d.Place is not null) is { } claimed)
        {
            lastAttack = (claimed.Perpetrators, claimed.Place!);
            return;
        }
        if (sentenceDrafts.Count > 0) return;
        foreach (var actor in actorsHere)
        {
            if (!IsAgent(text, from, actor)) continue;
            foreach (var named in placesHere)
            {
                if (named.First <= actor.Last || !InDocumentCountries(named.Candidates[0]) || !IsPlaceOfEvent(text, named)) continue;
                lastAttack = (actor.Candidates, named.Candidates[0]);
                return;
            }
        }
    }

    /// <summary>True when the sentence attributes to a source other than the one the claims before it had.</summary>
    private bool NamesAnotherSource()
    {
        if (sourcesHere.Count == 0) return false;
        var before = previousDrafts[^1].Sources;
        return !sourcesHere.Any(s => s.Candidates.Any(c => before.Contains(c)));
    }

    private static bool TallyNounAt(TokenText text, int index) =>
        text.IsWord(index) && ExtractionVocabulary.TallyNouns.Contains(text[index])
        || text.Is(index, "death") && text.Is(index + 1, "toll");

    /// <summary>The token after the sentence that holds <paramref name="anchor"/>: its full stop, or the text's end.</summary>
    private static int SentenceEndAfter(TokenText text, int anchor)
    {
        var end = anchor + 1;
        while (end < text.Count && !text.IsPunctuation(end, '.')) end++;
        return end;
    }

    private static bool SentenceHas(TokenText text, int from, int to, HashSet<string> words)
    {
        for (var k = from; k < to; k++)
        {
            if (text.IsWord(k) && words.Contains(text[k])) return true;
        }
        return false;
    }

    /// <summary>
    /// The victim noun after the figure ("341 people", "tens of thousands of east Aleppo residents",
    /// "6,000 civilian deaths", "251 of them", "844 were civilians"); true when a figure without a victim
    /// noun is still a claim ("12 dead").
    /// </summary>
    private bool ReadVictims(TokenText text, int to, ClaimDraft draft)
    {
        var singular = draft.Mention.Quantity.Value == 1;
        var pos = draft.Mention.LastToken + 1;
        while (IsQuoteMark(text, pos)) pos++;
        if (text.IsWord(pos) && text.IsWord(pos + 1)
            && TryVictimAt(text, pos, to, out var adjectiveLength, out var adjective, singularToo: true)
            && ExtractionVocabulary.OutcomeNouns.TryMatch(text, pos + adjectiveLength, to, out var afterAdjective, out Outcome adjectiveOutcome)
            && !IsPluralVictimTerm(text, pos, to))
        {
            SetVictims(text, draft, adjective, pos, pos + adjectiveLength + afterAdjective - 1);
            draft.Outcome = adjectiveOutcome;
            draft.OwnOutcome = true;
            return true;
        }
        if (text.Is(pos + 1, "casualties") && TryVictimAt(text, pos, to, out _, out var casualtyAdjective, singularToo: true))
        {
            contextVictims = casualtyAdjective.Victims;
            return false;
        }
        // "612 conflict-related fatalities", "40 violence-related deaths": a word about the cause stands before the noun.
        if ((text.IsAny(pos, "reported", "confirmed", "documented", "recorded", "verified", "new", "additional")
                || text.IsWord(pos) && text[pos].EndsWith("-related", StringComparison.OrdinalIgnoreCase))
            && ExtractionVocabulary.OutcomeNouns.TryMatch(text, pos + 1, to, out _, out Outcome _))
        {
            pos++;
        }
        if (ExtractionVocabulary.OutcomeNouns.TryMatch(text, pos, to, out var nounLength, out Outcome noun)
            && (IsBoundary(text, pos + nounLength, to) || TryVictimAt(text, pos + nounLength, to, out _, out _) || IsPluralOutcomeNoun(text, pos + nounLength - 1)
                || text.IsAny(pos + nounLength, "were", "are", "was", "had", "have", "has") || IsVictimModifier(text, pos + nounLength)))
        {
            var afterNoun = pos + nounLength;
            draft.VictimEnd = afterNoun - 1;
            if (text.Is(afterNoun, "among") && TryArmedBody(text, afterNoun + 1, to, out var bodyEnd))
            {
                SetVictims(text, draft, new VictimTerm("members", VictimGroups.Combatants, null), afterNoun + 1, bodyEnd);
            }
            else if (!TryReadVictimNoun(text, afterNoun, to, draft, singular) && !(text.IsAny(afterNoun, "were", "are", "was")
                && TryReadVictimNoun(text, afterNoun + 1, to, draft, singular)))
            {
                draft.Victims = text.Is(pos, "bodies") ? VictimGroups.People : contextVictims;
            }
            draft.Outcome = noun;
            draft.OwnOutcome = true;
            return true;
        }
        if (text.Is(pos, "of") && text.Is(pos + 1, "the") && ExtractionVocabulary.OutcomeNouns.TryMatch(text, pos + 2, to, out var ofLength, out Outcome ofOutcome)
            && text.IsAny(pos + 2 + ofLength, "were", "was", "are"))
        {
            draft.RefersToGroup = true;
            draft.Outcome = ofOutcome;
            draft.OwnOutcome = true;
            draft.VictimEnd = pos + 1 + ofLength;
            TryReadVictimNoun(text, pos + 3 + ofLength, to, draft, singular);
            return true;
        }
        if (text.Is(pos, "of") && text.IsAny(pos + 1, "them", "whom", "those"))
        {
            draft.RefersToGroup = true;
            draft.VictimEnd = pos + 1;
            var after = text.IsAny(pos + 2, "were", "are", "was", "being") ? pos + 3 : pos + 2;
            if (!TryReadVictimNoun(text, after, to, draft, singular) && TryOutcomeAfter(text, to, pos + 2, out var ownOutcome))
            {
                draft.Outcome = ownOutcome;
                draft.OwnOutcome = true;
            }
            return true;
        }
        if (text.IsAny(pos, "were", "are") && TryReadVictimNoun(text, pos + 1, to, draft, singular)) return false;
        if (text.Is(pos, "the") && text.IsAny(pos + 1, "number", "toll", "total") && text.Is(pos + 2, "of")) pos += 2;
        if (text.Is(pos, "of")) pos++;
        if (text.Is(pos, "the") && !text.Is(pos + 1, "city")) pos++;
        TryReadVictimNoun(text, pos, to, draft, singular);
        return false;
    }

    /// <summary>A victim noun at <paramref name="pos"/> after at most four modifiers ("pro-government fighters", "the group's fighters").</summary>
    private bool TryReadVictimNoun(TokenText text, int pos, int to, ClaimDraft draft, bool singular)
    {
        var modifiersFrom = pos;
        var freeNouns = 0;
        for (var skipped = 0; skipped <= 4 && pos < to; skipped++)
        {
            while (IsQuoteMark(text, pos)) pos++;
            if (TryVictimAt(text, pos, to, out var length, out var term, singular))
            {
                if (text.Is(pos + length, "and") && TryVictimAt(text, pos + length + 1, to, out var otherLength, out var other) && other.Victims == term.Victims)
                {
                    length += 1 + otherLength;
                }
                if (text.Is(pos, "others") && length == 1)
                {
                    term = new VictimTerm("others", contextVictims ?? VictimGroups.People, null);
                }
                if (term.Victims == VictimGroups.Combatants && text.IsAny(pos - 1, "suspected", "alleged"))
                {
                    term = new VictimTerm(text[pos].ToString(), VictimGroups.People, null);
                }
                SetVictims(text, draft, term, modifiersFrom, pos + length - 1);
                return true;
            }
            if (TryArmedBodyMembers(text, pos, to, out var bodyEnd))
            {
                SetVictims(text, draft, new VictimTerm("members", VictimGroups.Combatants, null), modifiersFrom, bodyEnd);
                return true;
            }
            if (text.IsAny(pos, "members", "member", "supporters", "loyalists", "operatives") && (ActorNamedWithin(modifiersFrom, pos) || ArmedInitialsBefore(text, modifiersFrom, pos)))
            {
                var suspected = false;
                for (var k = modifiersFrom; k < pos; k++) suspected |= text.IsAny(k, "suspected", "alleged");
                SetVictims(text, draft, new VictimTerm(text[pos].ToString(), suspected ? VictimGroups.People : VictimGroups.Combatants, null), modifiersFrom, pos);
                return true;
            }
            // "12 Taliban were killed", "30 al-Shabaab died": an armed group's name as the noun counts its fighters.
            if (pos == modifiersFrom && ArmedGroupNamedAt(pos) is { } group && (IsBoundary(text, group.Last + 1, to)
                || text.IsWord(group.Last + 1) && (ExtractionVocabulary.AuxiliaryWords.Contains(text[group.Last + 1])
                    || ExtractionVocabulary.OutcomeAfter.TryMatch(text, group.Last + 1, to, out _, out _))))
            {
                SetVictims(text, draft, new VictimTerm(text[pos].ToString(), VictimGroups.Combatants, null), modifiersFrom, group.Last);
                draft.VictimActors = group.Candidates;
                return true;
            }
            if (IsDemonymPlural(text, pos))
            {
                SetVictims(text, draft, new VictimTerm(text[pos].ToString(), VictimGroups.People, null), modifiersFrom, pos);
                return true;
            }
            if (text.IsWord(pos) && text.IsPossessive(pos + 1))
            {
                pos += 3;
                continue;
            }
            if (text.IsWord(pos) && ExtractionVocabulary.OutcomeNouns.TryMatch(text, pos, to, out var participle, out Outcome described)
                && participle == 1 && text[pos].EndsWith("ed", StringComparison.OrdinalIgnoreCase))
            {
                draft.ModifierOutcome = described;
                pos++;
                continue;
            }
            if (!IsVictimModifier(text, pos))
            {
                if (freeNouns < 2 && text.IsWord(pos) && !text.IsCapitalized(pos) && !BoundaryWords.Contains(text[pos]) && !NumberWords.TryUnit(text[pos], out _)
                    && !ExtractionVocabulary.OutcomeAfter.TryMatch(text, pos, to, out _, out _)
                    && !ExtractionVocabulary.AuxiliaryWords.Contains(text[pos])
                    && TryVictimAt(text, pos + 1, to, out _, out _))
                {
                    freeNouns++;
                    pos++;
                    continue;
                }
                break;
            }
            pos++;
        }
        draft.ModifierOutcome = null;
        return false;
    }

    /// <summary>
    /// "members of regime forces", "members of the Iraqi Security Forces", "members of the pro-government National
    /// Defence Forces militia": members of an armed body are combatants; the body's last word ends the victim noun.
    /// </summary>
    private static bool TryArmedBodyMembers(TokenText text, int pos, int to, out int end)
    {
        end = pos;
        return text.Is(pos, "members") && text.Is(pos + 1, "of") && TryArmedBody(text, pos + 2, to, out end);
    }

    /// <summary>An armed body within a few words from <paramref name="from"/> ("the government-aligned Joint Forces").</summary>
    private static bool TryArmedBody(TokenText text, int from, int to, out int end)
    {
        end = from;
        for (var index = from; index < to && index <= from + 6 && text.IsWord(index); index++)
        {
            if (!ArmedBodies.Contains(text[index])) continue;
            end = text.IsAny(index + 1, "militia", "militias") ? index + 1 : index;
            return true;
        }
        return false;
    }

    private static readonly HashSet<string> ArmedBodies = new WordSet()
    {
        "forces", "militia", "militias", "army", "brigade", "battalion", "guard",
    };

    /// <summary>"Iraqis", "Syrians", "Palestinians": a people named by a plural demonym.</summary>
    private bool IsDemonymPlural(TokenText text, int index)
    {
        if (!text.IsWord(index) || !text.IsCapitalized(index) || IsNamed(index)) return false;
        var word = text[index];
        return word.Length > 4 && (word.EndsWith("ians") || word.EndsWith("is") || word.EndsWith("ans") || word.EndsWith("ites"));
    }

    private static bool IsQuoteMark(TokenText text, int index) =>
        text.InRange(index) && text.Kind(index) == TokenKind.Punctuation && Tokenizer.IsQuote(text.Text[text.Token(index).Start]);

    /// <summary>A victim term, also in the singular ("a woman", "one civilian", "a child").</summary>
    private bool TryVictimAt(TokenText text, int pos, int to, out int length, out VictimTerm term, bool singularToo = false)
    {
        if (extractor.Victims.TryMatch(text, pos, to, out length, out term)) return true;
        if (ArmedBodyMembersLength(text, pos, to) is > 0 and var membersLength)
        {
            length = membersLength;
            term = ArmedBodyMembers;
            return true;
        }
        length = 1;
        if (!singularToo || !text.IsWord(pos)) return false;
        return TryPluralVictim(text[pos], out term);
    }

    /// <summary>Members of an armed body are its fighters.</summary>
    private static readonly VictimTerm ArmedBodyMembers = new("members", VictimGroups.Combatants, null);

    /// <summary>Nouns for an armed body whose members are fighters.</summary>
    private static readonly HashSet<string> ArmedBodyNouns = new WordSet()
    {
        "group", "groups", "force", "forces", "militia", "militias", "army", "movement", "front", "brigade", "brigades",
        "battalion", "gang", "gangs", "cell", "cells", "insurgency", "faction", "factions", "outfit", "network",
    };

    /// <summary>
    /// "312 members of the extremist force", "58 members of the group", "members of an armed gang": the tokens of the
    /// phrase, or 0. Members of a family, a party or a community are not fighters: only a body named by an armed noun.
    /// </summary>
    private static int ArmedBodyMembersLength(TokenText text, int pos, int to)
    {
        if (!text.Is(pos, "members") || !text.Is(pos + 1, "of")) return 0;
        var k = pos + 2;
        if (text.IsAny(k, "the", "a", "an", "its", "their", "this", "that")) k++;
        for (var end = Math.Min(k + 4, to); k < end && text.IsWord(k); k++)
        {
            if (ArmedBodyNouns.Contains(text[k])) return k - pos + 1;
            if (text.IsCapitalized(k)) return 0;
        }
        return 0;
    }

    /// <summary>The victim term of the word's plural, tried in turn: "people", "children", "-men", "-ies", "-s", "-es".</summary>
    private bool TryPluralVictim(ReadOnlySpan<char> word, out VictimTerm term)
    {
        var victims = extractor.Victims;
        if (word.Equals("person", StringComparison.OrdinalIgnoreCase) && victims.TryMatchWord("people", out term)) return true;
        if (word.Equals("child", StringComparison.OrdinalIgnoreCase) && victims.TryMatchWord("children", out term)) return true;
        var buffer = word.Length <= 61 ? stackalloc char[word.Length + 3] : new char[word.Length + 3];
        if (word.EndsWith("man", StringComparison.OrdinalIgnoreCase) && victims.TryMatchWord(Joined(word[..^3], "men", buffer), out term)) return true;
        if (word.EndsWith('y') && word.Length > 2 && victims.TryMatchWord(Joined(word[..^1], "ies", buffer), out term)) return true;
        if (victims.TryMatchWord(Joined(word, "s", buffer), out term)) return true;
        return victims.TryMatchWord(Joined(word, "es", buffer), out term);
    }

    /// <summary>A stem and an ending written into <paramref name="buffer"/>, which is long enough for both.</summary>
    private static ReadOnlySpan<char> Joined(ReadOnlySpan<char> stem, string ending, Span<char> buffer)
    {
        stem.CopyTo(buffer);
        ending.AsSpan().CopyTo(buffer[stem.Length..]);
        return buffer[..(stem.Length + ending.Length)];
    }

    private void SetVictims(TokenText text, ClaimDraft draft, VictimTerm term, int modifiersFrom, int end)
    {
        draft.Victims = term.Victims;
        draft.VictimSide = term.VictimSide;
        draft.VictimEnd = end;
        var actors = new List<Actor>();
        foreach (var actor in actorsHere)
        {
            if (actor.First >= modifiersFrom && actor.Last <= end) actors.AddRange(actor.Candidates);
        }
        for (var k = modifiersFrom; k <= end && draft.VictimSide is null; k++)
        {
            var word = text[k];
            if (!word.StartsWith("pro-", StringComparison.OrdinalIgnoreCase)) continue;
            var backed = word[4..].ToString();
            if (Reference.Conflicts.SelectMany(c => c.Sides).FirstOrDefault(s => backed.Equals(s, StringComparison.OrdinalIgnoreCase)) is { } side)
            {
                draft.VictimSide = side;
            }
            else if (extractor.Actors.TryMatchWord(backed, out var backer))
            {
                actors.Add(backer);
            }
        }
        draft.VictimActors = actors;
    }

    /// <summary>"killing a woman", "wounded a child": an article before a singular victim after an outcome verb is one.</summary>
    private void AddSingulars(TokenText text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (!ExtractionVocabulary.OutcomeBefore.TryMatch(text, i, to, out var length, out Outcome _)) continue;
            var article = i + length;
            if (!text.IsAny(article, "a", "an")) continue;
            for (var pos = article + 1; pos <= article + 3 && pos < to; pos++)
            {
                if (TryVictimAt(text, pos, to, out _, out _, singularToo: true) && !text[pos].EndsWith("s", StringComparison.OrdinalIgnoreCase))
                {
                    var mention = new QuantityMention(Quantity.Exactly(1), article, article, article, text.SpanOf(article, article));
                    var at = FirstMentionAfter(article);
                    if (MentionCovers(article)) break;
                    mentions.Insert(at < 0 ? mentions.Count : at, mention);
                    break;
                }
                if (!IsVictimModifier(text, pos)) break;
            }
        }
    }

    /// <summary>The first place named in the sentence starting at token <paramref name="first"/>, or none (Length 0).</summary>
    /// <remarks>Loops in helpers rather than lambdas over a rule's locals, which C# allocates a closure for at every call.</remarks>
    private NamedAt<Place> PlaceNamedAt(int first)
    {
        foreach (var place in placesHere)
        {
            if (place.First == first) return place;
        }
        return default;
    }

    /// <summary>True when an actor named in the sentence lies in tokens [from, before).</summary>
    /// <summary>
    /// "captured 4 ELN members", "two NPA members": members of a body named by initials right before the noun, which the
    /// reference data knows as no source (not "MSF members", "UN members").
    /// </summary>
    private bool ArmedInitialsBefore(TokenText text, int from, int members)
    {
        var k = members - 1;
        return k >= from && text.IsWord(k) && text.IsCapitalized(k) && SourceCandidateFinder.IsAcronym(text[k]) && char.IsLetter(text[k][0])
            && extractor.SourcesNamed(text[k].ToString()).Count == 0;
    }

    /// <summary>The armed group (not a state or its forces) whose name starts at token <paramref name="at"/>, if any.</summary>
    private NamedAt<Actor>? ArmedGroupNamedAt(int at)
    {
        foreach (var actor in actorsHere)
        {
            if (actor.First == at && actor.Candidates.Count > 0 && actor.Candidates.All(a => a.Kind is "armed_group" or "militia")) return actor;
        }
        return null;
    }

    private bool ActorNamedWithin(int from, int before)
    {
        foreach (var actor in actorsHere)
        {
            if (actor.First >= from && actor.Last < before) return true;
        }
        return false;
    }

    /// <summary>The index of the first mention starting after token <paramref name="token"/>, or -1 (no closure per token).</summary>
    private int FirstMentionAfter(int token)
    {
        for (var m = 0; m < mentions.Count; m++)
        {
            if (mentions[m].FirstToken > token) return m;
        }
        return -1;
    }

    private bool MentionCovers(int token)
    {
        foreach (var m in mentions)
        {
            if (m.FirstToken <= token && m.LastToken >= token) return true;
        }
        return false;
    }

    private bool IsVictimModifier(TokenText text, int index)
    {
        if (!text.IsWord(index)) return text.IsApostrophe(index) || (text.Kind(index) == TokenKind.Punctuation && text[index] is "-");
        var word = text[index];
        if (ExtractionVocabulary.OutcomeAfter.TryMatch(text, index, text.Count, out _, out _)
            && !ExtractionVocabulary.VictimAdjectives.Contains(word))
        {
            return false;
        }
        if (BoundaryWords.Contains(word) && !text.IsAny(index, "more", "the")) return false;
        return text.IsCapitalized(index) || word.Contains('-') || ExtractionVocabulary.VictimAdjectives.Contains(word)
            || extractor.Demonyms.Contains(word) || word.EndsWith("ian", StringComparison.OrdinalIgnoreCase) || IsNamed(index);
    }

    private bool IsNamed(int index) =>
        actorsHere.Any(a => index >= a.First && index <= a.Last) || placesHere.Any(p => index >= p.First && index <= p.Last);

    /// <summary>Subsets ("including 44 children") and lists ("12 civilians and 3 soldiers") link to the figure before.</summary>
    private void LinkToFiguresBefore(TokenText text, int from, int to, ClaimDraft draft)
    {
        var first = draft.Mention.FirstToken;
        var previous = sentenceDrafts.Count > 0 ? sentenceDrafts[^1] : null;
        if (draft.RefersToGroup || text.IsAny(first - 1, "remaining"))
        {
            var group = draft.Victims is not null && previous is not null ? previous : LastWhole(null);
            if (group is not null)
            {
                draft.IsSubset = true;
                draft.Parent = group;
                draft.Victims ??= group.Victims;
                if (draft.Outcome is null && !text.IsAny(first - 1, "remaining")) draft.Outcome = group.Outcome;
            }
            return;
        }
        if (text.Is(from, "of") && text.IsAny(from + 1, "the", "those") && text.IsAny(from + 2, "other", "remaining")
            && text.IsAny(from + 3, "victims", "dead", "casualties", "deaths") && text.IsComma(from + 4) && first == from + 5
            && LastWhole(null) is { } victimsBefore)
        {
            draft.IsSubset = true;
            draft.Parent = victimsBefore;
            draft.Victims ??= victimsBefore.Victims;
            return;
        }
        if (text.Is(from, "of") && text.IsAny(from + 1, "those", "the") && ExtractionVocabulary.OutcomeAfter.TryMatch(text, from + 2, first, out _, out Outcome ofThose))
        {
            draft.Outcome ??= ofThose;
            if (LastWhole(ofThose) is { } whole)
            {
                draft.IsSubset = true;
                draft.Parent = previous is { IsSubset: true } && previous.Parent is not null ? previous.Parent : whole;
            }
            return;
        }
        if (text.Is(draft.VictimEnd + 1, "by") && draft.Outcome is null && previous is not null
            && (draft.Victims is null || text.Is(draft.VictimEnd, "others")))
        {
            var head = sentenceDrafts.LastOrDefault(d => d.Parent is null || !sentenceDrafts.Contains(d.Parent)) ?? previous;
            draft.CoordinatedWith = head;
            draft.Victims ??= head.Victims;
            draft.IsSubset = head.IsSubset;
            draft.Parent = head.Parent;
            return;
        }
        if (SubsetMarkerEndsAt(text, from, first - 1, out var markerStart))
        {
            draft.IsSubset = true;
            draft.Parent = previous is null ? null : previous.IsSubset ? previous.Parent : previous;
            if (draft.Parent is { Outcome: Outcome.Injured } injured && draft.Outcome is null && markerStart - injured.VictimEnd > 6
                && sentenceDrafts.LastOrDefault(d => !d.IsSubset && d.Outcome == Outcome.Killed && d != injured) is { } killed)
            {
                draft.Parent = killed;
            }
            if (draft.Parent is null && markerStart == from && previousDrafts.Count > 0)
            {
                draft.Parent = previousDrafts.LastOrDefault(d => !d.IsSubset);
            }
            if (text.IsAny(markerStart + 2, "dead", "killed", "victims")) draft.Outcome ??= Outcome.Killed;
            if (text.IsAny(markerStart + 2, "wounded", "injured")) draft.Outcome ??= Outcome.Injured;
            return;
        }
        if (text.IsAny(first - 1, "include", "included", "includes") && text.IsAny(first - 2, "martyrs", "dead", "victims", "fatalities", "killed")
            && text.Is(first - 3, "the") && LastWhole(Outcome.Killed) is { } dead)
        {
            draft.IsSubset = true;
            draft.Parent = dead;
            draft.Outcome ??= Outcome.Killed;
            return;
        }
        if (text.Is(from, "among") && text.IsAny(first - 1, "were", "was", "are", "is", "included", "include")
            && (previous is { IsSubset: false } ? previous : drafts.LastOrDefault(d => !d.IsSubset && !d.Rejected)) is { } amongWhole)
        {
            draft.IsSubset = true;
            draft.Parent = amongWhole;
            if (text.IsAny(from + 2, "dead", "killed", "victims") || text.IsAny(from + 1, "dead", "killed", "victims")) draft.Outcome ??= Outcome.Killed;
            if (text.IsAny(from + 2, "wounded", "injured") || text.IsAny(from + 1, "wounded", "injured")) draft.Outcome ??= Outcome.Injured;
            return;
        }
        if (previous is null || previous.VictimEnd >= first) return;
        var gap = first - previous.VictimEnd - 1;
        var joined = gap == 1 && (text.Is(first - 1, "and") || text.IsComma(first - 1) || text.Is(first - 1, "plus"))
            || gap == 2 && text.IsComma(first - 2) && text.Is(first - 1, "and")
            || gap == 3 && text.Is(first - 3, "as") && text.Is(first - 2, "well") && text.Is(first - 1, "as");
        if (!joined) return;
        var outcome = draft.Outcome ?? (TryOutcomeAfter(text, to, draft.VictimEnd + 1, out var after) ? after : null);
        if (previous.IsSubset && outcome is not null && outcome != previous.Outcome || previous.IsSubset && outcome is not null && draft.Victims is null)
        {
            draft.CoordinatedWith = previous.Parent;
            return;
        }
        draft.CoordinatedWith = previous;
        if (previous.IsSubset)
        {
            draft.IsSubset = true;
            draft.Parent = previous.Parent;
        }
    }

    /// <summary>The latest claim so far that is not a subset (of the outcome given, if any).</summary>
    private ClaimDraft? LastWhole(Outcome? outcome) =>
        sentenceDrafts.LastOrDefault(d => !d.IsSubset && !d.Rejected && (outcome is null || d.Outcome == outcome))
        ?? drafts.LastOrDefault(d => !d.IsSubset && !d.Rejected && (outcome is null || d.Outcome == outcome));

    private static bool SubsetMarkerEndsAt(TokenText text, int from, int end, out int start)
    {
        start = -1;
        var values = new List<bool>(1);
        for (var s = end; s >= Math.Max(from, end - 4); s--)
        {
            if (ExtractionVocabulary.SubsetMarkers.TryMatch(text, s, end + 1, out var length, values) && s + length - 1 == end)
            {
                start = s;
                return true;
            }
        }
        return false;
    }

    /// <summary>"has killed more than 341", "killing 5", "the killing of 87": an outcome verb governs the figure after it.</summary>
    private static bool TryOutcomeBefore(TokenText text, int from, int first, out Outcome outcome)
    {
        var end = first - 1;
        for (var skipped = 0; skipped <= 3 && end >= from; skipped++)
        {
            for (var s = end; s >= Math.Max(from, end - 4); s--)
            {
                if (ExtractionVocabulary.OutcomeBefore.TryMatch(text, s, end + 1, out var length, out outcome) && s + length - 1 == end)
                {
                    return true;
                }
            }
            if (!IsQuoteMark(text, end) && (!text.IsWord(end) || !ExtractionVocabulary.ObjectFillers.Contains(text[end]))) break;
            end--;
        }
        outcome = default;
        return false;
    }

    private static readonly HashSet<string> TallyHeads = new WordSet()
    {
        "toll", "tally", "count", "figure", "number", "total",
        "deaths", "killings", "fatalities", "injuries", "abductions", "kidnappings", "homicides",
    };

    /// <summary>
    /// "the death toll rose to 52", "a toll of 30", "the number of people displaced ... rose to 112,000",
    /// "put the figure at about 200,000": a tally noun earlier in the sentence, linked to the figure.
    /// </summary>
    private bool TryTally(TokenText text, int from, ClaimDraft draft, out Outcome outcome)
    {
        outcome = Outcome.Killed;
        var first = draft.Mention.FirstToken;
        var link = first - 1;
        if (link < from || !text.IsWord(link) || !ExtractionVocabulary.TallyLinks.Contains(text[link]) && !TallyHeads.Contains(text[link])) return false;
        for (var head = link; head >= from; head--)
        {
            if (text.IsPunctuation(head, ';')) return false;
            if (!text.IsWord(head) || !TallyHeads.Contains(text[head])) continue;
            var isToll = ExtractionVocabulary.TallyNouns.Contains(text[head]);
            if (text.Is(head, "number") && !text.Is(head + 1, "of")) continue;
            if (text.Is(head, "total") && !text.Is(head + 1, "of")) continue;
            // "killings soared to 231", "deaths climbed to 52": the outcome's own noun heads the tally, a verb of rising and
            // "to" (or "reached") right before the figure, within six words of it; nothing else makes it a tally's head.
            var found = IsPluralOutcomeNoun(text, head);
            if (found && (link - head > 6 || !text.IsAny(link, "to", "reached", "hit", "topped", "passed", "surpassed", "exceeded")
                || !ExtractionVocabulary.OutcomeNouns.TryMatch(text, head, head + 1, out _, out outcome)))
            {
                continue;
            }
            for (var k = head + 1; k < first && !found; k++)
            {
                if (ExtractionVocabulary.OutcomeNouns.TryMatch(text, k, first, out _, out outcome)
                    || ExtractionVocabulary.OutcomeAfter.TryMatch(text, k, first, out _, out outcome))
                {
                    found = true;
                }
            }
            if (!found && text.IsAny(head - 1, "injury", "injuries")) { outcome = Outcome.Injured; found = true; }
            if (!found && isToll) { outcome = Outcome.Killed; found = true; }
            if (!found && text.Is(head, "figure") && (previousDrafts.Count > 0 || drafts.Count > 0))
            {
                var before = previousDrafts.Count > 0 ? previousDrafts[^1] : drafts[^1];
                outcome = before.Outcome ?? Outcome.Killed;
                draft.Victims ??= before.Victims;
                found = true;
            }
            if (!found) continue;
            if (draft.Victims is null && text.Is(head + 1, "of")) TryReadVictimNoun(text, head + 2, first, draft, singular: false);
            // "the civilian death toll now stands at 15", "the toll among civilians rose to 15": whom the tally counts.
            var adjective = text.IsAny(head - 1, "death", "casualty") ? head - 2 : head - 1;
            if (draft.Victims is null && adjective >= from && text.IsWord(adjective) && TryVictimAt(text, adjective, head, out var adjectiveLength, out var counted, singularToo: true)
                && adjective + adjectiveLength <= head)
            {
                draft.Victims = counted.Victims;
            }
            if (draft.Victims is null && text.Is(head + 1, "among")) TryReadVictimNoun(text, head + 2, first, draft, singular: false);
            draft.VictimEnd = Math.Max(draft.VictimEnd, draft.Mention.LastToken);
            var stale = text.IsWord(head - 1) && StaleMarkers.Contains(text[head - 1])
                || text.IsWord(head - 2) && StaleMarkers.Contains(text[head - 2]);
            if (stale) draft.Rejected = true;
            return true;
        }
        return false;
    }

    /// <summary>"... were killed", "... have since died", "... forced from their homes", skipping a subset in commas.</summary>
    /// <summary>Nouns of places a text may count or describe without naming them ("four border provinces", "the affected villages").</summary>
    private static readonly HashSet<string> UnnamedPlaceNouns = new WordSet()
    {
        "provinces", "province", "villages", "village", "districts", "district", "areas", "area", "regions", "region", "towns",
        "town", "communities", "community", "camps", "camp", "states", "counties", "county", "municipalities", "localities",
        "settlements", "zones", "zone", "neighbourhoods", "neighborhoods", "neighbourhood", "neighborhood", "city", "cities",
    };

    /// <summary>The token after "four border provinces", "the affected villages", "the area": a described place of a few lower-case words.</summary>
    private static int? UnnamedPlaceEnd(TokenText text, int k, int to)
    {
        for (var end = Math.Min(to, k + 5); k < end; k++)
        {
            if (text.Kind(k) == TokenKind.Number) continue;
            if (!text.IsWord(k) || text.IsCapitalized(k)) return null;
            if (UnnamedPlaceNouns.Contains(text[k])) return text.IsWord(k + 1) && UnnamedPlaceNouns.Contains(text[k + 1]) ? null : k + 1;
        }
        return null;
    }

    private bool TryOutcomeAfter(TokenText text, int to, int pos, out Outcome outcome)
    {
        outcome = default;
        if (text.IsComma(pos) && (SubsetMarkerAt(text, pos + 1, to) || IsCountOfThem(text, pos + 1) || text.IsAny(pos + 1, "mostly", "mainly", "largely", "predominantly", "overwhelmingly", "many", "most")
            || text.IsWord(pos + 1) && AgeWords.Contains(text[pos + 1]) || text.IsAny(pos + 1, "all", "both") && text.Is(pos + 2, "aged")))
        {
            var close = pos + 1;
            while (close < to && !text.IsComma(close)) close++;
            if (close >= to) return false;
            pos = close + 1;
            if (!IsAuxiliaryOrOutcome(text, pos, to) && text.IsCapitalized(pos))
            {
                close = pos;
                while (close < to && !text.IsComma(close)) close++;
                if (close >= to) return false;
                pos = close + 1;
            }
        }
        else if (text.IsComma(pos) && text.IsAny(pos + 1, "have", "has", "had", "were", "was", "are"))
        {
            pos++;
        }
        if (text.IsAny(pos, "in", "from", "across", "near") && PlaceNamedAt(pos + 1) is { Length: > 0 } place)
        {
            pos = place.Last + 1;
        }
        else if (text.IsAny(pos, "in", "from", "across", "near") && UnnamedPlaceEnd(text, pos + 1, to) is { } unnamed)
        {
            // "138,000 people in four border provinces have been evacuated": a place the text describes without naming it.
            pos = unnamed;
        }
        else if (text.Is(pos, "of") && (text.IsAny(pos + 1, "the", "one", "a", "his", "her", "their", "its") || text.IsCapitalized(pos + 1)))
        {
            // "four soldiers of the 51st Infantry Battalion lost their lives", "600 residents of Tarikwe had fled".
            var k = text.IsCapitalized(pos + 1) ? pos + 1 : pos + 2;
            while (k < Math.Min(to, pos + 6) && (text.IsWord(k) || text.Kind(k) == TokenKind.Number) && !IsAuxiliaryOrOutcome(text, k, to)) k++;
            if (IsAuxiliaryOrOutcome(text, k, to)) pos = k;
        }
        for (var skipped = 0; skipped <= 6 && pos < to; skipped++)
        {
            if (ExtractionVocabulary.OutcomeAfter.TryMatch(text, pos, to, out _, out outcome)) return true;
            if (!text.IsWord(pos)) return false;
            if (IsVerbChainOfOutcome(text, pos, to, out outcome)) return true;
            if (text.Is(pos, "among") && text.IsAny(pos + 1, "the", "those"))
            {
                pos += 2;
                continue;
            }
            var word = text[pos];
            if (!ExtractionVocabulary.AuxiliaryWords.Contains(word)
                && !(word.EndsWith("ly", StringComparison.OrdinalIgnoreCase) && word.Length > 4))
            {
                return false;
            }
            pos++;
        }
        return false;
    }

    /// <summary>Verbs of violence that the outcome ends: "shot to death", "hacked and burned to death", "shot and wounded", "beaten and killed".</summary>
    private static bool IsVerbChainOfOutcome(TokenText text, int pos, int to, out Outcome outcome)
    {
        outcome = Outcome.Killed;
        for (var verb = pos; verb < Math.Min(to, pos + 5) && IsPastParticiple(text, verb); verb += 2)
        {
            if (text.Is(verb + 1, "to") && text.Is(verb + 2, "death")) return true;
            if (!text.Is(verb + 1, "and") && !text.IsComma(verb + 1)) return false;
            if (ExtractionVocabulary.OutcomeAfter.TryMatch(text, verb + 2, to, out _, out outcome)) return true;
        }
        return false;
    }

    private static bool IsPastParticiple(TokenText text, int index) =>
        text.IsWord(index) && (text[index].EndsWith("ed", StringComparison.OrdinalIgnoreCase)
            || text.IsAny(index, "shot", "hit", "struck", "beaten", "beat", "burnt", "stoned", "run", "blown", "torn", "caught"));

    private static bool IsAuxiliaryOrOutcome(TokenText text, int pos, int to) =>
        text.IsWord(pos) && (ExtractionVocabulary.AuxiliaryWords.Contains(text[pos])
            || ExtractionVocabulary.OutcomeAfter.TryMatch(text, pos, to, out _, out _));

    /// <summary>"two of them women", "12 of whom were children": a part of the figure before it, set off by commas.</summary>
    private static bool IsCountOfThem(TokenText text, int index) =>
        (text.Kind(index) == TokenKind.Number || text.IsWord(index) && (NumberWords.TryUnit(text[index], out _) || NumberWords.TryCompound(text[index], out _)))
        && text.Is(index + 1, "of") && text.IsAny(index + 2, "them", "whom", "those");

    private static bool SubsetMarkerAt(TokenText text, int index, int to) =>
        ExtractionVocabulary.SubsetMarkers.TryMatch(text, index, to, out _, out _);

    private static bool IsBoundary(TokenText text, int index, int to)
    {
        if (index >= to) return true;
        if (text.Kind(index) == TokenKind.Punctuation) return true;
        return text.IsWord(index) && BoundaryWords.Contains(text[index]);
    }

    /// <summary>When one figure of a list has the outcome word ("two women and three children were killed"), all share it.</summary>
    private void ShareOutcomesAcrossLists()
    {
        for (var k = sentenceDrafts.Count - 1; k >= 0; k--)
        {
            var draft = sentenceDrafts[k];
            if (draft.CoordinatedWith is { Outcome: null } previous && draft.Outcome is not null) previous.Outcome = draft.Outcome;
        }
        foreach (var draft in sentenceDrafts)
        {
            if (draft.Outcome is null && draft.CoordinatedWith is { Outcome: { } shared }) draft.Outcome = shared;
            if (draft.Outcome is null && draft.IsSubset && draft.Parent is { Outcome: { } parentOutcome }) draft.Outcome = parentOutcome;
            if (draft.Victims is null && draft.CoordinatedWith is not null && !draft.OwnOutcome) draft.Rejected = true;
        }
    }

    private static void SetQuote(TokenText text, int from, int to, ClaimDraft draft)
    {
        int first, last;
        if (draft.Parent is not null)
        {
            first = draft.Mention.FirstToken;
            SubsetMarkerEndsAt(text, from, first - 1, out var markerStart);
            if (markerStart >= 0) first = markerStart;
            last = draft.VictimEnd;
        }
        else
        {
            first = from;
            last = to - 1;
            while (last > first && text.Kind(last) == TokenKind.Punctuation && !text.IsPunctuation(last, ')')) last--;
            while (first < last && text.Kind(first) == TokenKind.Punctuation && Tokenizer.IsQuote(text.Text[text.Token(first).Start])) first++;
        }
        draft.Span = text.SpanOf(first, last);
        draft.Quote = text.Text[draft.Span.Start..draft.Span.End];
    }

    private static double Confidence(ClaimDraft draft)
    {
        var confidence = 0.9;
        if (draft.Mention.Quantity.Qualifier == Qualifier.Vague) confidence -= 0.1;
        if (draft.Sources.Count == 0) confidence -= 0.1;
        if (!draft.OwnOutcome) confidence -= 0.05;
        if (draft.Place is null) confidence -= 0.05;
        return confidence;
    }
}
