using Casualties.Domain.Model;

namespace Casualties.Domain.Tests.Extraction;

/// <summary>
/// Where a figure happened, when the sentence names places that are not where: a country inside a body's proper name
/// ("The South Sudan People's Defence Forces said"), a country after a ministry's or mission's name ("the Defence Ministry
/// of Azerbaijan", "the U.N. mission in South Sudan"), and the place a statement was made ("told reporters in Malakal").
/// And who did it: a state's own forces, named by the country and a word for forces, that report a killing as their own
/// deed are the government side, where the seeds know no conflict. Villages and people here are made up.
/// </summary>
[Property("Issue", "16")]
public sealed class BodyNamePlaceTests
{
    private static readonly DateOnly Day = new(2025, 3, 14);

    private static IReadOnlyList<Claim> Extract(string text) => TestData.Extract(text, Day);

    [TestCase("JUBA, South Sudan (Wire) - Armed youths overran a garrison in Wunkur, a village in Upper Nile state, on Tuesday, residents said. "
        + "The South Sudan People's Defence Forces said in a statement on Thursday that its troops had killed 40 of the attackers.")]
    [TestCase("JUBA, South Sudan (Wire) - Armed youths overran a garrison in Wunkur, a village in Upper Nile state, on Tuesday, residents said. "
        + "The U.N. mission in South Sudan said on Thursday that 40 people had been killed.")]
    [TestCase("PEMBA, Mozambique (Wire) - Insurgents attacked Wunkur, a village in Cabo Delgado province, on Tuesday, residents said. "
        + "The Mozambique Defence Armed Forces said on Thursday that its soldiers had killed 40 insurgents.")]
    [TestCase("BAKU, Azerbaijan (Wire) - Shelling hit Wunkur, a village in the Tartar district, on Tuesday, residents said. "
        + "The Defence Ministry of Azerbaijan said on Thursday that 40 of its servicemen had been killed.")]
    public void A_country_inside_a_bodys_name_is_not_where_it_happened(string text)
    {
        var claims = Extract(text);

        var last = claims[^1];
        Assert.That(last.Quantity.Low, Is.EqualTo(40));
        Assert.That(last.Place, Is.EqualTo("Wunkur"));
    }

    [TestCase("The Depayin Township People's Administration said 30 people were wounded.")]
    [TestCase("Thirty people were wounded, a teacher told Monywa Post on Wednesday.")]
    [TestCase("Thirty people were wounded, a teacher told the Monywa Gazette.")]
    [TestCase("The Monywa District Command said 30 people were wounded.")]
    public void A_place_inside_the_name_of_an_administration_a_command_or_a_newspaper_is_not_where_it_happened(string sentence)
    {
        var claims = Extract("Junta jets bombed a school in Htan Taw village in Sagaing Region on Tuesday, killing 12 people, residents said. " + sentence);

        Assert.That(claims, Has.Count.EqualTo(2));
        Assert.That(claims[1].Place, Is.EqualTo("Htan Taw"));
    }

    [TestCase("Chol told reporters in Malakal that 14 soldiers were still missing.")]
    [TestCase("Speaking at a news conference in Malakal, Chol said 14 soldiers were still missing.")]
    [TestCase("Chol said in Malakal on Friday that 14 soldiers were still missing.")]
    public void The_place_a_statement_was_made_is_not_where_it_happened(string sentence)
    {
        var claims = Extract("JUBA, South Sudan (Wire) - At least 27 people were killed on Tuesday when armed youths overran a garrison in Wunkur, "
            + "a town in Upper Nile state, the state information minister, Lual Chol, said. " + sentence);

        Assert.That(claims, Has.Count.EqualTo(2));
        Assert.That(claims[1].Place, Is.Not.EqualTo("Malakal"));
    }

    [TestCase("JUBA, South Sudan (Wire) - The South Sudan People's Defence Forces said its troops had killed 40 of the attackers near Wunkur on Tuesday.")]
    [TestCase("MAPUTO, Mozambique (Wire) - The Mozambique Defence Armed Forces said their soldiers had killed 40 insurgents near Mbau on Tuesday.")]
    [TestCase("NIAMEY, Niger (Wire) - The Nigerien Army said its troops killed 40 terrorists near Kolman on Tuesday.")]
    [TestCase("MANILA (Wire) - The Armed Forces of the Philippines said its soldiers killed 40 rebels near Bantayan on Tuesday.")]
    public void A_states_own_forces_reporting_their_deed_are_the_government_side(string text)
    {
        var claim = TestData.OnlyClaim(text, Day);

        Assert.That(claim.Source, Is.Not.Null);
        Assert.That(claim.PerpetratorSide, Is.EqualTo("government"));
    }

    [TestCase("JUBA, South Sudan (Wire) - The South Sudan Liberation Army said its fighters had killed 40 of the attackers near Wunkur on Tuesday.")]
    [TestCase("MAPUTO, Mozambique (Wire) - The Mozambique Democratic Defence Forces said its fighters killed 40 militiamen near Mbau on Tuesday.")]
    [TestCase("JUBA, South Sudan (Wire) - The South Sudan National Democratic Alliance said its fighters had killed 40 of the attackers near Wunkur on Tuesday.")]
    public void Another_word_in_the_name_or_another_country_makes_it_no_states_forces(string text)
    {
        var claim = TestData.OnlyClaim(text, Day);

        Assert.That(claim.PerpetratorSide, Is.Not.EqualTo("government"));
    }

    [TestCase("JAYAPURA, Indonesia (Wire) - Rebels shot dead two soldiers in an ambush near Wamusa, the main town of Kelapa Jaya regency in Central Papua province, on Monday.", "Wamusa")]
    [TestCase("KHERSON, Ukraine (Wire) - A drone hit a minibus in Zolotyivka, a town west of Kherson, on Wednesday morning, killing three people.", "Zolotyivka")]
    [TestCase("GOMA, Congo (Wire) - Rebels attacked Kisheke, a village 20 km north of Goma, on Wednesday, killing three people.", "Kisheke")]
    [TestCase("KHERSON, Ukraine (Wire) - A drone hit a minibus in Zolotyivka, a town in Kherson region, on Wednesday. Three people were killed, the governor said.", "Zolotyivka")]
    [TestCase("GOMA, Congo (Wire) - Shelling on Kahembe camp, on the northern edge of Goma, killed three people on Wednesday.", "Kahembe")]
    [TestCase("IDLIB, Syria (Wire) - Shelling on the village of Tuwaynimo in the southern countryside of Idlib killed three people on Wednesday.", "Tuwaynimo")]
    [TestCase("DAMASCUS, Syria (Wire) - Shelling on the town of Zaharitu in the eastern suburbs of Damascus killed three people on Wednesday.", "Zaharitu")]
    public void A_name_set_off_as_a_settlement_of_a_place_is_the_place(string text, string place)
        => Assert.That(TestData.OnlyClaim(text, Day).Place, Is.EqualTo(place));

    [TestCase("[Translated from Spanish. Originally published in a local weekly.]\n\nIn January, the crisis left more than 80 dead across the country, the weekly said.", "Spain")]
    [TestCase("The governor told reporters in French that more than 80 people had died across the country in January.", "France")]
    [TestCase("The Portuguese edition of the bulletin said more than 80 people had died across the country in January.", "Portugal")]
    public void A_language_named_by_a_nationality_word_says_nothing_of_the_place(string body, string country)
        => Assert.That(TestData.OnlyClaim(body, Day).Place, Is.Not.EqualTo(country));

    [TestCase("MOPTI, Mali (Wire) - Gunmen attacked the hamlet of Dioura-Nekou on Monday. Some 300 inhabitants have fled the hamlet towards Sevare and Konna.")]
    [TestCase("MOPTI, Mali (Wire) - Gunmen attacked the hamlet of Dioura-Nekou on Monday. Some 300 inhabitants have fled the hamlet for Sevare since then.")]
    [TestCase("MOPTI, Mali (Wire) - Gunmen attacked the hamlet of Dioura-Nekou on Monday. Some 300 inhabitants have fled to Sevare since then.")]
    public void Where_people_fled_to_is_not_where_they_were_displaced(string text)
        => Assert.That(TestData.Extract(text, Day).Single(c => c.Outcome == Outcome.Displaced).Place, Is.EqualTo("Dioura-Nekou"));

    [Test]
    public void A_town_written_with_City_after_its_name_is_the_layers_town()
        => Assert.That(TestData.OnlyClaim("BACOLOD CITY, Philippines (Wire) - Five XKZ fighters were killed on Tuesday in Guihulngan City.", Day).Place,
            Does.StartWith("Guihul"));

    [Test]
    public void A_settlement_named_with_its_units_title_is_kept_with_it()
        => Assert.That(TestData.OnlyClaim("BACOLOD CITY, Philippines (Wire) - Soldiers clashed with rebels in Sitio Malubog Daku on Tuesday, killing five fighters.", Day).Place,
            Is.EqualTo("Sitio Malubog Daku"));

    [Test]
    public void The_province_after_a_division_of_the_generated_layer_is_that_division()
        => Assert.That(TestData.OnlyClaim("PEMBA, Mozambique (Wire) - Insurgents attacked a village in Cabo Delgado province on Tuesday. The governor said 187 people had been killed in the province since January.", Day).Place,
            Does.StartWith("Cabo Delgado"));
}
