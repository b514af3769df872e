namespace Casualties.Ingestion;

/// <summary>
/// What an ingest run did. <see cref="Records"/> counts feed records stored (new, or replacing an older
/// version: <see cref="Replaced"/> of them), <see cref="Duplicates"/> documents and records already stored,
/// <see cref="Quarantined"/> inputs rejected (files and rows). <see cref="Problems"/> lists the first quarantine
/// reasons and warnings, one line each, for the user.
/// </summary>
public sealed record IngestSummary(
    long RunId, int Files, int Documents, int Records, int Replaced, int Retired, int Claims, int Duplicates,
    int Quarantined, int Warnings, IReadOnlyList<string> Problems)
{
    /// <summary>The summary as the sentence ingest prints: files, documents, records, claims, duplicates, quarantined, warnings.</summary>
    public string Describe() =>
        $"{Files} file(s): {Documents} document(s), {Records} record(s) ({Replaced} replacing older versions, {Retired} retired), " +
        $"{Claims} claim(s) stored; {Duplicates} duplicate(s) skipped; {Quarantined} quarantined; {Warnings} warning(s).";
}
