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

    // The columns read (the others stay in details): name, whether the header must have it, how a cell reads.
    private static readonly CsvLayout Layout = new();
    private static readonly CsvColumn<string> EventId = Layout.Required("event_id_cnty", FieldParsing.Required);
    private static readonly CsvColumn<DateOnly> EventDate = Layout.Required("event_date", FieldParsing.Day);
    private static readonly CsvColumn<string> EventType = Layout.Required("event_type", FieldParsing.Required);
    private static readonly CsvColumn<int> Fatalities = Layout.Required("fatalities", FieldParsing.RequiredCount);
    private static readonly CsvColumn<string?> Actor1 = Layout.Optional("actor1");
    private static readonly CsvColumn<string?> CivilianTargeting = Layout.Optional("civilian_targeting");
    private static readonly CsvColumn<string?> Country = Layout.Optional("country");
    private static readonly CsvColumn<string?> Admin1 = Layout.Optional("admin1");
    private static readonly CsvColumn<string?> Admin2 = Layout.Optional("admin2");
    private static readonly CsvColumn<string?> Admin3 = Layout.Optional("admin3");
    private static readonly CsvColumn<string?> Location = Layout.Optional("location");
    private static readonly CsvColumn<double?> Latitude = Layout.Optional("latitude", FieldParsing.Latitude);
    private static readonly CsvColumn<double?> Longitude = Layout.Optional("longitude", FieldParsing.Longitude);
    // ACLED's codes 1-3 (see the remarks); an empty or unreadable cell reads as 1.
    private static readonly CsvColumn<int> GeoPrecision =
        Layout.Optional("geo_precision", static (cell, _) => int.TryParse(cell, out var g) ? g : 1);
    private static readonly CsvColumn<string?> TimePrecision = Layout.Optional("time_precision");
    private static readonly CsvColumn<string?> Notes = Layout.Optional("notes");
    private static readonly CsvColumn<string?> Timestamp = Layout.Optional("timestamp");

    private CsvCells? cells;
    private DetailsJson? details;

    /// <inheritdoc/>
    public override string Format => Dataset;

    /// <inheritdoc/>
    protected override IReadOnlyList<string[]> Required => Layout.RequiredColumns;

    /// <inheritdoc/>
    protected override void Bind(CsvInput csv) => (cells, details) = (Layout.Bind(csv), new DetailsJson(csv, DetailColumns));

    /// <inheritdoc/>
    protected override FeedItem Parse(CsvInput csv, FeedContext context, RecordHash hash)
    {
        var row = cells!;
        var key = row.Get(EventId);
        var day = row.Get(EventDate);
        var type = row.Get(EventType);
        var killed = row.Get(Fatalities);
        var version = row.Get(Timestamp) ?? "";
        DateTimeOffset? stamped = version.Length > 0 ? FieldParsing.UnixTime(version, Timestamp.Name) : null;
        var record = new FeedRecord(Dataset, key, version, Hash(csv, hash), context.Origin, csv.Line, "acled:" + key, null,
            details!.Of(csv), [], null);
        if (killed == 0) return FeedItem.Row(record, []);

        var targetsCivilians = row.Get(CivilianTargeting) is not null || string.Equals(type, "Violence against civilians", StringComparison.OrdinalIgnoreCase);
        var namesPerpetrator = targetsCivilians || string.Equals(type, "Explosions/Remote violence", StringComparison.OrdinalIgnoreCase);
        var resolver = context.Resolver;
        var countryName = row.Get(Country);
        var countryKey = countryName is null ? null : resolver.Country(countryName)?.Key;
        var geo = row.Get(GeoPrecision);
        var (location, admin1, admin2) = (row.Get(Location), row.Get(Admin1), row.Get(Admin2));
        var finest = geo switch
        {
            1 => new[] { location, row.Get(Admin3), admin2, admin1 },
            2 => [row.Get(Admin3), admin2, admin1],
            _ => [admin2, admin1],
        };
        var place = resolver.Place(finest, countryName);
        var perpetrator = namesPerpetrator ? row.Get(Actor1) : null;
        var when = row.Get(TimePrecision) == "3" ? PartialDate.Month(day.Year, day.Month) : PartialDate.Day(day);
        var stated = new Claim(Outcome.Killed, targetsCivilians ? VictimGroups.Civilians : VictimGroups.People, null,
            Quantity.Exactly(killed), Parent: null, SourceName, perpetrator, resolver.Actor(perpetrator, countryKey)?.Side,
            location ?? admin2 ?? admin1 ?? countryName, new DatePeriod(when, when),
            Cumulative: false, row.Get(Notes), Span: null, Confidence: 1)
        {
            // geo_precision 3 (only a larger region is known; ACLED places it at that region's capital) and a
            // place the gazetteer does not know: somewhere inside the place, never a whole around the day's events.
            PlaceScope = geo >= 3 || place?.Parent is null ? PlaceScope.Within : PlaceScope.At,
        };
        var claim = new StagedClaim(0, stated, Best: null, resolver.Source(SourceName, countryKey), place?.Key,
            row.Get(Latitude), row.Get(Longitude),
            stamped is { } t ? DateOnly.FromDateTime(t.UtcDateTime) : day);
        return FeedItem.Row(record, [claim]);
    }
}
