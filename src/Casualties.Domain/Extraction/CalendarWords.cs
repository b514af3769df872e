namespace Casualties.Domain.Extraction;

/// <summary>
/// The English names of the months and weekdays, the months' abbreviations and the feasts a text dates by: the one list
/// every rule reads, whether it resolves a date ("Nov. 15"), keeps a date from being a figure ("in 2015"), a place or a
/// name ("on Monday"), or keeps an abbreviation's period from ending a sentence ("Sept. 3").
/// </summary>
internal static class CalendarWords
{
    /// <summary>The months' names, January first.</summary>
    public static readonly IReadOnlyList<string> MonthNames =
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ];

    /// <summary>The months' abbreviations and the month each stands for ("Sept" and "Sep" both September; "May" is a name).</summary>
    private static readonly (string Abbreviation, int Month)[] Abbreviated =
    [
        ("Jan", 1), ("Feb", 2), ("Mar", 3), ("Apr", 4), ("Jun", 6), ("Jul", 7), ("Aug", 8), ("Sep", 9), ("Sept", 9),
        ("Oct", 10), ("Nov", 11), ("Dec", 12),
    ];

    /// <summary>The months' abbreviations ("Jan", "Sept"), which a period may close ("Nov. 15").</summary>
    public static readonly IReadOnlyList<string> MonthAbbreviations = [.. Abbreviated.Select(a => a.Abbreviation)];

    /// <summary>The weekdays' names, Monday first.</summary>
    public static readonly IReadOnlyList<string> WeekdayNames =
    [
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    ];

    /// <summary>Feasts and seasons of the year a text dates by ("during Ramadan", "on Christmas"), never places.</summary>
    public static readonly IReadOnlyList<string> FeastNames = ["Ramadan", "Eid", "Christmas", "Easter"];

    private static readonly Dictionary<string, int> Months = BuildMonths();

    private static readonly WordMap<int> MonthLookup = new(Months);

    private static readonly Dictionary<string, DayOfWeek> Weekdays =
        WeekdayNames.Select((name, k) => (name, Day: (DayOfWeek)((k + 1) % 7))).ToDictionary(w => w.name, w => w.Day, StringComparer.OrdinalIgnoreCase);

    private static readonly WordMap<DayOfWeek> WeekdayLookup = new(Weekdays);

    /// <summary>Every month, weekday and feast word, names and abbreviations, case ignored.</summary>
    private static readonly WordSet AllWords = new([.. MonthNames, .. MonthAbbreviations, .. WeekdayNames, .. FeastNames]);

    /// <summary>True for a month's name or abbreviation ("March", "Sept"), case ignored.</summary>
    public static bool IsMonth(ReadOnlySpan<char> word) => MonthLookup.ContainsKey(word);

    /// <summary>The month (1–12) a name or abbreviation stands for ("Nov" → 11), case ignored.</summary>
    public static bool TryGetMonth(ReadOnlySpan<char> word, out int month) => MonthLookup.TryGetValue(word, out month);

    /// <summary>True for a weekday's name ("Tuesday"), case ignored.</summary>
    public static bool IsWeekday(ReadOnlySpan<char> word) => WeekdayLookup.ContainsKey(word);

    /// <summary>The day a weekday's name stands for, case ignored.</summary>
    public static bool TryGetWeekday(ReadOnlySpan<char> word, out DayOfWeek day) => WeekdayLookup.TryGetValue(word, out day);

    /// <summary>True for a month's or weekday's name, a month's abbreviation or a feast ("May", "Sept", "Sunday", "Eid"), case ignored.</summary>
    public static bool IsCalendarWord(ReadOnlySpan<char> word) => AllWords.Contains(word);

    /// <summary>
    /// The last token of the month word at <paramref name="index"/> with the period that closes it: "Nov." and "Sept." (an
    /// abbreviation), also a name of four letters or fewer ("June.", "May."), as the date rules have always read it. The
    /// dates ("Nov. 15") and the decoys (the 15 of "Nov. 15" counts no one) ask it; "March. 15 people" is two sentences.
    /// </summary>
    public static int MonthEnd(TokenText text, int index) =>
        text.IsPunctuation(index + 1, '.') && text[index].Length <= 4 ? index + 1 : index;

    private static Dictionary<string, int> BuildMonths()
    {
        var months = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var k = 0; k < MonthNames.Count; k++) months[MonthNames[k]] = k + 1;
        foreach (var (abbreviation, month) in Abbreviated) months[abbreviation] = month;
        return months;
    }
}
