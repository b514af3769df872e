namespace Casualties.Reports.Model;

/// <summary>
/// How a report writes a perpetrator side: as its actors are named in the reference data when one of their names is
/// the side's key ("isis" → "ISIS", "houthi" → "Houthi", "us" → "US"), else as the key ("government").
/// </summary>
public sealed class SideNames(IReadOnlyDictionary<string, string> names)
{
    /// <summary>Every side as its key.</summary>
    public static SideNames Keys { get; } = new(new Dictionary<string, string>());

    /// <summary>The side's name for readers, else its key.</summary>
    public string Name(string side) => names.GetValueOrDefault(side, side);

    /// <summary>"ISIS side", "government side", "unknown side".</summary>
    public string Side(string? side) => side is null ? "unknown side" : Name(side) + " side";
}
