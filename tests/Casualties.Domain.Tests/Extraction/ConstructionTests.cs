using Casualties.Domain.Extraction;
using Casualties.Domain.Model;

namespace Casualties.Domain.Tests.Extraction;

/// <summary>Claim constructions (families, captives, bare subsets, group references), each on sentences written for the rule.</summary>
[Property("Issue", "4")]
public sealed class ConstructionTests
{
    private static readonly DateOnly Monday = new(2023, 11, 13);

    private static IReadOnlyList<Claim> Extract(string text) => new ClaimExtractor(TestData.Reference).Extract(text, Monday);

    private static string Describe(Claim c) => $"{c.Outcome} {c.Victims} {c.Quantity.Low}..{c.Quantity.High}";

    [TestCase("An army air strike on a house in the east of the city killed a family of seven, the network said.", "Killed people 7..7")]
    [TestCase("Shelling on the market killed one family of five on Sunday.", "Killed people 5..5")]
    [TestCase("Yevgeny Prigozhin said his men had taken 37 Ukrainian soldiers prisoner.", "Detained combatants 37..37")]
    [TestCase("Gunmen took 12 villagers hostage near the border, officials said.", "Detained civilians 12..12")]
    [TestCase("The agency said it has recorded more than 6,000 civilian deaths since February.", "Killed civilians 6001..")]
    [TestCase("A missile struck the bulk carrier, killing two crew members.", "Killed people 2..2")]
    [TestCase("Troops had detained 12 wanted suspects in the raid.", "Detained people 12..12")]
    [TestCase("Police arrested 14 suspected militants in dawn raids, the ministry said.", "Detained people 14..14")]
    [TestCase("Up to 15 people may remain under the rubble, the emergency service said.", "Missing people 0..15")]
    [TestCase("Gunmen raided the village on Sunday, taking around 40 hostage.", "Detained people 36..44")]
    [TestCase("The monitor records over 120 reported fatalities in the province over the week.", "Killed people 121..")]
    [TestCase("Shelling left (14) martyrs and (61) injuries arriving at hospitals.", "Killed people 14..14")]
    [TestCase("The toll of the aggression on the province has risen to (1,204) martyrs, the ministry said.", "Killed people 1204..1204")]
    [TestCase("The strike on the market led to the martyrdom of (12) citizens and the injury of nearly (40) others.", "Killed people 12..12")]
    [TestCase("Women accounted for 23 of the dead, the ministry said.", "Killed women 23..23")]
    [TestCase("The militia said 18 of its fighters are among the dead.", "Killed combatants 18..18")]
    [TestCase("Independent researchers put the death toll as high as 90,000.", "Killed people 0..90000")]
    [TestCase("The monitor counted 31 members of government forces among the dead.", "Killed combatants 31..31")]
    [TestCase("The monitor logged at least 8 fatalities among the Kurdish-led Democratic Forces on Friday.", "Killed combatants 8..")]
    [TestCase("Shelling killed 6 members of the pro-government Tribal Defence Forces militia near the river.", "Killed combatants 6..6")]
    [TestCase("In 1972 some 300,000 people, mostly ethnic Hutus, were killed in the purges.", "Killed people 270000..330000")]
    public void The_first_claim_of_a_sentence_reads_as(string sentence, string expected)
    {
        var claims = Extract(sentence);

        Assert.That(claims, Is.Not.Empty, "no claim read");
        Assert.That(Describe(claims[0]), Is.EqualTo(expected));
    }

    [Test]
    public void A_figure_a_correction_withdraws_is_not_a_claim()
    {
        var claims = Extract("Correction: An earlier version of this story incorrectly stated that 9 villagers were killed in the raid.");

        Assert.That(claims, Is.Empty);
    }

    [Test]
    public void A_population_is_not_a_claim()
    {
        var claims = Extract("Half of the region's population of 1.8 million has been displaced by the fighting.");

        Assert.That(claims, Is.Empty);
    }

    [Test]
    public void A_count_of_families_is_not_a_claim()
    {
        var claims = Extract("The shells hit a school sheltering about 400 displaced families, the group said.");

        Assert.That(claims, Is.Empty);
    }

    [Test]
    public void A_figure_killed_by_mistake_is_still_a_claim()
    {
        var claims = Extract("The army said its troops mistakenly killed 4 civilians at a checkpoint.");

        Assert.That(claims.Select(Describe), Is.EqualTo(new[] { "Killed civilians 4..4" }));
    }

    [Test]
    public void Part_of_a_group_with_its_own_outcome_verb_keeps_that_outcome()
    {
        var claims = Extract("The hospital received 310 wounded people on Sunday, 27 of whom later died of their injuries.");

        Assert.That(claims.Select(Describe), Is.EqualTo(new[] { "Injured people 310..310", "Killed people 27..27" }));
    }

    [Test]
    public void A_figure_with_its_own_verb_after_a_subset_does_not_lend_that_verb_to_the_subset()
    {
        var claims = Extract("Shelling of the district killed 9 civilians, including 3 children, and 20 had been injured.");

        Assert.That(claims.Select(Describe), Is.EqualTo(new[] { "Killed civilians 9..9", "Killed children 3..3", "Injured civilians 20..20" }));
    }

    [Test]
    public void Rows_under_a_lead_in_with_a_colon_take_its_outcome_and_victims()
    {
        var claims = Extract("The mission recorded 300 civilian casualties in May.\n\nCivilian deaths in May, by region:\n"
            + "Zaporizhzhia region: 12\nSumy region: 4 to 7\n\nThe mission said the figures were likely higher.");

        Assert.That(claims.Select(Describe), Is.EqualTo(new[] { "Killed civilians 12..12", "Killed civilians 4..7" }));
    }

    [Test]
    public void Rows_of_a_table_are_parts_of_the_first_whole_figure_above_it()
    {
        var claims = Extract("The mission said 90 civilians were killed in May.\n\nCivilian deaths in May, by region:\n"
            + "Zaporizhzhia region: 12\nSumy region: 7\n\nThe mission said the figures were likely higher.");

        Assert.That(claims.Select(c => c.Parent), Is.EqualTo(new int?[] { null, 0, 0 }));
    }

    [Test]
    public void The_martyrs_include_introduces_parts_of_the_dead()
    {
        var claims = Extract("The toll since March has reached 1,500 martyrs and 2,000 wounded. The martyrs include 300 children and 200 women.");

        Assert.That(claims.Select(Describe), Is.EqualTo(new[] { "Killed people 1500..1500", "Injured people 2000..2000", "Killed children 300..300", "Killed women 200..200" }));
        Assert.That(claims.Skip(2).Select(c => c.Parent), Is.All.EqualTo(0));
    }

    [Test]
    public void Injuries_followed_by_a_participle_are_still_injuries()
    {
        var claims = Extract("Shelling left (14) martyrs and (61) injuries arriving at hospitals.");

        Assert.That(claims.Select(Describe), Is.EqualTo(new[] { "Killed people 14..14", "Injured people 61..61" }));
    }

    [Test]
    public void Staff_members_of_an_aid_body_are_aid_workers()
    {
        var claims = Extract("According to UNRWA, 101 of its staff members have been killed in the Gaza Strip since 7 October.");

        Assert.That(claims.Select(Describe), Is.EqualTo(new[] { "Killed aid_workers 101..101" }));
    }

    [Test]
    public void A_bare_figure_after_a_subset_marker_counts_the_victims_of_its_parent()
    {
        var claims = Extract("The ministry said 460 people had been killed, including 82 in the past 24 hours.");

        Assert.That(claims.Select(Describe), Is.EqualTo(new[] { "Killed people 460..460", "Killed people 82..82" }));
        Assert.That(claims[1].Parent, Is.EqualTo(0));
    }

    [Test]
    public void Of_whom_before_a_bare_figure_makes_a_subset_with_the_parents_outcome()
    {
        var claims = Extract("About 1.5 million people have been displaced, of whom nearly 725,000 are sheltering in 149 schools.");

        Assert.That(claims.Select(Describe), Is.EqualTo(new[] { "Displaced people 1350000..1650000", "Displaced people 652500..724999" }));
        Assert.That(claims[1].Parent, Is.EqualTo(0));
    }

    [Test]
    public void Figures_after_of_the_other_victims_are_parts_of_the_toll_before()
    {
        var claims = Extract("We documented the killing of 300 civilians in May. Of the other victims, 11 were killed by the SDF; seven by ISIS; and five by armed opposition factions.");

        Assert.That(claims.Select(Describe), Is.EqualTo(new[] { "Killed civilians 300..300", "Killed civilians 11..11", "Killed civilians 7..7", "Killed civilians 5..5" }));
        Assert.That(claims.Skip(1).Select(c => c.Parent), Is.All.EqualTo(0));
    }

    [Test]
    public void Of_them_after_a_count_of_things_is_no_claim()
    {
        var claims = Extract("We documented 18 massacres in May, 14 of them at the hands of government forces.");

        Assert.That(claims, Is.Empty);
    }

    [Test]
    public void A_figure_over_the_weekend_spans_the_saturday_and_sunday_before_a_monday_report()
    {
        var claim = Extract("Air strikes killed 12 people in the town over the weekend, the mayor said.").Single();

        Assert.That((claim.Period.Start, claim.Period.End),
            Is.EqualTo((PartialDate.Day(new DateOnly(2023, 11, 11)), PartialDate.Day(new DateOnly(2023, 11, 12)))));
    }

    [Test]
    public void A_figure_over_the_past_day_is_dated_the_day_of_the_report()
    {
        var claim = Extract("Shelling killed 4 civilians in the district over the past day, the governor said.").Single();

        Assert.That((claim.Period.Start, claim.Period.End), Is.EqualTo((PartialDate.Day(Monday), PartialDate.Day(Monday))));
    }

    [Test]
    public void The_date_in_a_dateline_is_not_the_period_of_the_month_it_reports()
    {
        var claim = Extract("Baghdad, 1 November 2023 - A total of 120 civilians were killed in Iraq in October, the mission said.").Single();

        Assert.That((claim.Period.Start, claim.Period.End), Is.EqualTo((PartialDate.Month(2023, 10), PartialDate.Month(2023, 10))));
    }

    [Test]
    public void A_toll_of_a_war_that_erupted_in_a_month_runs_from_that_month_to_the_report()
    {
        var claim = Extract("The war, which erupted in April 2022, has killed at least 9,000 people, the agency said.").Single();

        Assert.That((claim.Period.Start, claim.Period.End), Is.EqualTo((PartialDate.Month(2022, 4), PartialDate.Day(Monday))));
    }

    [Test]
    public void A_long_since_clause_still_makes_its_date_the_start_of_a_running_toll()
    {
        var claim = Extract("Shelling has killed 140 civilians since the army launched its offensive to retake the hills north of the town on 2 October, the governor said.").Single();

        Assert.That((claim.Period.Start, claim.Period.End),
            Is.EqualTo((PartialDate.Day(new DateOnly(2023, 10, 2)), PartialDate.Day(Monday))));
    }

    // Round F: numbers that are not people, and constructions of figures the last round missed.
    [TestCase("Two women, aged 67 and 71, were killed in the strike, police said.", "Killed women 2..2")]
    [TestCase("The victims, aged between 19 and 24, were shot at a checkpoint, and 3 others were wounded.", "Injured people 3..3")]
    [TestCase("Three boys, all aged under 15, were wounded in the blast.", "Injured children 3..3")]
    [TestCase("A man aged 45 and 4 children were killed.", "Killed children 4..4")]
    [TestCase("Gunmen attacked at 3 pm; by 5 the toll stood at 9 dead.", "Killed people 9..9")]
    [TestCase("The 155mm shells killed four soldiers 12 km from the front.", "Killed combatants 4..4")]
    [TestCase("Shelling destroyed 40 houses and 12 vehicles, wounding 5 people.", "Injured people 5..5")]
    [TestCase("It corrected an earlier statement that had put the number of dead at 48,577, saying 48,200 people had been killed.", "Killed people 48200..48200")]
    [TestCase("Revising its previous estimate of 300, the agency said 412 people had died.", "Killed people 412..412")]
    [TestCase("18 bodies had been recovered by Monday evening.", "Killed people 18..18")]
    [TestCase("At least 61 bodies have been retrieved from the river.", "Killed people 61..")]
    [TestCase("Rescuers have so far recovered 23 bodies from the rubble.", "Killed people 23..23")]
    [TestCase("Mexico recorded 30,057 homicide victims in 2024.", "Killed people 30057..30057")]
    [TestCase("The city registered 1,200 murders last year.", "Killed people 1200..1200")]
    [TestCase("Police arrested 42 suspected Fano members in Addis Ababa.", "Detained people 42..42")]
    [TestCase("The army said it had captured 15 RSF members near Omdurman.", "Detained combatants 15..15")]
    [TestCase("Militiamen hacked and shot to death at least 51 people.", "Killed people 51..")]
    [TestCase("Gunmen stabbed and burned to death 7 villagers.", "Killed civilians 7..7")]
    [TestCase("Four people were shot to death at the market.", "Killed people 4..4")]
    [TestCase("Nine civilians were shot and wounded at the checkpoint.", "Injured civilians 9..9")]
    [TestCase("Soldiers beat to death 3 detainees in custody.", "Killed people 3..3")]
    public void A_round_f_construction_reads_as(string sentence, string expected)
    {
        var claims = Extract(sentence);

        Assert.That(claims, Is.Not.Empty, "no claim read");
        Assert.That(claims.Select(Describe), Is.EquivalentTo(new[] { expected }));
    }

    [TestCase("Four children were among nine civilians killed when a drone struck the market.", "Killed civilians 9..9", "Killed children 4..4")]
    [TestCase("Two journalists were among the 14 people killed in the strike.", "Killed people 14..14", "Killed journalists 2..2")]
    [TestCase("Three medics are also among at least 20 dead, the ministry said.", "Killed people 20..", "Killed medics 3..3")]
    [TestCase("Six women were among 30 people wounded in the shelling.", "Injured people 30..30", "Injured women 6..6")]
    [TestCase("Among the 14 killed were four children.", "Killed people 14..14", "Killed children 4..4")]
    public void A_part_named_before_its_whole_is_its_subset(string sentence, string whole, string part)
    {
        var claims = Extract(sentence);

        Assert.That(claims.Select(Describe), Is.EqualTo(new[] { whole, part }));
        Assert.That((claims[0].Parent, claims[1].Parent), Is.EqualTo(((int?)null, (int?)0)));
    }
}
