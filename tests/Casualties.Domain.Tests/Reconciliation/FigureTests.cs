using Casualties.Domain.Model;
using Casualties.Domain.Reconciliation;
using static Casualties.Domain.Tests.Reconciliation.TestClaims;

namespace Casualties.Domain.Tests.Reconciliation;

[Property("Issue", "8")]
public sealed class FigureTests
{
    [TestCase(Qualifier.Exact, 81, 81, 81, null, 81)]
    [TestCase(Qualifier.MoreThan, 341, 342, null, null, 342)]
    [TestCase(Qualifier.AtLeast, 25, 25, null, null, 25)]
    [TestCase(Qualifier.About, 100, 90, 110, null, 100)]
    [TestCase(Qualifier.Range, null, 20, 30, null, 25)]
    [TestCase(Qualifier.AtMost, 50, 0, 50, null, 50)]
    [TestCase(Qualifier.LessThan, 50, 0, 49, null, 49)]
    [TestCase(Qualifier.Vague, null, 24, 99, null, 24)]
    [TestCase(Qualifier.Range, null, 20, 30, 22, 22)]
    public void A_claims_point_value_follows_its_qualifier(Qualifier qualifier, int? value, int low, int? high, int? best, int expected)
    {
        var claim = Claim(low, high, qualifier, value: value, best: best);
        Assert.That(claim.PointValue(), Is.EqualTo(expected));
    }

    [Test]
    public void A_part_of_a_figure_in_the_same_victim_group_neither_competes_with_it_nor_contradicts_it()
    {
        var result = Reconciler().Reconcile([
            Claim(12, 20, Qualifier.Range, id: 501, source: "UCDP", document: "ged:1", eventKey: "ged:1"),
            Claim(2, id: 502, source: "UCDP", document: "ged:1", position: 1, parent: 501, eventKey: "ged:1")]);

        var incident = result.Incidents.Single();
        Assert.That((incident.Headline!.Low, incident.Headline.High), Is.EqualTo((12, 20)));
        Assert.That(incident.Members.Select(m => (m.ClaimId, m.Victims)),
            Is.EquivalentTo(new[] { (501L, VictimGroups.People), (502L, VictimGroups.People) }), "the part stays a member, in its own group");
        Assert.That(incident.Figures.Single().Sources.Select(s => s.ClaimId), Is.EqualTo(new long[] { 501 }));
        Assert.That(result.Flags, Is.Empty);
    }

    [Test]
    public void Best_is_the_reliability_weighted_median_inside_the_reported_range()
    {
        var result = Reconciler().Reconcile([
            Claim(100, reliability: 0.9, id: 1, source: "A"), Claim(120, reliability: 0.2, id: 2, source: "B"),
            Claim(130, reliability: 0.3, id: 3, source: "C")]);
        var figure = result.Incidents.Single().Headline!;
        Assert.That((figure.Low, figure.Best, figure.High), Is.EqualTo((100, 100, 130)));
    }

    [Test]
    public void Equal_weights_split_in_half_take_the_midpoint() =>
        Assert.That(FigureCalculator.WeightedMedian([(100, 0.5), (120, 0.5)]), Is.EqualTo(110));

    [Test]
    public void At_least_25_and_30_agree_on_30()
    {
        var figure = Reconciler().Reconcile([Claim(25, null, Qualifier.AtLeast, id: 1, source: "A"), Claim(30, id: 2, source: "B")])
            .Incidents.Single().Headline!;
        Assert.That((figure.HasConsensus, figure.ConsensusLow, figure.ConsensusHigh), Is.EqualTo((true, (int?)30, (int?)30)));
        Assert.That((figure.Low, figure.High), Is.EqualTo((25, 30)));
    }

    [Test]
    public void Figures_of_different_victim_groups_are_never_pooled()
    {
        var incident = Reconciler().Reconcile([
            Claim(508, id: 1, source: "A"), Claim(121, victims: VictimGroups.Children, id: 2, source: "B")]).Incidents.Single();
        Assert.That(incident.Headline!.Low, Is.EqualTo(508));
        Assert.That(incident.Figures.Select(f => (f.Victims, f.Low)), Is.EqualTo(new[] { ("people", 508), ("children", 121) }));
    }

    [Test]
    public void The_headline_is_the_broadest_group()
    {
        var incident = Reconciler().Reconcile([
            Claim(40, victims: VictimGroups.Children, id: 1, source: "A"), Claim(60, victims: VictimGroups.Civilians, id: 2, source: "B"),
            Claim(12, victims: VictimGroups.Combatants, victimSide: "opposition", id: 3, source: "C")]).Incidents.Single();
        Assert.That(incident.Headline!.Victims, Is.EqualTo(VictimGroups.Civilians));
        Assert.That(incident.Figures.Count(f => f.Headline), Is.EqualTo(1));
    }
}
