using Casualties.Domain.Model;
using Casualties.Domain.Reconciliation;
using static Casualties.Domain.Tests.Reconciliation.TestClaims;

namespace Casualties.Domain.Tests.Reconciliation;

[Property("Issue", "8")]
public sealed class FlagTests
{
    private static IReadOnlyList<ConflictFlag> Flags(FlagKind kind, params ClaimRecord[] claims) =>
        Reconciler().Reconcile(claims).Flags.Where(f => f.Kind == kind).ToList();

    private static ClaimRecord Tally(int low, string end, string reported, long id, int? high = -1, Qualifier qualifier = Qualifier.Exact, string document = "d") =>
        Claim(low, high, qualifier, start: "2016-11-15", end: end, cumulative: true, reported: reported, id: id, document: document + id);

    [Test]
    public void Disjoint_ranges_are_flagged_in_a_sentence_a_journalist_reads()
    {
        var flags = Flags(FlagKind.DisjointRanges,
            Claim(342, null, Qualifier.MoreThan, value: 341, id: 1), Claim(120, source: Sana, id: 2, document: "doc-2"));
        var flag = flags.Single();
        Assert.That(flag.Explanation, Is.EqualTo("SOHR says more than 341 killed; SANA says 120: the ranges do not overlap."));
        Assert.That((flag.ClaimIds, flag.Severity), Is.EqualTo((new long[] { 1, 2 }, Severity.High)));
        Assert.That(flag.Sources, Is.EquivalentTo(new[] { Sohr, Sana }));
    }

    [Test]
    public void Overlapping_ranges_are_not_disjoint() =>
        Assert.That(Flags(FlagKind.DisjointRanges, Claim(25, null, Qualifier.AtLeast, id: 1), Claim(30, source: Sana, id: 2)), Is.Empty);

    [Test]
    public void A_wide_spread_is_flagged_above_the_ratio_and_not_below()
    {
        Assert.That(Flags(FlagKind.WideSpread, Claim(20, null, Qualifier.AtLeast, id: 1), Claim(50, source: Sana, id: 2)), Has.Count.EqualTo(1));
        Assert.That(Flags(FlagKind.WideSpread, Claim(20, null, Qualifier.AtLeast, id: 1), Claim(29, source: Sana, id: 2)), Is.Empty);
    }

    [Test]
    public void A_subset_above_its_total_is_flagged_and_one_below_is_not()
    {
        Assert.That(Flags(FlagKind.SubsetExceedsTotal, Claim(50, id: 1), Claim(60, victims: VictimGroups.Children, parent: 1, id: 2)).Single().Explanation,
            Is.EqualTo("SOHR says 60 children killed, more than the 50 of the total it is part of."));
        Assert.That(Flags(FlagKind.SubsetExceedsTotal, Claim(50, id: 1), Claim(40, victims: VictimGroups.Children, parent: 1, id: 2)), Is.Empty);
    }

    [Test]
    public void Parts_above_their_whole_are_flagged_and_parts_below_are_not()
    {
        ClaimRecord[] Case(int whole) =>
        [
            Claim(whole, place: "syria", start: "2016-11-15", end: "2016-12-07", cumulative: true, id: 1, source: "UN"),
            Claim(342, place: "syria.aleppo.east", start: "2016-11-15", end: "2016-12-07", cumulative: true, id: 2),
            Claim(100, place: "syria.aleppo.west", start: "2016-11-15", end: "2016-12-07", cumulative: true, id: 3),
        ];
        var flag = Flags(FlagKind.PartsExceedWhole, Case(400)).Single();
        Assert.That(flag.ClaimIds, Is.EqualTo(new long[] { 1, 2, 3 }));
        Assert.That(flag.Explanation, Does.Contain("add up to at least 442 killed, more than the 400 of the whole"));
        Assert.That(Flags(FlagKind.PartsExceedWhole, Case(500)), Is.Empty);
    }

    [Test]
    public void A_running_tally_that_goes_down_is_flagged_and_one_that_rises_is_not()
    {
        var flag = Flags(FlagKind.TallyDecreased, Tally(300, "2016-12-01", "2016-12-01", 1), Tally(250, "2016-12-07", "2016-12-07", 2)).Single();
        Assert.That(flag.Explanation, Is.EqualTo("SOHR's running count went down from 300 (2016-12-01) to 250 (2016-12-07)."));
        Assert.That(Flags(FlagKind.TallyDecreased, Tally(300, "2016-12-01", "2016-12-01", 1), Tally(342, "2016-12-07", "2016-12-07", 2)), Is.Empty);
        Assert.That(Flags(FlagKind.TallyDecreased, Tally(300, "2016-12-01", "2016-12-01", 1, null, Qualifier.AtLeast), Tally(290, "2016-12-07", "2016-12-07", 2, 320, Qualifier.Range)), Is.Empty);
    }

    [Test]
    public void One_source_giving_two_incompatible_figures_for_one_event_on_one_day_contradicts_itself()
    {
        Assert.That(Flags(FlagKind.SelfContradiction, Claim(25, id: 1, position: 1), Claim(40, id: 2, position: 2)).Single().Explanation,
            Is.EqualTo("SOHR gives both 40 and 25 killed for the same incident on 2016-12-07."));
        Assert.That(Flags(FlagKind.SelfContradiction, Claim(25, null, Qualifier.AtLeast, id: 1, position: 1), Claim(40, id: 2, position: 2)), Is.Empty);
        Assert.That(Flags(FlagKind.SelfContradiction, Claim(25, id: 1, reported: "2016-12-07"), Claim(40, id: 2, reported: "2016-12-09", document: "later")), Is.Empty);
    }

    [Test]
    public void A_source_far_from_the_others_on_the_log_scale_is_an_outlier()
    {
        var flags = Flags(FlagKind.Outlier, Claim(100, id: 1, source: "A"), Claim(105, id: 2, source: "B"), Claim(98, id: 3, source: "C"), Claim(1000, id: 4, source: "D"));
        Assert.That(flags.Single().ClaimIds, Is.EqualTo(new long[] { 4 }));
        Assert.That(Flags(FlagKind.Outlier, Claim(100, id: 1, source: "A"), Claim(110, id: 2, source: "B"), Claim(95, id: 3, source: "C"), Claim(120, id: 4, source: "D")), Is.Empty);
    }

    [Test]
    public void Thresholds_are_configuration()
    {
        var claims = new[] { Claim(20, null, Qualifier.AtLeast, id: 1), Claim(50, source: Sana, id: 2) };
        var lenient = new Reconciler(Gazetteer, new ReconcileOptions { WideSpreadRatio = 3 }).Reconcile(claims);
        Assert.That(lenient.Flags, Is.Empty);
    }

    [Test]
    public void Explanations_name_a_source_by_the_acronym_the_reference_data_knows_it_by()
    {
        const string Acled = "Armed Conflict Location & Event Data Project";
        var options = new ReconcileOptions { SourceShortNames = new Dictionary<string, string> { [Acled] = "ACLED" } };
        var claims = new[] { Claim(15, source: Acled, id: 1), Claim(29, source: "UCDP", id: 2, document: "doc-2") };

        var flag = new Reconciler(Gazetteer, options).Reconcile(claims).Flags.Single(f => f.Kind == FlagKind.DisjointRanges);

        Assert.That(flag.Explanation, Is.EqualTo("UCDP says 29 killed; ACLED says 15: the ranges do not overlap."));
    }

    [TestCase(new[] { "ACLED", "Armed Conflict Location and Event Data Project", "ACLED data" }, "ACLED")]
    [TestCase(new[] { "UCDP GED", "UCDP", "Uppsala University" }, "UCDP")]
    [TestCase(new[] { "M23", "March 23 Movement" }, "M23")]
    [TestCase(new[] { "Syrian Observatory", "the Observatory" }, null)]
    [TestCase(new string[0], null)]
    public void A_sources_acronym_is_its_shortest_all_capital_alias(string[] aliases, string? expected) =>
        Assert.That(FlagWording.Acronym(aliases), Is.EqualTo(expected));
}
