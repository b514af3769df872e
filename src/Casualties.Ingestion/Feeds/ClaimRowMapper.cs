using Casualties.Domain.Model;
using Casualties.Domain.Reconciliation;
using Casualties.Ingestion.Resolution;
using Casualties.Postgres.Ingest;

namespace Casualties.Ingestion.Feeds;

/// <summary>
/// Our own feed format (docs/ingestion.md): one claim per row, in CSV or JSON Lines, with the claim fields of
/// domain.md. Each row is a record of its dataset keyed by record_id; a newer version replaces it.
/// </summary>
public static class ClaimRowMapper
{
    /// <summary>The quarantine format name of a rejected CSV row of this format.</summary>
    public const string Format = "claims";

    /// <summary>Every field the format knows, in documentation order.</summary>
    public static readonly string[] Fields =
    [
        "dataset", "record_id", "version", "date", "outcome", "victims", "victim_side", "qualifier", "value", "low", "high",
        "phrase", "source", "perpetrator", "perpetrator_side", "place", "start", "end", "cumulative", "quote",
        "parent_record", "event", "latitude", "longitude", "place_scope",
    ];

    /// <summary>The fields a row must give (a CSV needs these columns; a value that is empty rejects the row).</summary>
    public static readonly string[] RequiredFields = ["record_id", "date", "outcome", "victims"];

    /// <summary>One row (fields by name, null when absent or empty) to a record with its one claim.</summary>
    public static FeedItem Map(Func<string, string?> field, FeedContext context, int line, string contentHash)
    {
        var recordKey = FieldParsing.Required(field("record_id"), "record_id");
        var reported = FieldParsing.Day(field("date"), "date");
        var outcome = FieldParsing.Outcome(field("outcome"));
        var victims = context.VictimGroup(field("victims"));
        var quantity = Quantity(field, context);
        var start = FieldParsing.Partial(field("start"), "start");
        var end = FieldParsing.Partial(field("end"), "end");
        if (start is { } s && end is { } e && s.First > e.Last)
            throw new RowRejectedException($"start {s} is after end {e}");

        var resolver = context.Resolver;
        var placeName = field("place");
        // "Kafr Zita, Hama": an unknown town inside a known place (issue 14; reconciliation groups it by its name there).
        var place = placeName is null ? null : resolver.Place(PlaceNames.FinestFirst(placeName));
        var country = place is null ? null : resolver.Reference.Gazetteer.CountryOf(place).Key;
        var sourceName = field("source") ?? context.Options.Source;
        var perpetrator = field("perpetrator");
        var perpetratorSide = field("perpetrator_side")?.ToLowerInvariant() ?? resolver.Actor(perpetrator, country)?.Side;

        var latitude = FieldParsing.Coordinate(field("latitude"), "latitude", 90);
        var longitude = FieldParsing.Coordinate(field("longitude"), "longitude", 180);
        var stated = new Claim(outcome, victims, SideNames.Normalise(field("victim_side")), quantity, Parent: null,
            sourceName, perpetrator, perpetratorSide, placeName, new DatePeriod(start, end),
            FieldParsing.Flag(field("cumulative"), "cumulative"), field("quote"), Span: null, Confidence: 1)
        {
            PlaceScope = field("place_scope") is not { } scopeText ? null
                : PlaceScopeNames.TryParse(scopeText, out var scope) ? scope
                : throw new RowRejectedException($"unknown place_scope '{scopeText}' (at, within or across)"),
        };
        var claim = new StagedClaim(Ordinal: 0, stated, Best: null, resolver.Source(sourceName, country), place?.Key,
            latitude, longitude, reported);
        var dataset = field("dataset") ?? context.DefaultDataset;
        var record = new FeedRecord(dataset, recordKey, field("version") ?? "", contentHash, context.Origin, line,
            field("event"), field("parent_record"), DetailsJson: null, Flags: [], RetiredAt: null);
        return FeedItem.Row(record, [claim]);
    }

    /// <summary>
    /// The figure: a qualifier with its value (bounds as domain.md derives them), a range (low and high), a vague
    /// phrase (bounds from the lexicon unless given), or without a qualifier a value (exact), low and high (range)
    /// or low alone (at least). Explicit bounds must agree with a qualified value's.
    /// </summary>
    private static Quantity Quantity(Func<string, string?> field, FeedContext context)
    {
        var value = FieldParsing.Count(field("value"), "value");
        var low = FieldParsing.Count(field("low"), "low");
        var high = FieldParsing.Count(field("high"), "high");
        var phrase = field("phrase");
        var qualifierText = field("qualifier");
        if (low is { } l0 && high is { } h0 && h0 < l0) throw new RowRejectedException($"high {h0} is below low {l0}");
        if (qualifierText is null)
        {
            if (value is { } v) return Domain.Model.Quantity.Exactly(v);
            if (low is { } l)
            {
                return high is { } h ? (l == h ? Domain.Model.Quantity.Exactly(l) : Domain.Model.Quantity.Between(l, h))
                    : Domain.Model.Quantity.Of(Qualifier.AtLeast, l);
            }
            throw new RowRejectedException("no figure: give value, or low (and high)");
        }
        if (!QualifierNames.TryParse(qualifierText, out var qualifier))
            throw new RowRejectedException($"unknown qualifier '{qualifierText}'");
        switch (qualifier)
        {
            case Qualifier.Range:
                return low is { } rl && high is { } rh ? Domain.Model.Quantity.Between(rl, rh)
                    : throw new RowRejectedException("qualifier range needs low and high");
            case Qualifier.Vague:
                if (phrase is null) throw new RowRejectedException("qualifier vague needs phrase");
                if (low is { } vl) return Domain.Model.Quantity.VagueWords(phrase, vl, high);
                var entry = context.Resolver.Reference.Lexicon.FirstOrDefault(x => string.Equals(x.Phrase, phrase, StringComparison.OrdinalIgnoreCase))
                    ?? throw new RowRejectedException($"vague phrase '{phrase}' is not in the lexicon and no low was given");
                return Domain.Model.Quantity.VagueWords(phrase, entry.Low, entry.High);
            default:
                if (value is not { } qv) throw new RowRejectedException($"qualifier {qualifier.ToName()} needs value");
                var derived = Domain.Model.Quantity.Of(qualifier, qv);
                if ((low is { } el && el != derived.Low) || (high is { } eh && eh != derived.High))
                {
                    throw new RowRejectedException(
                        $"low/high {low}..{high} disagree with {qualifier.ToName()} {qv} ({derived.Low}..{derived.High})");
                }
                return derived;
        }
    }
}
