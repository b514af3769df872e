using Casualties.Domain.Extraction;
using Casualties.Domain.Model;

namespace Casualties.Domain.Tests.Extraction;

/// <summary>
/// The generated gazetteer layer (GeoNames) in extraction: read only in a place context and inside the document's
/// countries; a place no layer knows kept as written under its nearest known parent; countries never taken for one whose
/// name contains theirs.
/// </summary>
[Property("Issue", "16")]
public sealed class GazetteerPlaceTests
{
    private static readonly DateOnly Day = new(2021, 3, 10);

    private static IReadOnlyList<Claim> Extract(string text) => new ClaimExtractor(TestData.Reference).Extract(text, Day);

    private static Claim First(string text)
    {
        var claims = Extract(text);
        Assert.That(claims, Has.Count.GreaterThanOrEqualTo(1), "no claim read");
        return claims[0];
    }

    private static string? CountryOf(Claim claim)
    {
        var gazetteer = TestData.Reference.Gazetteer;
        var key = claim.PlaceKey ?? claim.PlaceParentKey;
        return key is null || gazetteer.ByKey(key) is not { } place ? null : gazetteer.CountryOf(place).Key;
    }

    [TestCase("Government shelling killed seven civilians in the village of Kafr Zayta in Syria's Hama province on Monday, a monitor said.")]
    [TestCase("In Syria, seven civilians were killed when shells hit Kafr Zayta, a town in Hama province, activists said.")]
    [TestCase("Syrian army shelling on Kafr Zayta village killed seven civilians, activists said.")]
    [TestCase("Seven civilians died in Kafr Zayta, in Hama province, when rockets struck the Syrian town.")]
    public void A_generated_village_is_read_in_a_place_context(string text)
    {
        var claim = First(text);

        Assert.That(claim.PlaceKey, Is.EqualTo("syria/kafr-zayta"));
        Assert.That(TestData.Reference.Gazetteer.SamePlace(claim.Place, "Kafr Zayta"), Is.True);
    }

    [TestCase("Gunmen killed 20 people in Bor, a town in Jonglei state, South Sudan's army said.", "south-sudan/bor")]
    [TestCase("Fighting in South Sudan went on. Twenty people were killed in the village of Bor, officials said.", "south-sudan/bor")]
    [TestCase("In Niger, jihadists killed 14 villagers in Banibangou in the Tillaberi region, the interior ministry said.", "niger")]
    public void A_generated_place_is_taken_in_the_country_the_text_is_about(string text, string expectedPrefix)
    {
        var claim = First(text);

        Assert.That(claim.PlaceKey, Does.StartWith(expectedPrefix));
    }

    [TestCase("Syrian government air strikes killed 11 civilians in Bor, activists said.")]
    [TestCase("Gunmen killed 11 people in Guayaquil, Syrian state media said.")]
    [TestCase("Shelling by Syrian government forces killed 11 people near Bor on Monday, the monitor said.")]
    public void A_generated_place_of_another_country_is_not_taken(string text)
    {
        var claim = First(text);

        Assert.That(claim.PlaceKey ?? "", Does.Not.StartWith("south-sudan/"));
        Assert.That(claim.PlaceKey ?? "", Does.Not.StartWith("czech-republic/"));
        Assert.That(claim.PlaceKey ?? "", Does.Not.StartWith("ecuador/"));
    }

    [TestCase("Bor residents said 11 Syrian soldiers were killed on Monday.")]
    [TestCase("Syrian shelling killed 11 people on Monday; Kafr Zayta farmers fled.")]
    [TestCase("Syrian shelling killed 11 people on Monday, Bor officials said.")]
    public void A_generated_name_outside_a_place_context_is_not_read(string text)
    {
        var claim = First(text);

        Assert.That(claim.PlaceKey ?? "", Does.Not.Contain("/bor").And.Not.Contain("kafr-zayta"));
    }

    [TestCase("Shelling killed six people in the Syrian city of Zumlaka, activists said.", "Zumlaka")]
    [TestCase("Shelling killed six people in the town of Zumlaka in Syria's Idlib province, activists said.", "Zumlaka")]
    public void A_nationality_before_a_settlement_noun_is_not_the_place(string text, string name)
    {
        var claim = First(text);

        Assert.That(claim.Place, Is.EqualTo(name));
    }

    [TestCase("In Zumlaka village, shelling killed six people in Syria's Idlib province, activists said.", "Zumlaka")]
    [TestCase("At Zumlaka camp, shelling killed six people in Syria's Idlib province, activists said.", "Zumlaka")]
    public void A_capitalised_preposition_is_not_part_of_the_name(string text, string name) =>
        Assert.That(First(text).Place, Is.EqualTo(name));

    [TestCase("Shelling killed six people in the Zumlaka district of Aleppo, Syrian activists said.")]
    [TestCase("Shelling killed six people in Aleppo's Zumlaka neighbourhood, Syrian activists said.")]
    public void A_part_of_a_city_no_gazetteer_knows_leaves_the_figure_to_the_city(string text) =>
        Assert.That(First(text).Place, Is.EqualTo("Aleppo"));

    [TestCase("Police")]
    [TestCase("Hope")]
    [TestCase("Mission")]
    [TestCase("Unity")]
    public void A_common_English_word_is_no_generated_place(string word)
    {
        var generated = TestData.Reference.Gazetteer.NamedAnywhere(word).Where(p => p.Generated && p.Parent is not null);

        Assert.That(generated, Is.Empty);
    }

    [TestCase("Government shelling killed six civilians in Umm Xaldir, in Hama province, the Syrian Observatory for Human Rights said.", "Umm Xaldir", "Hama Governorate")]
    [TestCase("Six civilians were killed in the village of Tal Zarqun in Idlib province on Monday, activists in Syria said.", "Tal Zarqun", "Idlib Governorate")]
    [TestCase("Air strikes on Qarmalta, a village in Idlib province, killed six civilians, the Syrian Observatory for Human Rights said.", "Qarmalta", "Idlib Governorate")]
    [TestCase("Six people were killed in the Zarbuna camp in Idlib province on Monday, the Syrian Observatory for Human Rights said.", "Zarbuna", "Idlib Governorate")]
    [TestCase("Syrian government shelling of the town of Khirbet Zumla killed six people, a monitor said.", "Khirbet Zumla", "Syria")]
    public void A_place_the_gazetteer_lacks_is_kept_as_written_under_its_nearest_known_parent(string text, string name, string parent)
    {
        var claim = First(text);

        Assert.That(claim.Place, Is.EqualTo(name));
        Assert.That(claim.PlaceKey, Is.Null);
        Assert.That(claim.PlaceParent, Is.EqualTo(parent));
        Assert.That(claim.PlaceParentKey, Is.Not.Null);
    }

    [TestCase("Gunmen stormed the village of Umm Xaldir in Hama province on Monday. Local officials said 14 people were killed.", "Umm Xaldir", "Hama Governorate")]
    [TestCase("Militants torched the hamlet of Tal Zarqun in Idlib province overnight.\n\nA hospital in the area said it had received 9 bodies.", "Tal Zarqun", "Idlib Governorate")]
    [TestCase("Jets struck Qarmalta, a village in Idlib province, at dawn. Rescuers said 12 civilians died.", "Qarmalta", "Idlib Governorate")]
    [Property("Rule", "a kept name carried to the next sentence")]
    public void A_name_kept_as_written_is_carried_to_a_later_sentence(string text, string name, string parent)
    {
        var claim = First(text);

        Assert.That(claim.Place, Is.EqualTo(name));
        Assert.That(claim.PlaceKey, Is.Null);
        Assert.That(claim.PlaceParent, Is.EqualTo(parent));
    }

    [TestCase("Shells hit homes near Umm Xaldir, in Hama province, on Monday. Rebels said they had killed 14 soldiers on the Umm Xaldir front.", "Umm Xaldir")]
    [TestCase("Gunmen raided the village of Tal Zarqun in Idlib province. Residents said 9 people were killed in Tal Zarqun overnight.", "Tal Zarqun")]
    [TestCase("Fighting flared around Qarmalta, a village in Idlib province. A monitor said 12 fighters died in the Qarmalta area.", "Qarmalta")]
    [Property("Rule", "a kept name recurs")]
    public void A_name_kept_as_written_is_the_same_place_where_it_recurs(string text, string name)
    {
        var claim = First(text);

        Assert.That(claim.Place, Is.EqualTo(name));
        Assert.That(claim.PlaceParentKey, Is.Not.Null);
    }

    [TestCase("Rebels overran the village of Umm Xaldir and killed 14 soldiers near Hama on Monday, the Syrian army said.", "Hama")]
    [TestCase("Troops entered the hamlet of Tal Zarqun and killed 9 fighters around Idlib city, the Syrian Observatory for Human Rights said.", "Idlib")]
    [Property("Rule", "a known place beats a kept name at the same distance")]
    public void At_the_same_distance_from_the_figure_a_known_place_beats_a_name_kept_as_written(string text, string known)
    {
        var claim = First(text);

        Assert.That(claim.PlaceKey, Is.Not.Null, $"read '{claim.Place}'");
        Assert.That(TestData.Reference.Gazetteer.SamePlace(claim.Place, known) || claim.Place!.StartsWith(known, StringComparison.Ordinal), Is.True, claim.Place);
    }

    [TestCase("South Sudan", "south-sudan")]
    [TestCase("Sudan", "sudan")]
    [TestCase("Niger", "niger")]
    [TestCase("Nigeria", "nigeria")]
    [TestCase("Guinea", "guinea")]
    [TestCase("Guinea-Bissau", "guinea-bissau")]
    [TestCase("Equatorial Guinea", "equatorial-guinea")]
    [TestCase("the Republic of the Congo", "republic-of-the-congo")]
    [TestCase("Congo-Brazzaville", "republic-of-the-congo")]
    [TestCase("the Democratic Republic of the Congo", "drc")]
    [TestCase("DR Congo", "drc")]
    [TestCase("Dominica", "dominica")]
    [TestCase("the Dominican Republic", "dominican-republic")]
    public void A_country_is_never_one_whose_name_contains_it(string country, string key)
    {
        foreach (var text in new[]
        {
            $"Floods and clashes killed 40 people across {country} last week, officials said.",
            $"Attackers killed 12 villagers in {country} on Monday, witnesses said.",
            $"At least 9 people were killed in {country} this year, according to a local rights group.",
        })
        {
            Assert.That(CountryOf(First(text)), Is.EqualTo(key), text);
        }
    }

    [Test]
    public void No_country_name_resolves_to_a_country_whose_name_merely_contains_it()
    {
        var gazetteer = TestData.Reference.Gazetteer;
        var countries = TestData.Reference.Places.Where(p => p.Parent is null).ToList();
        foreach (var country in countries)
        {
            foreach (var name in country.Aliases.Append(country.Name))
            {
                var others = gazetteer.Named(name).Where(p => p.Parent is null && p.Key != country.Key).Select(p => p.Key);
                Assert.That(others, Is.Empty, $"'{name}' of {country.Key}");
            }
        }
    }

    [TestCase("South Sudanese troops killed 8 people in Jonglei state, officials said.")]
    [Property("Rule", "a qualified demonym")]
    [TestCase("Eight people were killed by South Sudanese soldiers in Jonglei, officials said.")]
    public void South_Sudanese_is_not_Sudanese(string text) => Assert.That(CountryOf(First(text)), Is.EqualTo("south-sudan"));

    [TestCase("In Guayaquil, Ecuador, gunmen killed five people on Saturday night, police said.")]
    [TestCase("Gunmen killed five people in Karachi, Pakistan, on Saturday, police said.")]
    public void A_document_about_a_country_no_seeded_conflict_covers_takes_no_side_of_another_war(string text) =>
        Assert.That(First(text).PerpetratorSide, Is.Null);

    [TestCase("Across Zambezia province, 4,000 people remained displaced at the end of May, the agency said.", "Across Zambezia")]
    [TestCase("Throughout Tete, 300 people fled their homes in April, officials said.", "Throughout Tete")]
    [TestCase("Air strikes on the market in Ngoma, a rebel-held town, killed 17 people on Tuesday, officials said.", "rebel-held")]
    [TestCase("Air strikes on Ngoma, an RSF-held town in Mozambique, killed 17 people on Tuesday, officials said.", "RSF-held")]
    public void A_preposition_or_a_holders_word_is_no_part_of_a_place_name(string text, string notPlace) =>
        Assert.That(First(text).Place, Is.Not.EqualTo(notPlace).And.Not.StartsWith(notPlace.Split(' ')[0] + " "));
}
