using Casualties.Domain.Model;
using Casualties.Domain.Reconciliation;
using static Casualties.Domain.Tests.Reconciliation.TestClaims;

namespace Casualties.Domain.Tests.Reconciliation;

[Property("Issue", "8")]
public sealed class SeedArticleTests
{
    private ReconciliationResult result = null!;

    [OneTimeSetUp]
    public void Reconcile() => result = Reconciler().Reconcile(SeedArticle());

    [Test]
    public void East_Aleppo_West_Aleppo_and_Idlib_are_separate_incidents()
    {
        var east = result.IncidentOf(3);
        var west = result.IncidentOf(5);
        var idlibStrike = result.IncidentOf(8);
        var idlibRetaliation = result.IncidentOf(9);
        Assert.That(new[] { east.Key, west.Key, idlibStrike.Key, idlibRetaliation.Key }, Is.Unique);
        Assert.That(east.Kind, Is.EqualTo(IncidentKind.Tally));
        Assert.That(idlibStrike.Kind, Is.EqualTo(IncidentKind.Event));
    }

    [Test]
    public void The_44_children_are_a_figure_of_the_341_incident_not_a_separate_one()
    {
        var east = result.IncidentOf(3);
        Assert.That(result.IncidentOf(4).Key, Is.EqualTo(east.Key));
        Assert.That(east.Members.Single(m => m.ClaimId == 4).Rule, Is.EqualTo(MatchRules.SubsetOfParent));
        Assert.That(east.Headline!.Victims, Is.EqualTo(VictimGroups.People));
        Assert.That((east.Headline.Low, east.Headline.Best, east.Headline.High), Is.EqualTo((342, 342, 342)));
        Assert.That((east.Headline.ConsensusLow, east.Headline.ConsensusHigh), Is.EqualTo(((int?)342, (int?)null)));
        var children = east.Figures.Single(f => f.Victims == VictimGroups.Children);
        Assert.That((children.Headline, children.Low, children.High), Is.EqualTo((false, 44, 44)));
    }

    [Test]
    public void Government_side_killed_342_in_east_Aleppo_and_at_least_25_civilians_in_Idlib()
    {
        Assert.That(result.Total("government", VictimGroups.People, "syria.aleppo.east").Low, Is.EqualTo(342));
        Assert.That(result.Total("government", VictimGroups.Civilians, "syria.idlib").Low, Is.EqualTo(25));
        var syria = result.Total("government", VictimGroups.People, "syria");
        Assert.That((syria.Low, syria.High, syria.Method), Is.EqualTo((367L, 367L, TotalMethod.SumOfParts)));
    }

    [Test]
    public void Opposition_side_killed_81_in_west_Aleppo_and_10_in_Idlib()
    {
        var syria = result.Total("opposition", VictimGroups.People, "syria");
        Assert.That((syria.Low, syria.High), Is.EqualTo((91L, 91L)));
        Assert.That(result.Total("opposition", VictimGroups.Children, "syria").Low, Is.EqualTo(31));
        Assert.That(result.Total("opposition", VictimGroups.Civilians, "syria").Low, Is.EqualTo(5 + 31));
    }

    [Test]
    public void The_countrywide_toll_since_2011_contains_the_offensive_and_the_strikes_without_adding_them()
    {
        var country = result.IncidentOf(1);
        Assert.That(country.Contains, Is.SupersetOf(new[] { result.IncidentOf(3).Key, result.IncidentOf(5).Key, result.IncidentOf(8).Key }));
        Assert.That(result.IncidentOf(3).ContainedIn, Is.EqualTo(country.Key));
        // The sides' incidents inside it keep their sides; the unattributed toll adds what they leave (issue 14), so the
        // country's sides add up to its 300,001 dead.
        var unattributed = result.Total(null, VictimGroups.People, "syria");
        Assert.That((unattributed.Low, unattributed.Method), Is.EqualTo((300001L - 367 - 91, TotalMethod.Remainder)));
        var sides = result.Totals.Where(t => t.Outcome == Outcome.Killed && t.Victims == VictimGroups.People && t.PlaceKey == "syria"
                                             && t.VictimSide is null && t.Period == TotalPeriod.All);
        Assert.That(sides.Sum(t => t.Low), Is.EqualTo(300001));
    }

    [Test]
    public void The_seed_article_raises_no_flag() => Assert.That(result.Flags, Is.Empty);

    [Test]
    public void Displacement_is_reconciled_apart_from_killings()
    {
        Assert.That(result.IncidentOf(2).Outcome, Is.EqualTo(Outcome.Displaced));
        Assert.That(result.Total(null, VictimGroups.People, "syria", Outcome.Displaced).Low, Is.EqualTo(2000000));
    }
}
