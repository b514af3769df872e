using Casualties.Domain.Extraction;
using Casualties.Domain.Model;

namespace Casualties.Domain.Tests.Extraction;

[Property("Issue", "4")]
public sealed class NumberParserTests
{
    private static readonly NumberParser Parser = new(NumberParser.DefaultLexicon);

    [TestCase("341", Qualifier.Exact, 341, 341, 341)]
    [TestCase("300,000", Qualifier.Exact, 300000, 300000, 300000)]
    [TestCase("1,200", Qualifier.Exact, 1200, 1200, 1200)]
    [TestCase("1.2 million", Qualifier.Exact, 1200000, 1200000, 1200000)]
    [TestCase("15k", Qualifier.Exact, 15000, 15000, 15000)]
    [TestCase("2.5 thousand", Qualifier.Exact, 2500, 2500, 2500)]
    [TestCase("3 million", Qualifier.Exact, 3000000, 3000000, 3000000)]
    [TestCase("forty-four", Qualifier.Exact, 44, 44, 44)]
    [TestCase("Forty-four", Qualifier.Exact, 44, 44, 44)]
    [TestCase("a hundred", Qualifier.Exact, 100, 100, 100)]
    [TestCase("one hundred and twelve", Qualifier.Exact, 112, 112, 112)]
    [TestCase("two dozen", Qualifier.Exact, 24, 24, 24)]
    [TestCase("five", Qualifier.Exact, 5, 5, 5)]
    [TestCase("three hundred thousand", Qualifier.Exact, 300000, 300000, 300000)]
    [TestCase("twenty one", Qualifier.Exact, 21, 21, 21)]
    [TestCase("a thousand", Qualifier.Exact, 1000, 1000, 1000)]
    [TestCase("three thousand and one", Qualifier.Exact, 3001, 3001, 3001)]
    [TestCase("a thousand and forty-two", Qualifier.Exact, 1042, 1042, 1042)]
    [TestCase("two million and sixty", Qualifier.Exact, 2000060, 2000060, 2000060)]
    [TestCase("four hundred and nine thousand and seven", Qualifier.Exact, 409007, 409007, 409007)]
    public void Number_is_read_from_digits_and_words(string phrase, Qualifier qualifier, int value, int low, int high)
    {
        var quantity = Parser.Parse(phrase);

        Assert.That(quantity, Is.EqualTo(new Quantity(qualifier, value, low, high)));
    }

    [TestCase("at least 25", Qualifier.AtLeast, 25, 25, null)]
    [TestCase("no fewer than 25", Qualifier.AtLeast, 25, 25, null)]
    [TestCase("a minimum of 25", Qualifier.AtLeast, 25, 25, null)]
    [TestCase("not less than 25", Qualifier.AtLeast, 25, 25, null)]
    [TestCase("more than 341", Qualifier.MoreThan, 341, 342, null)]
    [TestCase("over 341", Qualifier.MoreThan, 341, 342, null)]
    [TestCase("upwards of 341", Qualifier.MoreThan, 341, 342, null)]
    [TestCase("in excess of 341", Qualifier.MoreThan, 341, 342, null)]
    [TestCase("up to 40", Qualifier.AtMost, 40, 0, 40)]
    [TestCase("as many as 40", Qualifier.AtMost, 40, 0, 40)]
    [TestCase("no more than 40", Qualifier.AtMost, 40, 0, 40)]
    [TestCase("a maximum of 40", Qualifier.AtMost, 40, 0, 40)]
    [TestCase("fewer than 50", Qualifier.LessThan, 50, 0, 49)]
    [TestCase("less than 50", Qualifier.LessThan, 50, 0, 49)]
    [TestCase("under 50", Qualifier.LessThan, 50, 0, 49)]
    [TestCase("nearly 100", Qualifier.Nearly, 100, 90, 99)]
    [TestCase("almost 100", Qualifier.Nearly, 100, 90, 99)]
    [TestCase("close to 100", Qualifier.Nearly, 100, 90, 99)]
    [TestCase("just under 100", Qualifier.Nearly, 100, 90, 99)]
    [TestCase("nearly 41", Qualifier.Nearly, 41, 37, 40)]
    [TestCase("about 100", Qualifier.About, 100, 90, 110)]
    [TestCase("around 100", Qualifier.About, 100, 90, 110)]
    [TestCase("some 100", Qualifier.About, 100, 90, 110)]
    [TestCase("roughly 100", Qualifier.About, 100, 90, 110)]
    [TestCase("approximately 100", Qualifier.About, 100, 90, 110)]
    [TestCase("an estimated 100", Qualifier.About, 100, 90, 110)]
    [TestCase("estimated 100", Qualifier.About, 100, 90, 110)]
    [TestCase("about 33", Qualifier.About, 33, 29, 37)]
    [TestCase("about a dozen", Qualifier.About, 12, 10, 14)]
    [TestCase("more than a dozen", Qualifier.MoreThan, 12, 13, null)]
    [TestCase("nearly 1.2 million", Qualifier.Nearly, 1200000, 1080000, 1199999)]
    public void Qualified_number_implies_bounds(string phrase, Qualifier qualifier, int value, int low, int? high)
    {
        var quantity = Parser.Parse(phrase);

        Assert.That(quantity, Is.EqualTo(new Quantity(qualifier, value, low, high)));
    }

    [TestCase("between 20 and 30", 20, 30)]
    [TestCase("20 to 30", 20, 30)]
    [TestCase("20-30", 20, 30)]
    [TestCase("20–30", 20, 30)]
    [TestCase("20 – 30", 20, 30)]
    [TestCase("between twenty and thirty", 20, 30)]
    [TestCase("between two hundred and three hundred", 200, 300)]
    [TestCase("between two thousand and five thousand", 2000, 5000)]
    [TestCase("between one thousand and eleven thousand", 1000, 11000)]
    [TestCase("between six hundred and nine hundred", 600, 900)]
    [TestCase("between nine hundred and one thousand", 900, 1000)]
    [TestCase("between eighty and a hundred", 80, 100)]
    [TestCase("1,000-1,500", 1000, 1500)]
    public void Range_has_its_ends_as_bounds_and_no_value(string phrase, int low, int high) =>
        Assert.That(Parser.Parse(phrase), Is.EqualTo(Quantity.Between(low, high)));

    [TestCase("dozens", 24, 99)]
    [TestCase("Tens of thousands", 20000, 99999)]
    [TestCase("hundreds of thousands", 200000, 999999)]
    [TestCase("millions", 2000000, 9999999)]
    [TestCase("a dozen", 12, 12)]
    [TestCase("several", 3, 9)]
    [TestCase("a handful", 2, 5)]
    public void Vague_words_take_their_bounds_from_the_lexicon(string phrase, int low, int high)
    {
        var quantity = Parser.Parse(phrase);

        Assert.That(quantity, Is.Not.Null);
        Assert.That((quantity!.Qualifier, quantity.Value, quantity.Low, quantity.High, quantity.Phrase),
            Is.EqualTo((Qualifier.Vague, (int?)null, low, (int?)high, phrase.ToLowerInvariant())));
    }

    [Test]
    public void Vague_bounds_come_from_the_lexicon_given_not_from_code()
    {
        var parser = new NumberParser([new("scores", 50, 80)]);

        Assert.That(parser.Parse("scores")?.Low, Is.EqualTo(50));
    }

    [TestCase("1,00,000")]
    [TestCase("999999999999")]
    [TestCase("12,34")]
    [TestCase("3,000,00")]
    [TestCase("2.5")]
    [TestCase("5 billion")]
    [TestCase("14th")]
    [TestCase("21st")]
    [TestCase("1990s")]
    [TestCase("seven-day")]
    [TestCase("12-year-old")]
    [TestCase("1.2.3")]
    [TestCase("first")]
    [TestCase("fifth")]
    [TestCase("")]
    [TestCase("people")]
    public void Malformed_huge_ordinal_and_adjective_numbers_are_not_quantities(string phrase) =>
        Assert.That(Parser.FindAll(phrase), Is.Empty);

    [TestCase("the 14th brigade lost 3 tanks", new[] { 3 })]
    [TestCase("a seven-day cease-fire", new int[0])]
    [TestCase("a 12-year-old boy and 4 others", new[] { 4 })]
    [TestCase("99999999999999999999999999999 people", new int[0])]
    public void Decoy_numbers_are_skipped_and_the_rest_still_read(string text, int[] values)
    {
        var found = Parser.FindAll(text).Select(m => m.Quantity.Value ?? -1);

        Assert.That(found, Is.EqualTo(values));
    }

    [Test]
    public void Mention_spans_cover_the_qualifier_and_the_number()
    {
        const string Text = "killed more than 341 people";

        var mention = Parser.FindAll(Text).Single();

        Assert.That(Text[mention.Span.Start..mention.Span.End], Is.EqualTo("more than 341"));
    }

    [TestCase("the toll rose to 52 from 38", new[] { 52, 38 })]
    [TestCase("killed 12 civilians and 3 soldiers", new[] { 12, 3 })]
    public void Every_number_in_a_sentence_is_found_in_order(string text, int[] values) =>
        Assert.That(Parser.FindAll(text).Select(m => m.Quantity.Value), Is.EqualTo(values.Select(v => (int?)v)));
}
