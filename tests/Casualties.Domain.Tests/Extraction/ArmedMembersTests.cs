using Casualties.Domain.Model;

namespace Casualties.Domain.Tests.Extraction;

/// <summary>
/// Figures as press releases and monitors' bulletins write them: "312 members of the extremist force" are fighters (members
/// of a family or a party are not), and a word about the cause may stand between a figure and its noun ("612
/// conflict-related fatalities"). Groups and places here are made up.
/// </summary>
[Property("Issue", "16")]
public sealed class ArmedMembersTests
{
    private static readonly DateOnly Day = new(2026, 8, 21);

    private static Claim Only(string text) => TestData.OnlyClaim(text, Day);

    [TestCase("Our gallant forces neutralised 312 members of the extremist force in the Amhara region.", Outcome.Killed)]
    [TestCase("A further 312 members of the group were captured alive with their weapons.", Outcome.Detained)]
    [TestCase("Troops killed 312 members of an armed gang near Wadla on Sunday.", Outcome.Killed)]
    [TestCase("The raid left 312 members of the Zarkan militia dead, the army said.", Outcome.Killed)]
    public void Members_of_an_armed_body_are_combatants(string text, Outcome outcome)
    {
        var claim = Only(text);

        Assert.That(claim.Outcome, Is.EqualTo(outcome));
        Assert.That(claim.Victims, Is.EqualTo("combatants"));
        Assert.That(claim.Quantity.Low, Is.EqualTo(312));
    }

    [TestCase("Gunmen killed 4 members of the same family in Wadla on Sunday.")]
    public void Members_of_a_family_are_not_combatants(string text)
        => Assert.That(Only(text).Victims, Is.Not.EqualTo("combatants"));

    [TestCase("The monitor recorded 612 conflict-related fatalities in Burkina Faso in October.")]
    [TestCase("The monitor recorded 612 violence-related deaths in Burkina Faso in October.")]
    public void A_word_about_the_cause_between_figure_and_noun_keeps_the_claim(string text)
    {
        var claim = Only(text);

        Assert.That(claim.Outcome, Is.EqualTo(Outcome.Killed));
        Assert.That(claim.Quantity.Low, Is.EqualTo(612));
    }
}
