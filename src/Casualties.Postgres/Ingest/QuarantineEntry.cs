namespace Casualties.Postgres.Ingest;

/// <summary>
/// A rejected input: where it came from (<see cref="Origin"/> file or feed name, <see cref="Line"/> when a row),
/// the raw text, and exactly why. <see cref="Header"/> is the CSV header a quarantined row needs to be read alone.
/// </summary>
public sealed record QuarantineEntry(string Origin, int? Line, string? Raw, string Reason, string? Format, string? Header = null);
