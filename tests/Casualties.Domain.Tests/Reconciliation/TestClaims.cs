using Casualties.Domain.Model;
using Casualties.Domain.Reconciliation;
using Casualties.Domain.Reference;

namespace Casualties.Domain.Tests.Reconciliation;

/// <summary>A small gazetteer and a builder of hand-made claims for the reconciliation tests.</summary>
internal static class TestClaims
{
    public const string Sohr = "Syrian Observatory for Human Rights";
    public const string Sana = "Syrian Arab News Agency";

    public static readonly Gazetteer Gazetteer = new([
        new Place("syria", "Syria", null, "country", [], 35.0, 38.5),
        new Place("syria.aleppo-gov", "Aleppo Governorate", "syria", "region", [], null, null),
        new Place("syria.aleppo", "Aleppo", "syria.aleppo-gov", "city", [], 36.2, 37.15),
        new Place("syria.aleppo.east", "East Aleppo", "syria.aleppo", "district", [], 36.2, 37.18),
        new Place("syria.aleppo.west", "West Aleppo", "syria.aleppo", "district", [], 36.2, 37.12),
        new Place("syria.idlib-gov", "Idlib Governorate", "syria", "region", [], null, null),
        new Place("syria.idlib", "Idlib", "syria.idlib-gov", "city", [], 35.93, 36.63),
        new Place("syria.maarat", "Maarat al-Numan", "syria.idlib-gov", "city", [], 35.64, 36.67),
        new Place("iraq", "Iraq", null, "country", [], 33.0, 44.0),
        new Place("iraq.mosul", "Mosul", "iraq", "city", [], 36.34, 43.13),
    ]);

    private static long nextId = 1000;

    public static DateOnly Day(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A claim with sensible defaults: an exact figure of people killed, SOHR, East Aleppo, one day.</summary>
    public static ClaimRecord Claim(
        int low, int? high = -1, Qualifier qualifier = Qualifier.Exact, string victims = VictimGroups.People,
        string? source = Sohr, double reliability = 0.8, string? side = "government", string? place = "syria.aleppo.east",
        string start = "2016-12-06", string? end = null, bool cumulative = false, string reported = "2016-12-07",
        string document = "doc-1", int position = 0, long? parent = null, string? eventKey = null, long? id = null,
        Outcome outcome = Outcome.Killed, int? value = null, string? victimSide = null, double? latitude = null,
        double? longitude = null, int? best = null, string? placeName = null, PlaceScope? scope = null)
    {
        var startDate = PartialDate.Parse(start);
        var endDate = end is null ? startDate : PartialDate.Parse(end);
        var upper = high == -1 ? low : high;
        var stated = value ?? (qualifier is Qualifier.Vague or Qualifier.Range ? null : qualifier == Qualifier.MoreThan ? low - 1 : low);
        var claim = new Claim(outcome, victims, victimSide, new Quantity(qualifier, stated, low, upper), Parent: null, source,
            Perpetrator: null, side, placeName, new DatePeriod(startDate, endDate), cumulative, $"quote {low}", Span: null, Confidence: 1)
        {
            PlaceScope = scope,
        };
        return new ClaimRecord(id ?? Interlocked.Increment(ref nextId), claim, best, parent, reliability, place,
            latitude, longitude, Day(reported), document, position, eventKey);
    }

    /// <summary>The ten claims of the seed article (shared/seed/expected-claims.jsonl), with ids 1..10.</summary>
    public static IReadOnlyList<ClaimRecord> SeedArticle() =>
    [
        Claim(300001, null, Qualifier.MoreThan, source: null, side: null, place: "syria", start: "2011", end: "2016-12-07", cumulative: true, id: 1, position: 1, value: 300000),
        Claim(2000000, 9999999, Qualifier.Vague, source: null, side: null, place: "syria", start: "2011", end: "2016-12-07", cumulative: true, id: 2, position: 2, outcome: Outcome.Displaced),
        Claim(342, null, Qualifier.MoreThan, place: "syria.aleppo.east", start: "2016-11-15", end: "2016-12-07", cumulative: true, id: 3, position: 3, value: 341),
        Claim(44, victims: VictimGroups.Children, place: "syria.aleppo.east", start: "2016-11-15", end: "2016-12-07", cumulative: true, id: 4, position: 4, parent: 3),
        Claim(81, side: "opposition", place: "syria.aleppo.west", start: "2016-11-15", end: "2016-12-07", cumulative: true, id: 5, position: 5),
        Claim(31, victims: VictimGroups.Children, side: "opposition", place: "syria.aleppo.west", start: "2016-11-15", end: "2016-12-07", cumulative: true, id: 6, position: 6, parent: 5),
        Claim(20000, 99999, Qualifier.Vague, source: null, side: null, place: "syria.aleppo.east", start: "2016-11-15", end: "2016-12-07", id: 7, position: 7, outcome: Outcome.Displaced),
        Claim(25, null, Qualifier.AtLeast, victims: VictimGroups.Civilians, place: "syria.idlib", start: "2016-12-06", id: 8, position: 8),
        Claim(10, side: "opposition", place: "syria.idlib", start: "2016-12-06", id: 9, position: 9),
        Claim(5, victims: VictimGroups.Civilians, side: "opposition", place: "syria.idlib", start: "2016-12-06", id: 10, position: 10, parent: 9),
    ];

    public static Reconciler Reconciler(ReconcileOptions? options = null, IReadOnlyList<IncidentOverride>? overrides = null) =>
        new(Gazetteer, options, overrides);

    public static Incident IncidentOf(this ReconciliationResult result, long claimId) =>
        result.Incidents.Single(i => i.Members.Any(m => m.ClaimId == claimId));

    public static SideTotal Total(this ReconciliationResult result, string? side, string victims, string? place,
        Outcome outcome = Outcome.Killed, TotalPeriod period = TotalPeriod.All, PartialDate? start = null) =>
        result.Totals.Single(t => t.PerpetratorSide == side && t.Victims == victims && t.VictimSide is null && t.PlaceKey == place
                                  && t.Outcome == outcome && t.Period == period && t.Start == start);
}
