using Casualties.Postgres.Ingest;

namespace Casualties.Ingestion.Feeds;

/// <summary>What a feed reader makes of one input row: a record with its claims, or a rejection for quarantine.</summary>
public readonly record struct FeedItem(FeedRecord? Record, IReadOnlyList<StagedClaim> Claims, QuarantineEntry? Rejection)
{
    public static FeedItem Row(FeedRecord record, IReadOnlyList<StagedClaim> claims) => new(record, claims, null);

    public static FeedItem Rejected(QuarantineEntry entry) => new(null, [], entry);
}
