using System.Globalization;
using Casualties.Domain.Model;
using Casualties.Domain.Reference;

namespace Casualties.Domain.Extraction;

/// <summary>
/// Reads quantities as news prose writes them: digits ("341", "300,000", "1.2 million", "15k"), words
/// ("forty-four", "one hundred and twelve", "two dozen"), hedged by a qualifier ("more than", "nearly"),
/// ranges ("between 20 and 30", "20-30") and vague words from the lexicon ("tens of thousands").
/// </summary>
/// <remarks>
/// Malformed digits ("1,00,000"), ordinals ("14th"), number-noun adjectives ("seven-day", "12-year-old")
/// and numbers beyond <see cref="int.MaxValue"/> are never read as quantities.
/// </remarks>
public sealed class NumberParser
{
    /// <summary>
    /// The vague lexicon used when reference data brings none: seeds/lexicon.csv as built into the assembly
    /// (<see cref="LexiconTable.Default"/>), whose defaults domain.md lists.
    /// </summary>
    public static IReadOnlyList<LexiconEntry> DefaultLexicon => LexiconTable.Default;

    private static readonly (string Phrase, Qualifier Qualifier)[] QualifierPhrases =
    [
        ("at least", Qualifier.AtLeast), ("no fewer than", Qualifier.AtLeast), ("a minimum of", Qualifier.AtLeast),
        ("not less than", Qualifier.AtLeast), ("no less than", Qualifier.AtLeast), ("not fewer than", Qualifier.AtLeast),
        ("more than", Qualifier.MoreThan), ("over", Qualifier.MoreThan), ("upwards of", Qualifier.MoreThan),
        ("upward of", Qualifier.MoreThan), ("in excess of", Qualifier.MoreThan), ("just over", Qualifier.MoreThan),
        ("well over", Qualifier.MoreThan), ("well above", Qualifier.MoreThan), ("above", Qualifier.MoreThan),
        ("up to", Qualifier.AtMost), ("as many as", Qualifier.AtMost), ("as high as", Qualifier.AtMost), ("no more than", Qualifier.AtMost),
        ("a maximum of", Qualifier.AtMost), ("at most", Qualifier.AtMost), ("not more than", Qualifier.AtMost),
        ("fewer than", Qualifier.LessThan), ("less than", Qualifier.LessThan), ("under", Qualifier.LessThan),
        ("nearly", Qualifier.Nearly), ("almost", Qualifier.Nearly), ("close to", Qualifier.Nearly),
        ("just under", Qualifier.Nearly), ("just short of", Qualifier.Nearly), ("nearing", Qualifier.Nearly),
        ("about", Qualifier.About), ("around", Qualifier.About), ("some", Qualifier.About),
        ("roughly", Qualifier.About), ("approximately", Qualifier.About), ("an estimated", Qualifier.About),
        ("estimated", Qualifier.About), ("approx", Qualifier.About), ("an approximate", Qualifier.About),
        ("circa", Qualifier.About), ("or so", Qualifier.About),
    ];

    private static readonly PhraseMatcher<Qualifier> Qualifiers =
        new(QualifierPhrases.Where(q => q.Phrase != "or so").Select(q => (q.Phrase, q.Qualifier)));

    private readonly PhraseMatcher<LexiconEntry> vague;

    /// <summary>Every word a quantity may start with: qualifiers, lexicon phrases, number words.</summary>
    private readonly WordSet startWords = new()
    {
        "a", "an", "half", "between", "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
        "twenty", "thirty", "forty", "fourty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand",
        "million", "dozen",
    };

    /// <summary>A parser with the reference data's lexicon of vague words; the built-in one when none is given.</summary>
    public NumberParser(IReadOnlyList<LexiconEntry>? lexicon = null)
    {
        var entries = lexicon is { Count: > 0 } ? lexicon : DefaultLexicon;
        vague = new PhraseMatcher<LexiconEntry>(entries.Select(e => (e.Phrase, e)));
        foreach (var phrase in entries.Select(e => e.Phrase).Concat(QualifierPhrases.Select(q => q.Phrase)))
        {
            var first = Tokenizer.Tokenize(phrase).FirstOrDefault();
            if (first.Length > 0) startWords.Add(phrase.Substring(first.Start, first.Length));
        }
    }

    /// <summary>Every quantity in a text, in order.</summary>
    public IReadOnlyList<QuantityMention> FindAll(string text)
    {
        var tokens = TokenText.Of(text);
        var mentions = new List<QuantityMention>();
        FindAll(tokens, 0, tokens.Count, mentions);
        return mentions;
    }

    /// <summary>The quantity a whole phrase states ("more than 341"), or null when it is not exactly one quantity.</summary>
    public Quantity? Parse(string phrase)
    {
        var tokens = TokenText.Of(phrase);
        var mentions = new List<QuantityMention>();
        FindAll(tokens, 0, tokens.Count, mentions);
        return mentions is [{ FirstToken: 0 } only] && only.LastToken == tokens.Count - 1 ? only.Quantity : null;
    }

    /// <summary>Adds the quantities among tokens [from, to) to <paramref name="into"/>.</summary>
    public void FindAll(TokenText text, int from, int to, List<QuantityMention> into)
    {
        var i = from;
        while (i < to)
        {
            if (TryRead(text, i, to, out var mention))
            {
                mention = InParentheses(text, mention, to);
                into.Add(mention);
                i = mention.LastToken + 1;
            }
            else
            {
                i++;
            }
        }
    }

    /// <summary>"(56) martyrs", "nearly (544,000)": translated statements set figures in parentheses; the mention spans them.</summary>
    private static QuantityMention InParentheses(TokenText text, QuantityMention mention, int to)
    {
        if (mention.NumberToken != mention.LastToken || mention.LastToken + 1 >= to) return mention;
        if (!text.IsPunctuation(mention.NumberToken - 1, '(') || !text.IsPunctuation(mention.LastToken + 1, ')')) return mention;
        var first = mention.FirstToken == mention.NumberToken ? mention.NumberToken - 1 : mention.FirstToken;
        var last = mention.LastToken + 1;
        return mention with { FirstToken = first, LastToken = last, Span = text.SpanOf(first, last) };
    }

    /// <summary>"14:20 - A woman was killed": the hours or minutes of a time stamp.</summary>
    private static bool IsClockTime(TokenText text, int i) =>
        text.Kind(i) == TokenKind.Number
        && (text.IsPunctuation(i - 1, ':') && text.Kind(i - 2) == TokenKind.Number && text.Token(i - 1).Start == text.Token(i - 2).End
            || text.IsPunctuation(i + 1, ':') && text.Kind(i + 2) == TokenKind.Number && text.Token(i + 1).End == text.Token(i + 2).Start);

    private bool TryRead(TokenText text, int i, int to, out QuantityMention mention)
    {
        mention = null!;
        if (text.Kind(i) == TokenKind.Punctuation || IsClockTime(text, i)) return false;
        if (text.Kind(i) == TokenKind.Word && !startWords.Contains(text[i]) && !(text.IsHyphenated(i) && IsHyphenatedNumberWord(text[i]))) return false;
        var qualifier = Qualifier.Exact;
        var j = i;
        if (Qualifiers.TryMatch(text, i, to, out var qualifierLength, out Qualifier matched))
        {
            qualifier = matched;
            j = i + qualifierLength;
        }

        if (text.Is(j, "between") && TryReadBetween(text, j + 1, to, out var a, out var b))
        {
            mention = Make(text, Quantity.Between((int)a.Value, (int)b.Value), i, a.First, b.Last);
            return true;
        }

        if (vague.TryMatch(text, j, to, out var vagueLength, out LexiconEntry entry) && !FollowedByScale(text, j + vagueLength))
        {
            var last = j + vagueLength - 1;
            if (qualifier != Qualifier.Exact && entry.High == entry.Low)
            {
                mention = Make(text, Quantity.Of(qualifier, entry.Low), i, j, last);
                return true;
            }
            var phrase = text.Slice(j, last);
            mention = Make(text, Quantity.VagueWords(phrase.ToLowerInvariant(), entry.Low, entry.High), i, j, last);
            return true;
        }

        if (qualifier != Qualifier.Exact && text.IsPunctuation(j, '(') && text.Kind(j + 1) == TokenKind.Number && text.IsPunctuation(j + 2, ')')) j++;
        if (!TryReadNumber(text, j, to, out var number)) return false;
        switch (number.Shape)
        {
            case NumberShape.Range when number.RangeHigh > number.Value:
                mention = Make(text, Quantity.Between((int)number.Value, (int)number.RangeHigh), i, j, number.Last);
                return true;
            case NumberShape.Cardinal:
                break;
            default:
                return false;
        }

        if (qualifier == Qualifier.Exact && IsRangeLink(text, number.Last + 1)
            && TryReadNumber(text, number.Last + 2, to, out var upper) && upper.Shape == NumberShape.Cardinal
            && upper.Value > number.Value && !text.Is(j - 1, "from"))
        {
            mention = Make(text, Quantity.Between((int)number.Value, (int)upper.Value), i, j, upper.Last);
            return true;
        }

        var lastToken = number.Last;
        if (qualifier == Qualifier.Exact && text.Is(lastToken + 1, "or") && text.Is(lastToken + 2, "so"))
        {
            qualifier = Qualifier.About;
            lastToken += 2;
        }
        mention = Make(text, Quantity.Of(qualifier, (int)number.Value), i, j, lastToken);
        return true;
    }

    /// <summary>
    /// The ends of "between A and B" from token <paramref name="from"/>: A read whole, else A read up to the first
    /// "and" ("between nine hundred and one thousand": not 901,000 and nothing).
    /// </summary>
    private static bool TryReadBetween(TokenText text, int from, int to, out RawNumber a, out RawNumber b)
    {
        b = default;
        if (TryReadNumber(text, from, to, out a) && IsRangeEnd(a) && text.Is(a.Last + 1, "and")
            && TryReadNumber(text, a.Last + 2, to, out b) && IsRangeEnd(b) && b.Value > a.Value)
        {
            return true;
        }
        var and = from;
        while (and < to && text.InRange(and) && !text.Is(and, "and")) and++;
        return and < to && and > from && TryReadNumber(text, from, and, out a) && IsRangeEnd(a) && a.Last == and - 1
            && TryReadNumber(text, and + 1, to, out b) && IsRangeEnd(b) && b.Value > a.Value;

        static bool IsRangeEnd(RawNumber end) => end.Shape == NumberShape.Cardinal;
    }

    /// <summary>
    /// British "and" before the last part of a number: after hundreds ("two hundred and five", "two hundred and five
    /// thousand") unless another hundred follows ("between two hundred and three hundred" is a range), and after
    /// thousands or millions ("three thousand and one") unless any scale follows ("between two thousand and three thousand").
    /// </summary>
    private static bool JoinsLastPart(TokenText text, int afterPart, int to, long current, long total)
    {
        var scaleAfter = afterPart < to && text.InRange(afterPart) && NumberWords.TryScale(text[afterPart], out var scale) ? scale : 0;
        return current >= 100 && current % 100 == 0 ? scaleAfter is 0 or >= 1_000
            : current == 0 && total >= 1_000 && scaleAfter == 0;
    }

    private static bool IsHyphenatedNumberWord(ReadOnlySpan<char> word)
    {
        var hyphen = word.IndexOfAny('-', '\u2010', '\u2013');
        return hyphen > 0 && NumberWords.TryUnit(word[..hyphen], out _);
    }

    private static bool IsRangeLink(TokenText text, int index) =>
        text.Is(index, "to") || (text.InRange(index) && text.Kind(index) == TokenKind.Punctuation
            && text[index].Length == 1 && Tokenizer.IsHyphen(text[index][0]));

    private static bool FollowedByScale(TokenText text, int index) =>
        text.InRange(index) && NumberWords.TryScale(text[index], out _);

    private static QuantityMention Make(TokenText text, Quantity quantity, int first, int numberToken, int last) =>
        new(quantity, first, numberToken, last, text.SpanOf(first, last));

    internal enum NumberShape
    {
        Cardinal,
        Range,
        Ordinal,
        Adjective,
        Malformed,
    }

    internal readonly record struct RawNumber(long Value, int First, int Last, NumberShape Shape, long RangeHigh = 0);

    /// <summary>One number in digits or words at token <paramref name="i"/>, with its shape.</summary>
    internal static bool TryReadNumber(TokenText text, int i, int to, out RawNumber number)
    {
        number = default;
        if (i >= to || !text.InRange(i)) return false;
        return text.Kind(i) switch
        {
            TokenKind.Number => TryReadDigits(text, i, to, out number),
            TokenKind.Word => TryReadWords(text, i, to, out number),
            _ => false,
        };
    }

    private static bool TryReadDigits(TokenText text, int i, int to, out RawNumber number)
    {
        var token = text[i];
        var hyphen = text.IsHyphenated(i) ? token.IndexOfAny('-', '\u2010', '\u2013') : -1;
        var head = hyphen < 0 ? token : token[..hyphen];
        if (!TryDigits(head, out var value, out var shape))
        {
            number = new RawNumber(0, i, i, shape);
            return true;
        }
        if (hyphen >= 0)
        {
            var tail = token[(hyphen + 1)..];
            number = TryDigits(tail, out var high, out var tailShape) && tailShape == NumberShape.Cardinal
                && value == decimal.Truncate(value) && high == decimal.Truncate(high) && high <= int.MaxValue
                ? new RawNumber((long)value, i, i, NumberShape.Range, (long)high)
                : new RawNumber(0, i, i, NumberShape.Adjective);
            return true;
        }
        var last = i;
        if (i + 1 < to && NumberWords.TryScale(text[i + 1], out var scale))
        {
            value *= scale;
            last = i + 1;
        }
        number = value != decimal.Truncate(value) || value > int.MaxValue
            ? new RawNumber(0, i, last, NumberShape.Malformed)
            : new RawNumber((long)value, i, last, NumberShape.Cardinal);
        return true;
    }

    /// <summary>Digits with optional thousands separators, decimals and a k/m/bn suffix; ordinals flagged.</summary>
    private static bool TryDigits(ReadOnlySpan<char> token, out decimal value, out NumberShape shape)
    {
        value = 0;
        var digitsEnd = 0;
        // "50 000": the tokenizer joins thousands grouped by spaces only when well grouped (Tokenizer.IsSpaceGroup).
        while (digitsEnd < token.Length && (char.IsAsciiDigit(token[digitsEnd]) || token[digitsEnd] is ',' or '.' || Tokenizer.IsGroupSpace(token[digitsEnd]))) digitsEnd++;
        var digits = token[..digitsEnd];
        var suffix = token[digitsEnd..];
        shape = NumberShape.Malformed;
        decimal multiplier = 1;
        if (suffix.Length > 0)
        {
            if (suffix is "th" or "st" or "nd" or "rd" or "TH" or "ST" or "ND" or "RD" or "s")
            {
                shape = NumberShape.Ordinal;
                return false;
            }
            if (suffix is "k" or "K") multiplier = 1_000;
            else if (suffix is "m" or "M" or "mn") multiplier = 1_000_000;
            else if (suffix is "bn") multiplier = 1_000_000_000;
            else return false;
        }
        if (!WellGrouped(digits)) return false;
        Span<char> plain = stackalloc char[Math.Min(digits.Length, 64)];
        var n = 0;
        foreach (var c in digits)
        {
            if (c == ',' || Tokenizer.IsGroupSpace(c)) continue;
            if (n == plain.Length) return false;
            plain[n++] = c;
        }
        if (n > 15 || !decimal.TryParse(plain[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }
        value *= multiplier;
        if (value > int.MaxValue) return false;
        shape = NumberShape.Cardinal;
        return true;
    }

    /// <summary>"300,000" and "1,200.5" are well grouped; "1,00,000" and "12,34" are not.</summary>
    private static bool WellGrouped(ReadOnlySpan<char> digits)
    {
        if (digits.Length == 0 || !char.IsAsciiDigit(digits[0]) || !char.IsAsciiDigit(digits[^1])) return false;
        var point = digits.IndexOf('.');
        if (point >= 0 && digits[(point + 1)..].IndexOfAny(',', '.') >= 0) return false;
        var whole = point >= 0 ? digits[..point] : digits;
        if (whole.IndexOf(',') < 0) return true;
        var groupLength = 0;
        var first = true;
        foreach (var c in whole)
        {
            if (c == ',')
            {
                if (first ? groupLength is < 1 or > 3 : groupLength != 3) return false;
                first = false;
                groupLength = 0;
            }
            else
            {
                groupLength++;
            }
        }
        return groupLength == 3;
    }

    private static bool TryReadWords(TokenText text, int i, int to, out RawNumber number)
    {
        number = default;
        var first = text[i];
        if (NumberWords.IsNumberAdjective(first))
        {
            number = new RawNumber(0, i, i, NumberShape.Adjective);
            return true;
        }
        long total = 0, current = 0;
        var any = false;
        var last = -1;
        var k = i;
        if (text.Is(k, "half") && text.Is(k + 1, "a") && k + 2 < to && NumberWords.TryScale(text[k + 2], out var halfOf) && halfOf >= 1_000)
        {
            number = new RawNumber(halfOf / 2, i, k + 2, NumberShape.Cardinal);
            return true;
        }
        if ((text.Is(k, "a") || text.Is(k, "an")) && k + 1 < to && NumberWords.TryScale(text[k + 1], out _))
        {
            current = 1;
            k++;
        }
        for (; k < to; k++)
        {
            var word = text[k];
            if (NumberWords.TryCompound(word, out var unit))
            {
                if (current % 100 != 0 && current != 0 && !(current % 10 == 0 && current % 100 >= 20 && unit < 10)) break;
                if (current % 100 != 0 && unit >= 10) break;
                current += unit;
                any = true;
                last = k;
            }
            else if (NumberWords.TryScale(word, out var scale) && (any || current > 0))
            {
                if (scale >= 1_000)
                {
                    total += (current == 0 ? 1 : current) * scale;
                    current = 0;
                }
                else
                {
                    current = (current == 0 ? 1 : current) * scale;
                }
                any = true;
                last = k;
                if (total + current > int.MaxValue)
                {
                    number = new RawNumber(0, i, k, NumberShape.Malformed);
                    return true;
                }
            }
            else if (word.Equals("and", StringComparison.OrdinalIgnoreCase) && any && k + 1 < to && NumberWords.TryCompound(text[k + 1], out _)
                     && JoinsLastPart(text, k + 2, to, current, total))
            {
                continue;
            }
            else
            {
                break;
            }
        }
        if (!any) return false;
        var value = total + current;
        number = value > int.MaxValue
            ? new RawNumber(0, i, last, NumberShape.Malformed)
            : new RawNumber(value, i, last, NumberShape.Cardinal);
        return true;
    }
}
