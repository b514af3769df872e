using System.Globalization;
using Casualties.Domain.Model;
using Casualties.Domain.Reconciliation;
using FsCheck;
using FsCheck.Fluent;
using static Casualties.Domain.Tests.PropertyChecks;
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
                                              && t.Outcome == Model.Outcome.Killed && t.Period == period).ToList();
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
    /// Generated nestings whose deduplicated total is known by construction (FsCheck, <see cref="Nesting"/>): a country
    /// tally around region tallies around events (each level optional, each whole sometimes smaller than its parts),
    /// events after the windows, and sides drawn at random but never two known sides in one nesting (a whole of a side
    /// holds only its side's and unknown incidents). Figures are exact so the total is one number. A failure prints
    /// the smallest nesting FsCheck shrank to, and the seed that replays it.
    /// </summary>
    [Test]
    [Property("Issue", "12")]
    public void The_sides_add_up_to_the_deduplicated_total() => Check(Nesting.Arbitrary(), nesting =>
    {
        var (claims, expected) = nesting.Build();
        var result = Reconciler().Reconcile(claims);
        var sum = SumOverSides(result, VictimGroups.People, "syria");
        var disordered = result.Totals.Where(t => t.Low < 0 || !(t.Low <= t.Best && t.Best <= t.High)).Select(t => t.ToString());
        return (result.Incidents.Count == claims.Count)
            .Label($"each claim its own incident, as generated: {result.Incidents.Count} for {claims.Count}")
            .And((sum == (expected, expected, expected)).Label($"the sides add up to {sum}, not {expected}"))
            .And(None(disordered, "totals out of order"));
    }, 100);

    /// <summary>An event as small numbers: which leaf of its region, the day in its window, its figure and side.</summary>
    /// <remarks><see cref="Side"/> 0 is an unknown side; under a whole of a known side, anything else is that side.</remarks>
    private sealed record EventSpec(int Leaf, int Day, int Figure, int Side)
    {
        public static Gen<EventSpec> Gen(int days) =>
            from leaf in FsCheck.Fluent.Gen.Choose(0, 1)
            from day in FsCheck.Fluent.Gen.Choose(0, days - 1)
            from figure in FsCheck.Fluent.Gen.Choose(1, 59)
            from side in FsCheck.Fluent.Gen.Choose(0, Sides.Length - 1)
            select new EventSpec(leaf, day, figure, side);

        public IEnumerable<EventSpec> Plainer()
        {
            if (Figure > 1) yield return this with { Figure = Figure / 2 };
            if (Day != 0) yield return this with { Day = Day / 2 };
            if (Leaf != 0) yield return this with { Leaf = 0 };
            if (Side != 0) yield return this with { Side = 0 };
        }
    }

    /// <summary>A region: its tally (whose figure is its events' sum plus <see cref="Delta"/>, at least 0) and its events.</summary>
    private sealed record RegionSpec(bool Tally, int Side, int Delta, IReadOnlyList<EventSpec> Events)
    {
        public static readonly Gen<RegionSpec> Gen =
            from tally in FsCheck.Fluent.Gen.Frequency((3, FsCheck.Fluent.Gen.Constant(true)), (1, FsCheck.Fluent.Gen.Constant(false)))
            from side in FsCheck.Fluent.Gen.Choose(0, Sides.Length - 1)
            from delta in FsCheck.Fluent.Gen.Choose(-25, 39)
            from count in FsCheck.Fluent.Gen.Choose(0, 4)
            from events in EventSpec.Gen(20).ListOf(count)
            select new RegionSpec(tally, side, delta, events.ToList());

        public IEnumerable<RegionSpec> Plainer()
        {
            foreach (var events in Fewer(Events)) yield return this with { Events = events };
            if (Tally) yield return this with { Tally = false };
            if (Delta != 0) yield return this with { Delta = Delta / 2 };
            if (Side != 0) yield return this with { Side = 0 };
            foreach (var events in EachPlainer(Events)) yield return this with { Events = events };
        }

        public override string ToString() =>
            $"{(Tally ? $"tally (side {Side}, {Delta:+0;-0;0} on its parts)" : "no tally")} around [{string.Join(", ", Events)}]";
    }

    /// <summary>
    /// One nesting as small numbers, which FsCheck shrinks towards no tallies, no events and unknown sides: the country's
    /// tally, Aleppo's and Idlib's regions (two leaves each) and the events after the windows.
    /// </summary>
    private sealed record Nesting(
        bool CountryTally, int CountrySide, int CountryDelta, RegionSpec Aleppo, RegionSpec Idlib, IReadOnlyList<EventSpec> Late)
    {
        private static readonly DateOnly WindowStart = new(2016, 11, 15), LateStart = new(2016, 12, 20);

        /// <summary>The claims, and the deduplicated total of people killed in Syria they add up to.</summary>
        /// <remarks>An event on a place and day already taken is left out (each claim stays its own incident).</remarks>
        public (List<ClaimRecord> Claims, long Expected) Build()
        {
            var claims = new List<ClaimRecord>();
            var id = 0L;
            var days = new HashSet<(string, DateOnly)>();
            ClaimRecord Add(int figure, string? side, string place, DateOnly start, DateOnly? end = null) =>
                Claim(figure, side: side, place: place, start: Iso(start), end: end is null ? null : Iso(end.Value),
                    cumulative: end is not null, id: ++id, document: $"doc-{id}", reported: Iso((end ?? start).AddDays(1)));
            int Event(EventSpec spec, string? side, string[] leaves, DateOnly from)
            {
                var (place, day) = (leaves[spec.Leaf], from.AddDays(spec.Day));
                if (!days.Add((place, day))) return 0;
                claims.Add(Add(spec.Figure, side, place, day));
                return spec.Figure;
            }

            var countrySide = CountryTally ? Sides[CountrySide] : null;
            var insideCountry = 0L;
            foreach (var (region, leaves, spec) in new[]
                     {
                         ("syria.aleppo", new[] { "syria.aleppo.east", "syria.aleppo.west" }, Aleppo),
                         ("syria.idlib-gov", ["syria.idlib", "syria.maarat"], Idlib),
                     })
            {
                var regionSide = spec.Tally ? Under(countrySide, spec.Side) : countrySide;
                var parts = 0L;
                foreach (var e in spec.Events) parts += Event(e, Under(regionSide ?? countrySide, e.Side), leaves, WindowStart);
                if (spec.Tally)
                {
                    var figure = (int)Math.Max(0, parts + spec.Delta);
                    claims.Add(Add(figure, regionSide, region, WindowStart, new DateOnly(2016, 12, 4)));
                    parts = Math.Max(parts, figure);
                }
                insideCountry += parts;
            }
            var expected = insideCountry;
            if (CountryTally)
            {
                var figure = (int)Math.Max(0, insideCountry + CountryDelta);
                claims.Add(Add(figure, countrySide, "syria", new DateOnly(2016, 11, 10), new DateOnly(2016, 12, 9)));
                expected = Math.Max(insideCountry, figure);
            }
            foreach (var e in Late) expected += Event(e, Sides[e.Side], ["syria.aleppo.east", "syria.idlib"], LateStart);
            return (claims, expected);
        }

        /// <summary>A claim's side inside a whole of <paramref name="known"/> side: that side or unknown; any inside an unknown one.</summary>
        private static string? Under(string? known, int side) => known is null ? Sides[side] : side == 0 ? null : known;

        public static Arbitrary<Nesting> Arbitrary() => Arb.From(
            from countryTally in Gen.Frequency((2, Gen.Constant(true)), (1, Gen.Constant(false)))
            from countrySide in Gen.Choose(0, Sides.Length - 1)
            from countryDelta in Gen.Choose(-40, 59)
            from aleppo in RegionSpec.Gen
            from idlib in RegionSpec.Gen
            from count in Gen.Choose(0, 3)
            from late in EventSpec.Gen(8).ListOf(count)
            select new Nesting(countryTally, countrySide, countryDelta, aleppo, idlib, late.ToList()),
            Shrink);

        /// <summary>Fewer events first, then fewer tallies, then each part a step plainer.</summary>
        private static IEnumerable<Nesting> Shrink(Nesting n)
        {
            foreach (var late in Fewer(n.Late)) yield return n with { Late = late };
            foreach (var aleppo in n.Aleppo.Plainer()) yield return n with { Aleppo = aleppo };
            foreach (var idlib in n.Idlib.Plainer()) yield return n with { Idlib = idlib };
            if (n.CountryTally) yield return n with { CountryTally = false };
            if (n.CountryDelta != 0) yield return n with { CountryDelta = n.CountryDelta / 2 };
            if (n.CountrySide != 0) yield return n with { CountrySide = 0 };
            foreach (var late in EachPlainer(n.Late)) yield return n with { Late = late };
        }

        public override string ToString() =>
            $"country {(CountryTally ? $"tally (side {CountrySide}, {CountryDelta:+0;-0;0} on its parts)" : "no tally")}; "
            + $"Aleppo {Aleppo}; Idlib {Idlib}; after [{string.Join(", ", Late)}]";
    }

    private static readonly string?[] Sides = [null, "government", "opposition"];

    private static IEnumerable<IReadOnlyList<EventSpec>> Fewer(IReadOnlyList<EventSpec> events) =>
        Enumerable.Range(0, events.Count).Select(i => (IReadOnlyList<EventSpec>)[.. events.Take(i), .. events.Skip(i + 1)]);

    private static IEnumerable<IReadOnlyList<EventSpec>> EachPlainer(IReadOnlyList<EventSpec> events) =>
        Enumerable.Range(0, events.Count).SelectMany(i => events[i].Plainer()
            .Select(plainer => (IReadOnlyList<EventSpec>)[.. events.Take(i), plainer, .. events.Skip(i + 1)]));

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
