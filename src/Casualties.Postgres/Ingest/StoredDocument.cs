namespace Casualties.Postgres.Ingest;

/// <summary>
/// A document as stored: <see cref="Body"/> is the text the extractor read (claim spans index into it),
/// <see cref="ContentHash"/> its identity. <see cref="Format"/> is text, html or markdown.
/// </summary>
public sealed record StoredDocument(
    string ContentHash, string Origin, string Name, string Format, string? Carrier, string? Title, DateOnly Published, string Body);
