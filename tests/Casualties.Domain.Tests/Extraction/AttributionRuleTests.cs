using Casualties.Domain.Extraction;
using Casualties.Domain.Model;

namespace Casualties.Domain.Tests.Extraction;

/// <summary>Source, perpetrator, place and period rules, each on a short sentence written for the rule.</summary>
[Property("Issue", "4")]
public sealed class AttributionRuleTests
{
    private static readonly DateOnly Wednesday = new(2019, 3, 13);

    private static IReadOnlyList<Claim> Extract(string text) => new ClaimExtractor(TestData.Reference).Extract(text, Wednesday);

    /// <summary>The one claim the text holds (a second claim read from it fails the test).</summary>
    private static Claim Only(string text)
    {
        var claims = Extract(text);
        Assert.That(claims, Has.Count.EqualTo(1), () => "claims read: " + string.Join("; ", claims.Select(c => c.Quote)));
        return claims[0];
    }

    [Test]
    public void An_armed_group_named_as_the_attacker_is_the_perpetrator_and_not_the_source()
    {
        var claim = Only("Hezbollah attacks on the town of Metula killed four farmers on Tuesday, Israeli police said.");

        Assert.That(claim.PerpetratorSide, Is.EqualTo("hezbollah"));
        Assert.That(claim.Source, Is.EqualTo("Israel Police"));
    }

    [Test]
    public void The_reporting_clause_wins_over_a_body_merely_mentioned()
    {
        var claims = Extract("Government shelling on the Syrian city of Douma killed nine people on Tuesday, the Syrian Observatory for Human Rights said. "
            + "A clinic run by Doctors Without Borders was damaged. Six more people died of their wounds overnight, the monitor said.");

        Assert.That(claims.Select(c => c.Source), Is.All.EqualTo("Syrian Observatory for Human Rights"));
    }

    [Test]
    public void A_shared_alias_resolves_to_the_body_of_the_documents_country_only()
    {
        var claim = Only("In the Syrian city of Homs, citing police, the state news agency SANA said a car bomb killed seven people on Tuesday.");

        Assert.That(claim.Source, Is.EqualTo("SANA"));
    }

    [Test]
    public void Own_forces_of_the_reporting_actor_are_the_perpetrator()
    {
        var claim = Only("Near Bakhmut in eastern Ukraine, Ukraine's General Staff said its troops had killed 320 Russian soldiers on Tuesday.");

        Assert.That(claim.PerpetratorSide, Is.EqualTo("ukraine"));
    }

    [Test]
    public void A_town_named_with_its_region_is_the_place_not_the_region()
    {
        var claim = Only("Artillery fire on the city of Nyala, South Darfur State, killed 12 civilians on Tuesday, the Sudan Doctors Network said.");

        Assert.That(claim.Place, Is.EqualTo("Nyala"));
    }

    [Test]
    public void A_country_wide_figure_is_placed_in_the_country()
    {
        var claims = Extract("Shelling killed three people in Aleppo on Tuesday, the Syrian Observatory for Human Rights said.\n\n"
            + "More than 400,000 people have fled to neighbouring countries since the war began, the UN refugee agency says.");

        Assert.That(claims[^1].Place, Is.EqualTo("Syria"));
    }

    [Test]
    public void A_range_of_days_gives_both_ends_and_the_time_of_speaking_is_ignored()
    {
        var claim = Only("The ministry said on Wednesday that 40 people were killed in Taiz between 4 and 9 March.");

        Assert.That((claim.Period.Start?.ToString(), claim.Period.End?.ToString()), Is.EqualTo(("2019-03-04", "2019-03-09")));
    }

    [Test]
    public void An_actor_qualifying_an_attack_name_is_the_perpetrator()
    {
        var claim = Only("Syrian regime air strikes killed at least 20 civilians in Douma on Tuesday, the Syrian Observatory for Human Rights said.");

        Assert.That(claim.PerpetratorSide, Is.EqualTo("government"));
    }

    [Test]
    public void The_group_an_attack_is_blamed_on_is_the_perpetrator()
    {
        var claim = Only("A car bombing widely blamed on Islamic State killed 31 people in the Syrian town of Manbij on Tuesday.");

        Assert.That(claim.PerpetratorSide, Is.EqualTo("isis"));
    }

    [Test]
    public void Several_regions_of_a_country_together_are_the_country()
    {
        var claim = Only("Israeli air strikes across southern and eastern Lebanon killed 35 people on Tuesday, Lebanon's health ministry said.");

        Assert.That(claim.Place, Is.EqualTo("Lebanon"));
    }

    [Test]
    public void A_surname_alone_credits_the_body_of_the_person_named_in_full_before()
    {
        var claims = Extract("A Russian drone attack on Sumy killed four people on Tuesday, the regional governor, Volodymyr Artiukh, said. "
            + "A second strike on a village near the border wounded seven people, Artiukh said.");

        Assert.That(claims.Select(c => c.Source), Is.All.EqualTo("Sumy Regional Military Administration"));
        Assert.That(claims, Has.Count.EqualTo(2));
    }

    [Test]
    public void The_citys_health_office_is_the_local_body_of_the_city_named_before()
    {
        var claim = Only("Houthi shelling hit a market in the Yemeni city of Taiz on Tuesday, killing nine civilians, according to the city's health office.");

        Assert.That(claim.Source, Is.EqualTo("Taiz Health Office"));
    }

    [Test]
    public void The_jihadists_refers_back_to_the_armed_group_named_before()
    {
        var claims = Extract("Islamic State fighters stormed villages near Deir ez-Zor in Syria on Tuesday. "
            + "The jihadists killed 17 government soldiers, the Syrian Observatory for Human Rights said.");

        Assert.That(claims.Single().PerpetratorSide, Is.EqualTo("isis"));
    }

    [Test]
    public void A_body_named_in_the_header_is_the_source_of_its_unattributed_figures()
    {
        var claims = Extract("Monthly report on civilian deaths in Syria\nSyrian Network for Human Rights — Monthly Report\n\n"
            + "We documented the killing of 120 civilians in Idlib in February. Air strikes on Ariha killed 14 people on 4 February.");

        Assert.That(claims.Select(c => c.Source), Is.All.EqualTo("Syrian Network for Human Rights"));
        Assert.That(claims, Has.Count.EqualTo(2));
    }

    [Test]
    public void A_news_agency_in_a_dateline_is_not_the_source_of_unattributed_figures()
    {
        var claims = Extract("BAGHDAD (AP) —\n\nA car bomb killed 12 people at a market in Baghdad on Tuesday.");

        Assert.That(claims.Single().Source, Is.Null);
    }

    [Test]
    public void The_aggression_of_a_named_state_is_the_perpetrator()
    {
        var claim = Only("The toll of the Israeli aggression on the south of Lebanon has risen to 41 martyrs, the Lebanese health ministry said.");

        Assert.That(claim.PerpetratorSide, Is.EqualTo("israel"));
    }

    [Test]
    public void A_group_that_committed_a_massacre_is_the_perpetrator()
    {
        var claim = Only("The Rapid Support Forces militia committed a massacre today in a village in Gezira State in Sudan, killing 40 citizens.");

        Assert.That(claim.PerpetratorSide, Is.EqualTo("rsf"));
    }

    [Test]
    public void A_city_whose_name_starts_like_an_agency_is_the_place()
    {
        var claim = Only("An air strike killed five people in the Yemeni capital, Sana'a, on Tuesday.");

        Assert.That(claim.Place, Is.EqualTo("Sanaa"));
        Assert.That(claim.Source, Is.Null);
    }

    [Test]
    public void Victims_named_by_their_side_are_not_killed_by_that_side()
    {
        var claims = Extract("Israeli air strikes on the Lebanese village of Aitaroun killed four people on Tuesday, the Lebanese health ministry said. "
            + "Two Israeli civilians were also killed on Tuesday in the north, the ministry said.");

        Assert.That(claims[0].PerpetratorSide, Is.EqualTo("israel"));
        Assert.That(claims[1].PerpetratorSide, Is.Not.EqualTo("israel"));
    }

    [Test]
    public void An_actor_named_as_in_another_conflict_keeps_its_side_when_this_conflict_has_it()
    {
        var claim = Only("The raids of the Israeli enemy on Gaza City killed 12 people on Tuesday, the Gaza health ministry said.");

        Assert.That(claim.PerpetratorSide, Is.EqualTo("israel"));
    }

    [TestCase("In Syria, two civilians were killed by artillery shelling in Aleppo on Tuesday, the Syrian Observatory said.", "government")]
    [TestCase("Artillery shelling killed three civilians in the Syrian city of Idlib on Tuesday, rescuers said.", "government")]
    [TestCase("Yemeni medics said government shelling killed four residents of Taiz on Tuesday.", "government")]
    public void A_phrase_another_civil_war_gives_its_army_names_this_war_s_side_but_not_that_army(string text, string side)
    {
        var claim = Only(text);

        Assert.That(claim.PerpetratorSide, Is.EqualTo(side));
        Assert.That(claim.Perpetrator, Is.Null, "the reference data names the phrase only for another war's army");
    }

    [TestCase("BAMENDA, Cameroon (Wire) - Soldiers killed 11 civilians in the village of Kumbo on Sunday, residents said.")]
    [TestCase("N'DJAMENA, Chad (Wire) - Troops killed 11 fishermen near Bol on Sunday, residents said.")]
    public void A_state_forces_word_in_one_country_of_a_war_fought_in_several_is_that_countrys_forces(string text)
    {
        var claim = Only(text);

        Assert.That(claim.Perpetrator, Is.Not.EqualTo("Nigerian Army"), "the seeded war's army row is Nigeria's; the text is about another of its countries");
        Assert.That(claim.PerpetratorSide, Is.EqualTo("government"));
    }

    [Test]
    public void A_state_forces_word_in_the_country_of_the_wars_army_is_that_army() =>
        Assert.That(Only("MAIDUGURI, Nigeria (Wire) - Soldiers killed 11 militants near Bama on Sunday, residents said.").Perpetrator, Is.EqualTo("Nigerian Army"));

    [Test]
    public void A_village_named_in_a_district_is_the_place_not_the_district()
    {
        var claim = Only("An Israeli strike on the town of Qana in the Tyre district killed six people on Tuesday, the health ministry said.");

        Assert.That(claim.Place, Is.EqualTo("Qana"));
    }

    [Test]
    public void A_hyphenated_alliance_of_one_side_is_that_side()
    {
        var claim = Only("The monitor said Syrian-Russian forces killed 40 civilians in Idlib in February.");

        Assert.That(claim.PerpetratorSide, Is.EqualTo("government"));
    }

    [Test]
    public void A_hyphenated_pair_of_opposing_sides_names_no_perpetrator()
    {
        var claim = Only("Near the Russian-Ukrainian border, 12 people were killed on Tuesday, officials in Kharkiv said.");

        Assert.That(claim.PerpetratorSide, Is.Null);
    }

    [Test]
    public void A_part_given_in_a_later_sentence_keeps_its_own_attacker()
    {
        var claims = Extract("The monitor documented the killing of 90 civilians in Syria in February. "
            + "Of them, 20 were killed by the Syrian Democratic Forces.");

        Assert.That(claims.Single(c => c.Quantity.Low == 20).PerpetratorSide, Is.EqualTo("sdf"));
    }

    [Test]
    public void Syrian_state_media_terrorists_are_the_opposition()
    {
        var claim = Only("In Aleppo, state television said terrorists had kidnapped 14 workers on Tuesday.");

        Assert.That(claim.PerpetratorSide, Is.EqualTo("opposition"));
    }

    [Test]
    public void A_group_announcing_its_own_dead_takes_no_place_or_attacker_from_before()
    {
        var claims = Extract("An Israeli strike on Aita al-Shaab in south Lebanon killed two people on Tuesday, the agency said. "
            + "Hezbollah announced the deaths of four fighters.");

        var fighters = claims.Single(c => c.Quantity.Low == 4);
        Assert.That(fighters.Place, Is.Null);
        Assert.That(fighters.PerpetratorSide, Is.Null);
    }

    [Test]
    public void A_live_blog_update_for_the_struck_city_keeps_the_attacker_named_earlier()
    {
        var claims = Extract("Russian forces struck Zaporizhzhia overnight with four missiles, the governor said. "
            + "Update: the governor says six people were killed in Zaporizhzhia.");

        Assert.That(claims.Single(c => c.Quantity.Low == 6).PerpetratorSide, Is.EqualTo("russia"));
    }

    [Test]
    public void A_figure_for_another_city_does_not_take_the_earlier_attacker()
    {
        var claims = Extract("Russian forces struck Zaporizhzhia overnight with four missiles, the governor said. "
            + "In Belgorod, two women were injured on Tuesday, the regional governor said.");

        Assert.That(claims.Single(c => c.Quantity.Low == 2).PerpetratorSide, Is.Null);
    }

    [Test]
    public void A_state_named_as_occupier_is_not_the_place()
    {
        var claim = Only("In areas of Luhansk region occupied by the Russian Federation, shelling killed five civilians in January, the Mission said.");

        Assert.That(claim.Place, Is.EqualTo("Luhansk Oblast"));
    }

    [Test]
    public void A_phrase_only_other_conflicts_actors_answer_to_names_no_perpetrator_here()
    {
        // "air strike" is an alias of air forces in Ethiopia, Nigeria and Mali, none of them in Syria.
        var claim = Only("At least 12 civilians were killed in an air strike on Saraqib in Idlib province on Tuesday, the Syrian Observatory for Human Rights said.");

        Assert.That((claim.Perpetrator, claim.PerpetratorSide), Is.EqualTo(((string?)null, (string?)null)));
    }

    [Test]
    public void The_agent_is_the_nearest_phrase_that_names_an_actor_of_the_documents_conflict()
    {
        var claim = Only("Activists in Deir Ezzor said 15 civilians were killed on Tuesday in air strikes they blamed on Russian jets on the town of Mayadin in eastern Syria.");

        Assert.That((claim.Perpetrator, claim.PerpetratorSide), Is.EqualTo(("Russia", "government")));
    }

    // Round F: attribution must not credit a body the sentence only mentions, nor an earlier source for an armed group's word.
    [TestCase("Israeli strikes killed 12 people sheltering in an UNRWA school in Nuseirat, residents said.", null)]
    [TestCase("Gunmen killed 23 people at a wedding near a Red Cross clinic in Maiduguri, villagers said.", null)]
    [TestCase("Heavy fighting killed 17 people near the MSF hospital in Khan Younis, Gaza City resident Ahmed Salem said.", null)]
    [TestCase("A strike hit a convoy near a WHO-supported clinic in Khartoum, killing 6 people, a doctor there said.", null)]
    [TestCase("The UN Security Council met on Tuesday after 30 people were killed in Goma.", null)]
    [TestCase("Shelling killed 8 civilians in Douma, the Syrian Observatory for Human Rights in Britain said.", "Syrian Observatory for Human Rights")]
    [TestCase("UNICEF spokesman James Elder said at least 13 children were killed in Rafah on Tuesday.", "UNICEF")]
    [TestCase("OCHA Sudan head Clementine Nkweta-Salami said 30 people were killed in El Fasher.", "UN Office for the Coordination of Humanitarian Affairs")]
    [TestCase("More than 90 people were wounded, said Abdikadir Abdirahman, director of the city's private Aamin Ambulance service.", "Aamin Ambulance")]
    [TestCase("Shelling killed 12 people who were queuing for bread in Gaza City, WHO said.", "World Health Organization")]
    public void Only_a_body_that_gives_the_figure_is_its_source(string sentence, string? expected) =>
        Assert.That(Only(sentence).Source, Is.EqualTo(expected));

    [TestCase("The Syrian Observatory for Human Rights said shelling killed 9 people in Idlib. The jihadist group said it had killed 20 soldiers near Saraqeb.")]
    [TestCase("Human Rights Watch said 14 civilians were killed in Kidal. The armed group said its fighters had killed 30 soldiers.")]
    [TestCase("The Ethiopian Human Rights Commission said 120 civilians were killed in Amhara. The militant group said 87 soldiers were killed in the fighting.")]
    public void An_armed_group_speaking_does_not_refer_back_to_the_monitor_named_before(string text)
    {
        var claims = Extract(text);

        Assert.That(claims, Has.Count.EqualTo(2));
        Assert.That(claims[1].Source, Is.Null);
    }

    [TestCase("The Ethiopian Human Rights Commission said 120 civilians were killed in Amhara. The state-appointed but independent commission said 87 people were abducted.")]
    [TestCase("The Ethiopian Human Rights Commission said 120 civilians were killed in Amhara. In a later report, the independent commission said 87 people were abducted.")]
    [TestCase("The Ethiopian Human Rights Commission said 120 civilians were killed in Amhara. It said 87 people were abducted.")]
    public void A_described_anaphor_of_a_monitor_still_refers_back_to_it(string text) =>
        Assert.That(Extract(text).Select(c => c.Source), Is.All.EqualTo("Ethiopian Human Rights Commission"));

    [TestCase("Burkina Faso's armed forces and allied militias summarily executed at least 223 villagers near Titao, Human Rights Watch said.", "government")]
    [TestCase("Burkinabe soldiers and allied militias killed at least 40 villagers near Djibo, the group said.", "government")]
    [TestCase("Militiamen from the CODECO armed group shot dead at least 51 people in Djugu territory, the U.N. mission said.", "codeco")]
    [TestCase("Fighters of the RSF stormed the village and killed 20 people near El Fasher, the network said.", "rsf")]
    public void Coordinated_and_member_subjects_name_the_perpetrator(string sentence, string expected) =>
        Assert.That(Only(sentence).PerpetratorSide, Is.EqualTo(expected));

    [Test]
    public void A_short_name_in_capitals_names_its_actor_and_the_same_word_in_lower_case_does_not()
    {
        var claims = Extract("The AA said its fighters killed 40 junta soldiers near Sittwe. Five people who fled were wounded, residents said.");

        Assert.Multiple(() =>
        {
            Assert.That(claims[0].Source, Is.EqualTo("Arakan Army"));
            Assert.That(claims[1].Source, Is.Null);
        });
    }

    [TestCase("Officials said 42 injured people had been taken to hospitals in Maiduguri.")]
    [TestCase("Officials said 42 injured people were rushed to a hospital in Maiduguri.")]
    [TestCase("We transported 42 injured to hospitals in Maiduguri, the agency said.")]
    [TestCase("A hospital it supports in Maiduguri had received 42 wounded, the charity said.")]
    public void The_hospital_the_wounded_were_brought_to_is_not_where_they_were_hurt(string second)
    {
        var claims = Extract("Gunmen killed 12 villagers in the town of Gwoza on Tuesday, residents said. " + second);

        Assert.That(claims.Select(c => c.Place), Is.All.EqualTo("Gwoza"));
    }

    [TestCase("A drone strike near Chasiv Yar, about 10 km west of Bakhmut, killed three soldiers on Tuesday.", "Chasiv Yar")]
    [TestCase("Shelling near Chasiv Yar, some 12 kilometres west of Bakhmut, killed three soldiers on Tuesday.", "Chasiv Yar")]
    [TestCase("Air strikes on a market in Razih, near the border with Saudi Arabia, killed 17 civilians on Tuesday.", "Razih")]
    public void A_landmark_a_distance_is_measured_from_is_not_the_place(string sentence, string expected) =>
        Assert.That(Only(sentence).Place, Is.EqualTo(expected));

    [Test]
    public void A_landmark_is_not_carried_into_the_next_sentence()
    {
        var claims = Extract("Air strikes hit a market in Razih on Tuesday, killing 17 civilians. The market lies near the border with Saudi Arabia. "
            + "He said 24 people were wounded.");

        Assert.That(claims.Select(c => c.Place), Is.All.EqualTo("Razih"));
    }

    [TestCase("In Kherson Oblast on Tuesday, floods along the Dnipro River killed 17 people.")]
    [TestCase("In Kherson Oblast on Tuesday, the right bank of the Dnipro River saw 17 people killed.")]
    public void A_river_named_after_a_city_is_not_the_city(string sentence) =>
        Assert.That(Only(sentence).Place, Is.EqualTo("Kherson Oblast"));

    [TestCase("In Kharkiv Oblast, up to 10 civilians were injured in Russian strikes on the city of Kupiansk and nearby villages.", "Kupiansk")]
    [TestCase("In Kharkiv Oblast, Russian strikes on Kupiansk and surrounding villages injured 10 civilians.", "Kupiansk")]
    [TestCase("In Kharkiv Oblast, up to 10 civilians were injured in Russian strikes on Kupiansk and Izium.", "Kharkiv Oblast")]
    public void A_town_and_its_unnamed_surroundings_are_the_town_but_two_named_towns_are_their_region(string sentence, string expected) =>
        Assert.That(Only(sentence).Place, Is.EqualTo(expected));

    [TestCase("Israeli strikes hit Khan Younis on Tuesday. Around 1.4 million Gazans have fled their homes, UNRWA said.", "Gaza Strip")]
    [TestCase("Israeli strikes hit Khan Younis on Tuesday. At least 87 Palestinians were killed across the country on Sunday, health officials said.", "Gaza Strip")]
    [TestCase("Troops raided Jenin on Tuesday. At least 770 Palestinians have been killed by Israeli troops since October 2023, the Palestinian Health Ministry said.", "West Bank")]
    public void A_country_wide_figure_of_a_country_made_of_separate_territories_is_the_territory_the_text_is_about(string text, string expected) =>
        Assert.That(Extract(text)[^1].Place, Is.EqualTo(expected));

    [Test]
    public void A_country_wide_figure_of_a_country_of_regions_is_the_country()
    {
        var claims = Extract("Air strikes hit Idlib on Tuesday. At least 87 Syrians were killed across the country on Sunday, the Observatory said.");

        Assert.That(claims[^1].Place, Is.EqualTo("Syria"));
    }

    [TestCase("Israeli strikes hit Lebanon on Monday. Tens of thousands of people fled the south on Monday, jamming the highway to Beirut.", "South Lebanon")]
    [TestCase("Israeli strikes hit Lebanon on Monday. At least 30 people were killed in the south overnight, the health ministry said.", "South Lebanon")]
    [TestCase("Russian forces pressed on in Ukraine. In the east, Russian shelling killed 3 civilians and wounded 6 in the town of Selydove.", "Selydove")]
    [TestCase("Israeli strikes hit Lebanon on Monday. At least 30 people were killed in the south of the city of Tyre, officials said.", "Tyre")]
    public void The_south_alone_is_the_south_of_the_documents_country_unless_a_place_inside_it_is_named(string text, string expected) =>
        Assert.That(Extract(text)[^1].Place, Is.EqualTo(expected));

    [TestCase("In North Kivu, the M23 rebels, who seized the provincial capital Goma in January, have detained hundreds of young men, HRW said.", "North Kivu Province")]
    [TestCase("In North Kivu, the rebels, which took Goma last year, have killed 40 villagers, officials said.", "North Kivu Province")]
    [TestCase("In North Kivu, the rebels killed 40 villagers in Goma, which they seized last year, officials said.", "Goma")]
    public void A_place_in_a_relative_clause_the_figure_is_outside_of_is_not_its_place(string sentence, string expected) =>
        Assert.That(Only(sentence).Place, Is.EqualTo(expected));

    [TestCase("The Gaza Health Ministry's overall toll stands at 43,985 killed, the ministry said.")]
    [TestCase("The cumulative death toll in the war has reached 43,985 killed, the ministry said.")]
    [TestCase("The ministry put the overall tally at 43,985 killed.")]
    public void An_overall_toll_is_of_the_whole_area_and_not_of_the_last_town(string second)
    {
        var claims = Extract("Israeli strikes on Beit Lahia killed 66 people on Tuesday, civil defence crews said. " + second);

        Assert.That(claims[^1].Place, Is.EqualTo("Gaza Strip"));
    }

    [TestCase("Israeli strikes killed at least 87 Palestinians in Gaza City on Sunday. At least 60 of them died in the Shejaiya district.", "Shujaiya")]
    [TestCase("Israeli strikes killed at least 87 Palestinians in Gaza City on Sunday, 60 of them in Shujaiya.", "Shujaiya")]
    [TestCase("Israeli strikes killed at least 87 Palestinians in Gaza City on Sunday, 60 of whom died in Shujaiya.", "Shujaiya")]
    public void A_part_of_them_with_a_place_of_its_own_inside_the_wholes_is_that_place(string text, string expected) =>
        Assert.That(Extract(text)[^1].Place, Is.EqualTo(expected));

    [TestCase("A Russian drone hit a minibus in the town of Bilopillia in Sumy Oblast on Monday. Four passengers were killed, officials said.", "Bilopillia")]
    [TestCase("Gunmen attacked villages in the Bokkos area of Plateau State on Monday. A spokesman said 14 people were injured.", "Bokkos")]
    [TestCase("Gunmen attacked villages in Plateau State on Monday, then Bokkos. A spokesman said 14 people were injured.", "Bokkos")]
    public void A_sentence_without_a_figure_is_about_the_innermost_place_it_named(string text, string expected) =>
        Assert.That(Extract(text)[^1].Place, Is.EqualTo(expected));

    [TestCase("Casualty figures for Iraq\n\nBaghdad, 1 August 2015 - A total of 1,332 Iraqis were killed in July, the UN said.", "Iraq")]
    [TestCase("Casualty figures for Iraq\n\nBaghdad, 1 August 2015 \u2014 A total of 1,332 Iraqis were killed in July, the UN said.", "Iraq")]
    public void A_line_opening_with_a_place_a_date_and_a_dash_is_where_the_release_was_issued(string text, string expected) =>
        Assert.That(Extract(text)[^1].Place, Is.EqualTo(expected));
}
