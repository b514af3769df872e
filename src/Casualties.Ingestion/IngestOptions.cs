namespace Casualties.Ingestion;

/// <summary>How to ingest: the user's defaults and the limits.</summary>
/// <remarks>
/// <see cref="Source"/> (--source) names the carrier of documents and the source and dataset of feed rows that
/// name none. <see cref="Date"/> (--date) dates documents that carry no date of their own.
/// <see cref="BatchSize"/> is how many feed records commit in one transaction.
/// </remarks>
public sealed record IngestOptions
{
    /// <summary>
    /// --source: the carrier of a document whose sidecar and page name none, and the source and dataset of feed rows
    /// that name none; null when not given.
    /// </summary>
    public string? Source { get; init; }
    /// <summary>--date: the date of a document without one of its own; null when not given (such a document is quarantined).</summary>
    public DateOnly? Date { get; init; }
    /// <summary>Who started the run, stored in ingest_runs.trigger: <c>cli</c>, <c>worker</c>, <c>demo</c>.</summary>
    public string Trigger { get; init; } = "cli";
    /// <summary>Feed records per transaction: a failure loses at most the batch it is in.</summary>
    public int BatchSize { get; init; } = 50_000;
    /// <summary>A larger document (in bytes, 16 MiB by default) is quarantined unread.</summary>
    public long MaxDocumentBytes { get; init; } = 16L << 20;
    /// <summary>A larger feed file (in bytes) is quarantined unread; null: no limit (feeds are read as a stream).</summary>
    public long? MaxFeedBytes { get; init; }
    /// <summary>Told how far the run is, at most five times a second and when a file is done; null: nobody is told.</summary>
    public IProgress<IngestProgress>? Progress { get; init; }

    /// <summary>The mapping every CSV input is read through (--mapping); null: the layout the header announces.</summary>
    public Mappings.DatasetMapping? Mapping { get; init; }

    /// <summary>Mappings a header may match by signature; null: those shipped in seeds/mappings/.</summary>
    public IReadOnlyList<Mappings.DatasetMapping>? Mappings { get; init; }
}

/// <summary>Where an ingest run is: files done of all found, records and documents read so far.</summary>
public sealed record IngestProgress(string CurrentFile, int FilesDone, int FilesTotal, long Rows, long Documents);
