using System.Diagnostics;
using Casualties.Domain.Extraction;
using Casualties.Ingestion.Feeds;
using Casualties.Ingestion.Input;
using Casualties.Ingestion.Resolution;
using Casualties.Postgres.Ingest;
using Npgsql;

namespace Casualties.Ingestion;

/// <summary>
/// One ingest run: the reference data of the database (cached per process until it changes), the run's row in ingest_runs, and the
/// counts. Files are read one at a time; each document commits alone, each feed in batches.
/// </summary>
internal sealed partial class IngestSession
{
    private const int MaxProblems = 20;

    private readonly NpgsqlDataSource dataSource;
    private readonly IngestOptions options;
    private readonly ReferenceResolver resolver;
    private readonly IReadOnlySet<string> victimGroups;
    private readonly Lazy<ClaimExtractor> extractor;
    private readonly DocumentStore documents;
    private readonly QuarantineStore quarantine;
    private readonly List<string> problems = [];
    private readonly Stopwatch sinceProgress = Stopwatch.StartNew();

    private int files, documentCount, duplicates, quarantined, warnings, filesTotal;
    private long rowsRead;
    private FeedWriteCounts feeds = FeedWriteCounts.Zero;
    private int documentClaims;
    private string currentFile = "";

    private IngestSession(NpgsqlDataSource dataSource, IngestOptions options, ReferenceSnapshot reference, long runId)
    {
        this.dataSource = dataSource;
        this.options = options;
        victimGroups = reference.VictimGroups;
        resolver = new ReferenceResolver(reference.Reference);
        extractor = reference.Extractor;
        documents = new DocumentStore(dataSource);
        quarantine = new QuarantineStore(dataSource);
        RunId = runId;
    }

    public long RunId { get; }

    /// <summary>Origins whose whole input was quarantined in this run (retry uses it).</summary>
    public HashSet<string> RejectedOrigins { get; } = new(StringComparer.Ordinal);

    /// <summary>The reasons of this run's quarantine entries, by origin and line.</summary>
    public Dictionary<(string Origin, int? Line), string> RejectionReasons { get; } = [];

    public static async Task<IngestSession> Start(NpgsqlDataSource dataSource, IngestOptions options, CancellationToken ct)
    {
        var reference = await ReferenceSnapshot.For(dataSource, ct);
        var runId = await new IngestRunStore(dataSource).Begin(options.Trigger, ct);
        return new IngestSession(dataSource, options, reference, runId);
    }

    public int FilesTotal { set => filesTotal = value; }

    /// <summary>While retrying quarantine, rejections update the entries retried instead of adding new ones.</summary>
    public bool Retrying { get; set; }

    public IngestSummary Summary() => new(RunId, files, documentCount, feeds.Records, feeds.Replaced, feeds.Retired,
        documentClaims + feeds.Claims, duplicates + feeds.Duplicates, quarantined + feeds.Quarantined, warnings, problems.ToList());

    public async Task<IngestSummary> Finish(Exception? failure, CancellationToken ct)
    {
        var summary = Summary();
        var counts = new IngestRunCounts(summary.Documents, summary.Records, summary.Claims, summary.Duplicates, summary.Quarantined,
            summary.Retired, summary.Warnings);
        await new IngestRunStore(dataSource).Finish(RunId, counts, failure?.Message, failure is null ? ct : CancellationToken.None);
        return summary;
    }

    /// <summary>Reads one input by format; a file it cannot read at all is quarantined whole.</summary>
    public async Task Ingest(string origin, InputFormat format, Func<Stream> open, long? length, CancellationToken ct)
    {
        currentFile = origin;
        Report(force: true);
        try
        {
            if (format == InputFormat.Unknown) format = await Sniff(open, ct);
            switch (format)
            {
                case InputFormat.Unknown:
                    throw new InputRejectedException($"unrecognised format (extension '{Path.GetExtension(origin)}'): expected .txt, .html, .md, .csv or .jsonl");
                case var document when document.IsDocument():
                    await IngestDocuments([new DocumentInput(origin, format, open, length)], ct);
                    return;
                default:
                    if (options.MaxFeedBytes is { } limit && length > limit)
                        throw new InputRejectedException($"file is {length:N0} bytes, over the {limit:N0}-byte limit for feeds");
                    await IngestFeed(origin, format, open, ct);
                    break;
            }
        }
        catch (InputRejectedException e)
        {
            await QuarantineWhole(origin, format, null, e.Message, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await QuarantineWhole(origin, format, null, $"unreadable: {e.Message}", ct);
        }
        files++;
        Report(force: true);
    }

    private async Task QuarantineWhole(string origin, InputFormat format, string? raw, string reason, CancellationToken ct)
    {
        RejectedOrigins.Add(origin);
        if (!Retrying) await quarantine.Add([new QuarantineEntry(origin, null, raw, reason, FormatName(format))], RunId, ct);
        Rejected(origin, null, reason);
    }

    private void Rejected(string origin, int? line, string reason)
    {
        quarantined++;
        NoteRejection(origin, line, reason);
    }

    private void NoteRejection(string origin, int? line, string reason)
    {
        RejectionReasons[(origin, line)] = reason;
        lock (problems)
        {
            if (problems.Count < MaxProblems) problems.Add($"quarantined {origin}{(line is null ? "" : $" line {line}")}: {reason}");
        }
    }

    private void Warn(string message)
    {
        // Called from the thread that reads a feed's rows too.
        lock (problems)
        {
            warnings++;
            if (problems.Count < MaxProblems) problems.Add("warning: " + message);
        }
    }

    private static async Task<InputFormat> Sniff(Func<Stream> open, CancellationToken ct)
    {
        await using var stream = open();
        using var reader = new TolerantUtf8().Reader(stream, bufferSize: 4096);
        var buffer = new char[512];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
        return InputFormats.Sniff(buffer.AsSpan(0, read));
    }

    private static string FormatName(InputFormat format) => format switch
    {
        InputFormat.Text => "text",
        InputFormat.Html => "html",
        InputFormat.Markdown => "markdown",
        InputFormat.Csv => "csv",
        InputFormat.JsonLines => ClaimJsonLinesReader.Format,
        _ => "unknown",
    };

    private void Report(bool force = false)
    {
        if (options.Progress is null || (!force && sinceProgress.ElapsedMilliseconds < 200)) return;
        sinceProgress.Restart();
        options.Progress.Report(new IngestProgress(currentFile, files, Math.Max(filesTotal, files), rowsRead, documentCount));
    }
}
