using System.Globalization;
using Casualties.Domain.Extraction;
using Casualties.Domain.Model;
using FsCheck;
using FsCheck.Fluent;
using static Casualties.Domain.Tests.PropertyChecks;

namespace Casualties.Domain.Tests.Extraction;

/// <summary>
/// The number parser on generated phrases (FsCheck): any number in digits, grouped digits, scaled decimals or words,
/// after any qualifier of domain.md's table, any range and any vague word, is read with its value and with exactly
/// the bounds the table gives; low ≤ point ≤ high always.
/// </summary>
[Property("Issue", "12")]
public sealed class NumberParserPropertyTests
{
    private static readonly NumberParser Parser = new(NumberParser.DefaultLexicon);

    [Test]
    public void Any_qualified_number_is_read_with_the_bounds_of_domain_md() => Check(NumberPhrase.Qualified(), phrase =>
    {
        var text = phrase.Text;
        var quantity = Parser.Parse(text);
        if (quantity is null) return false.Label($"'{text}' was not read as one quantity");
        var (low, high) = Expected(phrase.Qualifier, phrase.Value);
        return (quantity.Qualifier == phrase.Qualifier && quantity.Value == phrase.Value && quantity.Low == low && quantity.High == high)
            .Label($"'{text}' gave {quantity.Qualifier} {quantity.Value} {quantity.Low}..{quantity.High}, not {phrase.Qualifier} {phrase.Value} {low}..{high}")
            .And(PointIsInside(quantity, text));
    }, 400);

    [Test]
    public void Any_range_is_read_with_its_ends_as_bounds() => Check(NumberPhrase.Ranges(), phrase =>
    {
        var text = phrase.Text;
        var quantity = Parser.Parse(text);
        if (quantity is null) return false.Label($"'{text}' was not read as one quantity");
        return (quantity.Qualifier == Qualifier.Range && quantity.Value is null && quantity.Low == phrase.Value && quantity.High == phrase.Upper)
            .Label($"'{text}' gave {quantity.Qualifier} {quantity.Low}..{quantity.High}, not range {phrase.Value}..{phrase.Upper}")
            .And(PointIsInside(quantity, text));
    }, 200);

    [Test]
    public void Any_vague_word_takes_the_lexicon_bounds_of_domain_md() => Check(NumberPhrase.VagueWords(), phrase =>
    {
        var text = phrase.Text;
        var quantity = Parser.Parse(text);
        if (quantity is null) return false.Label($"'{text}' was not read as one quantity");
        var (low, high) = phrase.Qualifier == Qualifier.Vague ? (phrase.Value, phrase.Upper) : Expected(phrase.Qualifier, phrase.Value);
        return (quantity.Qualifier == phrase.Qualifier && quantity.Low == low && quantity.High == high)
            .Label($"'{text}' gave {quantity.Qualifier} {quantity.Low}..{quantity.High}, not {phrase.Qualifier} {low}..{high}")
            .And(PointIsInside(quantity, text));
    }, 100);

    private static Property PointIsInside(Quantity quantity, string text) =>
        (quantity.Low <= quantity.Point && (quantity.High is not { } high || quantity.Point <= high))
        .Label($"'{text}': point {quantity.Point} outside {quantity.Low}..{quantity.High}");

    /// <summary>
    /// domain.md's qualifier table, in integer arithmetic. Where its bounds cross (nearly 1: ⌈0.9⌉ = 1 above 1 − 1 = 0),
    /// the high holds and the low comes down to it.
    /// </summary>
    private static (int Low, int? High) Expected(Qualifier qualifier, int v)
    {
        long value = v;
        (long Low, long? High) bounds = qualifier switch
        {
            Qualifier.Exact => (value, value),
            Qualifier.AtLeast => (value, null),
            Qualifier.MoreThan => (value + 1, null),
            Qualifier.AtMost => (0, value),
            Qualifier.LessThan => (0, value - 1),
            Qualifier.Nearly => ((9 * value + 9) / 10, value - 1),
            Qualifier.About => (9 * value / 10, (11 * value + 9) / 10),
            _ => throw new ArgumentOutOfRangeException(nameof(qualifier), qualifier, "Not a qualifier of one number."),
        };
        return bounds.High is { } h ? ((int)Math.Min(bounds.Low, h), (int)h) : ((int)bounds.Low, null);
    }
}

/// <summary>
/// A generated number phrase: a qualifier phrase (index into <see cref="QualifierPhrases"/>, 0 none), a value written
/// in one of several forms, and for a range its upper end (for a vague word: the lexicon's bounds).
/// </summary>
public sealed record NumberPhrase(int QualifierPhrase, int Value, int Upper, NumberForm Form, int Shape, bool Capital, string? VagueWord = null)
{
    /// <summary>The phrases of domain.md's qualifier table (not the parser's list: the parser may know more).</summary>
    public static readonly (string Phrase, Qualifier Qualifier)[] QualifierPhrases =
    [
        ("", Qualifier.Exact),
        ("at least", Qualifier.AtLeast), ("no fewer than", Qualifier.AtLeast), ("a minimum of", Qualifier.AtLeast), ("not less than", Qualifier.AtLeast),
        ("more than", Qualifier.MoreThan), ("over", Qualifier.MoreThan), ("upwards of", Qualifier.MoreThan), ("in excess of", Qualifier.MoreThan),
        ("up to", Qualifier.AtMost), ("as many as", Qualifier.AtMost), ("no more than", Qualifier.AtMost), ("a maximum of", Qualifier.AtMost),
        ("fewer than", Qualifier.LessThan), ("less than", Qualifier.LessThan), ("under", Qualifier.LessThan),
        ("nearly", Qualifier.Nearly), ("almost", Qualifier.Nearly), ("close to", Qualifier.Nearly), ("just under", Qualifier.Nearly),
        ("about", Qualifier.About), ("around", Qualifier.About), ("some", Qualifier.About), ("roughly", Qualifier.About),
        ("approximately", Qualifier.About), ("an estimated", Qualifier.About),
    ];

    /// <summary>domain.md's vague lexicon ("a dozen" is 12, and takes a qualifier as a number would).</summary>
    private static readonly (string Phrase, int Low, int High)[] Lexicon =
    [
        ("a few", 2, 5), ("a handful", 2, 5), ("several", 3, 9), ("a dozen", 12, 12), ("dozens", 24, 99), ("scores", 40, 99),
        ("hundreds", 200, 999), ("thousands", 2_000, 9_999), ("tens of thousands", 20_000, 99_999),
        ("hundreds of thousands", 200_000, 999_999), ("millions", 2_000_000, 9_999_999),
    ];

    public Qualifier Qualifier => VagueWord switch
    {
        null => QualifierPhrases[QualifierPhrase].Qualifier,
        "a dozen" when QualifierPhrase != 0 => QualifierPhrases[QualifierPhrase].Qualifier,
        _ => Qualifier.Vague,
    };

    public string Text
    {
        get
        {
            var qualifier = QualifierPhrases[QualifierPhrase].Phrase;
            var number = VagueWord ?? (Form == NumberForm.Range ? RangeText() : Render(Value, Shape));
            var text = qualifier.Length == 0 ? number : qualifier + " " + number;
            return Capital ? char.ToUpperInvariant(text[0]) + text[1..] : text;
        }
    }

    private string RangeText() => (Shape % 3) switch
    {
        0 => $"between {Render(Value, Shape / 3)} and {Render(Upper, Shape / 3)}",
        1 => $"{Render(Value, Shape / 3)} to {Render(Upper, Shape / 3)}",
        _ => string.Create(CultureInfo.InvariantCulture, $"{Value:N0}-{Upper:N0}"),
    };

    /// <summary>A number as news prose writes it: shape 0 plain digits, 1 grouped, 2 words, 3 British words ("and"), 4 scaled.</summary>
    private static string Render(int value, int shape) => (shape % 5) switch
    {
        0 => value.ToString(CultureInfo.InvariantCulture),
        1 => value.ToString("N0", CultureInfo.InvariantCulture),
        2 => NumberText.Words(value, british: false),
        3 => NumberText.Words(value, british: true),
        _ => NumberText.Scaled(value) ?? value.ToString("N0", CultureInfo.InvariantCulture),
    };

    public override string ToString() => $"'{Text}'";

    private static readonly Gen<int> Values = Gen.Frequency(
        (4, Gen.Choose(1, 999)), (3, Gen.Choose(1_000, 999_999)), (1, Gen.Choose(1_000_000, 50_000_000)),
        (2, Gen.Choose(1, 500).Select(m => m * 100_000)), (1, Gen.Choose(1, 99).Select(m => m * 1_000)));

    public static Arbitrary<NumberPhrase> Qualified() => Arb.From(
        from qualifier in Gen.Choose(0, QualifierPhrases.Length - 1)
        from value in Values
        from shape in Gen.Choose(0, 4)
        from capital in Gen.Elements(false, true)
        select new NumberPhrase(qualifier, value, 0, NumberForm.Single, shape, capital),
        Shrink);

    public static Arbitrary<NumberPhrase> Ranges() => Arb.From(
        from low in Gen.Frequency((3, Gen.Choose(1, 999)), (1, Gen.Choose(1_000, 999_999)), (1, Gen.Choose(1, 9).Select(h => h * 100)), (1, Gen.Choose(1, 9).Select(t => t * 1_000)))
        from gap in Gen.Frequency((3, Gen.Choose(1, 100)), (1, Gen.Choose(101, 100_000)), (1, Gen.Choose(1, 9).Select(h => h * 100)), (1, Gen.Choose(1, 9).Select(t => t * 1_000)))
        from shape in Gen.Choose(0, 3 * 4 - 1)
        from capital in Gen.Elements(false, true)
        select new NumberPhrase(0, low, low + gap, NumberForm.Range, shape, capital),
        Shrink);

    public static Arbitrary<NumberPhrase> VagueWords() => Arb.From(
        from entry in Gen.Elements(Lexicon)
        from qualifier in entry.Phrase == "a dozen" ? Gen.Choose(0, QualifierPhrases.Length - 1) : Gen.Constant(0)
        from capital in Gen.Elements(false, true)
        select new NumberPhrase(qualifier, entry.Low, entry.High, NumberForm.Single, 0, capital, entry.Phrase),
        _ => []);

    private static IEnumerable<NumberPhrase> Shrink(NumberPhrase phrase)
    {
        if (phrase.Capital) yield return phrase with { Capital = false };
        if (phrase.Shape != 0) yield return phrase with { Shape = 0 };
        if (phrase.QualifierPhrase > 1) yield return phrase with { QualifierPhrase = 1 + (phrase.QualifierPhrase - 1) / 2 };
        var gap = phrase.Upper - phrase.Value;
        var (thousands, lastGroup) = (phrase.Value / 1_000, phrase.Value % 1_000);
        var smallerValues = new[]
        {
            lastGroup, phrase.Value % 1_000_000, phrase.Value / 10, phrase.Value / 2, phrase.Value - 1,
            thousands / 2 * 1_000 + lastGroup, (thousands - 1) * 1_000 + lastGroup, thousands * 1_000 + lastGroup / 2,
        };
        foreach (var smaller in smallerValues.Where(v => v >= 1 && v < phrase.Value).Distinct())
        {
            yield return phrase.Form == NumberForm.Range ? phrase with { Value = smaller, Upper = smaller + gap } : phrase with { Value = smaller };
        }
        if (phrase.Form == NumberForm.Range && gap > 1) yield return phrase with { Upper = phrase.Value + gap / 2 };
    }
}

public enum NumberForm
{
    Single,
    Range,
}

/// <summary>Numbers in English words and in scaled decimals, written for these tests apart from the parser's own tables.</summary>
internal static class NumberText
{
    private static readonly string[] Units =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    /// <summary>"forty-four", "three hundred twelve thousand"; British: "three hundred and twelve thousand".</summary>
    public static string Words(int value, bool british)
    {
        if (value == 0) return "zero";
        var parts = new List<string>();
        (int Scale, string Name)[] scales = [(1_000_000, "million"), (1_000, "thousand")];
        var rest = value;
        foreach (var (scale, name) in scales)
        {
            if (rest < scale) continue;
            parts.Add(BelowThousand(rest / scale, british) + " " + name);
            rest %= scale;
        }
        if (rest > 0) parts.Add((british && rest < 100 && parts.Count > 0 ? "and " : "") + BelowThousand(rest, british));
        return string.Join(' ', parts);
    }

    private static string BelowThousand(int value, bool british)
    {
        var hundreds = value / 100;
        var rest = value % 100;
        var tail = rest == 0 ? "" : rest < 20 ? Units[rest] : Tens[rest / 10] + (rest % 10 == 0 ? "" : "-" + Units[rest % 10]);
        if (hundreds == 0) return tail;
        var head = Units[hundreds] + " hundred";
        return tail.Length == 0 ? head : head + (british ? " and " : " ") + tail;
    }

    /// <summary>"1.2 million", "15k", "3 million", "250,000" when the value has no short scaled form.</summary>
    public static string? Scaled(int value)
    {
        if (value >= 1_000_000 && value % 100_000 == 0)
            return (value / 1_000_000m).ToString("0.#", CultureInfo.InvariantCulture) + " million";
        if (value >= 1_000 && value < 1_000_000 && value % 1_000 == 0)
            return (value / 1_000).ToString(CultureInfo.InvariantCulture) + "k";
        return null;
    }
}
