namespace Casualties.Reports.Loading;

/// <summary>The report's place filter names no place of the gazetteer.</summary>
public sealed class PlaceNotFoundException(string place)
    : Exception($"No place called '{place}' in the gazetteer (by name, key or alias).")
{
    /// <summary>The place as the filter gave it.</summary>
    public string Place { get; } = place;
}
