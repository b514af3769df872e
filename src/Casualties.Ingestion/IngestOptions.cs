namespace Casualties.Ingestion;

/// <summary>How to ingest: the user's defaults and the limits.</summary>
/// <remarks>
/// <see cref="Source"/> (--source) names the carrier of documents and the source and dataset of feed rows that
/// name none. <see cref="Date"/> (--date) dates documents that carry no date of their own.
/// <see cref="BatchSize"/> is how many feed records commit in one transaction.
/// </remarks>
public sealed record IngestOptions
{
    public string? Source { get; init; }
    public DateOnly? Date { get; init; }
    public string Trigger { get; init; } = "cli";
    public int BatchSize { get; init; } = 50_000;
    public long MaxDocumentBytes { get; init; } = 16L << 20;
    public long? MaxFeedBytes { get; init; }
    public IProgress<IngestProgress>? Progress { get; init; }

    /// <summary>The mapping every CSV input is read through (--mapping); null: the layout the header announces.</summary>
    public Mappings.DatasetMapping? Mapping { get; init; }

    /// <summary>Mappings a header may match by signature; null: those shipped in seeds/mappings/.</summary>
    public IReadOnlyList<Mappings.DatasetMapping>? Mappings { get; init; }
}

/// <summary>Where an ingest run is: files done of all found, records and documents read so far.</summary>
public sealed record IngestProgress(string CurrentFile, int FilesDone, int FilesTotal, long Rows, long Documents);
