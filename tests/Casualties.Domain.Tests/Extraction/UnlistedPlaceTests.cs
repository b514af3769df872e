using Casualties.Domain.Model;

namespace Casualties.Domain.Tests.Extraction;

/// <summary>
/// Villages no gazetteer layer lists (the names here are made up and in no layer), in the phrasings wire copy gives them
/// (and camps the curated layer knows, beside the town they lie at the edge of):
/// the place is the name as written, never the dateline's country or town; and a speaker's title written with capitals
/// ("Superintendent of Police") is no part of the speaker's name.
/// </summary>
[Property("Issue", "16")]
public sealed class UnlistedPlaceTests
{
    private static readonly DateOnly Day = new(2025, 10, 8);

    private static IReadOnlyList<Claim> Claims(string text) => TestData.Extract(text, Day);

    [TestCase("GARISSA, Kenya, Oct 8 (Wire) - Four people, including two teachers working for a local charity, were killed near Kavumbe village on Sunday, police said.", "Kavumbe")]
    [TestCase("NAIROBI, Kenya, 8 October 2025 (Wire) — Six people, among them three children from one family, died when gunmen attacked Lumbazi village on Monday, the Kenya Red Cross said.", "Lumbazi")]
    [TestCase("GARISSA, Kenya, Oct. 8 — Five people, two of them women selling vegetables at a roadside stall, were killed near Tarikwe village on Tuesday, police said.", "Tarikwe")]
    public void A_dated_dateline_country_is_not_the_place_of_the_figures(string text, string place)
    {
        var claims = Claims(text);

        Assert.That(claims, Is.Not.Empty);
        Assert.That(claims.Select(c => c.Place), Is.All.EqualTo(place), "the dateline (city, country, date) says where the story was filed");
    }

    [TestCase("GARISSA, Kenya (Wire) - Eleven men arrested by soldiers in Tarikwe, the capital of Ndolwa district, on 28 September remain missing, a rights group said.", "Tarikwe")]
    [TestCase("GARISSA, Kenya (Wire) - Police said eight people were killed in Mabokoto, the seat of Ndolwa district, on Monday.", "Mabokoto")]
    [TestCase("GARISSA, Kenya (Wire) - The army said nine soldiers were killed in an ambush near Mabokoto on Monday.", "Mabokoto")]
    [TestCase("GARISSA, Kenya (Wire) - Police said three herders were shot dead just outside Kavumbe overnight.", "Kavumbe")]
    [TestCase("GARISSA, Kenya (Wire) - Seven people were killed in Tarikwe on Monday, the county commissioner said.", "Tarikwe")]
    [TestCase("GARISSA, Kenya (Wire) - Gunmen attacked at Lumbazi overnight and killed six people, police said.", "Lumbazi")]
    [TestCase("GARISSA, Kenya (Wire) - In Kavumbe camp, on the northern edge of Garissa, shelling killed six people on Monday, police said.", "Kavumbe")]
    [TestCase("GARISSA, Kenya (Wire) - In Tarikwe village, about 15 kilometres south of Garissa, gunmen killed six people on Monday, police said.", "Tarikwe")]
    [TestCase("NABLUS, West Bank (Wire) - In Balata camp, on the eastern edge of Nablus, troops killed two people on Monday, medics said.", "Balata Camp")]
    [TestCase("In Nur Shams camp, on the outskirts of Tulkarm, troops killed two people on Monday, medics said.", "Nur Shams Camp")]
    [TestCase("In Jenin camp, near Jenin, troops killed two people on Monday, medics said.", "Jenin Camp")]
    public void A_village_the_gazetteer_lacks_is_kept_by_its_name(string text, string place) =>
        Assert.That(Claims(text).Select(c => c.Place), Has.Some.EqualTo(place).And.All.EqualTo(place));

    [TestCase("GARISSA, Kenya (Wire) - Seven people were killed in Tarikwe on Monday, Garissa County Commissioner John Otieno Mwangi said.", "John Otieno Mwangi")]
    [TestCase("GARISSA, Kenya (Wire) - Regional Superintendent of Police Amina Wanjiru said seven people were killed in Tarikwe on Monday.", "Amina Wanjiru")]
    [TestCase("GARISSA, Kenya (Wire) - Seven people were killed in Tarikwe on Monday, said Deputy County Commander Hassan Abdi Noor.", "Hassan Abdi Noor")]
    public void A_capitalised_title_is_no_part_of_the_speakers_name(string text, string source)
    {
        var claim = TestData.OnlyClaim(text, Day);

        Assert.That(claim.Source, Is.EqualTo(source));
        Assert.That(claim.Place, Is.EqualTo("Tarikwe"), "the county in the title is the speaker's office, not the place of the figure");
    }

    [TestCase("GARISSA, Kenya (Wire) - Seven soldiers were killed in Operation Linda Boni on Monday, the army said.")]
    [TestCase("GARISSA, Kenya (Wire) - Seven people were killed, the statement in English said on Monday.")]
    public void A_capitalised_word_that_no_event_verb_places_is_not_kept(string text) =>
        Assert.That(Claims(text).Select(c => c.Place), Has.None.EqualTo("English").And.None.StartsWith("Operation"));
}
