namespace Casualties.Worker.Service.Options;

/// <summary>Watched folders. Section "InboxOptions"; <c>worker --inbox DIR</c> adds one.</summary>
public sealed class InboxOptions
{
    /// <summary>Folders to watch besides <c>worker --inbox</c> and the inbox feeds.</summary>
    public List<string> Folders { get; set; } = [];

    /// <summary>The time between two scans of the inbox folders.</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A file is taken once it has not been written to for this long (still being written otherwise).</summary>
    public TimeSpan StableAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Subfolder of the inbox for ingested files.</summary>
    public string ProcessedFolder { get; set; } = "processed";

    /// <summary>Subfolder of the inbox for files rejected whole, or whose job was dead-lettered.</summary>
    public string QuarantineFolder { get; set; } = "quarantine";
}
