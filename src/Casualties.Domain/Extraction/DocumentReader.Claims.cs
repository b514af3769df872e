using Casualties.Domain.Model;
using Casualties.Domain.Reference;

namespace Casualties.Domain.Extraction;

/// <summary>
/// The claim grammar of one sentence: which figures count casualties (by their victim noun and the outcome
/// word that governs them), subsets and lists, then each claim's attributes.
/// </summary>
internal sealed partial class DocumentReader
{
    private static readonly HashSet<string> BoundaryWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "in", "on", "at", "as", "when", "while", "near", "after", "during", "across", "including", "among",
        "since", "with", "from", "over", "by", "for", "following", "inside", "outside", "around", "last", "this",
        "yesterday", "overnight", "today", "earlier", "more", "others", "or", "amid", "before", "between", "so",
        "according", "said", "says", "the", "into", "within", "throughout", "until", "along", "to",
    };

    private static readonly HashSet<string> RiseWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "rose", "risen", "climbed", "increased", "jumped", "up", "toll", "tally", "raising", "bringing", "rising",
        "climbing", "soared", "raised", "brought", "revised", "updated", "down", "fell", "dropped", "lowered",
    };

    private static readonly HashSet<string> StaleMarkers = new(StringComparer.OrdinalIgnoreCase)
    {
        "previous", "earlier", "old", "former", "prior", "initial", "last",
    };

    private static readonly HashSet<string> YearPrepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "since", "of", "during", "until", "by", "from", "early", "late", "mid", "throughout", "through", "before",
        "after", "between", "and", "to", "year",
    };

    private void ReadClaims(TokenText text, int from, int to)
    {
        foreach (var mention in mentions)
        {
            if (IsDecoy(text, from, mention)) continue;
            var draft = new ClaimDraft(mention) { Sentence = sentence, VictimEnd = mention.LastToken };
            var bareAllowed = ReadVictims(text, to, draft);
            LinkToFiguresBefore(text, from, draft);
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
            if (draft.Victims is null && !bareAllowed && draft.CoordinatedWith is null) continue;
            sentenceDrafts.Add(draft);
        }

        ShareOutcomesAcrossLists();
        var continuesPrevious = previousDrafts.Count > 0;
        foreach (var draft in sentenceDrafts)
        {
            draft.Victims ??= VictimGroups.People;
            if (draft.Outcome is null || draft.Rejected) { draft.Rejected = true; continue; }
            if (draft.Parent is { } parent && (parent.Outcome != draft.Outcome || parent.Rejected)) draft.Parent = null;
            if (draft.Parent is { } inherited)
            {
                draft.Sources = inherited.Sources;
                draft.Perpetrators = inherited.Perpetrators;
                draft.Place = inherited.Place;
                draft.Period = inherited.Period;
                draft.Cumulative = inherited.Cumulative;
            }
            else
            {
                draft.Sources = SourcesFor(text, from, to, draft);
                draft.Perpetrators = PerpetratorsFor(text, from, draft);
                draft.Place = PlaceFor(draft, continuesPrevious);
                (draft.Period, draft.Cumulative) = PeriodFor(text, from, draft, continuesPrevious);
            }
            SetQuote(text, from, to, draft);
            draft.Confidence = Confidence(draft);
            drafts.Add(draft);
        }
        sentenceDrafts.RemoveAll(d => d.Rejected);
    }

    /// <summary>Percentages, money, years and dates of month are never casualty figures.</summary>
    private static bool IsDecoy(TokenText text, int from, QuantityMention mention)
    {
        var first = mention.FirstToken;
        var number = mention.NumberToken;
        var next = mention.LastToken + 1;
        if (text.IsAny(next, "percent", "per", "pc", "percentage", "%")) return true;
        if (text.InRange(first - 1) && text.Kind(first - 1) == TokenKind.Punctuation && text[first - 1] is "$" or "€" or "£" or "¥") return true;
        if (text.IsAny(first - 1, "US", "USD", "EUR", "GBP") || text.IsAny(next, "dollars", "euros", "pounds", "USD", "dinars", "riyals", "hryvnias")) return true;
        if (text.Kind(number) == TokenKind.Number && text[number].Length == 4 && mention.Quantity.Value is >= 1900 and <= 2100
            && (YearPrepositions.Contains(text.InRange(number - 1) ? text[number - 1].ToString() : "") || !text.IsWord(next)))
        {
            return true;
        }
        if (IsMonthWord(text, number - 1) || (text.IsPunctuation(number - 1, '.') && IsMonthWord(text, number - 2)) || IsMonthWord(text, next)) return true;
        if (text.Is(first - 1, "from") && SentenceHas(text, from, first, RiseWords)) return true;
        return false;
    }

    private static bool IsMonthWord(TokenText text, int index) =>
        text.IsWord(index) && text.IsCapitalized(index)
        && text.IsAny(index, "January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec");

    private static bool SentenceHas(TokenText text, int from, int to, HashSet<string> words)
    {
        for (var k = from; k < to; k++)
        {
            if (text.IsWord(k) && words.Contains(text[k].ToString())) return true;
        }
        return false;
    }

    /// <summary>The victim noun after the figure ("341 people", "tens of thousands of east Aleppo residents"); true when a bare figure is a claim ("12 dead").</summary>
    private bool ReadVictims(TokenText text, int to, ClaimDraft draft)
    {
        var pos = draft.Mention.LastToken + 1;
        if (ExtractionVocabulary.OutcomeNouns.TryMatch(text, pos, to, out var nounLength, out Outcome noun))
        {
            var afterNoun = pos + nounLength;
            if (extractor.Victims.TryMatch(text, afterNoun, to, out var termLength, out VictimTerm adjectiveOf))
            {
                SetVictims(text, draft, adjectiveOf, pos, afterNoun + termLength - 1);
            }
            else
            {
                draft.VictimEnd = afterNoun - 1;
            }
            draft.Outcome = noun;
            draft.OwnOutcome = true;
            return true;
        }
        if (text.Is(pos, "of")) pos++;
        if (text.Is(pos, "the") && !text.Is(pos + 1, "city")) pos++;
        for (var skipped = 0; skipped <= 4 && pos < to; skipped++)
        {
            if (extractor.Victims.TryMatch(text, pos, to, out var length, out VictimTerm term))
            {
                SetVictims(text, draft, term, draft.Mention.LastToken + 1, pos + length - 1);
                return false;
            }
            if (!IsVictimModifier(text, pos)) break;
            pos++;
        }
        return false;
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
        draft.VictimActors = actors;
    }

    private bool IsVictimModifier(TokenText text, int index)
    {
        if (!text.IsWord(index)) return text.IsApostrophe(index) || (text.Kind(index) == TokenKind.Punctuation && text[index] is "-");
        var word = text[index];
        if (ExtractionVocabulary.OutcomeAfter.TryMatch(text, index, text.Count, out _, out _)
            && !ExtractionVocabulary.VictimAdjectives.Contains(word.ToString()))
        {
            return false;
        }
        if (BoundaryWords.Contains(word.ToString()) && !text.IsAny(index, "more", "the")) return false;
        return text.IsCapitalized(index) || word.Contains('-') || ExtractionVocabulary.VictimAdjectives.Contains(word.ToString())
            || word.EndsWith("ian", StringComparison.OrdinalIgnoreCase) || IsNamed(index);
    }

    private bool IsNamed(int index) =>
        actorsHere.Any(a => index >= a.First && index <= a.Last) || placesHere.Any(p => index >= p.First && index <= p.Last);

    /// <summary>Subsets ("including 44 children") and lists ("12 civilians and 3 soldiers") link to the figure before.</summary>
    private void LinkToFiguresBefore(TokenText text, int from, ClaimDraft draft)
    {
        var first = draft.Mention.FirstToken;
        var previous = sentenceDrafts.Count > 0 ? sentenceDrafts[^1] : null;
        if (SubsetMarkerEndsAt(text, from, first - 1, out var markerStart))
        {
            draft.IsSubset = true;
            draft.Parent = previous is null ? null : previous.IsSubset ? previous.Parent : previous;
            if (draft.Parent is null && markerStart == from && previousDrafts.Count > 0)
            {
                draft.Parent = previousDrafts.LastOrDefault(d => !d.IsSubset);
            }
            if (text.IsAny(markerStart + 2, "dead", "killed", "victims")) draft.Outcome ??= Outcome.Killed;
            if (text.IsAny(markerStart + 2, "wounded", "injured")) draft.Outcome ??= Outcome.Injured;
            return;
        }
        if (previous is null || previous.VictimEnd >= first) return;
        var gap = first - previous.VictimEnd - 1;
        var joined = gap == 1 && (text.Is(first - 1, "and") || text.IsComma(first - 1) || text.Is(first - 1, "plus"))
            || gap == 2 && text.IsComma(first - 2) && text.Is(first - 1, "and")
            || gap == 3 && text.Is(first - 3, "as") && text.Is(first - 2, "well") && text.Is(first - 1, "as");
        if (!joined) return;
        draft.CoordinatedWith = previous;
        if (previous.IsSubset)
        {
            draft.IsSubset = true;
            draft.Parent = previous.Parent;
        }
    }

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
            if (!text.IsWord(end) || !ExtractionVocabulary.ObjectFillers.Contains(text[end].ToString())) break;
            end--;
        }
        outcome = default;
        return false;
    }

    /// <summary>"the death toll rose to 52", "a toll of 30", "the number of dead reached 40".</summary>
    private static bool TryTally(TokenText text, int from, ClaimDraft draft, out Outcome outcome)
    {
        outcome = Outcome.Killed;
        var k = draft.Mention.FirstToken - 1;
        if (k < from || !text.IsWord(k) || !ExtractionVocabulary.TallyLinks.Contains(text[k].ToString())) return false;
        for (; k >= Math.Max(from, draft.Mention.FirstToken - 12); k--)
        {
            if (text.IsPunctuation(k, ';')) return false;
            if (text.Kind(k) == TokenKind.Number) return false;
            if (text.IsWord(k) && ExtractionVocabulary.TallyNouns.Contains(text[k].ToString()))
            {
                if (text.IsAny(k - 1, "injury", "injuries")) outcome = Outcome.Injured;
                var stale = text.IsWord(k - 1) && StaleMarkers.Contains(text[k - 1].ToString())
                    || text.IsWord(k - 2) && StaleMarkers.Contains(text[k - 2].ToString());
                if (stale) draft.Rejected = true;
                return true;
            }
            if (text.Is(k, "number") && text.Is(k + 1, "of")
                && ExtractionVocabulary.OutcomeNouns.TryMatch(text, k + 2, text.Count, out _, out outcome))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>"... were killed", "... have since died", "... forced from their homes", skipping a subset in commas.</summary>
    private bool TryOutcomeAfter(TokenText text, int to, int pos, out Outcome outcome)
    {
        outcome = default;
        if (text.IsComma(pos) && SubsetMarkerAt(text, pos + 1, to))
        {
            var close = pos + 1;
            while (close < to && !text.IsComma(close)) close++;
            if (close >= to) return false;
            pos = close + 1;
        }
        if (text.IsAny(pos, "in", "from", "across", "near") && placesHere.FirstOrDefault(p => p.First == pos + 1) is { Length: > 0 } place)
        {
            pos = place.Last + 1;
        }
        for (var skipped = 0; skipped <= 6 && pos < to; skipped++)
        {
            if (ExtractionVocabulary.OutcomeAfter.TryMatch(text, pos, to, out _, out outcome)) return true;
            if (!text.IsWord(pos)) return false;
            var word = text[pos];
            if (!ExtractionVocabulary.AuxiliaryWords.Contains(word.ToString())
                && !(word.EndsWith("ly", StringComparison.OrdinalIgnoreCase) && word.Length > 4))
            {
                return false;
            }
            pos++;
        }
        return false;
    }

    private static bool SubsetMarkerAt(TokenText text, int index, int to) =>
        ExtractionVocabulary.SubsetMarkers.TryMatch(text, index, to, out _, out _);

    private static bool IsBoundary(TokenText text, int index, int to)
    {
        if (index >= to) return true;
        if (text.Kind(index) == TokenKind.Punctuation) return true;
        return text.IsWord(index) && BoundaryWords.Contains(text[index].ToString());
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
