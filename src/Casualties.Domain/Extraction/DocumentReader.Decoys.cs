namespace Casualties.Domain.Extraction;

/// <summary>
/// Numbers that are not people (percentages, money, years, dates, ages, times, measures, counts of things) and figures
/// that are not the source's current word (a correction withdraws them, a newer figure supersedes them): never claims.
/// </summary>
internal sealed partial class DocumentReader
{
    /// <summary>
    /// Words after which a number from 1900 to 2100 is a year, not a figure of people: "since 2011", "between 2014 and
    /// 2016", "the year 2020". Not <see cref="TimeExpressions"/>' words after which a year dates a time phrase ("summer
    /// 2019"): this set asks only whether a number counts people.
    /// </summary>
    private static readonly HashSet<string> YearNotFigureLeads = new WordSet()
    {
        "in", "since", "of", "during", "until", "by", "from", "early", "late", "mid", "throughout", "through", "before",
        "after", "between", "and", "to", "year",
    };

    /// <summary>Units and things a number may count or measure that are never people: "12 km", "155 mm", "40 houses", "3 pm", "five years".</summary>
    private static readonly HashSet<string> ThingNouns = new WordSet()
    {
        "km", "kms", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "metres", "meters", "metre", "meter",
        "mm", "cm", "millimetre", "millimeter", "calibre", "caliber", "kg", "kilograms", "tonnes", "tons", "tonne", "ton", "litres", "liters",
        "am", "pm", "a.m", "p.m", "gmt", "utc", "hrs", "o'clock",
        "years", "year", "months", "month", "weeks", "week", "days", "day", "hours", "hour", "minutes", "minute", "seconds", "nights",
        "houses", "homes", "buildings", "apartments", "vehicles", "cars", "trucks", "lorries", "buses", "boats", "ships",
        "tanks", "drones", "missiles", "rockets", "shells", "bombs", "mortars", "aircraft", "jets", "helicopters",
        "villages", "towns", "districts", "neighbourhoods", "neighborhoods", "schools", "hospitals", "mosques", "churches",
        "strikes", "airstrikes", "raids", "attacks", "incidents", "sorties",
    };

    /// <summary>Words before a list of numbers that make them ages: "aged 67 and 71", "ages 19 to 24", "the age of 12".</summary>
    private static readonly HashSet<string> AgeWords = new WordSet() { "aged", "ages", "age" };

    /// <summary>Nouns for a source's statement of a figure: "an earlier statement", "the previous toll", "its initial estimate".</summary>
    private static readonly HashSet<string> StatementNouns = new WordSet()
    {
        "statement", "statements", "figure", "figures", "toll", "tally", "count", "estimate", "estimates", "report", "reports",
        "version", "assessment", "number", "total", "announcement", "update", "bulletin",
    };

    /// <summary>Percentages, money, years, dates of month, populations ("a population of 2.3 million") and households ("600 displaced families") are never casualty figures.</summary>
    private static bool IsDecoy(TokenText text, int from, QuantityMention mention)
    {
        var first = mention.FirstToken;
        var number = mention.NumberToken;
        var next = mention.LastToken + 1;
        if (text.IsAny(next, "percent", "per", "pc", "percentage", "%")) return true;
        if (text.InRange(first - 1) && text.Kind(first - 1) == TokenKind.Punctuation && text[first - 1] is "$" or "€" or "£" or "¥") return true;
        // "US$ 5 million" and "US 12 million", but not "told us 12 people were killed": the currency only in capitals.
        if (text[first - 1].SequenceEqual("US") || text.IsAny(first - 1, "USD", "EUR", "GBP") || text.IsAny(next, "dollars", "euros", "pounds", "USD", "dinars", "riyals", "hryvnias")) return true;
        if (text.Kind(number) == TokenKind.Number && text[number].Length == 4 && mention.Quantity.Value is >= 1900 and <= 2100
            && (YearNotFigureLeads.Contains(text[number - 1]) || !text.IsWord(next)))
        {
            return true;
        }
        if (IsMonthWord(text, number - 1) || (IsMonthWord(text, number - 2) && CalendarWords.MonthEnd(text, number - 2) == number - 1) || IsMonthWord(text, next)) return true;
        if (text.Is(first - 1, "from") && SentenceHas(text, from, first, RiseWords)) return true;
        if (text.Is(first - 1, "of") && text.IsAny(first - 2, "population", "populations")) return true;
        if (text.IsAny(next, "families", "households") || text.IsWord(next) && text.IsAny(next + 1, "families", "households")) return true;
        if (IsMeasureOrThing(text, next) || IsAge(text, from, first, next)) return true;
        // "claimed 14 lives" is a toll, "saved 14 lives" is not.
        if (text.Is(next, "lives") && text.IsAny(first - 1, "saved", "save", "saves", "saving", "rescued", "spared", "protect", "protected")) return true;
        return IsRetracted(text, from, first) || IsSuperseded(text, from, first);
    }

    /// <summary>"12 km", "155mm shells" read as "155 mm", "3 pm", "40 houses", "two years": a unit or a thing right after the number.</summary>
    private static bool IsMeasureOrThing(TokenText text, int next) =>
        text.IsWord(next) && ThingNouns.Contains(text[next])
        && !(text.IsAny(next, "years", "year", "months", "month") && text.IsAny(next + 1, "old", "of"));

    /// <summary>
    /// "aged 67 and 71", "aged between 19 and 24", "at the age of 12", "15 years old", "three months of age", "as young as 11": a person's age,
    /// also the later numbers of a list of ages.
    /// </summary>
    private static bool IsAge(TokenText text, int from, int first, int next)
    {
        if (text.IsAny(next, "years", "year", "months", "month") && (text.Is(next + 1, "old") || text.Is(next + 1, "of") && text.Is(next + 2, "age"))) return true;
        // "children as young as 11", "as old as 80".
        if (text.Is(first - 1, "as") && text.IsAny(first - 2, "young", "old") && text.Is(first - 3, "as")) return true;
        // A later number of the list is an age too, unless a noun follows it: "aged 67 and 71," but "aged 45 and 4 children".
        var listEnds = !text.IsWord(next) || text.IsAny(next, "and", "or", "to", "respectively", "were", "was", "are");
        for (var k = first - 1; k >= Math.Max(from, first - 12); k--)
        {
            if (text.IsWord(k) && AgeWords.Contains(text[k]) || text.Is(k, "of") && text.IsAny(k - 1, "age", "ages")) return true;
            if (!listEnds) return false;
            if (text.IsComma(k) && text.Is(k + 1, "and")) return false;
            var listed = text.Kind(k) == TokenKind.Number || text.IsComma(k) || text.IsAny(k, "and", "or", "to", "between", "from", "about", "around", "roughly")
                || text.InRange(k) && text.Kind(k) == TokenKind.Punctuation && Tokenizer.IsHyphen(text.Text[text.Token(k).Start])
                || text.IsWord(k) && NumberWords.TryUnit(text[k], out _);
            if (!listed) return false;
        }
        return false;
    }

    /// <summary>"An earlier version incorrectly stated that 14 were killed": a figure a correction withdraws.</summary>
    private static bool IsRetracted(TokenText text, int from, int first)
    {
        for (var k = from; k + 1 < first; k++)
        {
            if (text.IsAny(k, "incorrectly", "erroneously", "mistakenly", "wrongly")
                && text.IsAny(k + 1, "stated", "reported", "said", "gave", "put", "listed", "reporting", "stating"))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// "It corrected an earlier statement that had put the number of dead at 48,577", "its previous estimate of 38": the first
    /// figure of a statement the text calls earlier is the source's superseded word (gold conventions: only the current
    /// figure of an update is a claim), within its clause.
    /// </summary>
    private static bool IsSuperseded(TokenText text, int from, int first)
    {
        for (var k = first - 1; k > Math.Max(from, first - 25); k--)
        {
            if (text.Kind(k) == TokenKind.Number || text.IsComma(k) || text.IsPunctuation(k, ';') || text.IsPunctuation(k, ':') || text.IsPunctuation(k, '(')) return false;
            if (!text.IsWord(k) || !StatementNouns.Contains(text[k])) continue;
            var marker = text.IsWord(k - 1) && StaleMarkers.Contains(text[k - 1]) ? k - 1
                : text.IsWord(k - 2) && StaleMarkers.Contains(text[k - 2]) && text.IsWord(k - 1) ? k - 2 : -1;
            if (marker >= from && !text.Is(marker, "last")) return true;
        }
        return false;
    }

    private static bool IsMonthWord(TokenText text, int index) =>
        text.IsWord(index) && text.IsCapitalized(index) && CalendarWords.IsMonth(text[index]);
}
