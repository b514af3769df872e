using Casualties.Domain.Model;

namespace Casualties.Postgres.Ingest;

/// <summary>
/// One claim on its way into the claims table: the domain's <see cref="Domain.Model.Claim"/> (as the extractor read it,
/// or as a dataset row states it) with what storing it adds: its place in its document or record, what its names
/// resolved to in the reference data, and when it was reported.
/// </summary>
/// <remarks>
/// The claim's <see cref="Claim.Source"/> and <see cref="Claim.Place"/> are the names as written (the source after
/// the carrier's default is applied); its <see cref="Claim.Parent"/> is the <see cref="Ordinal"/> of the claim it is a
/// subset of; its <see cref="Claim.PlaceParentKey"/> is stored as claims.place_parent_id.
/// <see cref="SourceCanonical"/> (a sources.name) and <see cref="PlaceKey"/> (a places.key, stored as claims.place_id)
/// are what they resolved to, null when nothing matched; for a place kept as written, <see cref="PlaceKey"/> is its
/// nearest known parent's key. <see cref="Best"/> is a dataset's own best estimate (UCDP), else null.
/// <see cref="Reported"/> is when the source said it. The reconciler reads the stored claim back as the same
/// <see cref="Claim"/> in a <see cref="Domain.Reconciliation.ClaimRecord"/>.
/// </remarks>
public sealed record StagedClaim(
    int Ordinal,
    Claim Claim,
    int? Best,
    string? SourceCanonical,
    string? PlaceKey,
    double? Latitude,
    double? Longitude,
    DateOnly Reported);
