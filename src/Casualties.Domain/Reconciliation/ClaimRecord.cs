using Casualties.Domain.Model;

namespace Casualties.Domain.Reconciliation;

/// <summary>
/// A stored claim as the reconciler sees it: the claim's figure and what it is about, with the
/// references already resolved (canonical source and its reliability, gazetteer place key).
/// </summary>
/// <remarks>
/// <see cref="Reported"/> is when the source said it (the document's date, or the dataset row's date);
/// <see cref="Document"/> names the document or feed record it came from and <see cref="Position"/> its
/// order inside it (a later statement in the same document supersedes an earlier one of the same source).
/// <see cref="EventKey"/> is a dataset's own event id (UCDP GED id, ACLED event_id_cnty), else null.
/// <see cref="Quantity"/> is the figure with its validated bounds (its <see cref="Quantity.Phrase"/> is not loaded:
/// the reconciler never reads it); <see cref="Best"/> is a dataset's own best estimate, else null.
/// <see cref="ParentId"/> is the id of the claim this one is a subset of. <see cref="PlaceKey"/> is a gazetteer key,
/// or for a place known only by name the key <see cref="PlaceIndex.KeyOf"/> makes of it.
/// </remarks>
public sealed record ClaimRecord(
    long Id,
    Outcome Outcome,
    string Victims,
    string? VictimSide,
    Quantity Quantity,
    int? Best,
    long? ParentId,
    string? Source,
    double SourceReliability,
    string? PerpetratorSide,
    string? PlaceKey,
    double? Latitude,
    double? Longitude,
    PartialDate? Start,
    PartialDate? End,
    bool Cumulative,
    DateOnly Reported,
    string Document,
    int Position,
    string? EventKey,
    string? Quote)
{
    /// <summary>How the place relates to what the claim counts (<see cref="Model.PlaceScope"/>); null when not stated.</summary>
    public PlaceScope? PlaceScope { get; init; }
    /// <summary>The place's name as the claim gives it; kept for a place the gazetteer does not know (<see cref="PlaceNames"/>).</summary>
    public string? PlaceName { get; init; }
}
