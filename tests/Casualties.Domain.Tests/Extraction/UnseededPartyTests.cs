using Casualties.Domain.Model;

namespace Casualties.Domain.Tests.Extraction;

/// <summary>
/// Sides in a civil war no seeded conflict covers (domain.md: <c>government</c> and <c>opposition</c>): rebels,
/// insurgents, separatists and guerrillas are the opposition; armed gangs are <c>gangs</c>. Only where the country is
/// known and no seeded war is fought there; "gunmen" stay unknown; a seeded war's own words still decide there.
/// </summary>
[Property("Issue", "16")]
public sealed class UnseededPartyTests
{
    private static readonly DateOnly Day = new(2025, 10, 8);

    private static Claim Only(string text) => TestData.OnlyClaim(text, Day);

    [TestCase("Rebels killed seven civilians in Rubkona, South Sudan, on Tuesday, local officials said.")]
    [TestCase("Insurgents beheaded four villagers near Mocímboa da Praia in Mozambique's Cabo Delgado province on Monday.")]
    [TestCase("Armed separatists shot dead three teachers in Rueso district of Narathiwat province, Thailand, on Sunday.")]
    [TestCase("Guerrillas killed five farmers in a village of Tibú municipality in Colombia on Saturday.")]
    public void A_rebel_word_in_a_war_no_seed_covers_is_the_opposition(string text)
    {
        var claim = Only(text);

        Assert.That(claim.PerpetratorSide, Is.EqualTo("opposition"));
    }

    [TestCase("Gang members killed at least 12 people in Kenscoff, Haiti, on Tuesday, police said.")]
    [TestCase("Armed gangs shot dead nine residents of a district of Port-au-Prince in Haiti overnight.")]
    [TestCase("Gangsters killed six inmates in a prison riot in Guayaquil, Ecuador, on Friday.")]
    public void Armed_gangs_are_a_side_of_their_own(string text) => Assert.That(Only(text).PerpetratorSide, Is.EqualTo("gangs"));

    [Test]
    public void Fighters_killed_by_troops_are_the_oppositions_and_the_troops_the_governments()
    {
        var claim = Only("Troops killed 14 insurgents near Mocímboa da Praia in Mozambique on Tuesday, the army said.");

        Assert.That(claim.Victims, Is.EqualTo(VictimGroups.Combatants));
        Assert.That(claim.VictimSide, Is.EqualTo("opposition"));
        Assert.That(claim.PerpetratorSide, Is.EqualTo("government"));
    }

    [TestCase("Gunmen killed seven civilians in Rubkona, South Sudan, on Tuesday, local officials said.")]
    [TestCase("Rebels killed seven civilians in a village on Tuesday, local officials said.")]
    public void Gunmen_or_a_country_nobody_named_give_no_side(string text) => Assert.That(Only(text).PerpetratorSide, Is.Null);

    [Test]
    public void In_a_seeded_war_the_reference_datas_own_words_decide()
    {
        var claim = Only("Rebels shelled a market in Taiz, Yemen, on Tuesday, killing eight civilians, medics said.");

        Assert.That(claim.PerpetratorSide, Is.EqualTo("houthi"));
    }
}
