using Casualties.Domain.Model;

namespace Casualties.Domain.Tests.Extraction;

/// <summary>
/// Small places in the words local copy uses for them: a unit's title before its name ("Barangay X"), a camp with a
/// modifier ("X displacement camp"), a place just outside a town, a sentence that opens with "In X,", and a division whose
/// name only one country has, on a text that has not named its country yet.
/// </summary>
[Property("Issue", "16")]
public sealed class LocalPlaceTests
{
    private static readonly DateOnly Day = new(2025, 4, 18);

    private static Claim Only(string text) => TestData.OnlyClaim(text, Day);

    [TestCase("Shelling hit the Kalma displacement camp outside Nyala on Sunday, killing nine people, a volunteer group said.", "Kalma")]
    [TestCase("Shelling on the Kalma displacement camp outside Nyala killed nine people on Sunday, a volunteer group said.", "Kalma")]
    [TestCase("Nine people were killed when shells struck the Kalma refugee camp in South Darfur on Sunday, medics said.", "Kalma")]
    [TestCase("Drone strikes on the Zamzam camp outside El Fasher killed 11 people on Monday, medics said.", "Zamzam Camp")]
    [TestCase("Medics said 11 people died when drones hit Zamzam camp, outside El Fasher, on Monday.", "Zamzam Camp")]
    public void A_camp_with_a_modifier_outside_a_town_is_the_camp(string text, string place) =>
        Assert.That(Only(text).Place, Is.EqualTo(place));

    [TestCase("Philippines: update\n\nSoldiers clashed with militants in Barangay Kauran on Sunday, killing four villagers, the army said.", "Kauran")]
    [TestCase("Philippines: update\n\nFour villagers were killed on Sunday in Barangay Kauran, the army said.", "Kauran")]
    public void A_unit_title_before_a_name_is_no_part_of_it(string text, string place)
    {
        var claim = Only(text);

        Assert.That(claim.Place, Is.EqualTo(place));
    }

    [TestCase("Haiti update\n\nIn Gressier, some 4,000 people have fled since March, the IOM said.", "Gressier")]
    [TestCase("Haiti update\n\nNear Gressier, gunmen killed four farmers on Sunday, police said.", "Gressier")]
    public void A_sentence_that_opens_with_a_preposition_names_a_place(string text, string place) =>
        Assert.That(Only(text).Place, Is.EqualTo(place));

    [TestCase("Gunmen killed 12 villagers in Jonglei on Sunday, officials said.", "Jonglei", "south-sudan")]
    [TestCase("Twelve people were shot dead across Manipur over the weekend, police said.", "Manipur", "india")]
    [TestCase("At least 12 people were killed in attacks in Haut-Mbomou last week, a rights group said.", "Haut-Mbomou", "central-african-republic")]
    public void A_division_only_one_country_has_tells_the_country(string text, string place, string country)
    {
        var claim = Only(text);

        Assert.That(claim.Place, Is.EqualTo(place));
        var gazetteer = TestData.Reference.Gazetteer;
        Assert.That(gazetteer.CountryOf(gazetteer.ByKey(claim.PlaceKey!)!).Key, Is.EqualTo(country));
    }

    [Test]
    public void A_division_name_that_several_countries_have_is_no_country_s()
    {
        // "Central" is a first-level division of several countries: on a text with no country it is none of them.
        var claim = Only("Twelve people were killed in Central on Sunday, police said.");

        Assert.That(claim.PlaceKey, Is.Null);
    }
}
