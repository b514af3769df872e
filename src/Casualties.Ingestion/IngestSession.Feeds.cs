using System.Threading.Channels;
using Casualties.Ingestion.Feeds;
using Casualties.Ingestion.Input;
using Casualties.Ingestion.Mappings;
using Casualties.Postgres.Ingest;

namespace Casualties.Ingestion;

internal sealed partial class IngestSession
{
    private const int ProgressEvery = 4096;
    // Rows in flight between the threads: every row still held when the collector runs is copied to an older
    // generation, so the hand-over is kept short (512 rows queued; the writer holds its own chunk of 4,096): the writer,
    // not the reader, waits on the server. Before: 4 x 1,024.
    private const int ChunkRows = 256;
    private const int HandOverChunks = 2;

    /// <summary>A feed file in one pass: rows stream from the reader to the batch writer; nothing holds the whole file.</summary>
    private async Task IngestFeed(string origin, InputFormat format, Func<Stream> open, CancellationToken ct)
    {
        var decoding = new TolerantUtf8();
        await using var stream = open();
        using var text = options.Mapping?.Encoding is { } encoding && format == InputFormat.Csv
            ? new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true)
            : decoding.Reader(stream);
        await IngestFeedText(origin, format, text, firstLine: 1, ct);
        if (decoding.Warning(origin) is { } warning) Warn(warning);
    }

    /// <summary>Feed rows from text; <paramref name="firstLine"/> is the line number of its first line (a retried row keeps its own).</summary>
    public async Task IngestFeedText(string origin, InputFormat format, TextReader text, int firstLine, CancellationToken ct)
    {
        var context = new FeedContext(origin, resolver, victimGroups, options) { OnWarning = Warn };
        CsvInput? csv = null;
        try
        {
            IEnumerable<FeedItem> items;
            if (format == InputFormat.JsonLines)
            {
                items = ClaimJsonLinesReader.Read(text, context, firstLine);
            }
            else
            {
                var mapping = options.Mapping;
                if (mapping is { HeaderRow: > 1 } && firstLine == 1)
                {
                    // Lines above the header (a title, notes) are not data.
                    for (; firstLine < mapping.HeaderRow && text.ReadLine() is not null; firstLine++)
                    {
                    }
                }
                csv = CsvInput.Open(text, firstLine, mapping?.Delimiter);
                items = ReaderFor(csv).Read(csv, context);
            }
            await Write(items, ct);
        }
        finally
        {
            csv?.Dispose();
        }
    }

    /// <summary>
    /// Rows are parsed on one thread and written on another: while the server stores a chunk, the next rows are read,
    /// checked and resolved. The hand-over holds a few small chunks, so memory stays flat.
    /// </summary>
    private async Task Write(IEnumerable<FeedItem> items, CancellationToken ct)
    {
        var before = feeds;
        await using var writer = await FeedBatchWriter.Open(dataSource, RunId, options.BatchSize, ct,
            committed => { feeds = before.Add(committed); Report(); });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var chunks = Channel.CreateBounded<FeedItem[]>(new BoundedChannelOptions(HandOverChunks) { SingleReader = true, SingleWriter = true });
        var reading = Task.Run(() => Read(items, chunks.Writer, stop.Token), stop.Token);
        try
        {
            var read = 0;
            await foreach (var chunk in chunks.Reader.ReadAllAsync(stop.Token))
            {
                foreach (var item in chunk)
                {
                    if (item.Rejection is { } rejection)
                    {
                        NoteRejection(rejection.Origin, rejection.Line, rejection.Reason);
                        if (!Retrying) await writer.Quarantine(rejection, ct);
                    }
                    else
                    {
                        await writer.Add(item.Record!, item.Claims, ct);
                    }
                    rowsRead++;
                    if (++read % ProgressEvery == 0) Report();
                }
            }
        }
        finally
        {
            // A failed write stops the reader; a failed read surfaces here with its own exception.
            await stop.CancelAsync();
            try
            {
                await reading;
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested && stop.IsCancellationRequested)
            {
            }
        }
        await writer.Flush(ct);
    }

    private static async Task Read(IEnumerable<FeedItem> items, ChannelWriter<FeedItem[]> chunks, CancellationToken ct)
    {
        try
        {
            var chunk = new List<FeedItem>(ChunkRows);
            foreach (var item in items)
            {
                chunk.Add(item);
                if (chunk.Count < ChunkRows) continue;
                await chunks.WriteAsync([.. chunk], ct);
                chunk.Clear();
            }
            if (chunk.Count > 0) await chunks.WriteAsync([.. chunk], ct);
            chunks.Complete();
        }
        catch (Exception e)
        {
            chunks.Complete(e);
            throw;
        }
    }

    /// <summary>The mapping the user named, else the layout a CSV header announces, else a shipped mapping whose signature it matches.</summary>
    private CsvFeedReader ReaderFor(CsvInput csv)
    {
        if (options.Mapping is { } mapping) return new MappedCsvReader(mapping);
        if (csv.Has("event_id_cnty") && csv.Has("deleted_timestamp")) return new AcledDeletionsReader();
        if (csv.Has("event_id_cnty")) return new AcledReader();
        if (csv.Has("deaths_civilians") || (csv.Has("type_of_violence") && csv.Has("side_a"))) return new UcdpGedReader();
        if (csv.Has("record_id")) return new ClaimCsvReader();
        var shipped = options.Mappings ?? MappingCatalog.Shipped();
        if (MappingCatalog.Matching(shipped, csv) is { } matched) return new MappedCsvReader(matched);
        throw new InputRejectedException(
            "unrecognised CSV layout: the header has none of record_id (own claims format), type_of_violence and side_a (UCDP GED), " +
            $"event_id_cnty (ACLED), nor the columns of a shipped mapping ({string.Join(", ", shipped.Select(m => m.Name))}); name one with --mapping");
    }
}
