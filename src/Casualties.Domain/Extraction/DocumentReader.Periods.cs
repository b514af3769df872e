using Casualties.Domain.Model;

namespace Casualties.Domain.Extraction;

/// <summary>Periods: the time phrase nearest the figure, the campaign it counts since, or the period the text continues.</summary>
internal sealed partial class DocumentReader
{
    private (DatePeriod Period, bool Cumulative) PeriodFor(TokenText text, int from, ClaimDraft draft, bool continuesPrevious)
    {
        var today = PartialDate.Day(documentDate);
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

    /// <summary>"said on Tuesday", "reported today": when it was said, not when it happened.</summary>
    private static bool IsTimeOfSpeaking(TokenText text, TimeExpression expression)
    {
        var before = expression.Token - 1;
        if (text.Is(before, "on")) before--;
        return IsSpeech(text, before) && expression.Kind == TimeKind.Point;
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
