using Casualties.Domain.Model;

namespace Casualties.Domain.Tests.Extraction;

/// <summary>
/// The state as agent and as source where the seeds say little: an arrest by police or troops is the government side's;
/// an arrest by no one named is the state's too (session 13); a kidnapping gives no side; the word after a dateline's dash is capitalised as any
/// sentence's first word is, so "Police officers" is no proper name of another country's police; and "the army" of a
/// text about one state is never a neighbour's army because both fight one insurgency.
/// </summary>
[Property("Issue", "16")]
public sealed class StateAgentTests
{
    private static readonly DateOnly Day = new(2025, 10, 8);

    private static Claim Only(string text) => TestData.OnlyClaim(text, Day);

    [TestCase("GARISSA, Kenya (Wire) - Police detained three journalists at a roadblock in Mokowe on Monday, a union said.")]
    [TestCase("GARISSA, Kenya (Wire) - Eleven men arrested by soldiers in Mokowe on 28 April remain unaccounted for, a rights group said.")]
    [TestCase("PORT-AU-PRINCE, Haiti (Wire) - Officers had arrested six men suspected of acting as lookouts for the gangs during a sweep of Kenscoff on Thursday, a police spokesman said.")]
    [TestCase("GUAYAQUIL, Ecuador (Wire) - Security forces apprehended 18 people suspected of belonging to a gang in raids in Duran on Sunday, a government statement said.")]
    [TestCase("BAMENDA, Cameroon (Wire) - Soldiers arrested 23 young men in Kumbo suspected of supplying food to separatist fighters, a local official said.")]
    public void An_arrest_by_police_or_troops_is_the_government_sides(string text)
    {
        var claim = Only(text);

        Assert.That(claim.Outcome, Is.EqualTo(Outcome.Detained));
        Assert.That(claim.PerpetratorSide, Is.EqualTo("government"));
    }

    // Session 13: an arrest with no one named was left without a side (unknown beats wrong); five corpora written apart read
    // it as the state's, as the word says (only a state arrests: armed groups abduct, kidnap or capture).
    [TestCase("GARISSA, Kenya (Wire) - Eleven men were arrested in Mokowe on Monday, a rights group said.")]
    [TestCase("CUCUTA, Colombia (Wire) - Twelve people have been arrested in Ocana since Saturday on suspicion of links to armed groups, prosecutors said.")]
    [TestCase("QUETTA, Pakistan (Wire) - Forty suspects have been detained in search operations across Mastung district, the interior ministry said.")]
    [TestCase("BAMENDA, Cameroon (Wire) - The rights group said it was concerned about the arrest of at least 40 people in Bamenda during the celebrations.")]
    public void An_arrest_with_no_one_named_is_the_states(string text)
    {
        var claim = Only(text);

        Assert.That(claim.Outcome, Is.EqualTo(Outcome.Detained));
        Assert.That(claim.PerpetratorSide, Is.EqualTo("government"));
    }

    [TestCase("GARISSA, Kenya (Wire) - Gunmen kidnapped eleven men in Mokowe on Monday, a rights group said.")]
    [TestCase("PORT-AU-PRINCE, Haiti (Wire) - Gang members abducted six aid workers in Kenscoff on Thursday, a rights group said.")]
    [TestCase("PORT-AU-PRINCE, Haiti (Wire) - Six aid workers were abducted and held as hostages in Kenscoff on Thursday, a rights group said.")]
    public void A_kidnapping_gives_no_government_side(string text) =>
        Assert.That(Only(text).PerpetratorSide, Is.Not.EqualTo("government"));

    [TestCase("PORT-AU-PRINCE, Haiti (Wire) - Police officers arrested six men in Kenscoff on Thursday, a police spokesman said.")]
    [TestCase("PORT-AU-PRINCE, Haiti (Wire) - Police officers arrested six men on Thursday, a police spokesman said.")]
    [TestCase("CAP-HAITIEN, Haiti (Wire) - Police officers said six men were arrested on Thursday.")]
    public void A_capitalised_word_after_a_datelines_dash_names_no_other_countrys_body(string text)
    {
        var source = Only(text).Source;

        Assert.That(source, Is.Not.Null);
        Assert.That(source, Does.Not.Contain("Somali").And.Not.Contain("Kenyan").And.Not.Contain("Israel").And.Not.Contain("Nigeria")
            .And.Not.Contain("Afghan"));
    }

    [TestCase("BAMENDA, Cameroon (Wire) - Separatist fighters killed seven soldiers in an ambush near Kumbo on Monday, the army said.")]
    [TestCase("MAROUA, Cameroon (Wire) - The army said 12 civilians were killed in an attack on Kolofata on Sunday.")]
    public void The_army_of_a_text_about_one_state_is_not_a_co_belligerents(string text) =>
        Assert.That(Only(text).Source, Is.Null.Or.Not.Contains("Niger").And.Not.Contains("Chad"));
}
