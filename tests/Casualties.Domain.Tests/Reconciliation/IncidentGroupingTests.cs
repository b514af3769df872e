using Casualties.Domain.Model;
using Casualties.Domain.Reconciliation;
using static Casualties.Domain.Tests.Reconciliation.TestClaims;

namespace Casualties.Domain.Tests.Reconciliation;

[Property("Issue", "8")]
public sealed class IncidentGroupingTests
{
    [Test]
    public void Two_sources_on_the_same_strike_are_one_incident_with_two_sources()
    {
        var result = Reconciler().Reconcile([Claim(25, id: 1), Claim(30, source: Sana, id: 2, document: "doc-2")]);
        var incident = result.IncidentOf(1);
        Assert.That(result.IncidentOf(2).Key, Is.EqualTo(incident.Key));
        Assert.That(incident.Members.Single(m => m.ClaimId == 2).Rule, Is.EqualTo(MatchRules.SameEvent));
        Assert.That(incident.Headline!.Sources, Has.Count.EqualTo(2));
    }

    [Test]
    public void A_strike_named_by_its_city_and_by_its_district_is_one_incident()
    {
        var result = Reconciler().Reconcile([Claim(25, id: 1), Claim(25, source: Sana, place: "syria.aleppo", id: 2, document: "doc-2")]);
        Assert.That(result.IncidentOf(2).Key, Is.EqualTo(result.IncidentOf(1).Key));
        Assert.That(result.IncidentOf(1).Members.Single(m => m.ClaimId == 2).Rule, Is.EqualTo(MatchRules.SameEventNestedPlace));
        Assert.That(result.IncidentOf(1).PlaceKey, Is.EqualTo("syria.aleppo.east"));
    }

    [Test]
    public void A_city_figure_beside_figures_for_two_of_its_districts_stays_a_whole_of_its_own()
    {
        var result = Reconciler().Reconcile([
            Claim(10, id: 1), Claim(12, place: "syria.aleppo.west", id: 2), Claim(30, source: Sana, place: "syria.aleppo", id: 3, document: "doc-2")]);
        Assert.That(result.Incidents, Has.Count.EqualTo(3));
        Assert.That(result.IncidentOf(3).Members.Single().Rule, Is.EqualTo(MatchRules.AmbiguousAnchor));
        var total = result.Total("government", VictimGroups.People, "syria.aleppo");
        Assert.That((total.Low, total.Method), Is.EqualTo((30L, TotalMethod.Whole)));
    }

    [Test]
    public void Different_days_places_outcomes_or_perpetrator_sides_are_different_incidents()
    {
        var result = Reconciler().Reconcile([
            Claim(10, id: 1), Claim(10, id: 2, start: "2016-12-05"), Claim(10, id: 3, place: "syria.idlib"),
            Claim(10, id: 4, outcome: Outcome.Injured), Claim(10, id: 5, side: "opposition")]);
        Assert.That(result.Incidents, Has.Count.EqualTo(5));
    }

    [Test]
    public void An_unattributed_perpetrator_fits_an_attributed_one()
    {
        var result = Reconciler().Reconcile([Claim(10, id: 1), Claim(11, side: null, source: Sana, id: 2, document: "doc-2")]);
        Assert.That(result.Incidents, Has.Count.EqualTo(1));
        Assert.That(result.Incidents[0].PerpetratorSide, Is.EqualTo("government"));
    }

    [Test]
    public void A_country_figure_never_merges_with_a_city_strike_of_the_same_day()
    {
        var result = Reconciler().Reconcile([Claim(10, id: 1, place: "syria.idlib"), Claim(50, source: Sana, place: "syria", id: 2, document: "doc-2")]);
        Assert.That(result.Incidents, Has.Count.EqualTo(2));
        Assert.That(result.IncidentOf(1).ContainedIn, Is.EqualTo(result.IncidentOf(2).Key));
    }

    [Test]
    public void A_UCDP_and_an_ACLED_event_of_the_same_day_in_the_same_town_are_one_incident_with_two_sources()
    {
        var result = Reconciler().Reconcile([
            Claim(12, source: "UCDP", document: "ucdp:1", eventKey: "ged-1", place: "syria.maarat", id: 1, latitude: 35.64, longitude: 36.67),
            Claim(14, source: "ACLED", document: "acled:9", eventKey: "SYR9", place: "syria.idlib", id: 2, latitude: 35.65, longitude: 36.68)]);
        var incident = result.IncidentOf(1);
        Assert.That(result.IncidentOf(2).Key, Is.EqualTo(incident.Key));
        Assert.That(incident.Headline!.Sources.Select(s => s.Source), Is.EquivalentTo(new[] { "UCDP", "ACLED" }));
        Assert.That(incident.Members.Single(m => m.ClaimId == 2).Rule, Is.EqualTo(MatchRules.SameEventCoordinates));
    }

    [Test]
    public void Two_events_of_one_dataset_never_merge_however_close()
    {
        var result = Reconciler().Reconcile([
            Claim(12, source: "ACLED", document: "acled:1", eventKey: "SYR1", place: "syria.maarat", id: 1),
            Claim(14, source: "ACLED", document: "acled:2", eventKey: "SYR2", place: "syria.maarat", id: 2)]);
        Assert.That(result.Incidents, Has.Count.EqualTo(2));
    }

    [Test]
    [Property("Issue", "14")]
    public void An_incident_holding_events_of_three_datasets_takes_no_other_event_of_any_of_them()
    {
        // Held inline for the first dataset, in a list beyond it (a draft's compact form): each is refused alike.
        var result = Reconciler().Reconcile([
            Claim(12, source: "UCDP", document: "ucdp:1", eventKey: "ged-1", place: "syria.maarat", id: 1),
            Claim(14, source: "ACLED", document: "acled:1", eventKey: "SYR1", place: "syria.maarat", id: 2),
            Claim(13, source: "Airwars", document: "airwars:1", eventKey: "AW1", place: "syria.maarat", id: 3),
            Claim(15, source: "UCDP", document: "ucdp:2", eventKey: "ged-2", place: "syria.maarat", id: 4),
            Claim(11, source: "ACLED", document: "acled:2", eventKey: "SYR2", place: "syria.maarat", id: 5),
            Claim(16, source: "Airwars", document: "airwars:2", eventKey: "AW2", place: "syria.maarat", id: 6),
            Claim(2, victims: VictimGroups.Civilians, source: "Airwars", document: "airwars:1", eventKey: "AW1", place: "syria.maarat", id: 7, position: 1)]);
        Assert.That(result.Incidents.Select(i => i.Members.Select(m => m.ClaimId).ToArray()),
            Is.EquivalentTo(new[] { new long[] { 1, 2, 3, 7 }, new long[] { 4, 5, 6 } }));
        Assert.That(result.IncidentOf(7).Members.Single(m => m.ClaimId == 7).Rule, Is.EqualTo(MatchRules.EventKey));
    }

    [Test]
    [Property("Issue", "14")]
    public void A_later_word_of_the_second_or_third_source_of_a_tally_updates_its_own_series()
    {
        var result = Reconciler().Reconcile([
            Claim(100, start: "2016-11-15", end: "2016-11-25", cumulative: true, reported: "2016-11-25", id: 1, document: "a"),
            Claim(110, source: Sana, start: "2016-11-15", end: "2016-11-26", cumulative: true, reported: "2016-11-26", id: 2, document: "b"),
            Claim(90, source: "Airwars", start: "2016-11-15", end: "2016-11-27", cumulative: true, reported: "2016-11-27", id: 3, document: "c"),
            Claim(150, source: "Airwars", start: "2016-11-15", end: "2016-12-07", cumulative: true, reported: "2016-12-07", id: 4, document: "d"),
            Claim(160, source: Sana, start: "2016-11-15", end: "2016-12-08", cumulative: true, reported: "2016-12-08", id: 5, document: "e")]);
        var rules = result.Incidents.Single().Members.ToDictionary(m => m.ClaimId, m => m.Rule);
        Assert.That(new[] { rules[1], rules[2], rules[3], rules[4], rules[5] }, Is.EqualTo(new[] {
            MatchRules.Anchor, MatchRules.SameTally, MatchRules.SameTally, MatchRules.TallyUpdate, MatchRules.TallyUpdate }));
    }

    [Test]
    public void Rows_sharing_a_dataset_event_id_are_one_incident()
    {
        var result = Reconciler().Reconcile([
            Claim(12, source: "UCDP", document: "ucdp:1", eventKey: "ged-1", place: "syria.maarat", id: 1),
            Claim(3, victims: VictimGroups.Civilians, source: "UCDP", document: "ucdp:1", eventKey: "ged-1", place: "syria.maarat", id: 2, position: 1)]);
        Assert.That(result.Incidents, Has.Count.EqualTo(1));
        Assert.That(result.Incidents[0].Members.Select(m => m.Rule), Is.EqualTo(new[] { MatchRules.Anchor, MatchRules.EventKey }));
    }

    [Test]
    public void An_event_inside_a_tally_is_a_separate_incident_the_tally_contains()
    {
        var tally = Claim(342, null, Qualifier.MoreThan, start: "2016-11-15", end: "2016-12-07", cumulative: true, id: 1);
        var strike = Claim(20, source: Sana, start: "2016-12-06", id: 2, document: "doc-2");
        var result = Reconciler().Reconcile([tally, strike]);
        Assert.That(result.Incidents, Has.Count.EqualTo(2));
        Assert.That(result.IncidentOf(1).Contains, Is.EqualTo(new[] { result.IncidentOf(2).Key }));
        Assert.That(result.Total("government", VictimGroups.People, "syria.aleppo.east").Low, Is.EqualTo(342));
    }

    [Test]
    public void Running_tallies_with_the_same_start_are_one_series_whatever_their_end()
    {
        var result = Reconciler().Reconcile([
            Claim(100, start: "2016-11-15", end: "2016-11-25", cumulative: true, reported: "2016-11-25", id: 1, document: "a"),
            Claim(200, start: "2016-11-15", end: "2016-12-01", cumulative: true, reported: "2016-12-01", id: 2, document: "b"),
            Claim(342, start: "2016-11-15", end: "2016-12-07", cumulative: true, reported: "2016-12-07", id: 3, document: "c")]);
        var incident = result.Incidents.Single();
        Assert.That(incident.Members.Where(m => m.Superseded).Select(m => m.ClaimId), Is.EqualTo(new long[] { 1, 2 }));
        Assert.That(incident.Members.Single(m => m.ClaimId == 3).Rule, Is.EqualTo(MatchRules.TallyUpdate));
        Assert.That(incident.End, Is.EqualTo(PartialDate.Day(Day("2016-12-07"))));
    }

    [Test]
    public void A_tally_updated_three_times_counts_once()
    {
        var result = Reconciler().Reconcile([
            Claim(100, start: "2016-11-15", end: "2016-11-25", cumulative: true, reported: "2016-11-25", id: 1, document: "a"),
            Claim(200, start: "2016-11-15", end: "2016-12-01", cumulative: true, reported: "2016-12-01", id: 2, document: "b"),
            Claim(300, start: "2016-11-15", end: "2016-12-04", cumulative: true, reported: "2016-12-04", id: 3, document: "c"),
            Claim(342, start: "2016-11-15", end: "2016-12-07", cumulative: true, reported: "2016-12-07", id: 4, document: "d")]);
        var total = result.Total("government", VictimGroups.People, "syria");
        Assert.That((total.Low, total.High, total.Incidents), Is.EqualTo((342L, 342L, 1)));
        Assert.That(result.Incidents.Single().Headline!.Superseded.Select(s => s.Value), Is.EqualTo(new int?[] { 100, 200, 300 }));
    }

    [Test]
    public void Within_one_document_the_later_statement_is_the_sources_word()
    {
        var result = Reconciler().Reconcile([
            Claim(300, start: "2016-11-15", end: "2016-12-07", cumulative: true, id: 1, position: 1),
            Claim(342, start: "2016-11-15", end: "2016-12-07", cumulative: true, id: 2, position: 5)]);
        Assert.That(result.Incidents.Single().Headline!.Sources.Single().ClaimId, Is.EqualTo(2));
    }

    [Test]
    public void Closed_windows_that_end_apart_are_different_tallies()
    {
        var result = Reconciler().Reconcile([
            Claim(100, start: "2016-11", end: "2016-11", id: 1), Claim(250, source: Sana, start: "2016-11-01", end: "2016-12-31", id: 2, document: "doc-2")]);
        Assert.That(result.Incidents, Has.Count.EqualTo(2));
        Assert.That(result.IncidentOf(2).Contains, Is.EqualTo(new[] { result.IncidentOf(1).Key }));
    }

    [Test]
    public void A_country_total_and_its_districts_are_counted_once()
    {
        var result = Reconciler().Reconcile([
            Claim(500, place: "syria", start: "2016-11-15", end: "2016-12-07", cumulative: true, id: 1, source: "UN"),
            Claim(342, place: "syria.aleppo.east", start: "2016-11-15", end: "2016-12-07", cumulative: true, id: 2),
            Claim(100, place: "syria.aleppo.west", start: "2016-11-15", end: "2016-12-07", cumulative: true, id: 3)]);
        var country = result.Total("government", VictimGroups.People, "syria");
        Assert.That((country.Low, country.Method, country.Incidents), Is.EqualTo((500L, TotalMethod.Whole, 3)));
        var city = result.Total("government", VictimGroups.People, "syria.aleppo");
        Assert.That((city.Low, city.Method), Is.EqualTo((442L, TotalMethod.SumOfParts)));
    }

    [Test]
    public void When_the_parts_outweigh_the_whole_the_total_is_the_sum_of_the_parts()
    {
        var result = Reconciler().Reconcile([
            Claim(400, place: "syria", start: "2016-11-15", end: "2016-12-07", cumulative: true, id: 1, source: "UN"),
            Claim(342, place: "syria.aleppo.east", start: "2016-11-15", end: "2016-12-07", cumulative: true, id: 2),
            Claim(100, place: "syria.aleppo.west", start: "2016-11-15", end: "2016-12-07", cumulative: true, id: 3)]);
        var country = result.Total("government", VictimGroups.People, "syria");
        Assert.That((country.Low, country.Method), Is.EqualTo((442L, TotalMethod.SumOfParts)));
    }

    [Test]
    public void Totals_roll_up_by_year_and_month_counting_only_incidents_inside_the_period()
    {
        var result = Reconciler().Reconcile([
            Claim(10, start: "2016-11-20", id: 1), Claim(20, start: "2016-12-06", id: 2),
            Claim(342, start: "2016-11-15", end: "2016-12-07", cumulative: true, id: 3, place: "syria.aleppo.west")]);
        Assert.That(result.Total("government", VictimGroups.People, "syria", period: TotalPeriod.Month, start: PartialDate.Month(2016, 12)).Low, Is.EqualTo(20));
        Assert.That(result.Total("government", VictimGroups.People, "syria", period: TotalPeriod.Year, start: PartialDate.Year(2016)).Low, Is.EqualTo(372));
    }

    [Test]
    public void A_pinned_claim_joins_the_incident_its_key_names_and_a_split_one_stands_alone()
    {
        var claims = new[] { Claim(25, id: 1), Claim(30, source: Sana, id: 2, document: "doc-2"), Claim(12, place: "syria.idlib", id: 3, source: "UN") };
        var result = Reconciler(overrides: [
            new IncidentOverride(2, OverrideAction.Split, null, "not the same strike"),
            new IncidentOverride(3, OverrideAction.Pin, "aleppo-strike", null),
            new IncidentOverride(1, OverrideAction.Pin, "aleppo-strike", null)]).Reconcile(claims);
        Assert.That(result.IncidentOf(1).Key, Is.EqualTo("aleppo-strike"));
        Assert.That(result.IncidentOf(3).Key, Is.EqualTo("aleppo-strike"));
        Assert.That(result.IncidentOf(2).Members.Single().Rule, Is.EqualTo(MatchRules.Split));
        Assert.That(result.IncidentOf(1).Members.Select(m => m.Rule), Is.All.EqualTo(MatchRules.Pinned));
    }
}
