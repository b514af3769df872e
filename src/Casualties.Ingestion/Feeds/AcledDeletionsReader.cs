using Casualties.Ingestion.Input;

namespace Casualties.Ingestion.Feeds;

/// <summary>
/// ACLED's deleted events (event_id_cnty, deleted_timestamp): each retires the stored event's claims
/// (feed_records.retired_at; the claims stay, excluded by readers), unless the stored version is newer than the
/// deletion. A deletion of an event not yet seen is kept as a retired record, so the event read later at an
/// older timestamp stays deleted.
/// </summary>
public sealed class AcledDeletionsReader : CsvFeedReader
{
    private int eventId, deleted;

    /// <inheritdoc/>
    public override string Format => "acled-deletions";

    /// <inheritdoc/>
    protected override IReadOnlyList<string[]> Required { get; } = [["event_id_cnty"], ["deleted_timestamp"]];

    /// <inheritdoc/>
    protected override void Bind(CsvInput csv) => (eventId, deleted) = (csv.Ordinal("event_id_cnty"), csv.Ordinal("deleted_timestamp"));

    /// <inheritdoc/>
    protected override FeedItem Parse(CsvInput csv, FeedContext context, RecordHash hash)
    {
        var key = FieldParsing.Required(csv.Get(eventId), "event_id_cnty");
        var stamp = FieldParsing.Required(csv.Get(deleted), "deleted_timestamp");
        var at = FieldParsing.UnixTime(stamp, "deleted_timestamp");
        return FeedItem.Row(new Postgres.Ingest.FeedRecord(AcledReader.Dataset, key, stamp, Hash(csv, hash), context.Origin, csv.Line,
            "acled:" + key, null, null, [], at), []);
    }
}
