using Casualties.Domain.Model;
using Casualties.Ingestion.Input;
using Casualties.Ingestion.Mappings;
using Casualties.Postgres.Ingest;

namespace Casualties.Ingestion.Feeds;

/// <summary>
/// Any casualty table through a <see cref="DatasetMapping"/>: one record per row (keyed by the mapping's key
/// columns, ordered by its version column), one claim per figure with a number, ordinal = the figure's place in
/// the mapping, a part's parent the total of its outcome; event_key = dataset:key, so that the row's claims form one
/// event as GED's do. A cell the mapping cannot read rejects the row naming the column.
/// </summary>
public sealed class MappedCsvReader(DatasetMapping mapping) : CsvFeedReader
{
    private int[] key = [], places = [];
    private int version, start, end, reported, latitude, longitude, quote;
    private (int Value, int Low, int High)[] figures = [];
    private (int Source, int Perpetrator, int Side, int Country) specs;
    private DetailsJson? details;

    /// <inheritdoc/>
    public override string Format => mapping.Format;

    /// <inheritdoc/>
    protected override IReadOnlyList<string[]> Required => [];

    /// <inheritdoc/>
    protected override void Bind(CsvInput csv)
    {
        foreach (var (column, path) in mapping.Columns())
        {
            if (!csv.Has(column))
                throw new InputRejectedException($"mapping '{mapping.Name}': column '{column}' ({path}) is not in the header");
        }
        int Of(string? column) => column is null ? -1 : csv.Ordinal(column);
        key = mapping.Key.Select(csv.Ordinal).ToArray();
        places = mapping.Places.Select(csv.Ordinal).ToArray();
        (version, start, end, reported) = (Of(mapping.Version), Of(mapping.Start), Of(mapping.End), Of(mapping.Reported));
        (latitude, longitude, quote) = (Of(mapping.Latitude), Of(mapping.Longitude), Of(mapping.Quote));
        figures = mapping.Figures.Select(f => (Of(f.Value), Of(f.Low), Of(f.High))).ToArray();
        specs = (Of(mapping.Source?.Column), Of(mapping.Perpetrator?.Column), Of(mapping.PerpetratorSide?.Column), Of(mapping.Country?.Column));
        details = new DetailsJson(csv, mapping.Details);
    }

    /// <summary>A row of tags under the header (HXL's "#date,#adm1+name,..."), when the mapping says how they start.</summary>
    protected override bool Skip(CsvInput csv)
    {
        if (mapping.SkipRowsStartingWith is not { } prefix) return false;
        var any = false;
        for (var i = 0; i < csv.FieldCount; i++)
        {
            var cell = csv.Get(i);
            if (cell is null) continue;
            if (!cell.StartsWith(prefix, StringComparison.Ordinal)) return false;
            any = true;
        }
        return any;
    }

    /// <inheritdoc/>
    protected override FeedItem Parse(CsvInput csv, FeedContext context, RecordHash hash)
    {
        var keyParts = key.Select(k => csv.Get(k) ?? "").ToArray();
        if (keyParts.All(p => p.Length == 0))
            throw new RowRejectedException($"{string.Join(", ", mapping.Key.Select(c => $"column '{c}'"))} (the record key) {(key.Length == 1 ? "is" : "are")} empty");
        var recordKey = string.Join('|', keyParts);

        var startDate = Date(csv, start, mapping.Start)!.Value;
        var endDate = Date(csv, end, mapping.End) ?? startDate;
        if (startDate.First > endDate.Last)
            throw new RowRejectedException($"column '{mapping.Start}' {startDate} is after column '{mapping.End}' {endDate}");
        var reportedDay = Date(csv, reported, mapping.Reported)?.Last ?? endDate.Last;

        var resolver = context.Resolver;
        var countryName = Text(csv, specs.Country, mapping.Country);
        var country = countryName is null ? null : resolver.Country(countryName);
        // A cell may itself name a place finest first ("Sadr City, Baghdad"); each part is a candidate, in order.
        var placeCells = places.Select(csv.Get).ToArray();
        var placeNames = placeCells.OfType<string>()
            .SelectMany(cell => cell.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray<string?>();
        var place = placeNames.Length > 0 || countryName is not null ? resolver.Place(placeNames, countryName) : null;
        var countryKey = country?.Key ?? (place is null ? null : resolver.Reference.Gazetteer.CountryOf(place).Key);
        var placeName = placeCells.FirstOrDefault(n => n is not null) ?? countryName;
        var sourceName = Text(csv, specs.Source, mapping.Source) ?? context.Options.Source;
        var source = resolver.Source(sourceName, countryKey);
        var perpetrator = Text(csv, specs.Perpetrator, mapping.Perpetrator);
        var side = Text(csv, specs.Side, mapping.PerpetratorSide)?.ToLowerInvariant() ?? resolver.Actor(perpetrator, countryKey)?.Side;
        var lat = latitude < 0 ? null : FieldParsing.Coordinate(csv.Get(latitude), $"column '{mapping.Latitude}'", 90);
        var lon = longitude < 0 ? null : FieldParsing.Coordinate(csv.Get(longitude), $"column '{mapping.Longitude}'", 180);
        var quoteText = quote < 0 ? null : csv.Get(quote);

        var quantities = new Quantity?[figures.Length];
        for (var i = 0; i < figures.Length; i++) quantities[i] = Figure(csv, i);
        var period = new DatePeriod(startDate, endDate);
        var claims = new List<StagedClaim>(figures.Length);
        for (var i = 0; i < figures.Length; i++)
        {
            var spec = mapping.Figures[i];
            if (quantities[i] is not { } quantity || (spec.Part && quantity.High == 0)) continue;
            int? parent = null;
            if (spec.Part)
            {
                var total = mapping.Figures.Select((f, index) => (f, index)).First(x => x.f.Outcome == spec.Outcome && !x.f.Part).index;
                parent = quantities[total] is null ? null : total;
            }
            var stated = new Claim(spec.Outcome, context.VictimGroup(spec.Victims), spec.VictimSide, quantity, parent,
                sourceName, perpetrator, side, placeName, period, Cumulative: false, quoteText, Span: null, Confidence: 1);
            claims.Add(new StagedClaim(i, stated, Best: null, source, place?.Key, lat, lon, reportedDay));
        }
        if (claims.Count == 0)
        {
            throw new RowRejectedException(
                $"no figure: {string.Join(", ", mapping.Figures.SelectMany(f => new[] { f.Value, f.Low }).OfType<string>().Select(c => $"column '{c}'"))} empty");
        }

        var dataset = mapping.Dataset;
        var record = new FeedRecord(dataset, recordKey, version < 0 ? "" : csv.Get(version) ?? "", Hash(csv, hash), context.Origin, csv.Line,
            $"{dataset}:{recordKey}", null, details!.Of(csv), [], null);
        return FeedItem.Row(record, claims);
    }

    private PartialDate? Date(CsvInput csv, int ordinal, string? column)
    {
        if (ordinal < 0) return null;
        var text = csv.Get(ordinal);
        if (text is null)
        {
            return column == mapping.Start ? throw new RowRejectedException($"column '{column}' (dates.start) is empty") : null;
        }
        return MappedDates.Parse(text, mapping)
            ?? throw new RowRejectedException($"column '{column}': '{text}' is not a date in the mapping's formats{(mapping.DateFormats.Count > 0 ? " (" + string.Join(", ", mapping.DateFormats) + ")" : "")}");
    }

    private static string? Text(CsvInput csv, int ordinal, ValueSpec? spec) => (ordinal < 0 ? null : csv.Get(ordinal)) ?? spec?.Value;

    /// <summary>A single figure (exact), low and high (a range, exact when equal), or low alone (at least); null when the cells are empty.</summary>
    private Quantity? Figure(CsvInput csv, int index)
    {
        var (valueAt, lowAt, highAt) = figures[index];
        var spec = mapping.Figures[index];
        if (valueAt >= 0)
            return FieldParsing.Count(csv.Get(valueAt), $"column '{spec.Value}'") is { } value ? Quantity.Exactly(value) : null;
        var low = FieldParsing.Count(csv.Get(lowAt), $"column '{spec.Low}'");
        var high = highAt < 0 ? null : FieldParsing.Count(csv.Get(highAt), $"column '{spec.High}'");
        if (low is null) return high is null ? null : throw new RowRejectedException($"column '{spec.Low}' is empty but column '{spec.High}' is not");
        if (high is null) return highAt < 0 ? Quantity.Exactly(low.Value) : Quantity.Of(Qualifier.AtLeast, low.Value);
        if (high < low) throw new RowRejectedException($"column '{spec.High}' {high} is below column '{spec.Low}' {low}");
        return low == high ? Quantity.Exactly(low.Value) : Quantity.Between(low.Value, high.Value);
    }
}
