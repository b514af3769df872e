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

    [TestCase("BOGOTA, Colombia (Wire) - The offensive of the National Liberation Army (ELN) in Tibú has left at least 80 people dead, the ombudsman said. "
        + "ELN combatants killed 12 people in Tibú on Thursday, the ombudsman said.", "National Liberation Army")]
    [TestCase("MAPUTO, Mozambique (Wire) - Fighters of the Niassa Resistance Movement killed 12 villagers near Lichinga on Thursday, local officials said.", "Niassa Resistance Movement")]
    [TestCase("QUETTA, Pakistan (Wire) - The Balochistan Liberation Front attacked a convoy on Thursday, killing 12 soldiers, officials said.", "Balochistan Liberation Front")]
    public void An_armed_group_the_seeds_lack_is_kept_by_its_name_on_the_opposition_side(string text, string name)
    {
        var claims = TestData.Extract(text, Day);

        Assert.That(claims, Is.Not.Empty);
        Assert.That(claims.Select(c => c.Perpetrator), Is.All.EqualTo(name));
        Assert.That(claims.Select(c => c.PerpetratorSide), Is.All.EqualTo("opposition"));
    }

    [TestCase("BANGKOK, Thailand (Wire) - Thailand's Second Army Region said its troops killed 12 attackers near Surin on Thursday.")]
    [TestCase("BOGOTA, Colombia (Wire) - The Colombian National Army said its soldiers killed 12 guerrillas in Tibú on Thursday.")]
    [TestCase("MANILA, Philippines (Wire) - The 3rd Infantry Division Army said its soldiers killed 12 rebels in Negros on Thursday.")]
    public void A_unit_of_the_states_own_forces_is_no_armed_group(string text)
    {
        var claims = TestData.Extract(text, Day);

        Assert.That(claims.Select(c => c.PerpetratorSide), Is.All.Not.EqualTo("opposition"));
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
