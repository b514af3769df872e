using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Casualties.Domain.Extraction;
using Casualties.Domain.Model;
using Casualties.Domain.Reconciliation;
using Casualties.Ingestion.Documents;
using Casualties.Ingestion.Input;
using Casualties.Postgres.Ingest;
using Npgsql;

namespace Casualties.Ingestion;

internal sealed partial class IngestSession
{
    // A batch is one transaction: a few hundred documents, or fewer when their texts are large.
    private const int DocumentBatch = 256;
    private const long DocumentBatchChars = 8 << 20;

    /// <summary>A document to read: from a file (<see cref="Open"/>) or from text kept in the quarantine (<see cref="Text"/>).</summary>
    public sealed record DocumentInput(string Origin, InputFormat Format, Func<Stream>? Open, long? Length, string? Text = null);

    /// <summary>A document read, dated and extracted, ready to store; or why it is quarantined (with its text).</summary>
    private sealed record PreparedDocument(DocumentInput Input, string? Text, StoredDocument? Document, IReadOnlyList<StagedClaim>? Claims,
        string? Rejection, string? Warning);

    /// <summary>
    /// Documents in order (issue 18): read, dated and extracted on all cores (the extractor is built once and is
    /// thread-safe), a bounded window of them in flight; gathered into batches while the batch before is written, and
    /// stored in order, each batch one transaction with one COPY of the documents and one of their claims. So the cores
    /// keep extracting while the server writes: at most one batch is written, one waits and one is gathered. Each
    /// document stays atomic: one quarantined for its text goes with the batch as a quarantine entry, and a batch the
    /// database refuses is stored again one document at a time, so only the document at fault is quarantined.
    /// </summary>
    public async Task IngestDocuments(IReadOnlyList<DocumentInput> inputs, CancellationToken ct)
    {
        if (inputs.Count == 0) return;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var window = Channel.CreateBounded<Task<PreparedDocument>>(new BoundedChannelOptions(Math.Max(4, 4 * Environment.ProcessorCount))
            { SingleReader = true, SingleWriter = true });
        var batches = Channel.CreateBounded<List<PreparedDocument>>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var reading = Task.Run(async () =>
        {
            try
            {
                foreach (var input in inputs) await window.Writer.WriteAsync(Task.Run(() => Prepare(input, stop.Token), stop.Token), stop.Token);
                window.Writer.Complete();
            }
            catch (Exception e)
            {
                window.Writer.Complete(e);
            }
        }, stop.Token);
        // Gathers prepared documents in order into batches, beside the writer: while a batch is written, the next
        // is extracted and gathered.
        var gathering = Task.Run(async () =>
        {
            try
            {
                var batch = new List<PreparedDocument>(DocumentBatch);
                long chars = 0;
                await foreach (var next in window.Reader.ReadAllAsync(stop.Token))
                {
                    var document = await next;
                    batch.Add(document);
                    chars += document.Text?.Length ?? document.Document?.Body.Length ?? 0;
                    if (batch.Count >= DocumentBatch || chars >= DocumentBatchChars)
                    {
                        await batches.Writer.WriteAsync(batch, stop.Token);
                        batch = new List<PreparedDocument>(DocumentBatch);
                        chars = 0;
                    }
                }
                if (batch.Count > 0) await batches.Writer.WriteAsync(batch, stop.Token);
            }
            finally
            {
                // The writer stops at the end of what was gathered; a failure is thrown where it awaits this task.
                batches.Writer.Complete();
            }
        }, stop.Token);
        try
        {
            await using var writer = await DocumentBatchWriter.Open(dataSource, RunId, ct);
            await foreach (var batch in batches.Reader.ReadAllAsync(ct)) await StoreDocuments(writer, batch, ct);
            await gathering;
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await Task.WhenAll(reading, gathering);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                // Stopped because the writer failed or was cancelled (that exception is the one thrown), or the
                // gathering's own failure, already thrown above.
            }
        }
    }

    private async Task StoreDocuments(DocumentBatchWriter writer, List<PreparedDocument> batch, CancellationToken ct)
    {
        if (batch.Count == 0) return;
        foreach (var document in batch)
        {
            if (document.Warning is { } warning) Warn(warning);
        }
        currentFile = batch[^1].Input.Origin;
        var ready = batch.Where(d => d.Document is not null).ToList();
        var rejected = batch.Where(d => d.Rejection is not null).ToList();
        var entries = Retrying ? [] : rejected.Select(d => new QuarantineEntry(d.Input.Origin, null, d.Text, d.Rejection!, FormatName(d.Input.Format))).ToList();
        try
        {
            var results = await writer.Write(ready.Select(d => (d.Document!, d.Claims!)).ToList(), entries, ct);
            foreach (var result in results) Count(result);
        }
        catch (PostgresException e) when (e.SqlState.StartsWith("23", StringComparison.Ordinal))
        {
            // Some document's claims were refused: the batch rolled back; each document again in its own transaction.
            if (entries.Count > 0) await quarantine.Add(entries, RunId, ct);
            foreach (var document in ready) await StoreOne(document, ct);
        }
        foreach (var document in rejected)
        {
            RejectedOrigins.Add(document.Input.Origin);
            Rejected(document.Input.Origin, null, document.Rejection!);
        }
        files += batch.Count;
        Report(force: true);
    }

    private void Count((long DocumentId, int Claims)? stored)
    {
        if (stored is { } s)
        {
            documentCount++;
            documentClaims += s.Claims;
        }
        else
        {
            duplicates++;
        }
    }

    private async Task StoreOne(PreparedDocument document, CancellationToken ct)
    {
        try
        {
            Count(await documents.Store(document.Document!, document.Claims!, RunId, ct));
        }
        catch (PostgresException e) when (e.SqlState.StartsWith("23", StringComparison.Ordinal))
        {
            await QuarantineWhole(document.Input.Origin, document.Input.Format, document.Text, $"the database refused its claims: {e.MessageText}", ct);
        }
    }

    /// <summary>
    /// A document read, parsed, dated (sidecar, then its own date, then --date) and its claims extracted — no
    /// database, so documents are prepared in parallel. Undated, empty, too large, unreadable or unextractable
    /// documents come back with the reason they are quarantined.
    /// </summary>
    private PreparedDocument Prepare(DocumentInput input, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var (origin, format) = (input.Origin, input.Format);
        if (input.Length > options.MaxDocumentBytes)
            return Reject(input, null, $"file is {input.Length:N0} bytes, over the {options.MaxDocumentBytes:N0}-byte limit for documents");
        string text;
        string? warning = null;
        if (input.Text is { } kept)
        {
            text = kept;
        }
        else
        {
            try
            {
                var decoding = new TolerantUtf8();
                using (var stream = input.Open!())
                {
                    text = decoding.ReadAll(stream, input.Length);
                }
                warning = decoding.Warning(origin);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Reject(input, null, $"unreadable: {e.Message}");
            }
        }

        var parsed = DocumentFile.Parse(format, text);
        var sidecar = File.Exists(origin) ? DocumentSidecar.For(origin) : null;
        var date = DocumentFile.DateOf(parsed, sidecar, options.Date);
        if (date is not { } published)
            return Reject(input, text, "no date: start the text with ' date YYYY-MM-DD ', add a NAME.meta.json sidecar with \"date\", or pass --date", warning);
        if (string.IsNullOrWhiteSpace(parsed.Body))
            return Reject(input, text, format == InputFormat.Html ? "no article text found in the HTML" : "the document is empty", warning);

        var carrier = sidecar?.Carrier ?? parsed.Carrier ?? options.Source;
        var defaultSource = sidecar?.Source ?? parsed.Source ?? carrier;
        IReadOnlyList<Claim> claims;
        try
        {
            claims = extractor.Value.Extract(parsed.Body, published);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Reject(input, text, $"the extractor failed: {e.GetType().Name}: {e.Message}", warning);
        }
        var unknownGroup = claims.FirstOrDefault(c => !victimGroups.Contains(c.Victims));
        if (unknownGroup is not null)
        {
            return Reject(input, text,
                $"claim '{unknownGroup.Quote}' names unknown victim group '{unknownGroup.Victims}' (add it to the reference data, then run 'quarantine retry')", warning);
        }

        var staged = claims.Select((claim, ordinal) => Stage(claim, ordinal, defaultSource, published)).ToList();
        var document = new StoredDocument(Hash(parsed.Body), origin, Path.GetFileNameWithoutExtension(origin), parsed.Format,
            carrier, sidecar?.Title ?? parsed.Title, published, parsed.Body);
        return new PreparedDocument(input, text, document, staged, null, warning);
    }

    private static PreparedDocument Reject(DocumentInput input, string? text, string reason, string? warning = null) =>
        new(input, text, null, null, reason, warning);

    public Task IngestDocumentText(string origin, InputFormat format, string text, CancellationToken ct) =>
        IngestDocuments([new DocumentInput(origin, format, null, null, text)], ct);

    private StagedClaim Stage(Claim claim, int ordinal, string? defaultSource, DateOnly published)
    {
        // A claim with no attribution is the carrier's own statement (domain.md, "Who says what").
        var sourceName = claim.Source ?? defaultSource;
        // The extractor names the gazetteer key it read. A place it kept as written has none, only its nearest known
        // parent: that parent is stored as the claim's place (the reconciler groups the name inside it, issue 14) and
        // as place_parent_id, which says the name is a place within it rather than the parent itself.
        var gazetteer = resolver.Reference.Gazetteer;
        var parent = claim.PlaceParentKey is { } parentKey ? gazetteer.ByKey(parentKey) : null;
        var place = claim.PlaceKey is { } key ? gazetteer.ByKey(key)
            : parent ?? (claim.Place is null ? null : resolver.Place(PlaceNames.FinestFirst(claim.Place)));
        var country = place is null ? null : gazetteer.CountryOf(place).Key;
        var scope = place is null ? null : PlaceScopeCues.Read(claim.Quote, OneDayEvent(claim), gazetteer.DepthOf(place) <= 1);
        return new StagedClaim(ordinal, claim with { Source = sourceName, PlaceParentKey = parent?.Key, PlaceScope = scope }, Best: null,
            resolver.Source(sourceName, country), place?.Key, place?.Latitude, place?.Longitude, published);
    }

    /// <summary>A figure of one day that is not a running count (no period at all: the day it was reported).</summary>
    private static bool OneDayEvent(Claim claim)
    {
        if (claim.Cumulative) return false;
        if ((claim.Period.Start ?? claim.Period.End) is not { } first) return true;
        var last = claim.Period.End ?? first;
        return first.Precision == DatePrecision.Day && last.Precision == DatePrecision.Day && last.Date == first.Date;
    }

    private static string Hash(string body) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
}
