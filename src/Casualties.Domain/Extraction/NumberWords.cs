namespace Casualties.Domain.Extraction;

/// <summary>English cardinal number words and the scale words that multiply them.</summary>
internal static class NumberWords
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
        ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17,
        ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40,
        ["fourty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    private static readonly Dictionary<string, long> Scales = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hundred"] = 100, ["thousand"] = 1_000, ["million"] = 1_000_000, ["billion"] = 1_000_000_000,
        ["dozen"] = 12,
    };

    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> UnitLookup =
        Units.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> ScaleLookup =
        Scales.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool TryUnit(ReadOnlySpan<char> word, out int value) => UnitLookup.TryGetValue(word, out value);

    public static bool TryScale(ReadOnlySpan<char> word, out long multiplier) => ScaleLookup.TryGetValue(word, out multiplier);

    /// <summary>A unit or a hyphenated tens-and-unit ("forty-four"); false for anything else.</summary>
    public static bool TryCompound(ReadOnlySpan<char> word, out int value)
    {
        value = 0;
        var hyphen = word.IndexOfAny('-', '\u2010', '\u2013');
        if (hyphen < 0) return TryUnit(word, out value);
        if (!TryUnit(word[..hyphen], out var tens) || tens < 20 || tens % 10 != 0) return false;
        if (!TryUnit(word[(hyphen + 1)..], out var unit) || unit is < 1 or > 9) return false;
        value = tens + unit;
        return true;
    }

    /// <summary>True for "seven-day", "one-year-old": a number word joined to a noun, an adjective.</summary>
    public static bool IsNumberAdjective(ReadOnlySpan<char> word)
    {
        var hyphen = word.IndexOfAny('-', '\u2010', '\u2013');
        return hyphen > 0 && TryUnit(word[..hyphen], out _) && !TryCompound(word, out _);
    }
}
