using Casualties.Ingestion.Input;

namespace Casualties.Ingestion.Feeds;

/// <summary>Our own feed format as CSV (<see cref="ClaimRowMapper"/>).</summary>
public sealed class ClaimCsvReader : CsvFeedReader
{
    private readonly Dictionary<string, int> ordinals = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public override string Format => ClaimRowMapper.Format;

    /// <inheritdoc/>
    protected override IReadOnlyList<string[]> Required { get; } = ClaimRowMapper.RequiredFields.Select(f => new[] { f }).ToList();

    /// <inheritdoc/>
    protected override void Bind(CsvInput csv)
    {
        foreach (var field in ClaimRowMapper.Fields) ordinals[field] = csv.Ordinal(field);
    }

    /// <inheritdoc/>
    protected override FeedItem Parse(CsvInput csv, FeedContext context, RecordHash hash) =>
        ClaimRowMapper.Map(name => csv.Get(ordinals[name]), context, csv.Line, Hash(csv, hash));
}
