namespace Casualties.Domain.Model;

/// <summary>A casualty figure as one source stated it (domain.md, "A claim").</summary>
/// <remarks>
/// Null means unknown or not stated. <see cref="Parent"/> is the index, among the claims of the same
/// document, of the claim this one is a subset of. <see cref="Span"/> is [start, end) in the document text.
/// The extractor always gives a quote and a span; a dataset row has no text (no span) and maybe no quote.
/// </remarks>
public sealed record Claim(
    Outcome Outcome,
    string Victims,
    string? VictimSide,
    Quantity Quantity,
    int? Parent,
    string? Source,
    string? Perpetrator,
    string? PerpetratorSide,
    string? Place,
    DatePeriod Period,
    bool Cumulative,
    string? Quote,
    TextSpan? Span,
    double Confidence)
{
    /// <summary>
    /// For a place the gazetteer lacks, kept by <see cref="Place"/> as written: the nearest known place the text puts it in
    /// ("Kafr Zita, in Hama province" → Hama Governorate), else the document's country; null when the place is known.
    /// </summary>
    public string? PlaceParent { get; init; }

    /// <summary>The gazetteer key of <see cref="Place"/>, null when the place is kept as written or unknown.</summary>
    public string? PlaceKey { get; init; }

    /// <summary>The gazetteer key of <see cref="PlaceParent"/>.</summary>
    public string? PlaceParentKey { get; init; }

    /// <summary>
    /// How <see cref="Place"/> relates to what the claim counts (<see cref="Model.PlaceScope"/>, stored as claims.place_scope);
    /// null when nothing states it.
    /// </summary>
    public PlaceScope? PlaceScope { get; init; }

    /// <summary>How sure the extractor is of this claim, 0 to 1.</summary>
    public double Confidence { get; } = Confidence is >= 0 and <= 1 ? Confidence
        : throw new ArgumentOutOfRangeException(nameof(Confidence), Confidence, "Confidence must be between 0 and 1.");
}

/// <summary>Character offsets [Start, End) into a document.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    /// <summary>The number of characters covered.</summary>
    public int Length => End - Start;
}
