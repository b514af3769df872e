using Casualties.Domain.Model;

namespace Casualties.Domain.Tests.Extraction;

/// <summary>
/// Where a figure happened when the text gives a village its address ("X, in Y commune, Z province"; "X, about 12 km from
/// Y"), a village name the gazetteer knows only in a faraway country, a place written with an article ("El Tarra"), and a
/// country named only in a header's capitals; and who speaks in a statement whose header names its issuer and its town.
/// The village names are made up (in no layer) unless a case says otherwise.
/// </summary>
[Property("Issue", "16")]
public sealed class AddressAndHeaderTests
{
    private static readonly DateOnly Day = new(2025, 10, 8);

    private static IReadOnlyList<Claim> Claims(string text) => TestData.Extract(text, Day);

    // Ukambani is in no layer: the address's last part is kept as written, and the village still wins over it.
    [TestCase("NAIROBI, Kenya (Wire) - Gunmen attacked the village of Lokwamor, in Kibwezi sub-county, Ukambani province, on Sunday, killing 14 herders, police said.")]
    [TestCase("NAIROBI, Kenya (Wire) - Bandits raided the village of Lokwamor, in Kibwezi sub-county, Ukambani region, killing 14 herders on Sunday, police said.")]
    [TestCase("NAIROBI, Kenya (Wire) - Fourteen herders were killed on Sunday in the village of Lokwamor, in Kibwezi sub-county, Ukambani province, police said.")]
    [TestCase("NAIROBI, Kenya (Wire) - Gunmen attacked the village of Lokwamor, in Kibwezi sub-county, Makueni county, on Sunday, killing 14 herders, police said.")]
    public void A_village_with_its_address_is_the_village(string text) =>
        Assert.That(Claims(text).Select(c => c.Place), Has.Some.EqualTo("Lokwamor").And.All.EqualTo("Lokwamor"));

    [TestCase("NAIROBI, Kenya (Wire) - Gunmen attacked the village of Lokwamor, about 12 km from Garissa, on Sunday, killing 14 herders, police said.")]
    [TestCase("NAIROBI, Kenya (Wire) - Fourteen herders were killed on Sunday in the village of Lokwamor, some 30 kilometres from Garissa, police said.")]
    [TestCase("NAIROBI, Kenya (Wire) - Gunmen attacked Lokwamor village, 12 km from Garissa, on Sunday, killing 14 herders, police said.")]
    public void A_village_placed_by_its_distance_from_a_town_is_the_village(string text) =>
        Assert.That(Claims(text).Select(c => c.Place), Has.Some.EqualTo("Lokwamor").And.All.EqualTo("Lokwamor"));

    /// <summary>Sapadun and Awallan are real names, of Philippine villages only (the generated layer): here they are Kenyan.</summary>
    [TestCase("NAIROBI, Kenya (Wire) - Fourteen herders were killed on Sunday in the village of Sapadun, some 30 kilometres from Garissa, police said.", "Sapadun")]
    [TestCase("NAIROBI, Kenya (Wire) - Gunmen attacked the village of Awallan in Garissa county on Sunday, killing 14 herders, police said.", "Awallan")]
    public void A_village_whose_name_only_a_faraway_country_has_is_kept_as_written(string text, string place) =>
        Assert.That(Claims(text).Select(c => c.Place), Has.Some.EqualTo(place).And.All.EqualTo(place));

    [TestCase("In Colombia, two soldiers were wounded in El Tarra on Monday.", "El Tarra")]
    [TestCase("BOGOTA, Colombia (Wire) - Three soldiers were killed in El Carmen on Monday when rebels attacked a patrol, the army said.", "El Carmen")]
    public void A_place_written_with_its_article_is_found(string text, string place) =>
        Assert.That(Claims(text).Select(c => c.Place), Has.Some.EqualTo(place).And.All.EqualTo(place));

    [Test]
    public void A_country_named_in_the_headers_capitals_is_the_documents_country()
    {
        // "San Pablo" is a town of many countries: only the document's country tells which.
        const string Body = "Press release No. 14\n\nTwo soldiers were wounded in San Pablo on Monday when a drone dropped an explosive device.";
        var claim = TestData.OnlyClaim("MINISTRY OF NATIONAL DEFENCE - REPUBLIC OF COLOMBIA\n" + Body, Day);

        Assert.That(claim.Place, Is.EqualTo("San Pablo"));
        Assert.That(TestData.OnlyClaim(Body, Day).Place, Is.Null, "without the header the town's country is unknown");
    }

    [TestCase("Kasai Provincial Hospital, Tshikapa — Statement to the media, 8 October 2025\nThe hospital received 6 bodies and 19 wounded on Sunday after clashes in the town.")]
    [TestCase("Kasai Provincial Hospital, Tshikapa - Press release - 8 October 2025\nThe hospital received 6 bodies and 19 wounded on Sunday after clashes in the town.")]
    [TestCase("Kasai Provincial Hospital, Tshikapa | Statement | 8 October 2025\nOur emergency department received 6 bodies and 19 wounded on Sunday after clashes in the town.")]
    public void A_header_naming_its_issuer_and_town_makes_the_figures_the_issuers(string text)
    {
        var claims = Claims(text);

        Assert.That(claims, Has.Count.EqualTo(2));
        Assert.That(claims.Select(c => c.Source), Is.All.EqualTo("Kasai Provincial Hospital"));
    }

    [Test]
    public void An_office_that_speaks_in_anothers_statement_is_that_office()
    {
        var claims = Claims("Kasai Provincial Hospital — Statement to the media, 8 October 2025\n"
            + "The hospital received 6 bodies on Sunday after clashes in Tshikapa. "
            + "The Kasai provincial health division said on Monday that 9 people had been killed in the clashes.");

        Assert.That(claims.Single(c => c.Quantity.Low == 6).Source, Is.EqualTo("Kasai Provincial Hospital"));
        Assert.That(claims.Single(c => c.Quantity.Low == 9).Source, Does.Contain("health division"), "the health division speaks for itself, not for the hospital");
    }

    [Test]
    public void The_issuers_own_noun_refers_to_the_issuer()
    {
        var claims = Claims("Kasai Provincial Hospital — Statement to the media, 8 October 2025\n"
            + "The hospital received 6 bodies on Sunday after clashes in Tshikapa. Nine of the wounded remain in a critical condition, the hospital said.");

        Assert.That(claims.Select(c => c.Source), Is.All.EqualTo("Kasai Provincial Hospital"));
    }

    [TestCase("GARISSA, Kenya (Wire) - Abdiwahab, medical superintendent at the county referral hospital, said 11 bodies had been brought in on Monday.", "Abdiwahab")]
    [TestCase("GARISSA, Kenya (Wire) - Abdiwahab, the police commander for the county, said 11 bodies had been recovered on Monday.", "Abdiwahab")]
    [TestCase("GARISSA, Kenya (Wire) - Dr. Abdiwahab said 11 bodies had been brought in to the county referral hospital on Monday.", "Abdiwahab")]
    [TestCase("GARISSA, Kenya (Wire) - Eleven bodies were brought in on Monday, Dr. Abdiwahab, the hospital's director, said.", "Abdiwahab")]
    public void A_person_known_by_one_name_is_the_source(string text, string source) =>
        Assert.That(TestData.OnlyClaim(text, Day).Source, Is.EqualTo(source));

    [TestCase("GARISSA, Kenya (Wire) - Colleagues, who asked not to be named, said 11 bodies had been brought in on Monday.")]
    [TestCase("GARISSA, Kenya (Wire) - Residents, some of them relatives of the dead, said 11 bodies had been brought in on Monday.")]
    public void One_capitalised_word_without_a_persons_role_is_no_source(string text) =>
        Assert.That(TestData.OnlyClaim(text, Day).Source, Is.Null);

    [Test]
    public void Initials_the_text_gives_an_unlisted_name_are_not_a_known_bodys()
    {
        // PMU is the reference data's alias of Iraq's Popular Mobilization Units: here it is a Colombian command post.
        var claims = Claims("BOGOTA, Colombia (Wire) - The Unified Command Post (PMU) said 12 soldiers were wounded in El Tarra on Monday. "
            + "The PMU said on Tuesday that two more soldiers had died in El Tarra.");

        Assert.That(claims, Has.Count.EqualTo(2));
        Assert.That(claims.Select(c => c.Place), Is.All.EqualTo("El Tarra"), "nothing here is about Iraq");
        Assert.That(claims.Select(c => c.Source), Has.None.Contains("Popular Mobili"));
    }

    /// <summary>The generated layer names these states without the word "State" the text writes after them.</summary>
    [TestCase("Twelve people were killed in Warrap State on Wednesday, officials said.", "Warrap")]
    [TestCase("JUBA, South Sudan - Twelve people were killed in Eastern Equatoria State on Wednesday, officials said.", "Eastern Equatoria")]
    [TestCase("Gunmen killed nine people in Western Bahr al Ghazal State on Wednesday, officials said.", "Western Bahr al Ghazal")]
    public void A_division_written_with_its_capitalised_noun_is_found(string text, string place) =>
        Assert.That(TestData.OnlyClaim(text, Day).Place, Is.EqualTo(place));

    /// <summary>A post of the forces named by the village it stands in; the village names are made up.</summary>
    [TestCase("PESHAWAR, Pakistan (Wire) - Militants stormed the Tazbak police station in Lakki Marwat district shortly before midnight, killing nine policemen, police said.", "Tazbak")]
    [TestCase("MOGADISHU, Somalia (Wire) - A suicide car bomb exploded at the gate of the Ceel Hareed base on Tuesday, killing 13 soldiers, officials said.", "Ceel Hareed")]
    [TestCase("NAIROBI, Kenya (Wire) - Gunmen attacked the Lokwamor police post in Garissa county overnight, killing four policemen, police said.", "Lokwamor")]
    public void A_post_of_the_forces_is_where_its_name_says(string text, string place) =>
        Assert.That(Claims(text).Select(c => c.Place), Has.Some.EqualTo(place).And.All.EqualTo(place));

    /// <summary>
    /// Session 16: "the X district of Y province" is an administrative district, X (Lokwamor is in no layer); "the Kyivskyi
    /// district of Kharkiv", a city's district, still gives the city (guard).
    /// </summary>
    [TestCase("KABUL, Afghanistan (Wire) - Gunmen attacked police posts in the Lokwamor district of Kandahar province, killing five policemen.", "Lokwamor")]
    [TestCase("NAIROBI, Kenya (Wire) - Bandits killed 14 herders in the Lokwamor district of Turkana county on Sunday, police said.", "Lokwamor")]
    [TestCase("KYIV, Ukraine (Wire) - Shelling killed five people in the Kyivskyi district of Kharkiv on Monday.", "Kharkiv")]
    public void A_district_the_text_places_in_a_province_is_the_district(string text, string place) =>
        Assert.That(Claims(text).Select(c => c.Place), Has.Some.EqualTo(place).And.All.EqualTo(place));
}
