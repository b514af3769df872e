namespace Casualties.Ingestion.Documents;

/// <summary>
/// A document read from its file: <see cref="Body"/> is the text the extractor reads and the database keeps
/// (claim spans index into it); the rest is what the file (or its sidecar) says about itself, null when silent.
/// </summary>
public sealed record ParsedDocument(string Format, string Body, string? Title, string? Carrier, DateOnly? Date, string? Source);
