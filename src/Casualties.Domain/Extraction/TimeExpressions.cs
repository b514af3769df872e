using Casualties.Domain.Model;

namespace Casualties.Domain.Extraction;

/// <summary>
/// Finds time phrases in sentences and resolves them against the document date: weekdays ("on Tuesday"
/// in a Wednesday article is the day before), "yesterday", "last week", "since 2011", "in March",
/// "Nov. 15", "this year", "in the past 24 hours". Remembers when named campaigns began ("the offensive
/// begun on Nov. 15") so that "the offensive has killed" or "since the offensive began" can use it.
/// </summary>
public sealed class TimeExpressions(DateOnly documentDate)
{
    /// <summary>
    /// Words after which a year (1900–2100) is read as a time phrase's date: "in 2015", "since 2011", "early 2020",
    /// "summer 2019", "March 2015". Not <see cref="DocumentReader"/>'s words that keep a year from being a figure.
    /// </summary>
    private static readonly HashSet<string> DatedYearLeads = new WordSet(
    [
        "in", "since", "of", "during", "until", "by", "from", "early", "late", "mid", "throughout", "through", "end",
        "start", "beginning", "spring", "summer", "autumn", "fall", "winter", .. CalendarWords.MonthNames,
    ]);

    /// <summary>Words a time phrase may start with (besides numbers, weekdays and months).</summary>
    private static readonly HashSet<string> StartWords = new WordSet()
    {
        "since", "so", "to", "same", "yesterday", "overnight", "last", "today", "tonight", "this", "past", "previous",
        "between", "from", "weekend", "first", "second", "third", "fourth",
    };

    private readonly Dictionary<string, PartialDate> campaignStarts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The date relative phrases ("yesterday", "this year") are read against.</summary>
    public DateOnly DocumentDate { get; } = documentDate;

    /// <summary>The start of the one campaign the text has dated so far, or null when none or several.</summary>
    public PartialDate? OnlyCampaignStart => campaignStarts.Count > 0 && campaignStarts.Values.Distinct().Count() == 1 ? campaignStarts.Values.First() : null;

    /// <summary>The start of a campaign the text named before ("offensive" → 2016-11-15), if any.</summary>

    public PartialDate? CampaignStart(ReadOnlySpan<char> noun) =>
        campaignStarts.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(noun, out var start) ? start : null;

    /// <summary>The time phrases among tokens [from, to), in order; remembers campaign starts they name.</summary>
    public void Find(TokenText text, int from, int to, List<TimeExpression> into)
    {
        var firstFound = into.Count;
        for (var i = from; i < to; i++)
        {
            if (TryRead(text, i, from, to, out var expression, out var last))
            {
                into.Add(expression);
                i = Math.Max(i, last);
            }
            else if (IsDatelineDate(text, i, from, to, out var datelineLast))
            {
                i = datelineLast;
            }
        }
        for (var k = firstFound; k < into.Count; k++) RememberCampaign(text, from, into[k]);
    }

    private bool TryRead(TokenText text, int i, int from, int to, out TimeExpression expression, out int last)
    {
        expression = null!;
        last = i;
        var d = DocumentDate;
        if (text.Kind(i) == TokenKind.Punctuation) return false;
        if (text.Kind(i) == TokenKind.Word && !StartWords.Contains(text[i])
            && !(text.IsCapitalized(i) && (CalendarWords.IsMonth(text[i]) || CalendarWords.IsWeekday(text[i]))))
        {
            return false;
        }

        if (TryReadRange(text, i, to, out expression, out last)) return true;
        if (TryReadQuarter(text, i, to, out expression, out last)) return true;
        if (text.Is(i, "since"))
        {
            return TryReadSince(text, i, to, out expression, out last);
        }
        if (text.IsAny(i, "so", "to") && text.IsAny(i + 1, "far", "date"))
        {
            last = i + 1;
            expression = new TimeExpression(i, TimeKind.SoFar, null, Day(d));
            return !(text.Is(i, "so") && text.Is(i + 1, "date")) && !(text.Is(i, "to") && text.Is(i + 1, "far"));
        }
        if (text.IsAny(i, "same") && text.IsAny(i + 1, "period", "time", "timeframe", "days", "week", "month"))
        {
            last = i + 1;
            expression = new TimeExpression(i, TimeKind.SamePeriod, null, null);
            return true;
        }
        if (text.Is(i, "yesterday") || text.Is(i, "overnight") || (text.Is(i, "last") && text.Is(i + 1, "night")))
        {
            last = text.Is(i, "last") ? i + 1 : i;
            expression = Point(i, Day(d.AddDays(-1)));
            return true;
        }
        // "said Friday the Taliban attacked the previous night": the day before the story's day (wire copy says it the day it runs).
        if (text.Is(i, "previous") && text.Is(i - 1, "the") && text.IsAny(i + 1, "day", "night", "evening"))
        {
            last = i + 1;
            expression = Point(i, Day(d.AddDays(-1)));
            return true;
        }
        if (text.IsAny(i, "today", "tonight") || (text.Is(i, "this") && text.IsAny(i + 1, "morning", "afternoon", "evening")))
        {
            last = text.Is(i, "this") ? i + 1 : i;
            expression = Point(i, Day(d));
            return true;
        }
        if (text.IsAny(i, "past", "last") && text.Is(i + 1, "day") && text.Is(i - 1, "the"))
        {
            last = i + 1;
            expression = Point(i, Day(d));
            return true;
        }
        if (text.Is(i, "weekend") && text.Is(i - 1, "the") && text.IsAny(i - 2, "over", "during", "at", "on"))
        {
            return TryReadRelativeUnit(text, i - 1, out expression);
        }
        if (text.IsAny(i, "last", "past", "previous", "this") && text.IsAny(i + 1, "week", "month", "year", "weekend"))
        {
            last = i + 1;
            return TryReadRelativeUnit(text, i, out expression);
        }
        if (text.IsAny(i, "past", "last") && text.InRange(i + 2) && text.IsAny(i + 2, "hours", "days", "weeks", "months")
            && NumberParser.TryReadNumber(text, i + 1, to, out var count) && count.Shape == NumberParser.NumberShape.Cardinal)
        {
            last = i + 2;
            var n = (int)Math.Min(count.Value, 3650);
            var start = text.Is(i + 2, "hours") ? d.AddDays(-(Math.Max(n, 1) - 1) / 24)
                : text.Is(i + 2, "days") ? d.AddDays(-n)
                : text.Is(i + 2, "weeks") ? d.AddDays(-7 * n)
                : d.AddMonths(-n);
            expression = new TimeExpression(i, TimeKind.Point, Day(start), Day(d));
            return true;
        }
        if (text.IsAny(i, "past", "last") && text.IsAny(i + 1, "24", "48", "72") && text.Is(i + 2, "hours"))
        {
            last = i + 2;
            return false;
        }
        if (text.IsCapitalized(i) && CalendarWords.TryGetWeekday(text[i], out var weekday))
        {
            var back = ((int)d.DayOfWeek - (int)weekday + 7) % 7;
            var day = d.AddDays(-back);
            if (text.IsAny(i + 1, "and", "to", "through") && text.IsCapitalized(i + 2) && CalendarWords.TryGetWeekday(text[i + 2], out var lastWeekday) && !text.Is(i - 1, "since"))
            {
                var lastDay = d.AddDays(-(((int)d.DayOfWeek - (int)lastWeekday + 7) % 7));
                if (lastDay > day)
                {
                    last = i + 2;
                    expression = new TimeExpression(i, TimeKind.Point, Day(day), Day(lastDay));
                    return true;
                }
            }
            expression = text.Is(i - 1, "since")
                ? new TimeExpression(i, TimeKind.Since, Day(day), Day(d))
                : Point(i, Day(day));
            return true;
        }
        if (TryReadDate(text, i, to, out var date, out last) && !IsDateline(text, i, from, last))
        {
            expression = Point(i, date);
            return true;
        }
        return false;
    }

    /// <summary>"Baghdad, 1 August 2015 - A total of...": the date a report was issued, not when anything happened.</summary>
    /// <remarks>
    /// Asked at every token no time expression starts at: where the dateline's place and comma it needs are, first (a
    /// token or two), and only there whether a date is read (the month and number look-ups).
    /// </remarks>
    private bool IsDatelineDate(TokenText text, int first, int from, int to, out int last)
    {
        last = first;
        return AfterDatelinePlace(text, first, from) && TryReadDate(text, first, to, out _, out last) && IsDateline(text, first, from, last);
    }

    /// <summary>Where a dateline's date may start: right after a comma, at most four tokens into the sentence.</summary>
    private static bool AfterDatelinePlace(TokenText text, int first, int from) => first - from <= 4 && text.IsComma(first - 1);

    /// <summary>"BEIRUT, Dec 20 -", "KYIV, 3 March (Wire) —": a date after the dateline's place and before its dash.</summary>
    private static bool IsDateline(TokenText text, int first, int from, int last)
    {
        if (!AfterDatelinePlace(text, first, from) || !text.InRange(last + 1)) return false;
        var dash = last + 1;
        // "(Reuters)", "(Levant Wire)": the agency's name in brackets between the date and the dash.
        if (text.IsPunctuation(dash, '('))
        {
            var close = dash + 1;
            while (close < dash + 6 && text.InRange(close) && !text.IsPunctuation(close, ')')) close++;
            if (!text.IsPunctuation(close, ')')) return false;
            dash = close + 1;
        }
        return text.IsPunctuation(dash, '-') || text.IsPunctuation(dash, '–') || text.IsPunctuation(dash, '—');
    }

    /// <summary>"between March 2011 and March 2021", "from 2015 to 2018", "between 12 and 19 June", "on 18 and 19 June".</summary>
    private bool TryReadRange(TokenText text, int i, int to, out TimeExpression expression, out int last)
    {
        expression = null!;
        last = i;
        var k = text.IsAny(i, "between", "from") ? i + 1 : i;
        if (IsDayNumber(text, k, out var firstDay) && text.IsAny(k + 1, "and", "to") && !TryMonth(text, k + 1, out _, out _)
            && TryReadDate(text, k + 2, to, out var endDay, out var endLast) && endDay.Precision == DatePrecision.Day
            && firstDay <= endDay.Date.Day)
        {
            last = endLast;
            var start = PartialDate.Day(new DateOnly(endDay.Date.Year, endDay.Date.Month, firstDay));
            expression = new TimeExpression(i, TimeKind.Point, start, endDay);
            return true;
        }
        if (k == i) return false;
        if (!TryReadDate(text, k, to, out var from, out var fromLast, sinceContext: true)) return false;
        if (!text.IsAny(fromLast + 1, "and", "to", "until", "through")) return false;
        if (!TryReadDate(text, fromLast + 2, to, out var until, out var untilLast, sinceContext: true)) return false;
        if (until.Date < from.Date && from.Precision == DatePrecision.Month && !IsYear(text, fromLast + 1, out _) && from.Date.Month <= until.Date.Month)
        {
            from = PartialDate.Month(until.Date.Year, from.Date.Month);
        }
        if (until.Date < from.Date) return false;
        last = untilLast;
        expression = new TimeExpression(i, TimeKind.Point, from, until);
        return true;
    }

    /// <summary>"in the third quarter of the year", "the first quarter of 2024", "the fourth quarter of last year": three months.</summary>
    private bool TryReadQuarter(TokenText text, int i, int to, out TimeExpression expression, out int last)
    {
        expression = null!;
        last = i;
        var quarter = text.Is(i, "first") ? 1 : text.Is(i, "second") ? 2 : text.Is(i, "third") ? 3 : text.Is(i, "fourth") ? 4 : 0;
        if (quarter == 0 || !text.Is(i + 1, "quarter")) return false;
        var d = DocumentDate;
        int year;
        if (text.Is(i + 2, "of") && IsYear(text, i + 3, out var named)) { year = named; last = i + 3; }
        else if (text.Is(i + 2, "of") && text.Is(i + 3, "last") && text.Is(i + 4, "year")) { year = d.Year - 1; last = i + 4; }
        else if (text.Is(i + 2, "of") && text.IsAny(i + 3, "the", "this") && text.Is(i + 4, "year")) { year = d.Year; last = i + 4; }
        else { year = d.Year; last = i + 1; }
        if (new DateOnly(year, quarter * 3 - 2, 1) > d) year--;
        expression = new TimeExpression(i, TimeKind.Point, PartialDate.Month(year, quarter * 3 - 2), PartialDate.Month(year, quarter * 3));
        return true;
    }

    private bool TryReadRelativeUnit(TokenText text, int i, out TimeExpression expression)
    {
        var d = DocumentDate;
        var current = text.Is(i, "this");
        var unit = text[i + 1];
        if (text.Is(i, "past") && unit.Equals("week", StringComparison.OrdinalIgnoreCase))
        {
            expression = new TimeExpression(i, TimeKind.Point, Day(d.AddDays(-7)), Day(d));
            return true;
        }
        if (unit.Equals("week", StringComparison.OrdinalIgnoreCase) || unit.Equals("weekend", StringComparison.OrdinalIgnoreCase))
        {
            var monday = d.AddDays(-(((int)d.DayOfWeek + 6) % 7));
            expression = current
                ? new TimeExpression(i, TimeKind.Point, Day(monday), Day(d))
                : unit.Equals("weekend", StringComparison.OrdinalIgnoreCase)
                    ? LatestWeekend(i, monday)
                    : new TimeExpression(i, TimeKind.Point, Day(monday.AddDays(-7)), Day(monday.AddDays(-1)));
            return true;
        }
        if (unit.Equals("month", StringComparison.OrdinalIgnoreCase))
        {
            var month = current ? d : d.AddMonths(-1);
            var partial = PartialDate.Month(month.Year, month.Month);
            expression = current
                ? new TimeExpression(i, TimeKind.Since, partial, Day(d))
                : new TimeExpression(i, TimeKind.Point, partial, partial);
            return true;
        }
        var year = current ? PartialDate.Year(d.Year) : PartialDate.Year(d.Year - 1);
        expression = current
            ? new TimeExpression(i, TimeKind.Since, year, Day(d))
            : new TimeExpression(i, TimeKind.Point, year, year);
        return true;
    }

    /// <summary>"over the weekend", "last weekend": the Saturday and Sunday just past (this one, read on a weekend).</summary>
    private TimeExpression LatestWeekend(int token, DateOnly monday)
    {
        var d = DocumentDate;
        var saturday = d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? monday.AddDays(5) : monday.AddDays(-2);
        var sunday = saturday.AddDays(1) > d ? d : saturday.AddDays(1);
        return new TimeExpression(token, TimeKind.Point, Day(saturday), Day(sunday));
    }

    private bool TryReadSince(TokenText text, int i, int to, out TimeExpression expression, out int last)
    {
        var d = DocumentDate;
        last = i;
        for (var k = i + 1; k < Math.Min(to, i + 9); k++)
        {
            if (text.IsCapitalized(k) && CalendarWords.TryGetWeekday(text[k], out var weekday) && k == i + 1)
            {
                var back = ((int)d.DayOfWeek - (int)weekday + 7) % 7;
                last = k;
                expression = new TimeExpression(i, TimeKind.Since, Day(d.AddDays(-back)), Day(d));
                return true;
            }
            if (TryReadDate(text, k, to, out var date, out var dateLast, sinceContext: k == i + 1))
            {
                last = dateLast;
                expression = new TimeExpression(i, TimeKind.Since, date, Day(d));
                return true;
            }
            if (CampaignStart(text[k]) is { } start && (text.IsAny(k - 1, "the", "its", "this") || k == i + 1))
            {
                last = k;
                expression = new TimeExpression(i, TimeKind.Since, start, Day(d));
                return true;
            }
            if (text.Is(k, "yesterday"))
            {
                last = k;
                expression = new TimeExpression(i, TimeKind.Since, Day(d.AddDays(-1)), Day(d));
                return true;
            }
            if (text.Kind(k) == TokenKind.Punctuation && !text.IsApostrophe(k)) break;
        }
        if (text.IsAny(i + 1, "the", "its") && text.IsAny(i + 2, "start", "beginning") && text.Is(i + 3, "of")
            && text.IsAny(i + 4, "the", "this") && text.IsAny(i + 5, "year", "month", "week"))
        {
            last = i + 5;
            // The start of a year or month is a day, its first: a tally "since the start of the year" counts from 1 January.
            var start = text.Is(i + 5, "year") ? Day(new DateOnly(d.Year, 1, 1))
                : text.Is(i + 5, "month") ? Day(new DateOnly(d.Year, d.Month, 1))
                : Day(d.AddDays(-(((int)d.DayOfWeek + 6) % 7)));
            expression = new TimeExpression(i, TimeKind.Since, start, Day(d));
            return true;
        }
        expression = new TimeExpression(i, TimeKind.SinceThen, null, Day(d));
        return text.IsAny(i + 1, "died", "fled", "been", "killed", "then", ",", "returned") || text.Kind(i + 1) == TokenKind.Punctuation
            || !text.InRange(i + 1) || text.IsAny(i - 1, "have", "has", "had", "ever");
    }

    /// <summary>"Nov. 15", "15 November 2016", "December 6, 2016", "March", "March 2015", "2011" (after a preposition).</summary>
    private bool TryReadDate(TokenText text, int i, int to, out PartialDate date, out int last, bool sinceContext = false)
    {
        date = default;
        last = i;
        if (text.Kind(i) == TokenKind.Number)
        {
            if (IsYear(text, i, out var year) && (sinceContext || DatedYearLeads.Contains(text[i - 1])))
            {
                date = PartialDate.Year(year);
                return true;
            }
            if (IsDayNumber(text, i, out var dayOfMonth) && TryMonth(text, i + 1, out var monthAfter, out var monthLast))
            {
                last = monthLast;
                var resolved = Resolve(monthAfter, dayOfMonth, text, ref last);
                if (resolved is null) return false;
                date = resolved.Value;
                return true;
            }
            return false;
        }
        if (!TryMonth(text, i, out var month, out var lastOfMonth)) return false;
        if (IsDayNumber(text, lastOfMonth + 1, out var day))
        {
            last = lastOfMonth + 1;
            var resolved = Resolve(month, day, text, ref last);
            if (resolved is null) return false;
            date = resolved.Value;
            return true;
        }
        var monthOnly = text[i].Length > 3 || text.Is(i, "May") || text.IsPunctuation(i + 1, '.');
        if (!monthOnly) return false;
        if (IsYear(text, lastOfMonth + 1, out var monthYear))
        {
            last = lastOfMonth + 1;
            date = PartialDate.Month(monthYear, month);
            return true;
        }
        var before = text.InRange(i - 1) ? text[i - 1] : default;
        if (!sinceContext && !(text.IsAny(i - 1, "in", "since", "of", "during", "until", "by", "from", "early", "late", "mid", "through", "throughout", "last", "this", "between", "and", "to")
            || before.EndsWith("mid-", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }
        last = lastOfMonth;
        var y = month > DocumentDate.Month ? DocumentDate.Year - 1 : DocumentDate.Year;
        date = PartialDate.Month(y, month);
        return true;
    }

    private PartialDate? Resolve(int month, int day, TokenText text, ref int last)
    {
        var index = last + 1;
        if (text.IsComma(index) && IsYear(text, index + 1, out var afterComma)) { last = index + 1; return SafeDay(afterComma, month, day); }
        if (IsYear(text, index, out var year)) { last = index; return SafeDay(year, month, day); }
        var candidate = SafeDay(DocumentDate.Year, month, day);
        if (candidate is { } c && c.Date > DocumentDate) candidate = SafeDay(DocumentDate.Year - 1, month, day);
        return candidate;
    }

    private static PartialDate? SafeDay(int year, int month, int day) =>
        day >= 1 && day <= DateTime.DaysInMonth(year, month) ? PartialDate.Day(new DateOnly(year, month, day)) : null;

    private static bool TryMonth(TokenText text, int i, out int month, out int last)
    {
        month = 0;
        last = i;
        if (!text.IsWord(i) || !text.IsCapitalized(i) || !CalendarWords.TryGetMonth(text[i], out month)) return false;
        last = CalendarWords.MonthEnd(text, i);
        return true;
    }

    private static bool IsDayNumber(TokenText text, int i, out int day)
    {
        day = 0;
        if (!text.InRange(i) || text.Kind(i) != TokenKind.Number) return false;
        var token = text[i];
        if (token.Length > 2 && (token.EndsWith("th") || token.EndsWith("st") || token.EndsWith("nd") || token.EndsWith("rd")))
        {
            token = token[..^2];
        }
        return int.TryParse(token, out day) && day is >= 1 and <= 31;
    }

    private static bool IsYear(TokenText text, int i, out int year)
    {
        year = 0;
        return text.InRange(i) && text.Kind(i) == TokenKind.Number && text[i].Length == 4
            && int.TryParse(text[i], out year) && year is >= 1900 and <= 2100;
    }

    private static TimeExpression Point(int token, PartialDate date) => new(token, TimeKind.Point, date, date);

    private static PartialDate Day(DateOnly date) => PartialDate.Day(date);

    /// <summary>"the offensive begun on Nov. 15", "the war, which erupted in 2011": remember the start.</summary>
    private void RememberCampaign(TokenText text, int from, TimeExpression expression)
    {
        if (expression.Start is not { } start || CampaignLaunchedAt(text, from, expression) is not { } noun) return;
        campaignStarts[text[noun].ToString()] = start;
    }

    /// <summary>The token of the campaign noun whose start this point in time names ("the war erupted in April 2023"), if any.</summary>
    public static int? CampaignLaunchedAt(TokenText text, int from, TimeExpression expression)
    {
        if (expression.Kind != TimeKind.Point) return null;
        for (var verb = expression.Token - 1; verb >= Math.Max(from, expression.Token - 4); verb--)
        {
            if (!ExtractionVocabulary.LaunchVerbs.Contains(text[verb])) continue;
            for (var noun = verb - 1; noun >= Math.Max(from, verb - 5); noun--)
            {
                if (ExtractionVocabulary.CampaignNouns.Contains(text[noun])) return noun;
            }
        }
        return null;
    }
}
