namespace Casualties.Postgres.Ingest;

/// <summary>What storing some input did: rows stored new or replacing an older version, retired, skipped as duplicates.</summary>
public sealed record FeedWriteCounts(int Records, int Replaced, int Retired, int Duplicates, int Claims, int Quarantined)
{
    /// <summary>Nothing written.</summary>
    public static FeedWriteCounts Zero { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>The sum, field by field, of these counts and <paramref name="other"/>.</summary>
    public FeedWriteCounts Add(FeedWriteCounts other) => new(
        Records + other.Records, Replaced + other.Replaced, Retired + other.Retired,
        Duplicates + other.Duplicates, Claims + other.Claims, Quarantined + other.Quarantined);
}
