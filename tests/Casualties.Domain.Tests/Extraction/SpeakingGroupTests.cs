using Casualties.Domain.Model;

namespace Casualties.Domain.Tests.Extraction;

/// <summary>
/// Who speaks and who did it when the seeds know neither: an armed group the reference data lacks that claims an attack
/// ("..., saying its fighters had killed 40 soldiers") is the source and, against the state's forces, the opposition side
/// kept by its own name; a state's word closing such a name ("Liberation Army") is not the state's army; a person set
/// off by a long apposition still speaks; a document's issuer ("a statement from the ministry said") speaks; a body the
/// seeds give to another country is not the one a nationality word names; and a document that never names its country
/// is placed by two places of one country where places are expected. Groups, people and villages here are made up.
/// </summary>
[Property("Issue", "16")]
public sealed class SpeakingGroupTests
{
    private static readonly DateOnly Day = new(2025, 2, 3);

    private static Claim Only(string text) => TestData.OnlyClaim(text, Day);

    [TestCase("QUETTA, Pakistan (Wire) - The Zarkan Liberation Army (ZLA) claimed responsibility in an emailed statement, saying its fighters had killed more than 40 soldiers.", "Zarkan Liberation Army")]
    [TestCase("QUETTA, Pakistan (Wire) - The outlawed Zarkan Liberation Front claimed the attack, saying its fighters killed 12 policemen.", "Zarkan Liberation Front")]
    [TestCase("BAMENDA, Cameroon (Wire) - In a video on Wednesday, a group calling itself the Mokolo Defence Forces (MDF) claimed the raid, saying its fighters had \"neutralised\" nine soldiers.", "Mokolo Defence Forces")]
    public void A_group_the_seeds_lack_that_claims_killing_the_states_forces_is_the_source_and_the_opposition(string text, string group)
    {
        var claim = Only(text);

        Assert.That(claim.Victims, Is.EqualTo("combatants"));
        Assert.That(claim.Source, Is.EqualTo(group));
        Assert.That(claim.Perpetrator, Is.EqualTo(group));
        Assert.That(claim.PerpetratorSide, Is.EqualTo("opposition"));
    }

    [TestCase("QUETTA, Pakistan (Wire) - The Zarkan Liberation Army said its fighters had killed 30 soldiers.")]
    [TestCase("QUETTA, Pakistan (Wire) - The Zarkan Liberation Army claimed the attack, saying its fighters had killed 30 soldiers.")]
    public void A_states_word_closing_an_unknown_name_is_not_the_states_forces(string text)
    {
        var claim = Only(text);

        Assert.That(claim.PerpetratorSide, Is.Not.EqualTo("government"));
        Assert.That(claim.Perpetrator, Is.Not.EqualTo("government forces"));
    }

    [Test]
    public void A_group_the_seeds_lack_named_as_an_armed_body_is_the_opposition_whoever_it_kills()
    {
        // Changed in session 12, on purpose: this asserted no side (only killing the state's men proved a group fought the
        // state); a name ending in "Army", "Front" or "Movement" on a text about a war no seed covers is now the
        // opposition of that civil war (domain.md), as every corpus writer since has labelled such groups.
        var claim = Only("QUETTA, Pakistan (Wire) - The Zarkan Liberation Army claimed the bombing, saying its fighters had killed 14 civilians.");

        Assert.That(claim.Source, Is.EqualTo("Zarkan Liberation Army"));
        Assert.That(claim.PerpetratorSide, Is.EqualTo("opposition"));
    }

    [TestCase("QUETTA, Pakistan (Wire) - Dr Abdul Karim Tarwani, the medical superintendent of the district hospital in Kalat, told a news agency that 21 wounded soldiers had been brought in overnight.", "Abdul Karim Tarwani")]
    [TestCase("GULU, Uganda (Wire) - Grace Akello Nyeko, the head of the health centre at Koch, told reporters that 16 wounded people had arrived by Monday.", "Grace Akello Nyeko")]
    [TestCase("BAMENDA, Cameroon (Wire) - Mr Fonkwa Mbah, a senior official of the division in the North-West region, said 11 people were killed on Tuesday.", "Fonkwa Mbah")]
    public void A_person_set_off_by_a_long_apposition_is_the_source(string text, string person) =>
        Assert.That(Only(text).Source, Is.EqualTo(person));

    [TestCase("QUETTA, Pakistan (Wire) - According to the Lahore-based Centre for Peace Studies, militant attacks killed 78 people in the province in 2024.", "Centre for Peace Studies")]
    [TestCase("JOS, Nigeria (Wire) - A spokesman for the military's Operation Rainbow Shield said troops had killed three of the attackers near Mbar on Tuesday.", "Operation Rainbow Shield")]
    [TestCase("JOS, Nigeria (Wire) - DSP Alfred Nwankwo told reporters that 26 bodies had been recovered in Kwandara.", "Alfred Nwankwo")]
    public void Where_a_body_is_based_whose_it_is_and_a_rank_are_no_part_of_the_name(string text, string source) =>
        Assert.That(Only(text).Source, Is.EqualTo(source));

    [TestCase("BAMENDA, Cameroon (Wire) - A statement from the Ministry of Territorial Administration in Yaounde on Thursday said 14 villagers were killed in Batibo.", "Ministry of Territorial Administration")]
    [TestCase("GULU, Uganda (Wire) - A report by the Acholi Peace Forum said 23 people were killed in the district last year.", "Acholi Peace Forum")]
    public void The_issuer_of_a_statement_or_report_is_the_source(string text, string issuer) =>
        Assert.That(Only(text).Source, Is.EqualTo(issuer));

    [TestCase("N'DJAMENA (Wire) - Boko Haram fighters killed about 40 soldiers on an island in Chad's Lake province on Sunday, the Chadian presidency said.")]
    public void A_body_of_another_country_is_not_what_a_nationality_word_names(string text)
    {
        var source = Only(text).Source;

        Assert.That(source is null || !source.Contains("Nigeria", StringComparison.OrdinalIgnoreCase), Is.True, source);
    }

    [TestCase("MBENGWI - Armed men killed 12 people in Tarkolo on Tuesday, officials in Yaounde said. Schools stayed shut in Bamenda.", "Tarkolo")]
    [TestCase("MBENGWI - Gunmen killed 12 people near Tarkolo, a village outside Bamenda, on Tuesday, a statement from officials in Yaounde said.", "Tarkolo")]
    public void Two_places_of_one_country_place_a_document_that_never_names_it(string text, string place) =>
        Assert.That(Only(text).Place, Is.EqualTo(place));

    [TestCase("BAMENDA, Cameroon (Wire) - Separatist fighters killed eleven soldiers in Mbvelo and burned a school, a local official said.", "Mbvelo")]
    [TestCase("BAMENDA, Cameroon (Wire) - Militiamen wounded at least 12 villagers at Kutamba on Sunday, a local chief said.", "Kutamba")]
    [TestCase("BAMENDA, Cameroon (Wire) - Soldiers killed two women and a child in Tarindo overnight, residents said.", "Tarindo")]
    public void An_unknown_village_after_the_verb_and_its_object_is_the_place(string text, string place) =>
        Assert.That(Only(text).Place, Is.EqualTo(place));

    [TestCase("BAMENDA, Cameroon (Wire) - The army killed 40 fighters in Operation Sunrise, the army said.")]
    public void A_named_operation_after_the_object_is_no_place(string text) =>
        Assert.That(Only(text).Place, Is.Not.EqualTo("Operation Sunrise").And.Not.EqualTo("Operation"));

    [Test]
    public void Gendarmes_are_the_states_combatants()
    {
        var claim = Only("BAMENDA, Cameroon (Wire) - Gunmen killed four gendarmes in Batibo on Tuesday, a local official said.");

        Assert.That(claim.Victims, Is.EqualTo("combatants"));
        Assert.That(claim.VictimSide, Is.EqualTo("government"));
    }
}

/// <summary>
/// Places the gazetteer lacks, read where the text puts them: an island by its noun, a place nested in a division named
/// through its country's possessive ("in Chad's Lake province"), and never an office or body capitalised after a
/// division's noun ("the state Commissioner", "the state Assembly"). Villages here are made up.
/// </summary>
[Property("Issue", "16")]
public sealed class NestedUnknownPlaceTests
{
    private static readonly DateOnly Day = new(2024, 10, 29);

    private static Claim Only(string text) => TestData.OnlyClaim(text, Day);

    [TestCase("N'DJAMENA, Chad (Wire) - Boko Haram fighters attacked an army base on Tarkumi island in Chad's Lake province late on Sunday, killing about 40 soldiers, officials said.", "Tarkumi")]
    [TestCase("N'DJAMENA, Chad (Wire) - Gunmen killed 12 fishermen near Doumbaro, a village in Chad's Lake province, on Sunday, officials said.", "Doumbaro")]
    [TestCase("JOS, Nigeria (Wire) - Gunmen killed 17 villagers in Kwandara village in Nigeria's Plateau state on Sunday, police said.", "Kwandara")]
    public void A_place_in_a_division_named_through_its_countrys_possessive_is_the_place(string text, string place) =>
        Assert.That(Only(text).Place, Is.EqualTo(place));

    [TestCase("PORT-AU-PRINCE, Haiti (Wire) - Eight people were killed when gangs attacked the commune of Fond-d'Oranges on Thursday, the mayor said.", "Fond-d'Oranges")]
    [TestCase("PORT-AU-PRINCE, Haiti (Wire) - Gunmen killed six farmers near Anse-d'Ibo, a village in the Centre department, on Monday, officials said.", "Anse-d'Ibo")]
    public void An_apostrophe_inside_a_name_the_gazetteer_lacks_is_part_of_it(string text, string place) =>
        Assert.That(Only(text).Place, Is.EqualTo(place));

    [TestCase("KHERSON, Ukraine (Wire) - By Monday, the Kherson regional prosecutor's office said, Russian drones had killed 119 civilians in the region.", "Kherson Oblast")]
    [TestCase("MYKOLAIV, Ukraine (Wire) - On Friday the Kherson regional health department said Russian drones had killed 21 civilians in the region in May.", "Kherson Oblast")]
    public void A_city_naming_a_regional_body_is_not_the_place_of_the_region(string text, string place) =>
        Assert.That(Only(text).Place, Is.EqualTo(place));

    [TestCase("JOS, Nigeria (Wire) - The state Commissioner for Information, Joyce Ramnap, said 15 people were killed.")]
    [TestCase("JOS, Nigeria (Wire) - Addressing the state Assembly on Monday, the governor said 157 people had been killed.")]
    [TestCase("JOS, Nigeria (Wire) - Speaking to the state Police Command on Monday, the governor said 16 people had been killed.")]
    public void An_office_or_body_after_a_divisions_noun_is_no_place(string text) =>
        Assert.That(Only(text).Place, Is.Not.EqualTo("Commissioner").And.Not.EqualTo("Assembly").And.Not.EqualTo("Police Command"));

    [Test]
    public void Another_states_office_named_by_a_common_noun_is_not_the_source_in_a_civil_war()
    {
        var claim = Only("N'DJAMENA, Chad (Wire) - Boko Haram fighters killed about 40 soldiers on an island in Chad's Lake province late on Sunday, the presidency said on Monday.");

        Assert.That(claim.Source is null || !claim.Source.Contains("Nigeria", StringComparison.OrdinalIgnoreCase), Is.True, claim.Source);
    }
}
