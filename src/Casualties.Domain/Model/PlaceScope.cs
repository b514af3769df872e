namespace Casualties.Domain.Model;

/// <summary>
/// How a claim's place relates to what it counts (issue 15): <see cref="At"/> the place is where it happened;
/// <see cref="Within"/> it happened somewhere inside the place (an event a dataset geocodes only to its province
/// or country, a town the gazetteer does not know, "a strike in Syria"); <see cref="Across"/> the figure covers
/// the whole place ("across Syria since 2011", a country total). Only a figure that covers an area can contain
/// the incidents inside it; null means not stated (a tally covers its place, an article's one-day figure too).
/// </summary>
public enum PlaceScope
{
    /// <summary>The place is where it happened.</summary>
    At,
    /// <summary>It happened somewhere inside the place.</summary>
    Within,
    /// <summary>The figure covers the whole place.</summary>
    Across,
}

/// <summary>The names of <see cref="PlaceScope"/> as stored in claims.place_scope and written in our own feed format.</summary>
public static class PlaceScopeNames
{
    /// <summary>The stored name ("at", "within", "across").</summary>
    public static string ToName(this PlaceScope scope) => scope switch
    {
        PlaceScope.At => "at",
        PlaceScope.Within => "within",
        _ => "across",
    };

    /// <summary>Reads a stored name, ignoring case and outer spaces; false for anything else (empty included).</summary>
    public static bool TryParse(string? text, out PlaceScope scope)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "at": scope = PlaceScope.At; return true;
            case "within": scope = PlaceScope.Within; return true;
            case "across": scope = PlaceScope.Across; return true;
            default: scope = default; return false;
        }
    }
}
