using Casualties.Domain.Extraction;
using Casualties.Domain.Model;

namespace Casualties.Domain.Tests.Extraction;

/// <summary>
/// Which country a document is about, on countries no seeded conflict covers: nationality words of every country (as
/// reference data), a heading that names a country, a dateline town; districts named without an article; a state's
/// forces on the government side; and a common noun that is no evidence of another country's body.
/// </summary>
[Property("Issue", "16")]
public sealed class DocumentCountryTests
{
    private static readonly DateOnly Day = new(2025, 4, 18);

    private static IReadOnlyList<Claim> Extract(string text) => new ClaimExtractor(TestData.Reference).Extract(text, Day);

    private static Claim Only(string text)
    {
        var claims = Extract(text);
        Assert.That(claims, Has.Count.EqualTo(1), "exactly one claim read");
        return claims[0];
    }

    private static string? CountryOf(Claim claim)
    {
        var gazetteer = TestData.Reference.Gazetteer;
        var key = claim.PlaceKey ?? claim.PlaceParentKey;
        return key is null || gazetteer.ByKey(key) is not { } place ? null : gazetteer.CountryOf(place).Key;
    }

    [Test]
    public void Every_country_of_the_gazetteer_has_its_nationality_word_as_data()
    {
        var demonyms = TestData.Reference.Demonyms;
        Assert.That(demonyms, Has.Count.GreaterThan(300));
        foreach (var (word, country) in new[] { ("Haitian", "haiti"), ("Colombians", "colombia"), ("South Sudanese", "south-sudan"), ("Sudanese", "sudan") })
        {
            Assert.That(demonyms.Where(d => d.Word == word).Select(d => d.Country), Is.EqualTo(new[] { country }), word);
        }
        Assert.That(demonyms.Select(d => d.Country).Where(c => TestData.Reference.Gazetteer.ByKey(c) is null), Is.Empty,
            "every demonym names a country of the gazetteer");
    }

    [TestCase("Armed men who stormed Gressier, a coastal commune west of the Haitian capital, killed at least nine people on Sunday, a rights group said.", "haiti")]
    [TestCase("At least nine Colombian soldiers were killed when rebels attacked a base in the hamlet of Puerto Jordan on Sunday, the army said.", "colombia")]
    [TestCase("Nine people were killed on Sunday in Bor, a town in Jonglei state, South Sudanese officials said.", "south-sudan")]
    public void A_nationality_word_places_a_village_of_an_unseeded_country(string text, string country)
    {
        var claim = Only(text);

        Assert.That(CountryOf(claim), Is.EqualTo(country));
    }

    [TestCase("HAITI: Ouest department - Situation Report No. 4\n\nAt least 14 people were killed in Gressier commune last week.")]
    [TestCase("HAITI - Flash update (as of 17 April 2025)\n\nAt least 14 people were killed in Gressier commune last week.")]
    public void A_heading_that_names_a_country_is_about_that_country(string text)
    {
        var claim = Only(text);

        Assert.That(claim.Place, Is.EqualTo("Gressier"));
        Assert.That(CountryOf(claim), Is.EqualTo("haiti"));
    }

    [TestCase("PORT-AU-PRINCE, April 17 (Wire) - Gunmen killed 14 people in Gressier, a commune on the coast, police said.")]
    [TestCase("Port-au-Prince, 17 April 2025 - Gunmen killed 14 people in Gressier, a commune on the coast, police said.")]
    public void A_dateline_town_only_the_generated_layer_knows_votes_for_its_country(string text)
    {
        var claim = Only(text);

        Assert.That(claim.Place, Is.EqualTo("Gressier"));
    }

    [TestCase("Mozambique: update\n\nAt least 12 civilians were killed this month in attacks on villages in Macomia district, officials said.", "Macomia")]
    [TestCase("Mozambique: update\n\nInsurgents killed 12 civilians across Chiure district in February, officials said.", "Chiúre")]
    public void A_district_named_without_an_article_is_a_place_of_its_own(string text, string place) =>
        Assert.That(Only(text).Place, Is.EqualTo(place));

    [TestCase("Mozambique: update\n\nThe governor said troops had killed 14 insurgents on Sunday.")]
    [TestCase("Mozambique: update\n\nPolice detained 14 protesters in Pemba on Sunday, a rights group said.")]
    [TestCase("Mozambique: update\n\nThe army said 14 insurgents were killed by security forces on Sunday.")]
    public void A_state_forces_word_is_the_government_side_where_no_seeded_conflict_is_fought(string text) =>
        Assert.That(Only(text).PerpetratorSide, Is.EqualTo("government"));

    [TestCase("Mozambique: update\n\nGunmen killed 14 villagers on Sunday, the governor said.")]
    public void Another_country_s_army_or_a_loose_word_gives_no_side(string text)
    {
        var claim = Only(text);

        Assert.That(claim.PerpetratorSide, Is.Null);
        Assert.That(claim.Perpetrator, Is.Not.EqualTo("Malian Armed Forces"));
    }

    [Test]
    public void Insurgents_killed_by_forces_of_no_seeded_war_fell_to_the_government_not_another_countrys_army()
    {
        var claim = Only("MOZAMBIQUE: update\n\nThe governor said the Defence and Security Forces had killed 14 insurgents.");

        Assert.That(claim.PerpetratorSide, Is.EqualTo("government"), "the armed men a state fights (UnnamedCivilWarSideTests)");
        Assert.That(claim.Perpetrator, Is.Not.EqualTo("Malian Armed Forces"));
    }

    [TestCase("The governor said soldiers had killed 14 insurgents in fighting in Mozambique over the weekend.")]
    [TestCase("The provincial government said 14 people had died in floods-related clashes in Mozambique on Sunday.")]
    [TestCase("Local authorities said 14 people were killed in Mozambique on Sunday.")]
    public void A_common_noun_opening_a_sentence_is_no_body_of_another_country(string text)
    {
        var claim = Only(text);

        Assert.That(claim.Source, Is.Not.EqualTo("Congolese government"));
        Assert.That(claim.Place, Is.EqualTo("Mozambique"));
    }

    [Test]
    public void Two_states_forces_named_by_nationality_are_each_their_own_side()
    {
        var claims = Extract("""
            Border clashes

            Four Thai soldiers were killed by Cambodian artillery fire near the Ta Muen temple on Thursday, the Thai army said.
            Thai air strikes killed nine Cambodian troops on Friday, Cambodia's defence ministry said.
            """);

        Assert.That(claims.Select(c => c.PerpetratorSide), Is.EqualTo(new[] { "cambodia", "thailand" }));
    }

    [TestCase("Colombia: update\n\nColombian troops killed six rebels in a raid on Sunday, the army said.")]
    [TestCase("Colombia: update\n\nSix rebels died in Colombian air strikes on Sunday, the army said.")]
    public void A_state_s_own_forces_by_nationality_are_the_government_side(string text) =>
        Assert.That(Only(text).PerpetratorSide, Is.EqualTo("government"));

    [TestCase("Colombia: update\n\nSix Colombian soldiers were killed in Colombian crossfire on Sunday, the army said.")]
    public void Soldiers_are_not_killed_by_their_own_state_s_side(string text) => Assert.That(Only(text).PerpetratorSide, Is.Null);

    [TestCase("A roadside bomb hit a paramilitary ranger patrol in Tak Bai district of Narathiwat on Sunday. Troops later killed three suspected insurgents in a clash near Yarang, the army said.")]
    [TestCase("Paramilitary rangers were ambushed near Rueso in Narathiwat on Sunday. Soldiers later killed three suspected insurgents in a clash, the army said.")]
    public void A_common_noun_one_wars_reference_data_gives_a_party_is_no_evidence_of_that_war(string text)
    {
        var claims = Extract(text);

        Assert.That(claims, Is.Not.Empty);
        Assert.That(claims.Select(c => c.PerpetratorSide), Has.None.EqualTo("saf").And.None.EqualTo("rsf"), "'paramilitary' is the RSF's word in Sudan's war, not a sign of it");
        Assert.That(claims.Select(c => c.Source), Has.None.EqualTo("Sudanese Armed Forces"));
    }
}
