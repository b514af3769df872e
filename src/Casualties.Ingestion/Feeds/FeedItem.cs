using Casualties.Postgres.Ingest;

namespace Casualties.Ingestion.Feeds;

/// <summary>What a feed reader makes of one input row: a record with its claims, or a rejection for quarantine.</summary>
public readonly record struct FeedItem(FeedRecord? Record, IReadOnlyList<StagedClaim> Claims, QuarantineEntry? Rejection)
{
    /// <summary>A row read: its record and its claims (none when the row gives no figure).</summary>
    public static FeedItem Row(FeedRecord record, IReadOnlyList<StagedClaim> claims) => new(record, claims, null);

    /// <summary>A row rejected: what quarantine keeps of it, no record, no claims.</summary>
    public static FeedItem Rejected(QuarantineEntry entry) => new(null, [], entry);
}
