using System.Globalization;
using Casualties.Domain.Model;
using Casualties.Domain.Reconciliation;
using static Casualties.Domain.Tests.Reconciliation.TestClaims;

namespace Casualties.Domain.Tests.Reconciliation;

/// <summary>
/// The totals of all sides of a place and period add up to its deduplicated total (domain.md, "Per-side totals": a
/// total never counts a death twice, a tally and the events inside it), when a tally and the incidents inside it have
/// different sides, one of them unknown.
/// </summary>
[Property("Issue", "14")]
public sealed class SideTotalTests
{
    private static (long Low, long Best, long High) SumOverSides(ReconciliationResult result, string victims, string place,
        TotalPeriod period = TotalPeriod.All)
    {
        var totals = result.Totals.Where(t => t.Victims == victims && t.VictimSide is null && t.PlaceKey == place
                                              && t.Outcome == Outcome.Killed && t.Period == period).ToList();
        return (totals.Sum(t => t.Low), totals.Sum(t => t.Best), totals.Sum(t => t.High));
    }

    [Test]
    public void A_tally_of_unknown_side_counts_only_what_the_sides_events_inside_it_leave()
    {
        var result = Reconciler().Reconcile([
            Claim(100, side: null, place: "syria.aleppo", start: "2016-11-15", end: "2016-12-07", cumulative: true, id: 1, document: "monitor"),
            Claim(30, side: "government", place: "syria.aleppo.east", start: "2016-12-06", id: 2, document: "strike-east"),
            Claim(20, side: "opposition", place: "syria.aleppo.west", start: "2016-12-01", id: 3, document: "shelling-west"),
        ]);
        var unknown = result.Total(null, VictimGroups.People, "syria.aleppo");
        Assert.Multiple(() =>
        {
            Assert.That((unknown.Low, unknown.Best, unknown.High, unknown.Method), Is.EqualTo((50L, 50L, 50L, TotalMethod.Remainder)));
            Assert.That(result.Total("government", VictimGroups.People, "syria.aleppo").Best, Is.EqualTo(30));
            Assert.That(result.Total("opposition", VictimGroups.People, "syria.aleppo").Best, Is.EqualTo(20));
            Assert.That(SumOverSides(result, VictimGroups.People, "syria.aleppo"), Is.EqualTo((100L, 100L, 100L)));
            Assert.That(SumOverSides(result, VictimGroups.People, "syria"), Is.EqualTo((100L, 100L, 100L)), "and around it");
        });
    }

    [Test]
    public void A_tally_of_unknown_side_smaller_than_the_sides_events_inside_it_adds_nothing()
    {
        var result = Reconciler().Reconcile([
            Claim(40, side: null, place: "syria.idlib-gov", start: "2019-12-16", end: "2019-12-24", cumulative: true, id: 1, document: "tally"),
            Claim(25, side: "government", place: "syria.idlib", start: "2019-12-18", id: 2, document: "raid"),
            Claim(22, side: "opposition", place: "syria.maarat", start: "2019-12-20", id: 3, document: "rockets"),
        ]);
        var unknown = result.Total(null, VictimGroups.People, "syria.idlib-gov");
        Assert.That((unknown.Best, unknown.Method), Is.EqualTo((0L, TotalMethod.Remainder)));
        Assert.That(SumOverSides(result, VictimGroups.People, "syria.idlib-gov"), Is.EqualTo((47L, 47L, 47L)));
    }

    [Test]
    public void An_event_of_unknown_side_inside_a_sides_tally_is_counted_in_the_tally()
    {
        var result = Reconciler().Reconcile([
            Claim(112, victims: VictimGroups.Civilians, side: "government", place: "syria.idlib-gov", start: "2019-12-16", end: "2019-12-24",
                cumulative: true, id: 1, document: "offensive-toll"),
            Claim(14, victims: VictimGroups.Civilians, side: null, place: "syria.maarat", start: "2019-12-22", id: 2, document: "market"),
            Claim(4, victims: VictimGroups.Civilians, side: null, source: Sana, place: "syria.maarat", start: "2019-12-22", id: 3, document: "ministry"),
            Claim(9, victims: VictimGroups.Civilians, side: "government", place: "syria.idlib", start: "2019-12-25", id: 4, document: "later-strike"),
        ]);
        var unknown = result.Total(null, VictimGroups.Civilians, "syria.idlib-gov");
        Assert.Multiple(() =>
        {
            Assert.That((unknown.Low, unknown.High, unknown.Method), Is.EqualTo((0L, 0L, TotalMethod.Remainder)));
            Assert.That(result.Total("government", VictimGroups.Civilians, "syria.idlib-gov").Best, Is.EqualTo(121));
            Assert.That(SumOverSides(result, VictimGroups.Civilians, "syria"), Is.EqualTo((121L, 121L, 121L)));
            Assert.That(result.Total(null, VictimGroups.Civilians, "syria.maarat").High, Is.EqualTo(14), "alone at its own place");
            Assert.That(result.IncidentOf(2).ContainedIn, Is.Null, "the incident itself keeps no container of another side");
        });
    }

    [Test]
    public void What_an_unknown_sides_event_adds_beyond_a_sides_smaller_tally_stays_unknown()
    {
        var result = Reconciler().Reconcile([
            Claim(10, side: "opposition", place: "syria.aleppo", start: "2016-11-20", end: "2016-11-30", cumulative: true, id: 1, document: "toll"),
            Claim(16, side: null, place: "syria.aleppo.west", start: "2016-11-25", id: 2, document: "blast"),
        ]);
        Assert.That(result.Total("opposition", VictimGroups.People, "syria.aleppo").Best, Is.EqualTo(10));
        Assert.That(result.Total(null, VictimGroups.People, "syria.aleppo").Best, Is.EqualTo(6));
        Assert.That(SumOverSides(result, VictimGroups.People, "syria.aleppo"), Is.EqualTo((16L, 16L, 16L)));
    }

    [Test]
    public void Totals_of_one_side_alone_are_unchanged()
    {
        var result = Reconciler().Reconcile([
            Claim(50, place: "syria.aleppo", start: "2016-11-15", end: "2016-12-07", cumulative: true, id: 1, document: "toll"),
            Claim(30, place: "syria.aleppo.east", start: "2016-12-06", id: 2, document: "strike"),
        ]);
        var total = result.Total("government", VictimGroups.People, "syria.aleppo");
        Assert.That((total.Best, total.Method, total.Incidents), Is.EqualTo((50L, TotalMethod.Whole, 2)));
        Assert.That(result.Totals.Where(t => t.PerpetratorSide is null), Is.Empty);
    }

    [Test]
    public void A_sides_tally_around_an_unknown_tally_never_takes_the_other_sides_dead_inside_it()
    {
        var result = Reconciler().Reconcile([
            Claim(100, side: "government", place: "syria", start: "2016-11-01", end: "2016-12-31", cumulative: true, id: 1, document: "country"),
            Claim(50, side: null, place: "syria.aleppo", start: "2016-11-15", end: "2016-12-07", cumulative: true, id: 2, document: "city"),
            Claim(20, side: "opposition", place: "syria.aleppo.west", start: "2016-12-01", id: 3, document: "shelling"),
        ]);
        Assert.Multiple(() =>
        {
            Assert.That(result.Total("government", VictimGroups.People, "syria").Best, Is.EqualTo(100));
            Assert.That(result.Total("opposition", VictimGroups.People, "syria").Best, Is.EqualTo(20));
            Assert.That(result.Total(null, VictimGroups.People, "syria").Best, Is.EqualTo(0), "the city's other 30 may be the government's");
            Assert.That(result.Total(null, VictimGroups.People, "syria.aleppo").Best, Is.EqualTo(30), "but are not the opposition's");
        });
    }

    /// <summary>
    /// Generated nestings whose deduplicated total is known by construction: a country tally around region tallies
    /// around events (each level optional, each whole sometimes smaller than its parts), events after the windows, and
    /// sides drawn at random but never two known sides in one nesting (a whole of a side holds only its side's and
    /// unknown incidents). Figures are exact so the total is one number.
    /// </summary>
    [Test]
    public void The_sides_add_up_to_the_deduplicated_total([Range(1, 50)] int seed)
    {
        var random = new Random(seed);
        string?[] sides = ["government", "opposition", null];
        var claims = new List<ClaimRecord>();
        var id = 0L;
        var days = new HashSet<(string, int)>();
        string? SideUnder(string? known) => known is not null ? (random.Next(2) == 0 ? known : null) : sides[random.Next(sides.Length)];
        ClaimRecord Add(int figure, string? side, string place, DateOnly start, DateOnly? end = null) =>
            Claim(figure, side: side, place: place, start: Iso(start), end: end is null ? null : Iso(end.Value),
                cumulative: end is not null, id: ++id, document: $"doc-{id}", reported: Iso((end ?? start).AddDays(1)));
        int Event(string? side, string[] leaves, DateOnly from, int span)
        {
            string place;
            int day;
            do (place, day) = (leaves[random.Next(leaves.Length)], random.Next(span)); while (!days.Add((place, from.AddDays(day).DayNumber)));
            var figure = random.Next(1, 60);
            claims.Add(Add(figure, side, place, from.AddDays(day)));
            return figure;
        }

        var countryTally = random.Next(3) != 0;
        var countrySide = countryTally ? sides[random.Next(sides.Length)] : null;
        var regions = new (string Place, string[] Leaves)[]
            { ("syria.aleppo", ["syria.aleppo.east", "syria.aleppo.west"]), ("syria.idlib-gov", ["syria.idlib", "syria.maarat"]) };
        var insideCountry = 0L;
        foreach (var (region, leaves) in regions)
        {
            var regionTally = random.Next(4) != 0;
            var regionSide = regionTally ? SideUnder(countrySide) : countrySide;
            var parts = 0L;
            for (var e = random.Next(0, 5); e > 0; e--) parts += Event(SideUnder(regionSide ?? countrySide), leaves, new DateOnly(2016, 11, 15), 20);
            if (regionTally)
            {
                var figure = (int)Math.Max(0, parts + random.Next(-25, 40));
                claims.Add(Add(figure, regionSide, region, new DateOnly(2016, 11, 15), new DateOnly(2016, 12, 4)));
                parts = Math.Max(parts, figure);
            }
            insideCountry += parts;
        }
        var expected = insideCountry;
        if (countryTally)
        {
            var figure = (int)Math.Max(0, insideCountry + random.Next(-40, 60));
            claims.Add(Add(figure, countrySide, "syria", new DateOnly(2016, 11, 10), new DateOnly(2016, 12, 9)));
            expected = Math.Max(insideCountry, figure);
        }
        for (var e = random.Next(0, 4); e > 0; e--) expected += Event(sides[random.Next(sides.Length)], ["syria.aleppo.east", "syria.idlib"], new DateOnly(2016, 12, 20), 8);

        var result = Reconciler().Reconcile(claims);
        Assert.That(result.Incidents, Has.Count.EqualTo(claims.Count), "each claim its own incident, as generated");
        Assert.That(SumOverSides(result, VictimGroups.People, "syria"), Is.EqualTo((expected, expected, expected)));
        Assert.That(result.Totals.Where(t => t.Low < 0 || !(t.Low <= t.Best && t.Best <= t.High)), Is.Empty);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
