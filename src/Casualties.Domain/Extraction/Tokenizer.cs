namespace Casualties.Domain.Extraction;

/// <summary>
/// Splits text into words, numbers and punctuation by a single forward scan (no regular expressions, so
/// no backtracking on hostile input). Hyphenated compounds ("forty-four", "pro-regime", "20-30",
/// "12-year-old") stay one token; apostrophes are punctuation, so "Syria’s" is "Syria" "’" "s".
/// </summary>
public static class Tokenizer
{
    /// <summary>The tokens of the whole text.</summary>
    public static List<Token> Tokenize(string text) => Tokenize(text, 0, text.Length, []);

    /// <summary>Appends the tokens of text[start..end) to <paramref name="into"/> and returns it.</summary>
    public static List<Token> Tokenize(string text, int start, int end, List<Token> into)
    {
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c)) { i++; continue; }
            var tokenStart = i;
            if (char.IsLetter(c))
            {
                i = ScanCompound(text, i, end, out var hyphenated);
                into.Add(new Token(tokenStart, i - tokenStart, TokenKind.Word, hyphenated));
            }
            else if (char.IsAsciiDigit(c))
            {
                i = ScanCompound(text, i, end, out var hyphenated);
                into.Add(new Token(tokenStart, i - tokenStart, TokenKind.Number, hyphenated));
            }
            else
            {
                i += char.IsHighSurrogate(c) && i + 1 < end ? 2 : 1;
                into.Add(new Token(tokenStart, i - tokenStart, TokenKind.Punctuation));
            }
        }
        return into;
    }

    private static int ScanCompound(string text, int i, int end, out bool hyphenated)
    {
        hyphenated = false;
        i = ScanPart(text, i, end);
        while (i + 1 < end && IsHyphen(text[i]) && char.IsLetterOrDigit(text[i + 1]))
        {
            hyphenated = true;
            i = ScanPart(text, i + 1, end);
        }
        return i;
    }

    private static int ScanPart(string text, int i, int end)
    {
        var start = i;
        while (i < end)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c)) { i++; continue; }
            if (IsSpaceGroup(text, start, i, end)) { i++; continue; }
            if ((c == ',' || c == '.') && i + 1 < end && char.IsAsciiDigit(text[i + 1]) && i > 0 && char.IsAsciiDigit(text[i - 1]))
            {
                i++;
                continue;
            }
            break;
        }
        return i;
    }

    /// <summary>
    /// "50 000", "1 442 000", "55\u00A0000": thousands grouped by a space (or a no-break or thin space), as French, South
    /// African and UN texts write them, are one number. The space at <paramref name="i"/> joins when the number so far is one
    /// to three digits, or groups of three after such a start, and exactly three digits follow it before a non-digit.
    /// </summary>
    public static bool IsSpaceGroup(string text, int start, int i, int end)
    {
        if (!IsGroupSpace(text[i]) || i + 3 >= end) return false;
        if (!char.IsAsciiDigit(text[i + 1]) || !char.IsAsciiDigit(text[i + 2]) || !char.IsAsciiDigit(text[i + 3])) return false;
        if (i + 4 < end && (char.IsLetterOrDigit(text[i + 4]) || text[i + 4] is ',' or '.' && i + 5 < end && char.IsAsciiDigit(text[i + 5]))) return false;
        var group = 0;
        for (var k = i - 1; k >= start; k--)
        {
            if (IsGroupSpace(text[k])) { if (group != 3) return false; group = 0; continue; }
            if (!char.IsAsciiDigit(text[k])) return false;
            group++;
        }
        return group is >= 1 and <= 3;
    }

    /// <summary>The spaces that group thousands: a plain, no-break, narrow no-break or thin space.</summary>
    public static bool IsGroupSpace(char c) => c is ' ' or '\u00A0' or '\u202F' or '\u2009';

    /// <summary>True for the hyphen-minus and the Unicode hyphens and en dash that join compounds.</summary>
    public static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013';

    /// <summary>True for the straight and curly apostrophes.</summary>
    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018';

    /// <summary>True for straight, curly and angle quotation marks (an apostrophe may open a quote too).</summary>
    public static bool IsQuote(char c) => c is '"' or '\u201C' or '\u201D' or '\'' or '\u2018' or '\u2019' or '\u00AB' or '\u00BB';
}
