using Casualties.Domain.Model;

namespace Casualties.Domain.Extraction;

/// <summary>Periods: the time phrase nearest the figure, the campaign it counts since, or the period the text continues.</summary>
internal sealed partial class DocumentReader
{
    /// <summary>Where a running tally ends: when it was stated — the day the sentence's speech verb carries, else the
    /// day the document says its counts stood ("as of 22 February"), else the document date (domain.md).</summary>
    private (DatePeriod Period, bool Cumulative) PeriodFor(TokenText text, int from, ClaimDraft draft, bool continuesPrevious)
    {
        var (period, cumulative) = EventOrTallyPeriod(text, from, draft, continuesPrevious);
        var today = PartialDate.Day(documentDate);
        if (cumulative && period.End == today && StatedOn(text) is { } stated && (period.Start is null || period.Start.Value.First <= stated.First))
        {
            period = period with { End = stated };
        }
        return (period, cumulative);
    }

    /// <summary>The last sentence with a figure dated only by the day it was said (<see cref="ClaimDraft.DatedBySpeaking"/>), or -1.</summary>
    private int lastSpokenSentence = -1;

    /// <summary>How many sentences after a figure dated only by its statement a sentence may still date its event.</summary>
    private const int EventDateReach = 2;

    /// <summary>
    /// "Suspected jihadists killed at least 37 people in an attack on the village of Sollé, a local councillor said on
    /// Wednesday. Gunmen on motorbikes stormed the village on Monday afternoon, …": wire copy states the figure with the
    /// day it was said and dates the attack in a later paragraph. A sentence of the next two that dates an attack (a word
    /// of one and a day of its own, not a day of speaking, in the week before) at the same site, and gives no figure of
    /// its own on another day, starts the figures read with only the day of speaking, and their parts, on the event's day
    /// (they end when they were stated, as a count does).
    /// </summary>
    private void DateEventsToldBySpeaking(TokenText text, int from, int to)
    {
        if (lastSpokenSentence < 0 || sentence - lastSpokenSentence > EventDateReach || lastSpokenSentence == sentence) return;
        if (!SentenceHas(text, from, to, ExtractionVocabulary.AttackNouns) && !SentenceHas(text, from, to, AttackVerbs)) return;
        TimeExpression? eventDay = null;
        foreach (var expression in times)
        {
            if (expression is not { Kind: TimeKind.Point, Start: { Precision: DatePrecision.Day } day } || expression.End != day || IsTimeOfSpeaking(text, expression)) continue;
            if (eventDay is not null) return;
            eventDay = expression;
        }
        if (eventDay?.Start is not { } when) return;
        if (sentenceDrafts.Any(d => d.Period.Start != when)) return;
        var place = placesHere.Count > 0 ? placesHere[^1].Candidates[0] : null;
        for (var k = drafts.Count - 1; k >= 0 && sentence - drafts[k].Sentence <= EventDateReach; k--)
        {
            var draft = drafts[k];
            if (draft.Sentence == sentence || !draft.DatedBySpeaking || draft.Period.Start is not { } said) continue;
            var days = said.First.DayNumber - when.First.DayNumber;
            if (days <= 0 || days > EventReachDays || !SameSite(draft.Place, place)) continue;
            // It counts from the event to when it was stated: "its count stood at 58", said two days after the attack.
            draft.Period = new DatePeriod(when, said);
            draft.DatedBySpeaking = false;
            foreach (var part in drafts)
            {
                if (part.Parent == draft) part.Period = draft.Period;
            }
        }
    }

    /// <summary>The day this sentence's figures were stated, when it is earlier than the document date.</summary>
    private PartialDate? StatedOn(TokenText text)
    {
        foreach (var expression in times)
        {
            // "from 37,306 announced yesterday": a verb right after a figure dates that earlier figure, not this statement.
            if (expression is { Kind: TimeKind.Point, End: { Precision: DatePrecision.Day } end } && end.First < documentDate
                && SpeechVerbOf(text, expression) is var verb and >= 0 && text.Kind(verb - 1) != TokenKind.Number)
            {
                return end;
            }
        }
        return countsAsOf;
    }

    private (DatePeriod Period, bool Cumulative) EventOrTallyPeriod(TokenText text, int from, ClaimDraft draft, bool continuesPrevious)
    {
        var today = PartialDate.Day(documentDate);
        if (times.Count == 0 && listIntro is { } intro && (enumeratorBefore || IsListItem(text, from)))
        {
            return (new DatePeriod(intro.Start, today), true);
        }
        var anchor = draft.Mention.NumberToken;
        TimeExpression? nearest = null;
        foreach (var expression in times)
        {
            if (IsTimeOfSpeaking(text, expression) && times.Count > 1) continue;
            if (IsCountDeadline(text, expression) && previousEventTime is { Kind: TimeKind.Point }) continue;
            if (InRelativeClause(text, from, expression.Token, anchor)) continue;
            if (nearest is null || Math.Abs(expression.Token - anchor) < Math.Abs(nearest.Token - anchor)) nearest = expression;
        }
        // "the toll has risen to 215, the monitor said on Thursday": a running tally ends when it was stated, and counts
        // from when the text says the campaign began (domain.md), not from the day of the statement.
        if (nearest is not null && draft.IsTally && IsTimeOfSpeaking(text, nearest) && nearest.Start is { } stated)
        {
            return (new DatePeriod(CampaignStartBefore(text, from, draft.Mention.FirstToken) ?? AnyCampaignStart(), stated), true);
        }
        // "The council said on 4 March that 26 people had died", after the strike of 3 March: the day it was said, the only
        // time the sentence gives, is not when the people died; the figure is the event's the text told of before. (Arrests go on
        // after an attack: their day of speaking stays.)
        if (nearest is not null && !draft.IsTally && draft.Outcome != Outcome.Detained && nearest.Kind == TimeKind.Point && IsTimeOfSpeaking(text, nearest)
            && nearest.Start is { Precision: DatePrecision.Day } said && !HasCountingWords(text, from, draft.Mention.NumberToken) && !TellsOfItsOwnEvent(text, from, draft)
            && EventToldBefore(said) is { } told)
        {
            return (told, false);
        }
        if (nearest is not null)
        {
            switch (nearest.Kind)
            {
                case TimeKind.Point when SinceClauseBefore(text, from, nearest)
                    || (nearest.Token < anchor && TimeExpressions.CampaignLaunchedAt(text, from, nearest) is not null):
                    return (new DatePeriod(nearest.Start, today), true);
                case TimeKind.Point:
                case TimeKind.Since:
                    return (new DatePeriod(nearest.Start, nearest.End), nearest.Cumulative);
                case TimeKind.SoFar:
                    return (new DatePeriod(null, today), true);
                case TimeKind.SamePeriod when previousDrafts.Count > 0 || drafts.Count > 0:
                    var before = previousDrafts.Count > 0 ? previousDrafts[^1] : drafts[^1];
                    return (before.Period, before.Cumulative);
                case TimeKind.SinceThen:
                    var earlier = previousTimes.LastOrDefault(t => t.Start is not null);
                    return (new DatePeriod(earlier?.Start, today), true);
            }
        }
        if (CampaignSubjectBefore(text, from, draft.Mention.FirstToken) && CampaignStartBefore(text, from, draft.Mention.FirstToken) is { } start)
        {
            return (new DatePeriod(start, today), true);
        }
        if (continuesPrevious && previousDrafts.Count > 0)
        {
            return (previousDrafts[^1].Period, previousDrafts[^1].Cumulative);
        }
        if (!draft.IsTally && previousEventTime is { Kind: TimeKind.Point } previousPoint)
        {
            return (new DatePeriod(previousPoint.Start, previousPoint.End), false);
        }
        return (new DatePeriod(null, today), draft.IsTally);
    }

    /// <summary>
    /// The day of the last event figure read before (one day, not a running count), when it lies in the week up to the
    /// day a statement was made: the event the statement most likely tells of; else null.
    /// </summary>
    private DatePeriod? EventToldBefore(PartialDate said)
    {
        for (var k = drafts.Count - 1; k >= 0; k--)
        {
            var before = drafts[k];
            if (before.Rejected || before.Cumulative || before.Period is not { Start: { Precision: DatePrecision.Day } start, End: { } end } || start != end) continue;
            var days = said.First.DayNumber - start.First.DayNumber;
            return days is >= 0 and <= 7 ? before.Period : null;
        }
        return null;
    }

    /// <summary>
    /// "Separately, the military said Sunday it had carried out three airstrikes, killing four fighters": a sentence that
    /// turns to another event, or tells the event its figure results from ("..., killing N"), is not about the one before.
    /// </summary>
    private static bool TellsOfItsOwnEvent(TokenText text, int from, ClaimDraft draft) =>
        text.IsAny(from, "separately", "meanwhile", "elsewhere") || text.Is(from, "in") && text.IsAny(from + 1, "a", "another") && text.IsAny(from + 2, "separate", "another")
        || text.IsAny(IsQuoteMark(text, draft.Mention.FirstToken - 1) ? draft.Mention.FirstToken - 2 : draft.Mention.FirstToken - 1,
            "killing", "wounding", "injuring", "leaving");

    /// <summary>"since", "so far", "over the previous 24 hours", "during": a sentence that says over what a figure counts.</summary>
    private static bool HasCountingWords(TokenText text, int from, int anchor) => SentenceHas(text, from, SentenceEndAfter(text, anchor), CountingWords);

    private static readonly HashSet<string> CountingWords = new WordSet()
    {
        "since", "during", "previous", "past", "far", "total", "overall", "throughout",
    };

    /// <summary>"since Hamas fighters launched their attack on Saturday": the day a running tally counts from.</summary>
    private bool SinceClauseBefore(TokenText text, int from, TimeExpression point)
    {
        for (var k = point.Token - 1; k >= Math.Max(from, point.Token - 20); k--)
        {
            if (text.IsComma(k)) return false;
            if (text.Is(k, "since")) return !times.Any(t => t.Token == k);
        }
        return false;
    }

    /// <summary>"The RSF, which have controlled Nyala since October 2023, said ... 30 killed": a time in a relative clause describes its noun, not the figure.</summary>
    private static bool InRelativeClause(TokenText text, int from, int token, int anchor)
    {
        for (var k = token - 1; k >= from; k--)
        {
            if (!text.IsComma(k)) continue;
            if (!text.IsAny(k + 1, "which", "who", "whose")) return false;
            for (var verb = k + 2; verb < token; verb++)
            {
                if (ExtractionVocabulary.LaunchVerbs.Contains(text[verb])) return false;
            }
            var close = token + 1;
            while (close < text.Count && !text.IsComma(close) && !text.IsPunctuation(close, '.')) close++;
            return text.IsComma(close) && (anchor < k || anchor > close);
        }
        return false;
    }

    /// <summary>"18 bodies had been recovered by Monday evening": when the count stood, after the event the text told of before.</summary>
    private static bool IsCountDeadline(TokenText text, TimeExpression expression) =>
        expression.Kind == TimeKind.Point && text.Is(expression.Token - 1, "by");

    /// <summary>
    /// "said on Tuesday", "reported today", "told reporters on Thursday", "said in a statement on Sunday", "a
    /// communique released on Tuesday": when it was said, not when it happened. The words between the verb and the
    /// time may name the channel or the audience, never another clause.
    /// </summary>
    private static bool IsTimeOfSpeaking(TokenText text, TimeExpression expression) => SpeechVerbOf(text, expression) >= 0;

    /// <summary>The speech or publishing verb a point in time belongs to, or -1.</summary>
    private static int SpeechVerbOf(TokenText text, TimeExpression expression)
    {
        if (expression.Kind != TimeKind.Point) return -1;
        var before = expression.Token - 1;
        if (text.Is(before, "on")) before--;
        for (var k = before; k >= 0 && k >= before - 5; k--)
        {
            if (!text.IsWord(k)) break;
            if (IsSpeech(text, k) && !text.Is(k, "according") || ExtractionVocabulary.IssueVerbs.Contains(text[k])) return k;
            if (!ExtractionVocabulary.SpeechChannelWords.Contains(text[k]) && !text.IsCapitalized(k)) break;
        }
        // "who on Friday put the toll at 31", "on Friday said": the time before the verb it dates.
        var after = expression.Token + 1;
        if (text.IsWord(after) && (IsSpeech(text, after) || SourceCandidateFinder.PutsTheToll(text, after))) return after;
        return -1;
    }

    /// <summary>"1. 61 people dead;", "- 7 wounded": a line of a list the sentence before introduced with a colon.</summary>
    private static bool IsListItem(TokenText text, int from) =>
        text.Kind(from) == TokenKind.Number && (text.IsPunctuation(from + 1, '.') || text.IsPunctuation(from + 1, ')'))
        || text.IsPunctuation(from, '-') || text.IsPunctuation(from, '\u2022') || text.IsPunctuation(from, '*');

    /// <summary>The running count a colon-ended sentence introduces ("the clashes, which began on 16 January, have
    /// so far left:"): its start, handed to the list's lines that name no time of their own.</summary>
    private sealed record ListIntroduction(PartialDate? Start);

    private ListIntroduction? listIntro;
    private PartialDate? countsAsOf;

    /// <summary>The sentence before was a list's number alone ("1."), so this one is that item's text.</summary>
    private bool enumeratorBefore;

    /// <summary>After a sentence: remember a list's introduction and the day a heading says the counts stood.</summary>
    private void RememberPeriodContext(TokenText text, int from, int to)
    {
        if (sentenceDrafts.Count == 0)
        {
            foreach (var expression in times)
            {
                if (expression is { Kind: TimeKind.Point, End: { Precision: DatePrecision.Day } end } && end.First <= documentDate
                    && AsOfBefore(text, from, expression.Token))
                {
                    countsAsOf = end;
                }
            }
        }
        var enumerator = to - from <= 2 && IsListItem(text, from);
        if (to > from && text.IsPunctuation(to - 1, ':') && sentenceDrafts.Count == 0)
        {
            PartialDate? start = null;
            var counts = false;
            foreach (var expression in times)
            {
                if (expression.Kind == TimeKind.Since) { start = expression.Start; counts = true; }
                else if (expression.Kind == TimeKind.SoFar)
                {
                    counts = true;
                }
                else if (expression.Kind == TimeKind.Point && (SinceClauseBefore(text, from, expression)
                    || TimeExpressions.CampaignLaunchedAt(text, from, expression) is not null || LaunchedAt(text, from, expression)))
                {
                    start = expression.Start;
                    counts = true;
                }
            }
            listIntro = counts ? new ListIntroduction(start) : null;
        }
        else if (!enumerator && !enumeratorBefore && !IsListItem(text, from))
        {
            listIntro = null;
        }
        enumeratorBefore = enumerator;
    }

    /// <summary>"as of 22 February", "as of 18:00 on 2 February", "as at 1 March": the day a count stood.</summary>
    private static bool AsOfBefore(TokenText text, int from, int token)
    {
        for (var k = token - 1; k > from && k >= token - 6; k--)
        {
            if (text.IsAny(k, "of", "at") && text.Is(k - 1, "as")) return true;
            if (!(text.Kind(k) == TokenKind.Number || text.IsPunctuation(k, ':') || text.IsAny(k, "on", "hrs", "am", "pm", "gmt", "utc", "local", "time"))) return false;
        }
        return false;
    }

    /// <summary>"which began on 16 January": a launch verb just before the time, whatever its subject.</summary>
    private static bool LaunchedAt(TokenText text, int from, TimeExpression expression)
    {
        var verb = expression.Token - 1;
        if (text.Is(verb, "on") || text.Is(verb, "in")) verb--;
        return verb >= from && ExtractionVocabulary.LaunchVerbs.Contains(text[verb]);
    }

    /// <summary>The start of the campaign the text has dated so far, when it dated only one.</summary>
    private PartialDate? AnyCampaignStart() => time.OnlyCampaignStart;

    private PartialDate? CampaignStartBefore(TokenText text, int from, int mentionStart)
    {
        for (var k = from; k < mentionStart; k++)
        {
            if (time.CampaignStart(text[k]) is { } start) return start;
        }
        return null;
    }
}
