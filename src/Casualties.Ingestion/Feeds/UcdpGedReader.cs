using Casualties.Domain.Model;
using Casualties.Domain.Reference;
using Casualties.Ingestion.Input;
using Casualties.Ingestion.Resolution;
using Casualties.Postgres.Ingest;

namespace Casualties.Ingestion.Feeds;

/// <summary>
/// UCDP Georeferenced Event Dataset, CSV download. One event becomes up to five claims of UCDP, all killed:
/// ordinal 0 the event's total (people; best with UCDP's low and high: exact when all three agree, else a range;
/// claims.best holds best), then the non-zero parts with the total as parent — 1 deaths_a (combatants of side A),
/// 2 deaths_b (combatants of side B), 3 deaths_civilians, 4 deaths_unknown (people).
/// </summary>
/// <remarks>
/// Perpetrators by type_of_violence: 3 (one-sided) — side A for every claim but side A's own deaths; 1 and 2
/// (state-based, non-state) — side B for side A's deaths and side A for side B's; otherwise unknown. Sides map
/// through the actors reference data (in the conflict fought in the event's country); an actor it does not know
/// stands as its name (<see cref="SideNames"/>) for the parts' victim and perpetrator sides. place_scope: within
/// for where_prec 4-7 or a place the gazetteer does not know, else at. where_prec, date_prec and
/// the descriptive columns stay in feed_records.details. Rows breaking low ≤ best ≤ high are stored as published
/// and flagged (feed_records.flags, and a warning); low above high is stored as the range high..low and flagged.
/// record_key = id, event_key = 'ged:' + id; no version: a changed row replaces the stored one.
/// </remarks>
public sealed class UcdpGedReader : CsvFeedReader
{
    /// <summary>The dataset name of UCDP GED's records (feed_records.dataset, the record keys' prefix).</summary>
    public const string Dataset = "ucdp-ged";
    private const string SourceName = "UCDP";

    private static readonly string[] DetailColumns =
    [
        "type_of_violence", "conflict_new_id", "conflict_name", "dyad_new_id", "dyad_name", "side_a", "side_b", "where_prec",
        "where_description", "adm_1", "adm_2", "country", "region", "date_prec", "source_article", "source_office",
        "source_date", "source_headline", "source_original", "number_of_sources", "event_clarity", "active_year", "year",
    ];

    // The columns read (the others stay in details): name, whether the header must have it, how a cell reads.
    private static readonly CsvLayout Layout = new();
    private static readonly CsvColumn<string> Id = Layout.Required("id", FieldParsing.Required);
    private static readonly CsvColumn<string?> TypeOfViolence = Layout.Required("type_of_violence");
    private static readonly CsvColumn<string?> SideA = Layout.Required("side_a");
    private static readonly CsvColumn<string?> SideB = Layout.Required("side_b");
    private static readonly CsvColumn<string?> WhereDescription = Layout.Optional("where_description");
    // 1-7, the place named down to waters or air; an empty or unreadable cell reads as 7 (the least precise).
    private static readonly CsvColumn<int> WherePrecision =
        Layout.Optional("where_prec", static (cell, _) => int.TryParse(cell, out var p) ? p : 7);
    private static readonly CsvColumn<string?> Adm1 = Layout.Optional("adm_1");
    private static readonly CsvColumn<string?> Adm2 = Layout.Optional("adm_2");
    private static readonly CsvColumn<string?> Country = Layout.Optional("country");
    private static readonly CsvColumn<double?> Latitude = Layout.Optional("latitude", FieldParsing.Latitude);
    private static readonly CsvColumn<double?> Longitude = Layout.Optional("longitude", FieldParsing.Longitude);
    private static readonly CsvColumn<DateOnly> DateStart = Layout.Required("date_start", FieldParsing.Day);
    private static readonly CsvColumn<DateOnly> DateEnd = Layout.Required("date_end", FieldParsing.Day);
    private static readonly CsvColumn<int> DeathsA = Layout.Required("deaths_a", FieldParsing.RequiredCount);
    private static readonly CsvColumn<int> DeathsB = Layout.Required("deaths_b", FieldParsing.RequiredCount);
    private static readonly CsvColumn<int> DeathsCivilians = Layout.Required("deaths_civilians", FieldParsing.RequiredCount);
    private static readonly CsvColumn<int> DeathsUnknown = Layout.Required("deaths_unknown", FieldParsing.RequiredCount);
    private static readonly CsvColumn<int> Best = Layout.Required("best", FieldParsing.RequiredCount, "best_est");
    private static readonly CsvColumn<int> Low = Layout.Required("low", FieldParsing.RequiredCount, "low_est");
    private static readonly CsvColumn<int> High = Layout.Required("high", FieldParsing.RequiredCount, "high_est");

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
        var eventId = row.Get(Id);
        var violence = row.Get(TypeOfViolence);
        var start = row.Get(DateStart);
        var end = row.Get(DateEnd);
        if (start > end) throw new RowRejectedException($"date_start {start:yyyy-MM-dd} is after date_end {end:yyyy-MM-dd}");
        var counts = (A: row.Get(DeathsA), B: row.Get(DeathsB), Civilians: row.Get(DeathsCivilians), Unknown: row.Get(DeathsUnknown));
        var (bestCount, lowCount, highCount) = (row.Get(Best), row.Get(Low), row.Get(High));

        var flags = new List<string>(2);
        if (lowCount > highCount) flags.Add("low_above_high");
        if (bestCount < Math.Min(lowCount, highCount) || bestCount > Math.Max(lowCount, highCount)) flags.Add("best_outside_low_high");
        if (counts.A + counts.B + counts.Civilians + counts.Unknown != bestCount) flags.Add("parts_differ_from_best");
        if (flags.Count > 0 && flags[0] != "parts_differ_from_best")
            context.Warn($"{context.Origin} line {csv.Line}: UCDP event {eventId} has low {lowCount}, best {bestCount}, high {highCount} — stored as published, flagged {string.Join(", ", flags)}.");

        var resolver = context.Resolver;
        var country = row.Get(Country);
        var countryPlace = country is null ? null : resolver.Country(country);
        var precision = row.Get(WherePrecision);
        var finest = precision switch
        {
            <= 2 => new[] { row.Get(WhereDescription), row.Get(Adm2), row.Get(Adm1) },
            3 => [row.Get(Adm2), row.Get(Adm1)],
            4 => [row.Get(Adm1)],
            _ => [],
        };
        var place = resolver.Place(finest, country);
        var placeName = finest.FirstOrDefault(n => n is not null) ?? country;
        // where_prec 4-7 (first-order division, a region, the country, waters or air): somewhere inside the place;
        // so is an event whose place the gazetteer does not know, placed at its country.
        var scope = precision >= 4 || place?.Parent is null ? PlaceScope.Within : PlaceScope.At;
        var (sideA, sideB) = (row.Get(SideA), row.Get(SideB));
        var actorA = resolver.Actor(sideA, countryPlace?.Key);
        var actorB = resolver.Actor(sideB, countryPlace?.Key);
        // The victims' side of each part: the side key, else the actor as written; two actors of one side (rebels
        // fighting rebels) keep their names, so the row's two groups of dead never fall into one.
        var (victimsA, victimsB) = (SideNames.SideOrName(actorA, sideA), SideNames.SideOrName(actorB, sideB));
        if (victimsA is not null && victimsA == victimsB && actorA is not null)
            (victimsA, victimsB) = (SideNames.Normalise(sideA), SideNames.Normalise(sideB));
        var source = resolver.Source(SourceName, countryPlace?.Key);
        var (lat, lon) = (row.Get(Latitude), row.Get(Longitude));
        var period = new DatePeriod(PartialDate.Day(start), PartialDate.Day(end));

        (string? Name, Actor? Actor) sideAPerp = (sideA, actorA), sideBPerp = (sideB, actorB), none = (null, null);
        var oneSided = violence == "3";
        var twoSided = violence is "1" or "2";

        // The event's total keeps a perpetrator side only when the reference data knows it (it is what the event is
        // matched by across datasets, whose actor names differ); a part names its unknown perpetrator as written.
        StagedClaim Claim(int ordinal, string victims, string? victimSide, Quantity quantity, int? bestValue, (string? Name, Actor? Actor) perpetrator) =>
            new(ordinal, new Claim(Outcome.Killed, victims, victimSide, quantity, ordinal == 0 ? null : 0, SourceName, perpetrator.Name,
                    ordinal == 0 ? perpetrator.Actor?.Side : SideNames.SideOrName(perpetrator.Actor, perpetrator.Name),
                    placeName, period, Cumulative: false, Quote: null, Span: null, Confidence: 1) { PlaceScope = scope },
                bestValue, source, place?.Key, lat, lon, end);

        var claims = new List<StagedClaim>(5)
        {
            Claim(0, VictimGroups.People, null,
                lowCount == bestCount && bestCount == highCount ? Quantity.Exactly(bestCount)
                    : Quantity.Between(Math.Min(lowCount, highCount), Math.Max(lowCount, highCount)),
                bestCount, oneSided ? sideAPerp : none),
        };
        if (counts.A > 0) claims.Add(Claim(1, VictimGroups.Combatants, victimsA, Quantity.Exactly(counts.A), counts.A, twoSided ? sideBPerp : none));
        if (counts.B > 0) claims.Add(Claim(2, VictimGroups.Combatants, victimsB, Quantity.Exactly(counts.B), counts.B, twoSided || oneSided ? sideAPerp : none));
        if (counts.Civilians > 0) claims.Add(Claim(3, VictimGroups.Civilians, null, Quantity.Exactly(counts.Civilians), counts.Civilians, oneSided ? sideAPerp : none));
        if (counts.Unknown > 0) claims.Add(Claim(4, VictimGroups.People, null, Quantity.Exactly(counts.Unknown), counts.Unknown, oneSided ? sideAPerp : none));

        var record = new FeedRecord(Dataset, eventId, "", Hash(csv, hash), context.Origin, csv.Line, "ged:" + eventId, null,
            details!.Of(csv), flags, null);
        return FeedItem.Row(record, claims);
    }
}
