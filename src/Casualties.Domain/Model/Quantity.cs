namespace Casualties.Domain.Model;

/// <summary>A number as a source stated it, with the inclusive integer bounds it implies.</summary>
/// <remarks>
/// <see cref="Value"/> is the number as written (null for ranges and vague words);
/// <see cref="High"/> null means unbounded above ("more than 341").
/// Bounds follow domain.md in integer arithmetic: about 100 is 90..110, never 111.
/// </remarks>
public sealed record Quantity
{
    /// <summary>How the source hedged the number.</summary>
    public Qualifier Qualifier { get; }
    /// <summary>The number as written (341 for "more than 341"); null for ranges and vague words.</summary>
    public int? Value { get; }
    /// <summary>The inclusive lower bound, never negative.</summary>
    public int Low { get; }
    /// <summary>The inclusive upper bound, never below <see cref="Low"/>; null when unbounded.</summary>
    public int? High { get; }
    /// <summary>The words of a vague quantity ("tens of thousands"), else null.</summary>
    public string? Phrase { get; }

    /// <summary>A quantity with explicit bounds; throws when a bound or the value is negative or the high is below the low.</summary>
    public Quantity(Qualifier qualifier, int? value, int low, int? high, string? phrase = null)
    {
        if (low < 0) throw new ArgumentOutOfRangeException(nameof(low), low, "Low bound must not be negative.");
        if (high is { } h && h < low)
            throw new ArgumentOutOfRangeException(nameof(high), high, $"High bound {h} is below low bound {low}.");
        if (value is < 0) throw new ArgumentOutOfRangeException(nameof(value), value, "Value must not be negative.");
        Qualifier = qualifier;
        Value = value;
        Low = low;
        High = high;
        Phrase = phrase;
    }

    /// <summary>The bounds a qualified number implies (every qualifier but range and vague).</summary>
    public static Quantity Of(Qualifier qualifier, int value)
    {
        long v = value;
        return qualifier switch
        {
            Qualifier.Exact => new(qualifier, value, value, value),
            Qualifier.AtLeast => new(qualifier, value, value, null),
            Qualifier.MoreThan => new(qualifier, value, checked(value + 1), null),
            Qualifier.AtMost => new(qualifier, value, 0, value),
            Qualifier.LessThan => new(qualifier, value, 0, Math.Max(0, value - 1)),
            Qualifier.Nearly => new(qualifier, value, (int)Math.Min((9 * v + 9) / 10, Math.Max(0, v - 1)), Math.Max(0, value - 1)),
            Qualifier.About => new(qualifier, value, (int)(9 * v / 10), (int)Math.Min(int.MaxValue, (11 * v + 9) / 10)),
            _ => throw new ArgumentException($"Qualifier {qualifier} needs explicit bounds.", nameof(qualifier)),
        };
    }

    /// <summary>A range ("between 20 and 30").</summary>
    public static Quantity Between(int low, int high) => new(Qualifier.Range, null, low, high);

    /// <summary>A vague quantity with the lexicon's bounds for its words.</summary>
    public static Quantity VagueWords(string phrase, int low, int? high) => new(Qualifier.Vague, null, low, high, phrase);

    /// <summary>An exact number.</summary>
    public static Quantity Exactly(int value) => Of(Qualifier.Exact, value);

    /// <summary>True when the quantity has no upper bound ("more than 341", "at least 25").</summary>
    public bool IsOpenEnded => High is null;

    /// <summary>True when the two quantities' bounds have a common part (a null high being unbounded).</summary>
    public bool Overlaps(Quantity other) => Low <= (other.High ?? int.MaxValue) && other.Low <= (High ?? int.MaxValue);

    /// <summary>The single number this quantity stands for (<see cref="FigurePoint"/>).</summary>
    public int Point => FigurePoint.Of(this);

    /// <summary>"81", "more_than 341 (342-)", "20-30", "dozens (24-99)": for logs and test messages.</summary>
    public override string ToString() => Qualifier switch
    {
        Qualifier.Range => $"{Low}-{High}",
        Qualifier.Vague => $"{Phrase} ({Low}-{High})",
        _ => High == Low ? $"{Value}" : $"{Qualifier.ToName()} {Value} ({Low}-{(High?.ToString() ?? "")})",
    };
}
