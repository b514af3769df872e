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

    private int id, typeOfViolence, sideA, sideB, whereDescription, whereprec, adm1, adm2, country, latitude, longitude;
    private int dateStart, dateEnd, deathsA, deathsB, deathsCivilians, deathsUnknown, best, low, high;
    private DetailsJson? details;

    /// <inheritdoc/>
    public override string Format => Dataset;

    /// <inheritdoc/>
    protected override IReadOnlyList<string[]> Required { get; } =
    [
        ["id"], ["type_of_violence"], ["side_a"], ["side_b"], ["date_start"], ["date_end"], ["deaths_a"], ["deaths_b"],
        ["deaths_civilians"], ["deaths_unknown"], ["best", "best_est"], ["low", "low_est"], ["high", "high_est"],
    ];

    /// <inheritdoc/>
    protected override void Bind(CsvInput csv)
    {
        (id, typeOfViolence, sideA, sideB) = (csv.Ordinal("id"), csv.Ordinal("type_of_violence"), csv.Ordinal("side_a"), csv.Ordinal("side_b"));
        (whereDescription, whereprec, adm1, adm2, country) =
            (csv.Ordinal("where_description"), csv.Ordinal("where_prec"), csv.Ordinal("adm_1"), csv.Ordinal("adm_2"), csv.Ordinal("country"));
        (latitude, longitude, dateStart, dateEnd) = (csv.Ordinal("latitude"), csv.Ordinal("longitude"), csv.Ordinal("date_start"), csv.Ordinal("date_end"));
        (deathsA, deathsB, deathsCivilians, deathsUnknown) =
            (csv.Ordinal("deaths_a"), csv.Ordinal("deaths_b"), csv.Ordinal("deaths_civilians"), csv.Ordinal("deaths_unknown"));
        (best, low, high) = (Column(csv, "best", "best_est"), Column(csv, "low", "low_est"), Column(csv, "high", "high_est"));
        details = new DetailsJson(csv, DetailColumns);
    }

    /// <inheritdoc/>
    protected override FeedItem Parse(CsvInput csv, FeedContext context, RecordHash hash)
    {
        var eventId = FieldParsing.Required(csv.Get(id), "id");
        var violence = csv.Get(typeOfViolence);
        var start = FieldParsing.Day(csv.Get(dateStart), "date_start");
        var end = FieldParsing.Day(csv.Get(dateEnd), "date_end");
        if (start > end) throw new RowRejectedException($"date_start {start:yyyy-MM-dd} is after date_end {end:yyyy-MM-dd}");
        var counts = (A: FieldParsing.RequiredCount(csv.Get(deathsA), "deaths_a"), B: FieldParsing.RequiredCount(csv.Get(deathsB), "deaths_b"),
            Civilians: FieldParsing.RequiredCount(csv.Get(deathsCivilians), "deaths_civilians"),
            Unknown: FieldParsing.RequiredCount(csv.Get(deathsUnknown), "deaths_unknown"));
        var (bestCount, lowCount, highCount) = (FieldParsing.RequiredCount(csv.Get(best), "best"),
            FieldParsing.RequiredCount(csv.Get(low), "low"), FieldParsing.RequiredCount(csv.Get(high), "high"));

        var flags = new List<string>(2);
        if (lowCount > highCount) flags.Add("low_above_high");
        if (bestCount < Math.Min(lowCount, highCount) || bestCount > Math.Max(lowCount, highCount)) flags.Add("best_outside_low_high");
        if (counts.A + counts.B + counts.Civilians + counts.Unknown != bestCount) flags.Add("parts_differ_from_best");
        if (flags.Count > 0 && flags[0] != "parts_differ_from_best")
            context.Warn($"{context.Origin} line {csv.Line}: UCDP event {eventId} has low {lowCount}, best {bestCount}, high {highCount} — stored as published, flagged {string.Join(", ", flags)}.");

        var resolver = context.Resolver;
        var countryPlace = csv.Get(country) is { } countryName ? resolver.Country(countryName) : null;
        var precision = int.TryParse(csv.Get(whereprec), out var wp) ? wp : 7;
        var finest = precision switch
        {
            <= 2 => new[] { csv.Get(whereDescription), csv.Get(adm2), csv.Get(adm1) },
            3 => [csv.Get(adm2), csv.Get(adm1)],
            4 => [csv.Get(adm1)],
            _ => [],
        };
        var place = resolver.Place(finest, csv.Get(country));
        var placeName = finest.FirstOrDefault(n => n is not null) ?? csv.Get(country);
        // where_prec 4-7 (first-order division, a region, the country, waters or air): somewhere inside the place;
        // so is an event whose place the gazetteer does not know, placed at its country.
        var scope = precision >= 4 || place?.Parent is null ? PlaceScope.Within : PlaceScope.At;
        var actorA = resolver.Actor(csv.Get(sideA), countryPlace?.Key);
        var actorB = resolver.Actor(csv.Get(sideB), countryPlace?.Key);
        // The victims' side of each part: the side key, else the actor as written; two actors of one side (rebels
        // fighting rebels) keep their names, so the row's two groups of dead never fall into one.
        var (victimsA, victimsB) = (SideNames.SideOrName(actorA, csv.Get(sideA)), SideNames.SideOrName(actorB, csv.Get(sideB)));
        if (victimsA is not null && victimsA == victimsB && actorA is not null)
            (victimsA, victimsB) = (SideNames.Normalise(csv.Get(sideA)), SideNames.Normalise(csv.Get(sideB)));
        var source = resolver.Source(SourceName, countryPlace?.Key);
        var (lat, lon) = (FieldParsing.Coordinate(csv.Get(latitude), "latitude", 90), FieldParsing.Coordinate(csv.Get(longitude), "longitude", 180));
        var period = new DatePeriod(PartialDate.Day(start), PartialDate.Day(end));

        (string? Name, Actor? Actor) sideAPerp = (csv.Get(sideA), actorA), sideBPerp = (csv.Get(sideB), actorB), none = (null, null);
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
