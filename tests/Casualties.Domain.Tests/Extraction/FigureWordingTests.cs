using Casualties.Domain.Model;

namespace Casualties.Domain.Tests.Extraction;

/// <summary>
/// Wordings of figures that published reports use and the reader missed: a toll broken down with "comprising", abductions
/// and injuries counted as nouns ("605 abductions", "62 persons sustained injuries"), tolls in lives ("claimed three lives",
/// but "saved 14 lives" is none), local words for fighters ("jawans", "Naxals"), and an age that is no count ("children as
/// young as 11"), and an armed group's name as the noun ("12 Taliban were killed"). Places and names are made up.
/// </summary>
[Property("Issue", "16")]
public sealed class FigureWordingTests
{
    private static readonly DateOnly Day = new(2024, 2, 1);

    private static IReadOnlyList<Claim> Claims(string text) => TestData.Extract(text, Day);

    private static IEnumerable<(Outcome, string, int)> Figures(string text) => Claims(text).Select(c => (c.Outcome, c.Victims, c.Quantity.Low));

    [TestCase("The year saw 231 killings, comprising 22 civilians, 74 security personnel and 135 militants, the monitor said.")]
    [TestCase("The year saw 231 killings, consisting of 22 civilians, 74 security personnel and 135 militants, the monitor said.")]
    [TestCase("The year saw 231 killings, which included 22 civilians, 74 security personnel and 135 militants, the monitor said.")]
    public void A_toll_broken_down_is_the_whole_and_its_parts(string text)
    {
        var claims = Claims(text);

        Assert.That(claims.Select(c => (c.Victims, c.Quantity.Low)), Is.EquivalentTo(new[]
        {
            (VictimGroups.People, 231), (VictimGroups.Civilians, 22), (VictimGroups.Combatants, 74), (VictimGroups.Combatants, 135),
        }));
        Assert.That(claims.Skip(1).Select(c => c.Parent), Is.All.EqualTo(0));
    }

    [TestCase("Some 605 abductions took place across Kwara state in January, the report said.", Outcome.Detained, 544)]
    [TestCase("The monitor recorded 605 kidnappings in Kwara state in January.", Outcome.Detained, 605)]
    [TestCase("In the attack on Dogon Ruwa, 62 persons sustained injuries, police said.", Outcome.Injured, 62)]
    [TestCase("Twelve villagers suffered gunshot wounds in the attack on Dogon Ruwa, police said.", Outcome.Injured, 12)]
    [TestCase("Clashes in the Mbulula area claimed three lives on Monday, local officials said.", Outcome.Killed, 3)]
    public void A_figure_counted_by_its_outcome_noun_is_read(string text, Outcome outcome, int low) =>
        Assert.That(Claims(text).Select(c => (c.Outcome, c.Quantity.Low)), Has.Member((outcome, low)));

    // "Saved 14 lives" and "as old as 80" are guards (the starting code read no lives and no age there).
    [TestCase("Rescuers saved 14 lives in Mbulula on Monday, local officials said.")]
    [TestCase("Children as young as 11 are being beheaded in Mbulula, a charity said.")]
    [TestCase("Men as old as 80 were forced to carry loads, a charity said.")]
    public void Lives_saved_and_ages_are_no_figures(string text) => Assert.That(Claims(text), Is.Empty);

    [Test]
    public void Local_words_for_fighters_count_combatants()
    {
        var figures = Figures("At least five jawans were killed in an encounter with Naxals in Bijapur district on Monday, police said, "
            + "adding that 20 others had been injured. Nine Naxals were also killed, police said.");

        Assert.That(figures, Is.EquivalentTo(new[]
        {
            (Outcome.Killed, VictimGroups.Combatants, 5), (Outcome.Injured, VictimGroups.Combatants, 20), (Outcome.Killed, VictimGroups.Combatants, 9),
        }));
    }

    [TestCase("KABUL, Afghanistan (Wire) - Also, 12 Taliban were killed and 18 wounded in Ghazni, police said.", "taliban")]
    [TestCase("MOGADISHU, Somalia (Wire) - Troops killed 12 al-Shabaab near Afgooye on Thursday, the army said.", "al-shabaab")]
    public void An_armed_groups_name_as_the_noun_counts_its_fighters(string text, string side)
    {
        var claim = Claims(text).First();

        Assert.That((claim.Victims, claim.Quantity.Low, claim.VictimSide), Is.EqualTo((VictimGroups.Combatants, 12, side)));
    }

    [TestCase("In 2019, killings in the valley soared to 231, the police data shows.", Outcome.Killed, 231)]
    [TestCase("Deaths climbed to 52 by Monday in the valley, officials said.", Outcome.Killed, 52)]
    [TestCase("Abductions in the state reached 605 in January, the monitor said.", Outcome.Detained, 605)]
    public void A_tally_headed_by_its_outcome_noun_is_read(string text, Outcome outcome, int low) =>
        Assert.That(Claims(text).Select(c => (c.Outcome, c.Quantity.Low)), Has.Member((outcome, low)));

    /// <summary>Guards: an outcome noun does not make a later number a tally ("in the eleven municipalities", "to the 7 Division").</summary>
    [TestCase("In 2024, the network documented 112 homicides in the eleven municipalities of the region.", 11)]
    [TestCase("Five soldiers died while 12 others sustained injuries and were evacuated to the 7 Division hospital, the army said.", 7)]
    public void An_outcome_noun_makes_no_later_number_a_tally(string text, int notAFigure) =>
        Assert.That(Claims(text).Select(c => c.Quantity.Low), Has.No.Member(notAFigure));
}
