using Casualties.Domain.Extraction;
using Casualties.Domain.Model;

namespace Casualties.Domain.Tests.Extraction;

/// <summary>
/// The time a speech verb carries is when a figure was stated, not when the deaths happened; a running tally ends
/// when it was stated (domain.md), and a list's lines count from when its introduction says the count began.
/// </summary>
[Property("Issue", "16")]
public sealed class StatementTimeTests
{
    /// <summary>A Saturday: Friday is 2025-03-14, Thursday 2025-03-13, Tuesday 2025-03-11.</summary>
    private static readonly DateOnly Saturday = new(2025, 3, 15);

    private static IReadOnlyList<Claim> Extract(string text) => new ClaimExtractor(TestData.Reference).Extract(text, Saturday);

    private static Claim Single(string text)
    {
        var claims = Extract(text);
        Assert.That(claims, Has.Count.EqualTo(1), "expected exactly one claim");
        return claims[0];
    }

    [TestCase("More than 3,000 people have fled the district since the fighting began on 2 March, the agency said on Thursday.")]
    [TestCase("At least 40 civilians have been killed in the province since 2 March, the governor told reporters on Thursday.")]
    [TestCase("The rights group said in a statement on Thursday that 40 civilians had been killed in the province since 2 March.")]
    [TestCase("In a report released on Thursday, the council said 40 civilians had been killed in the district since 2 March.")]
    public void A_running_tally_ends_on_the_day_it_was_stated(string sentence)
    {
        var claim = Single(sentence);

        Assert.That(claim.Cumulative, Is.True);
        Assert.That(claim.Period.End, Is.EqualTo(PartialDate.Day(new DateOnly(2025, 3, 13))));
    }

    [TestCase("Gunmen killed 12 villagers on Tuesday, the district commissioner told reporters on Thursday.")]
    [TestCase("Gunmen killed 12 villagers on Tuesday, the district commissioner said in a statement on Thursday.")]
    [TestCase("The district commissioner told a local radio station on Thursday that gunmen killed 12 villagers on Tuesday.")]
    public void An_event_keeps_its_own_day_when_the_statement_is_dated_later(string sentence)
    {
        var claim = Single(sentence);

        Assert.That(claim.Period.Start, Is.EqualTo(PartialDate.Day(new DateOnly(2025, 3, 11))));
        Assert.That(claim.Period.End, Is.EqualTo(PartialDate.Day(new DateOnly(2025, 3, 11))));
    }

    [TestCase("The provincial council said on Thursday that 26 people had died.")]
    [TestCase("The mayor told a local radio station on Thursday that 26 people had been killed.")]
    [TestCase("Local officials said Thursday 26 people had been killed in the raid.")]
    public void A_later_statement_with_no_day_of_its_own_tells_of_the_event_before(string second)
    {
        var claims = Extract("Gunmen attacked a market in the town of Kalembe on Tuesday, killing 12 people, the police said. " + second);

        Assert.That(claims.Select(c => c.Quantity.Low), Is.EqualTo(new[] { 12, 26 }));
        Assert.That(claims[1].Period.Start, Is.EqualTo(PartialDate.Day(new DateOnly(2025, 3, 11))), "the day of Tuesday's attack");
        Assert.That(claims[1].Period.End, Is.EqualTo(PartialDate.Day(new DateOnly(2025, 3, 11))));
    }

    [TestCase("Separately, the army said on Thursday that it had killed 26 fighters.")]
    [TestCase("The army said on Thursday it had raided a camp, killing 26 fighters.")]
    [TestCase("The council said on Thursday that 26 people had died since the fighting began.")]
    public void A_statement_that_tells_its_own_event_or_a_count_keeps_its_day(string second)
    {
        var claims = Extract("Gunmen attacked a market in the town of Kalembe on Tuesday, killing 12 people, the police said. " + second);

        Assert.That(claims.Select(c => c.Quantity.Low), Is.EqualTo(new[] { 12, 26 }));
        Assert.That(claims[1].Period.End, Is.EqualTo(PartialDate.Day(new DateOnly(2025, 3, 13))));
    }

    [Test]
    public void Arrests_told_of_later_keep_the_day_of_speaking()
    {
        var claims = Extract("Gunmen attacked a market in the town of Kalembe on Tuesday, killing 12 people, the police said. "
            + "The police said on Thursday that 7 suspects had been arrested.");

        Assert.That(claims[1].Outcome, Is.EqualTo(Outcome.Detained));
        Assert.That(claims[1].Period.End, Is.EqualTo(PartialDate.Day(new DateOnly(2025, 3, 13))));
    }

    [Test]
    public void A_statement_weeks_after_the_event_before_is_not_read_as_about_it()
    {
        var claims = Extract("Gunmen attacked a market in the town of Kalembe on 2 February, killing 12 people, the police said. "
            + "The provincial council said on Thursday that 26 people had died.");

        Assert.That(claims[1].Period.End, Is.EqualTo(PartialDate.Day(new DateOnly(2025, 3, 13))));
    }

    [Test]
    public void A_tally_stated_today_ends_today()
    {
        var claim = Single("At least 40 civilians have been killed in the province since 2 March, the governor said.");

        Assert.That(claim.Period.End, Is.EqualTo(PartialDate.Day(Saturday)));
    }

    [Test]
    public void A_figure_an_earlier_announcement_gave_does_not_date_the_new_one()
    {
        var claim = Extract("The toll since 7 October has risen to 412 dead, from 398 announced yesterday, the ministry said.")
            .Single(c => c.Quantity.Low == 412);

        Assert.That(claim.Period.End, Is.EqualTo(PartialDate.Day(Saturday)));
    }

    [TestCase("Situation report (as of 12 March 2025)")]
    [TestCase("Update, as of 18:00 on 12 March")]
    public void A_heading_as_of_a_day_ends_the_tallies_that_follow(string heading)
    {
        var claim = Single(heading + "\n\nAt least 75 people have been killed in the district since the clashes began on 1 March.");

        Assert.That(claim.Period.Start, Is.EqualTo(PartialDate.Day(new DateOnly(2025, 3, 1))));
        Assert.That(claim.Period.End, Is.EqualTo(PartialDate.Day(new DateOnly(2025, 3, 12))));
    }

    [TestCase("1. 61 people dead;\n2. 7 people wounded by gunfire;")]
    [TestCase("- 61 people dead;\n- 7 people wounded by gunfire;")]
    public void Lines_of_a_list_count_from_when_its_introduction_says(string list)
    {
        var claims = Extract("The fighting between the two armed groups, which began on 16 January, has so far left:\n\n" + list);

        Assert.That(claims.Select(c => c.Quantity.Low), Is.EquivalentTo(new[] { 61, 7 }));
        Assert.That(claims.Select(c => c.Period.Start), Is.All.EqualTo(PartialDate.Day(new DateOnly(2025, 1, 16))));
        Assert.That(claims.Select(c => c.Cumulative), Is.All.True);
    }

    [Test]
    public void A_list_ends_where_the_text_goes_on()
    {
        var claims = Extract("The clashes, which began on 16 January, have so far left:\n\n1. 61 people dead;\n\n"
            + "Separately, gunmen killed five people in a village on Tuesday.");

        var separate = claims.Single(c => c.Quantity.Low == 5);
        Assert.That(separate.Period.Start, Is.EqualTo(PartialDate.Day(new DateOnly(2025, 3, 11))));
        Assert.That(separate.Cumulative, Is.False);
    }

    /// <summary>"The previous night" in a story said on its own day is the day before it (session 16).</summary>
    [TestCase("The official said Saturday that gunmen attacked a police post the previous night in the district, killing nine policemen.")]
    [TestCase("Gunmen attacked a police post in the district the previous day, killing nine policemen, the official said.")]
    public void The_previous_night_is_the_day_before_the_story(string sentence) =>
        Assert.That(Single(sentence).Period.Start, Is.EqualTo(PartialDate.Day(new DateOnly(2025, 3, 14))));
}
