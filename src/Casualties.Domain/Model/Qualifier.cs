namespace Casualties.Domain.Model;

/// <summary>How a source hedged its number (domain.md, "Quantities").</summary>
public enum Qualifier
{
    Exact,
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
    Nearly,
    About,
    Range,
    Vague,
}

public static class QualifierNames
{
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
