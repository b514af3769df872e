using Casualties.Domain.Extraction;
using Casualties.Domain.Model;

namespace Casualties.Domain.Tests.Extraction;

/// <summary>Constructions of real wire copy (headlines over the body, running tallies, attribution far from the figure), each on sentences written for the rule.</summary>
[Property("Issue", "4")]
public sealed class WireCopyTests
{
    private static readonly DateOnly Monday = new(2023, 11, 13);

    private static IReadOnlyList<Claim> Extract(string text) => new ClaimExtractor(TestData.Reference).Extract(text, Monday);

    private static string PeriodOf(Claim c) => $"{c.Period.Start?.ToString() ?? "-"}..{c.Period.End?.ToString() ?? "-"}";

    [Test]
    public void A_headline_repeating_a_body_figure_is_one_claim_quoted_from_the_body()
    {
        var claims = Extract("Market strike toll rises to 40\n\nThe health ministry said 40 people were killed in the strike on Sunday.");

        Assert.That(claims, Has.Count.EqualTo(1));
        Assert.That(claims[0].Quote, Does.StartWith("The health ministry said 40 people"));
    }

    [Test]
    public void A_headline_figure_the_body_hedges_is_still_the_body_claim()
    {
        var claims = Extract("10:15 GMT – Army says 300 killed in raid\n\nThe army says more than 300 people have been killed since the raid.");

        Assert.That(claims.Select(c => c.Quantity.Low), Is.EqualTo(new[] { 301 }));
    }

    [Test]
    public void A_day_inside_a_since_clause_starts_a_running_tally_to_the_document_date()
    {
        var claims = Extract("Officials say 40 people have been killed since the offensive began on Saturday.");

        Assert.That(claims.Select(PeriodOf), Is.EqualTo(new[] { "2023-11-11..2023-11-13" }));
        Assert.That(claims[0].Cumulative, Is.True);
    }

    [Test]
    public void A_figure_with_no_time_of_its_own_keeps_the_day_of_the_event_told_before()
    {
        var claims = Extract("A missile hit a market in the town on Sunday. The blast was heard across the valley. Nine people were wounded, the governor said.");

        Assert.That(claims.Select(PeriodOf), Is.EqualTo(new[] { "2023-11-12..2023-11-12" }));
    }

    [Test]
    public void A_name_after_said_that_starts_the_reported_clause_is_not_the_source()
    {
        var claims = Extract("A resident said Hamas is holding about 150 captives.");

        Assert.That(claims, Has.Count.EqualTo(1));
        Assert.That(claims[0].Source, Is.Null);
    }

    [Test]
    public void The_toll_of_the_war_as_a_whole_is_placed_in_the_country()
    {
        var claims = Extract("Shelling hit Aleppo on Sunday. The war, which began in 2011, has killed more than 500,000 people, the Syrian Observatory for Human Rights said.");

        Assert.That(claims.Select(c => c.Place), Is.EqualTo(new[] { "Syria" }));
    }

    [Test]
    public void A_state_named_as_the_one_acting_is_not_the_place_of_the_figure()
    {
        var claims = Extract("Shelling hit Gaza City on Sunday. At least 40 people were killed since Israel launched its offensive, medics said.");

        Assert.That(claims.Select(c => c.Place), Is.EqualTo(new[] { "Gaza City" }));
    }

    [Test]
    public void An_official_named_after_his_title_and_before_said_is_the_source()
    {
        var claims = Extract("A missile struck a school in Kharkiv on Sunday, killing four people, the regional governor, Oleh Syniehubov, said on Monday.");

        Assert.That(claims.Select(c => c.Source), Is.EqualTo(new[] { "Kharkiv Regional Military Administration" }));
    }

    [Test]
    public void An_armed_group_opening_the_reported_clause_is_not_the_source()
    {
        var claims = Extract("The network said RSF shelling on the camp killed seven people.");

        Assert.That(claims.Select(c => c.Source), Is.EqualTo(new string?[] { null }));
    }

    [Test]
    public void UN_figures_are_credited_to_the_United_Nations()
    {
        var claims = Extract("The conflict has killed more than 10,000 people in Yemen, according to U.N. figures.");

        Assert.That(claims.Select(c => c.Source), Is.EqualTo(new[] { "United Nations" }));
    }

    [Test]
    public void Injuries_of_the_same_day_told_later_keep_the_attacker_named_before()
    {
        var claims = Extract("A Russian missile strike on Odesa killed two people on Sunday, officials said. The port was badly damaged. Eight other people were injured in the city, the governor said.");

        Assert.That(claims.Select(c => c.PerpetratorSide), Is.EqualTo(new[] { "russia", "russia" }));
    }

    [Test]
    public void Clashes_told_later_on_the_same_day_name_no_attacker()
    {
        var claims = Extract("A Russian missile strike on Odesa killed two people on Sunday, officials said. Clashes near Bakhmut killed five soldiers, the army said.");

        Assert.That(claims.Select(c => c.PerpetratorSide), Is.EqualTo(new string?[] { "russia", null }));
    }

    [Test]
    public void The_time_stamp_of_a_live_blog_entry_is_no_figure()
    {
        var claims = Extract("14:20 - Two women were killed in an air strike on the village, the agency said.");

        Assert.That(claims.Select(c => $"{c.Victims} {c.Quantity.Low}"), Is.EqualTo(new[] { "women 2" }));
    }

    [Test]
    public void A_subset_after_a_long_tail_belongs_to_the_dead_not_to_the_wounded_named_with_them()
    {
        var claims = Extract("The ministry says 300 people have been killed and 900 wounded in air strikes on the city since Saturday, including 80 children.");

        Assert.That(claims[2].Parent, Is.EqualTo(0));
        Assert.That(claims[2].Outcome, Is.EqualTo(Outcome.Killed));
    }

    [Test]
    public void A_subset_right_after_the_wounded_belongs_to_the_wounded()
    {
        var claims = Extract("Five people were killed and 43 people were wounded, among them three children, the governor said.");

        Assert.That(claims[2].Parent, Is.EqualTo(1));
        Assert.That(claims[2].Outcome, Is.EqualTo(Outcome.Injured));
    }
}
