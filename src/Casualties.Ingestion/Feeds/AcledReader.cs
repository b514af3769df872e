using Casualties.Domain.Model;
using Casualties.Ingestion.Input;
using Casualties.Postgres.Ingest;

namespace Casualties.Ingestion.Feeds;

/// <summary>
/// ACLED CSV export (current layout, and the older one with data_id, iso3, event_id_no_cnty and dates like
/// "9-May-20"). An event with fatalities becomes one claim attributed to ACLED: killed, civilians when
/// civilian_targeting is set or the event type is "Violence against civilians", else people.
/// </summary>
/// <remarks>
/// The perpetrator is actor1 where the event type says who did it — "Violence against civilians",
/// "Explosions/Remote violence", or any event with civilian targeting — and unknown for battles, riots, protests
/// and strategic developments (their fatalities fall on both sides). An event with no fatalities is stored as
/// a record without claims, so a later edit or deletion still finds it. record_key = event_id_cnty,
/// version = timestamp (a newer one replaces, an older or equal one is a duplicate), event_key = 'acled:' + id.
/// The claim is reported on the timestamp's day (when ACLED said it), else the event's; its quote is ACLED's
/// notes; the listed sources and precision codes stay in feed_records.details. place_scope: within for
/// geo_precision 3 or a place the gazetteer does not know, else at. ACLED gives no fatalities per side, so its
/// one claim has no victim side.
/// </remarks>
public sealed class AcledReader : CsvFeedReader
{
    /// <summary>The dataset name of ACLED's records (feed_records.dataset, the record keys' prefix).</summary>
    public const string Dataset = "acled";
    private const string SourceName = "ACLED";

    private static readonly string[] DetailColumns =
    [
        "event_type", "sub_event_type", "disorder_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "interaction",
        "civilian_targeting", "country", "iso", "iso3", "admin1", "admin2", "admin3", "location", "geo_precision",
        "time_precision", "source", "source_scale", "tags", "data_id", "event_id_no_cnty",
    ];

    private int eventId, eventDate, eventType, actor1, civilianTargeting, country, admin1, admin2, admin3, location;
    private int latitude, longitude, geoPrecision, timePrecision, notes, fatalities, timestamp;
    private DetailsJson? details;

    /// <inheritdoc/>
    public override string Format => Dataset;

    /// <inheritdoc/>
    protected override IReadOnlyList<string[]> Required { get; } = [["event_id_cnty"], ["event_date"], ["event_type"], ["fatalities"]];

    /// <inheritdoc/>
    protected override void Bind(CsvInput csv)
    {
        (eventId, eventDate, eventType, actor1) = (csv.Ordinal("event_id_cnty"), csv.Ordinal("event_date"), csv.Ordinal("event_type"), csv.Ordinal("actor1"));
        (civilianTargeting, country, admin1, admin2, admin3, location) = (csv.Ordinal("civilian_targeting"), csv.Ordinal("country"),
            csv.Ordinal("admin1"), csv.Ordinal("admin2"), csv.Ordinal("admin3"), csv.Ordinal("location"));
        (latitude, longitude, geoPrecision, timePrecision) =
            (csv.Ordinal("latitude"), csv.Ordinal("longitude"), csv.Ordinal("geo_precision"), csv.Ordinal("time_precision"));
        (notes, fatalities, timestamp) = (csv.Ordinal("notes"), csv.Ordinal("fatalities"), csv.Ordinal("timestamp"));
        details = new DetailsJson(csv, DetailColumns);
    }

    /// <inheritdoc/>
    protected override FeedItem Parse(CsvInput csv, FeedContext context, RecordHash hash)
    {
        var key = FieldParsing.Required(csv.Get(eventId), "event_id_cnty");
        var day = FieldParsing.Day(csv.Get(eventDate), "event_date");
        var type = FieldParsing.Required(csv.Get(eventType), "event_type");
        var killed = FieldParsing.RequiredCount(csv.Get(fatalities), "fatalities");
        var version = csv.Get(timestamp) ?? "";
        DateTimeOffset? stamped = version.Length > 0 ? FieldParsing.UnixTime(version, "timestamp") : null;
        var record = new FeedRecord(Dataset, key, version, Hash(csv, hash), context.Origin, csv.Line, "acled:" + key, null,
            details!.Of(csv), [], null);
        if (killed == 0) return FeedItem.Row(record, []);

        var targetsCivilians = csv.Get(civilianTargeting) is not null || string.Equals(type, "Violence against civilians", StringComparison.OrdinalIgnoreCase);
        var namesPerpetrator = targetsCivilians || string.Equals(type, "Explosions/Remote violence", StringComparison.OrdinalIgnoreCase);
        var resolver = context.Resolver;
        var countryName = csv.Get(country);
        var countryKey = countryName is null ? null : resolver.Country(countryName)?.Key;
        var geo = int.TryParse(csv.Get(geoPrecision), out var g) ? g : 1;
        var finest = geo switch
        {
            1 => new[] { csv.Get(location), csv.Get(admin3), csv.Get(admin2), csv.Get(admin1) },
            2 => [csv.Get(admin3), csv.Get(admin2), csv.Get(admin1)],
            _ => [csv.Get(admin2), csv.Get(admin1)],
        };
        var place = resolver.Place(finest, countryName);
        var perpetrator = namesPerpetrator ? csv.Get(actor1) : null;
        var when = csv.Get(timePrecision) == "3" ? PartialDate.Month(day.Year, day.Month) : PartialDate.Day(day);
        var stated = new Claim(Outcome.Killed, targetsCivilians ? VictimGroups.Civilians : VictimGroups.People, null,
            Quantity.Exactly(killed), Parent: null, SourceName, perpetrator, resolver.Actor(perpetrator, countryKey)?.Side,
            csv.Get(location) ?? csv.Get(admin2) ?? csv.Get(admin1) ?? countryName, new DatePeriod(when, when),
            Cumulative: false, csv.Get(notes), Span: null, Confidence: 1)
        {
            // geo_precision 3 (only a larger region is known; ACLED places it at that region's capital) and a
            // place the gazetteer does not know: somewhere inside the place, never a whole around the day's events.
            PlaceScope = geo >= 3 || place?.Parent is null ? PlaceScope.Within : PlaceScope.At,
        };
        var claim = new StagedClaim(0, stated, Best: null, resolver.Source(SourceName, countryKey), place?.Key,
            FieldParsing.Coordinate(csv.Get(latitude), "latitude", 90), FieldParsing.Coordinate(csv.Get(longitude), "longitude", 180),
            stamped is { } t ? DateOnly.FromDateTime(t.UtcDateTime) : day);
        return FeedItem.Row(record, [claim]);
    }
}
