using Casualties.Ingestion.Input;
using Casualties.Postgres.Ingest;

namespace Casualties.Ingestion.Feeds;

/// <summary>
/// A CSV dataset layout: which columns it requires (by header name; extra columns are ignored) and how one
/// row becomes a record with claims. The shared loop turns unreadable rows and rejected values into
/// quarantine entries carrying the header, and stops at malformed quoting.
/// </summary>
public abstract class CsvFeedReader
{
    /// <summary>The quarantine format name ("ucdp-ged", "acled", ...).</summary>
    public abstract string Format { get; }

    /// <summary>Required columns; each entry lists accepted spellings, the first being the documented one.</summary>
    protected abstract IReadOnlyList<string[]> Required { get; }

    /// <summary>Looks up the columns of this file; called once, before the rows.</summary>
    protected abstract void Bind(CsvInput csv);

    /// <summary>
    /// The current row as a record with its claims. Throw <see cref="RowRejectedException"/> to quarantine the row with
    /// the reason; <paramref name="hash"/> is this file's reusable hash of a row's fields (see <see cref="Hash"/>).
    /// </summary>
    protected abstract FeedItem Parse(CsvInput csv, FeedContext context, RecordHash hash);

    /// <summary>A row that is not data (a row of tags under the header), passed over without a record.</summary>
    protected virtual bool Skip(CsvInput csv) => false;

    /// <summary>
    /// The items of <paramref name="csv"/>'s rows, lazily, in order. A header without a required column throws
    /// <see cref="InputRejectedException"/> (the file is rejected whole); after malformed quoting the row at fault is
    /// the last item.
    /// </summary>
    public IEnumerable<FeedItem> Read(CsvInput csv, FeedContext context)
    {
        var missing = Required.FirstOrDefault(spellings => !spellings.Any(csv.Has));
        if (missing is not null)
            throw new InputRejectedException($"missing required column '{missing[0]}' for the {Format} layout");
        Bind(csv);
        var hash = new RecordHash();
        while (csv.Read())
        {
            FeedItem item;
            if (csv.Problem is null && Skip(csv)) continue;
            if (csv.Problem is { } problem)
            {
                item = Reject(csv, context, problem);
            }
            else
            {
                try
                {
                    item = Parse(csv, context, hash);
                }
                catch (RowRejectedException e)
                {
                    item = Reject(csv, context, e.Message);
                }
            }
            yield return item;
            if (csv.Broken) yield break;
        }
    }

    private FeedItem Reject(CsvInput csv, FeedContext context, string reason) =>
        FeedItem.Rejected(new QuarantineEntry(context.Origin, csv.Line, csv.Raw(), reason, Format, csv.HeaderLine));

    /// <summary>The row's content hash (all its fields).</summary>
    protected static string Hash(CsvInput csv, RecordHash hash)
    {
        csv.HashInto(hash);
        return hash.Finish();
    }
}
