using Casualties.Domain.Extraction;
using Casualties.Domain.Model;

namespace Casualties.Domain.Tests.Extraction;

/// <summary>
/// Thousands grouped by a space ("50 000", "1 442 000"), as French, South African and UN texts write them, or by a no-break
/// or thin space: one number, read whole (it was read as its last group, "50 000" as 0 and "1 200" as 200); two numbers
/// that only stand side by side ("In 2019 300 people") stay two.
/// </summary>
[Property("Issue", "16")]
public sealed class SpaceGroupedNumberTests
{
    private static readonly NumberParser Parser = new(NumberParser.DefaultLexicon);

    [TestCase("50 000", 50000)]
    [TestCase("1 442 000", 1442000)]
    [TestCase("55\u00A0000", 55000)]
    [TestCase("118\u202F870", 118870)]
    [TestCase("2\u2009500", 2500)]
    public void A_number_grouped_by_spaces_is_one_number(string phrase, int value) =>
        Assert.That(Parser.Parse(phrase), Is.EqualTo(new Quantity(Qualifier.Exact, value, value, value)));

    [TestCase("over 50 000 people were displaced from Rutshuru", Outcome.Displaced, 50001, null)]
    [TestCase("More than 1 200 people were killed in the attacks", Outcome.Killed, 1201, null)]
    [TestCase("Another 55 000 people fled from the fighting", Outcome.Displaced, 55000, 55000)]
    public void A_figure_grouped_by_spaces_is_read_whole(string sentence, Outcome outcome, int low, int? high)
    {
        var claim = TestData.OnlyClaim(sentence + ", officials said.", new DateOnly(2022, 6, 1));

        Assert.That((claim.Outcome, claim.Quantity.Low, claim.Quantity.High), Is.EqualTo((outcome, low, high)));
    }

    // Guards.
    [TestCase("In 2019 300 people were killed in the district, officials said.", 300)]
    [TestCase("In 2019, 300 people were killed in the district, officials said.", 300)]
    public void Numbers_that_only_stand_side_by_side_stay_apart(string sentence, int low) =>
        Assert.That(TestData.Extract(sentence, new DateOnly(2022, 6, 1)).Select(c => c.Quantity.Low), Has.Some.EqualTo(low));
}
