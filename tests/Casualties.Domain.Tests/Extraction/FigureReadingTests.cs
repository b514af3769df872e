using Casualties.Domain.Model;

namespace Casualties.Domain.Tests.Extraction;

/// <summary>
/// Figures whose outcome stands past words the reader used to stop at: a unit or a place after "of" ("four soldiers of
/// the 51st Battalion lost their lives", "600 residents of Tarikwe had fled"), "violent deaths", and "neutralised".
/// </summary>
[Property("Issue", "16")]
public sealed class FigureReadingTests
{
    private static readonly DateOnly Day = new(2025, 10, 8);

    private static Claim Only(string text) => TestData.OnlyClaim(text, Day);

    [TestCase("The army said four soldiers of the 51st Infantry Battalion lost their lives in the fighting on Monday.", Outcome.Killed, 4)]
    [TestCase("The army said three soldiers of the 3rd Mechanised Brigade were wounded in the ambush on Monday.", Outcome.Injured, 3)]
    [TestCase("Nearly 600 residents of Tarikwe had fled to the district capital since Sunday, the Red Cross said.", Outcome.Displaced, 540)]
    [TestCase("Some 1,200 inhabitants of Upper Kavumbe have fled their homes since the clashes began, officials said.", Outcome.Displaced, 1080)]
    [TestCase("The commission recorded 74 violent deaths in the county in 2024, it said.", Outcome.Killed, 74)]
    [TestCase("The army said 12 militants were neutralised in the operation on Monday.", Outcome.Killed, 12)]
    [TestCase("The army said troops had killed all 7 attackers in the clash near Kabuyi on Monday.", Outcome.Killed, 7)]
    [TestCase("The blast wounded all four passengers of the minibus on Monday, police said.", Outcome.Injured, 4)]
    [TestCase("More than 20,000 people in four border provinces have been evacuated since Thursday, the ministry said.", Outcome.Displaced, 20001)]
    [TestCase("About 3,000 residents of the affected villages have fled since the weekend, officials said.", Outcome.Displaced, 2700)]
    [TestCase("Some 400 people in the area were wounded in the shelling on Monday, medics said.", Outcome.Injured, 360)]
    public void The_outcome_is_read_past_a_unit_or_a_place(string text, Outcome outcome, int low)
    {
        var claim = Only(text);

        Assert.That(claim.Outcome, Is.EqualTo(outcome));
        Assert.That(claim.Quantity.Low, Is.EqualTo(low));
    }

    [TestCase("Gunmen attacked the village of Nkalo on Tuesday night, beheading at least 11 civilians, the district administrator said.")]
    [TestCase("Militiamen raided the camp at dawn, slaughtering 11 civilians, a local official said.")]
    [TestCase("Attackers on motorbikes stormed the market, gunning down 11 civilians, residents said.")]
    public void A_gerund_of_killing_governs_its_figure(string text)
    {
        var claim = Only(text);
        Assert.That(claim.Outcome, Is.EqualTo(Outcome.Killed));
        Assert.That(claim.Victims, Is.EqualTo("civilians"));
    }

    [Test]
    public void One_who_lost_his_life_and_others_after_him_are_his_kind()
    {
        var claims = TestData.Extract("KUMBA (Wire) - One soldier lost his life and two others were slightly wounded in Bakundu on Monday, the army said.", Day);

        Assert.That(claims.Select(c => (c.Outcome, c.Victims, c.Quantity.Low)),
            Is.EqualTo(new[] { (Outcome.Killed, "combatants", 1), (Outcome.Injured, "combatants", 2) }));
    }

    [Test]
    public void Members_of_a_body_named_by_initials_are_combatants()
    {
        var claims = TestData.Extract("TIBU (Wire) - Troops captured 4 XRL members and killed 2 in an operation on Sunday, the army said.", Day);

        Assert.That(claims.Select(c => (c.Outcome, c.Victims, c.Quantity.Low)),
            Is.EqualTo(new[] { (Outcome.Detained, "combatants", 4), (Outcome.Killed, "combatants", 2) }));
    }

    [Test]
    public void Members_of_a_known_source_named_by_initials_are_no_combatants()
        => Assert.That(TestData.Extract("TIBU (Wire) - Gunmen abducted 4 MSF members near the river on Sunday, the army said.", Day).Where(c => c.Victims == "combatants"),
            Is.Empty);

    [TestCase("The health ministry said the civilian death toll now stands at 15.", "civilians")]
    [TestCase("The death toll among children rose to 15, the health ministry said.", "children")]
    [TestCase("The death toll rose to 15, the health ministry said.", "people")]
    public void A_tally_counts_whom_its_noun_names(string text, string victims)
        => Assert.That(Only(text).Victims, Is.EqualTo(victims));
}
