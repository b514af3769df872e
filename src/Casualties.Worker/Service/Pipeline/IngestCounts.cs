namespace Casualties.Worker.Service.Pipeline;

/// <summary>What one ingestion stored: new documents and dataset records, their claims, inputs seen before, and rejects.</summary>
public sealed record IngestCounts(int Documents, int Records, int Claims, int Duplicates, int Quarantined)
{
    /// <summary>Nothing stored, nothing rejected.</summary>
    public static readonly IngestCounts None = new(0, 0, 0, 0, 0);

    /// <summary>The sum, field by field, of these counts and <paramref name="other"/>.</summary>
    public IngestCounts Add(IngestCounts other) => new(Documents + other.Documents, Records + other.Records, Claims + other.Claims,
        Duplicates + other.Duplicates, Quarantined + other.Quarantined);

    /// <summary>Something new went in: an incremental reconcile is due.</summary>
    public bool StoredAnything => Documents > 0 || Records > 0 || Claims > 0;

    /// <summary>Nothing was taken and something was rejected: the input as a whole goes to quarantine.</summary>
    public bool RejectedWhole => Quarantined > 0 && Documents == 0 && Records == 0 && Duplicates == 0;
}
