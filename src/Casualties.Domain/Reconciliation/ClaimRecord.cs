using Casualties.Domain.Model;

namespace Casualties.Domain.Reconciliation;

/// <summary>
/// A stored claim as the reconciler sees it: the domain's <see cref="Model.Claim"/> (its figure, victims, source,
/// sides, place, period and scope) with what storing it resolved: its id, its parent's id, its source's reliability,
/// its place's key and coordinates, when it was reported, and the document or dataset row it came from.
/// </summary>
/// <remarks>
/// <para>
/// Of the <see cref="Model.Claim"/>, <see cref="Claim.Source"/> is the canonical name when the reference data knows
/// the source, else the name as written; <see cref="Claim.Place"/> is the place's name as the claim gives it, kept for a
/// place the gazetteer does not know (<see cref="PlaceNames"/>); its <see cref="Claim.Quantity"/> has its validated
/// bounds (its <see cref="Quantity.Phrase"/> is not loaded). What the reconciler never reads is not loaded from
/// storage: <see cref="Claim.Parent"/> (an ordinal inside the document; <see cref="ParentId"/> is the stored link),
/// <see cref="Claim.Perpetrator"/> (the side is loaded), <see cref="Claim.Quote"/>, <see cref="Claim.Span"/>,
/// <see cref="Claim.PlaceParent"/> and the gazetteer keys on the claim (<see cref="PlaceKey"/> is the one the reconciler
/// groups by).
/// </para>
/// <para>
/// <see cref="Reported"/> is when the source said it (the document's date, or the dataset row's date);
/// <see cref="Document"/> names the document or feed record it came from and <see cref="Position"/> its
/// order inside it (a later statement in the same document supersedes an earlier one of the same source).
/// <see cref="EventKey"/> is a dataset's own event id (UCDP GED id, ACLED event_id_cnty), else null.
/// <see cref="Best"/> is a dataset's own best estimate, else null. <see cref="ParentId"/> is the id of the claim this
/// one is a subset of (claims.parent_id). <see cref="PlaceKey"/> is a gazetteer key, or for a place known only by name
/// the key <see cref="PlaceIndex.KeyOf"/> makes of it.
/// </para>
/// </remarks>
public sealed record ClaimRecord(
    long Id,
    Claim Claim,
    int? Best,
    long? ParentId,
    double SourceReliability,
    string? PlaceKey,
    double? Latitude,
    double? Longitude,
    DateOnly Reported,
    string Document,
    int Position,
    string? EventKey);
