using Casualties.Domain.Model;

namespace Casualties.Postgres.Ingest;

/// <summary>One claim on its way into the claims table, with its provenance inside its document or record.</summary>
/// <remarks>
/// <see cref="SourceName"/> and <see cref="PlaceName"/> are the names as written; <see cref="SourceCanonical"/>
/// (a sources.name) and <see cref="PlaceKey"/> (a places.key) are what they resolved to in the reference data,
/// null when nothing matched. <see cref="Best"/> is a dataset's own best estimate (UCDP), else null.
/// <see cref="Reported"/> is when the source said it. <see cref="Span"/> is [start, end) in the stored document body.
/// </remarks>
public sealed record StagedClaim(
    int Ordinal,
    Outcome Outcome,
    string Victims,
    string? VictimSide,
    Quantity Quantity,
    int? Best,
    int? ParentOrdinal,
    string? SourceName,
    string? SourceCanonical,
    string? Perpetrator,
    string? PerpetratorSide,
    string? PlaceName,
    string? PlaceKey,
    double? Latitude,
    double? Longitude,
    PartialDate? Start,
    PartialDate? End,
    bool Cumulative,
    DateOnly Reported,
    string? Quote,
    TextSpan? Span,
    double Confidence)
{
    /// <summary>How the place relates to what the claim counts (claims.place_scope); null when not stated.</summary>
    public PlaceScope? PlaceScope { get; init; }

    /// <summary>For a place kept as written (<see cref="PlaceKey"/> null): the key of the nearest known place it lies in.</summary>
    public string? PlaceParentKey { get; init; }
}
