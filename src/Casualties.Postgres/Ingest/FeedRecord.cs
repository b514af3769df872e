namespace Casualties.Postgres.Ingest;

/// <summary>One row of a structured dataset, identified by <see cref="Dataset"/> and <see cref="RecordKey"/>.</summary>
/// <remarks>
/// <see cref="Version"/> orders editions of the same key (numbers numerically, else as text; empty when the
/// dataset has none, in which case a changed <see cref="ContentHash"/> replaces). <see cref="Origin"/> and
/// <see cref="Line"/> say where it was read. <see cref="DetailsJson"/> keeps dataset-specific fields as published (a JSON
/// object's UTF-8 text: it goes to the COPY as it is, and a feed's rows in flight hold half the bytes of a string);
/// <see cref="Flags"/> names problems of the row as published. <see cref="RetiredAt"/> set makes this a
/// deletion: the stored record's claims are retired, not removed.
/// </remarks>
public sealed record FeedRecord(
    string Dataset,
    string RecordKey,
    string Version,
    string ContentHash,
    string Origin,
    int? Line,
    string? EventKey,
    string? ParentKey,
    byte[]? DetailsJson,
    IReadOnlyList<string> Flags,
    DateTimeOffset? RetiredAt);
