namespace Casualties.Domain.Model;

/// <summary>How a source hedged its number (domain.md, "Quantities").</summary>
public enum Qualifier
{
    /// <summary>"81 people": v..v.</summary>
    Exact,
    /// <summary>"at least 25": v, unbounded above.</summary>
    AtLeast,
    /// <summary>"more than 341": v+1, unbounded above.</summary>
    MoreThan,
    /// <summary>"up to 40": 0..v.</summary>
    AtMost,
    /// <summary>"fewer than 50": 0..v−1.</summary>
    LessThan,
    /// <summary>"nearly 100": ⌈0.9v⌉..v−1.</summary>
    Nearly,
    /// <summary>"about 100": ⌊0.9v⌋..⌈1.1v⌉.</summary>
    About,
    /// <summary>"between 20 and 30": the two ends, no value.</summary>
    Range,
    /// <summary>Words with no digit ("dozens"): the lexicon's bounds, no value.</summary>
    Vague,
}

/// <summary>The snake_case names of <see cref="Qualifier"/> used in the database, JSON and gold files.</summary>
public static class QualifierNames
{
    /// <summary>The stored name ("more_than").</summary>
    public static string ToName(this Qualifier qualifier) => qualifier switch
    {
        Qualifier.Exact => "exact",
        Qualifier.AtLeast => "at_least",
        Qualifier.MoreThan => "more_than",
        Qualifier.AtMost => "at_most",
        Qualifier.LessThan => "less_than",
        Qualifier.Nearly => "nearly",
        Qualifier.About => "about",
        Qualifier.Range => "range",
        Qualifier.Vague => "vague",
        _ => throw new ArgumentOutOfRangeException(nameof(qualifier), qualifier, "Unknown qualifier."),
    };

    private static readonly Qualifier[] All = Enum.GetValues<Qualifier>();

    /// <summary>Reads a stored name, ignoring case and outer spaces.</summary>
    public static bool TryParse(string? name, out Qualifier qualifier)
    {
        var trimmed = name?.Trim();
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.ToName(), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                qualifier = candidate;
                return true;
            }
        }
        qualifier = default;
        return false;
    }
}
