namespace Casualties.Domain.Tests.Extraction;

/// <summary>
/// A figure over several places joined by "and" is about the smallest place that holds them all (domain.md: the unit
/// that contains both), not the first one named; a place named beside the one that holds it is an apposition, not a list.
/// </summary>
[Property("Issue", "16")]
public sealed class CoordinatedPlaceTests
{
    private static readonly DateOnly Friday = new(2024, 3, 15);

    [TestCase("Israeli strikes killed 40 people in Jabalia and Beit Lahia on Thursday, the Gaza Health Ministry said.", "North Gaza Governorate")]
    [TestCase("Shelling killed 12 civilians in the Shujaiya and Zeitoun neighbourhoods on Thursday, the Gaza Health Ministry said.", "Gaza City")]
    [TestCase("Israeli strikes on Khan Younis, Rafah and Deir al-Balah killed 60 people on Thursday, the Gaza Health Ministry said.", "Gaza Strip")]
    [TestCase("The Gaza Health Ministry said 25 people were killed overnight in Rafah or Khan Younis.", "Gaza Strip")]
    public void A_figure_over_several_places_is_the_place_that_holds_them(string text, string place) =>
        Assert.That(TestData.OnlyClaim(text, Friday).Place, Is.EqualTo(place));

    [TestCase("Israeli strikes killed 40 people in Jabalia, North Gaza, on Thursday, the Gaza Health Ministry said.", "Jabalia")]
    [TestCase("Israeli strikes killed 40 people in Jabalia on Thursday, and medics in Beit Lahia treated the wounded, the Gaza Health Ministry said.", "Jabalia")]
    public void A_place_beside_the_one_that_holds_it_or_in_another_clause_is_no_list(string text, string place) =>
        Assert.That(TestData.OnlyClaim(text, Friday).Place, Is.EqualTo(place));
}
