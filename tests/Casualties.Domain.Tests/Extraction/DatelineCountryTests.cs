using Casualties.Domain.Model;

namespace Casualties.Domain.Tests.Extraction;

/// <summary>
/// A wire story filed from a country no seeded conflict is fought in, whose name the reference data also lets stand for
/// that country's troops in another war ("Uganda" for Ugandan forces in DR Congo, "Burundi" likewise): the name is the
/// place, not a vote for the other war, so no body of that war is credited; and an office that opens a sentence
/// ("Police said") is the office as written.
/// </summary>
[Property("Issue", "16")]
public sealed class DatelineCountryTests
{
    private static readonly DateOnly Day = new(2025, 10, 8);

    private static Claim Only(string text) => TestData.OnlyClaim(text, Day);

    [TestCase("GULU, Uganda (Reuters) - The army said five soldiers were killed in an ambush near Gulu on Tuesday.", "Gulu")]
    [TestCase("LIRA, Uganda — The army said five soldiers were killed in an ambush near Lira on Tuesday.", "Lira")]
    [TestCase("KAMPALA, Uganda, Oct 8 (Wire) - Five soldiers were killed in an ambush near Gulu on Tuesday, the army said.", "Gulu")]
    [TestCase("GITEGA, Burundi (Wire) - The army said five soldiers were killed in an attack on a post in Gitega on Tuesday.", "Gitega")]
    public void A_dateline_country_that_is_also_a_party_elsewhere_is_the_place_not_that_war(string text, string place)
    {
        var claim = Only(text);

        Assert.That(claim.Place, Is.EqualTo(place));
        Assert.That(claim.Source, Is.EqualTo("army"), "the army of no seeded war: the office as written");
        // Not a side of the war the country takes part in elsewhere: its own civil war's (UnnamedCivilWarSideTests).
        Assert.That(claim.PerpetratorSide, Is.EqualTo("opposition"));
        Assert.That(claim.Perpetrator, Is.Null);
    }

    [TestCase("Police said five people were killed in Gulu, Uganda, on Tuesday.", "police")]
    [TestCase("GULU, Uganda — Police said five people were killed in Gulu on Tuesday.", "police")]
    [TestCase("NAIROBI, Kenya (Wire) - Police said five people were killed in Kibera on Tuesday.", "Kenyan police")]
    public void An_office_that_opens_a_sentence_is_the_office(string text, string source) =>
        Assert.That(Only(text).Source, Is.EqualTo(source), "the office as written, or the country's body the reference data knows");

    [Test]
    public void A_spaced_dash_is_no_part_of_the_speakers_name()
    {
        var claim = Only("KAMPALA (Wire) - Uganda Red Cross Society said five people were injured in Gulu on Tuesday.");

        Assert.That(claim.Source, Does.Not.Contain("-").And.Not.Contain("Wire"));
    }
}
