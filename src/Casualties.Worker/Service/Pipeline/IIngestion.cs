namespace Casualties.Worker.Service.Pipeline;

/// <summary>
/// The worker's view of the ingestion pipeline (issue 5). Ingestion must be idempotent: the same input ingested
/// twice stores nothing the second time (documents by content hash, dataset rows by key and version), because a
/// job is run again when its worker dies or loses its lease.
/// </summary>
public interface IIngestion
{
    /// <summary>Ingests one file of the inbox; bad input is quarantined with its reason, not thrown.</summary>
    Task<IngestCounts> IngestFile(string path, CancellationToken ct);

    /// <summary>Ingests a fetched feed body (<paramref name="kind"/>: rss, atom, csv, jsonl, ged, acled).</summary>
    Task<IngestCounts> IngestStream(string feedName, string kind, string origin, string? contentType, Stream body, CancellationToken ct);
}
