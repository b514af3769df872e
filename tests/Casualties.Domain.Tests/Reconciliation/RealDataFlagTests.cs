using Casualties.Domain.Model;
using Casualties.Domain.Reconciliation;
using static Casualties.Domain.Tests.Reconciliation.TestClaims;

namespace Casualties.Domain.Tests.Reconciliation;

/// <summary>The rules that keep real dataset rows from raising false flags (issue 15, docs/reconciliation.md).</summary>
[Property("Issue", "15")]
public sealed class RealDataFlagTests
{
    private static ReconciliationResult Reconcile(params ClaimRecord[] claims) => Reconciler().Reconcile(claims);

    private static ClaimRecord Row(int low, string eventKey, long id, int ordinal = 0, string victims = VictimGroups.People, string? victimSide = null,
        long? parent = null, string place = "syria.aleppo.east", string start = "2016-12-06", string? end = null, PlaceScope? scope = PlaceScope.At,
        string source = "UCDP", int? high = -1, int? best = null) =>
        Claim(low, high, source: source, side: null, place: place, start: start, end: end, id: id, document: eventKey.Replace("ged:", "ucdp-ged:", StringComparison.Ordinal),
            position: ordinal, eventKey: eventKey, victims: victims, victimSide: victimSide, parent: parent, best: best, scope: scope);

    [Test]
    public void An_event_placed_only_somewhere_in_a_country_contains_nothing()
    {
        ClaimRecord[] Day(PlaceScope? countryScope, string? countryEventKey) =>
        [
            Claim(30, place: "syria", side: null, id: 1, document: "country", eventKey: countryEventKey, scope: countryScope),
            Claim(25, place: "syria.idlib", side: null, id: 2, document: "idlib", source: "B"),
            Claim(12, place: "syria.aleppo", side: null, id: 3, document: "aleppo", source: "C"),
        ];
        foreach (var (scope, key) in new[] { (PlaceScope.Within, (string?)null), ((PlaceScope?)null, "ged:1"), (PlaceScope.At, "ged:1") })
        {
            var result = Reconcile(Day(scope, key));
            Assert.That(result.IncidentOf(2).ContainedIn, Is.Null, $"{scope} {key}");
            Assert.That(result.Flags.Where(f => f.Kind == FlagKind.PartsExceedWhole), Is.Empty);
            Assert.That(result.Total(null, VictimGroups.People, "syria").Low, Is.EqualTo(67), "each counts once, none as a whole");
        }
        var across = Reconcile(Day(PlaceScope.Across, null));
        Assert.That(across.IncidentOf(2).ContainedIn, Is.EqualTo(across.IncidentOf(1).Key));
        Assert.That(across.Flags.Single(f => f.Kind == FlagKind.PartsExceedWhole).ClaimIds, Is.EqualTo(new long[] { 1, 2, 3 }));
    }

    [Test]
    public void A_tally_every_word_of_which_lies_somewhere_inside_its_place_is_no_whole()
    {
        ClaimRecord[] Case(PlaceScope? scope) =>
        [
            Claim(10, place: "syria", side: null, start: "2016-12-01", end: "2016-12-31", id: 1, document: "tally", scope: scope),
            Claim(25, place: "syria.idlib", side: null, start: "2016-12-06", id: 2, document: "idlib", source: "B"),
        ];
        Assert.That(Reconcile(Case(PlaceScope.Within)).IncidentOf(2).ContainedIn, Is.Null);
        Assert.That(Reconcile(Case(null)).Flags.Single(f => f.Kind == FlagKind.PartsExceedWhole).ClaimIds, Is.EqualTo(new long[] { 1, 2 }));
    }

    [Test]
    public void The_columns_of_one_dataset_row_never_contradict_each_other()
    {
        var flags = Reconcile(
            Row(17, "ged:7", 1), Row(5, "ged:7", 2, 1, VictimGroups.Combatants, parent: 1),
            Row(12, "ged:7", 3, 2, VictimGroups.Combatants, parent: 1)).Flags;
        Assert.That(flags, Is.Empty, "two parts of one row with no victim side");
        var twoRows = Reconcile(
            Claim(12, side: null, id: 1, document: "monitor:a", source: "M"), Claim(30, side: null, id: 2, document: "monitor:b", source: "M")).Flags;
        Assert.That(twoRows.Single().Kind, Is.EqualTo(FlagKind.SelfContradiction), "two rows of one source the same day still do");
        var sharedEvent = Reconcile(
            Claim(12, side: null, id: 1, document: "monitor:a", source: "M", eventKey: "e1"), Claim(30, side: null, id: 2, document: "monitor:b", source: "M", eventKey: "e1")).Flags;
        Assert.That(sharedEvent.Single().Kind, Is.EqualTo(FlagKind.SelfContradiction), "and so do two rows sharing an event id");
    }

    [Test]
    public void An_event_placed_only_in_the_province_around_another_is_not_set_against_it()
    {
        ClaimRecord[] Case(PlaceScope scope) =>
        [
            Row(30, "ged:9", 1, place: "syria.aleppo-gov", scope: scope),
            Row(10, "acled:SYR9", 2, place: "syria.aleppo", source: "ACLED") with { Document = "acled:SYR9" },
        ];
        var loose = Reconcile(Case(PlaceScope.Within));
        Assert.That(loose.Incidents, Has.Count.EqualTo(1), "grouped (nested places)");
        Assert.That(loose.Flags, Is.Empty);
        Assert.That(Reconcile(Case(PlaceScope.At)).Flags.Single().Kind, Is.EqualTo(FlagKind.DisjointRanges));
    }

    [Test]
    public void An_event_dated_only_to_its_month_is_not_set_against_a_days_event()
    {
        var month = Reconcile(
            Row(10, "ged:9", 1, place: "syria.idlib"),
            Row(30, "acled:SYR9", 2, place: "syria.idlib", source: "ACLED", start: "2016-12", end: "2016-12") with { Document = "acled:SYR9" });
        Assert.That(month.Incidents, Has.Count.EqualTo(1));
        Assert.That(month.Flags, Is.Empty);
        var day = Reconcile(
            Row(10, "ged:9", 1, place: "syria.idlib"),
            Row(30, "acled:SYR9", 2, place: "syria.idlib", source: "ACLED") with { Document = "acled:SYR9" });
        Assert.That(day.Flags.Single().Kind, Is.EqualTo(FlagKind.DisjointRanges));
    }

    [Test]
    public void A_later_count_for_a_place_inside_the_earlier_ones_is_not_a_decrease()
    {
        ClaimRecord Word(int low, string place, string reported, long id) =>
            Claim(low, place: place, start: "2016-11-15", end: reported, cumulative: true, reported: reported, id: id, document: "d" + id);
        var narrower = Reconcile(Word(150, "syria.aleppo", "2016-12-01", 1), Word(95, "syria.aleppo.east", "2016-12-07", 2));
        Assert.That(narrower.Incidents, Has.Count.EqualTo(1));
        Assert.That(narrower.Flags.Where(f => f.Kind == FlagKind.TallyDecreased), Is.Empty);
        var samePlace = Reconcile(Word(150, "syria.aleppo", "2016-12-01", 1), Word(95, "syria.aleppo", "2016-12-07", 2));
        Assert.That(samePlace.Flags.Single(f => f.Kind == FlagKind.TallyDecreased).ClaimIds, Is.EqualTo(new long[] { 1, 2 }));
    }

    [Test]
    public void A_dataset_rows_part_is_measured_against_the_larger_of_its_high_and_best()
    {
        Assert.That(Reconcile(Row(20, "ged:3", 1, high: 25, best: 30), Row(28, "ged:3", 2, 1, VictimGroups.Combatants, parent: 1)).Flags, Is.Empty);
        Assert.That(Reconcile(Row(10, "ged:3", 1, best: 10), Row(14, "ged:3", 2, 1, VictimGroups.Combatants, parent: 1)).Flags.Single().Kind,
            Is.EqualTo(FlagKind.SubsetExceedsTotal));
    }
}
