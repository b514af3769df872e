namespace Casualties.Domain.Model;

/// <summary>What happened to the people a figure counts.</summary>
public enum Outcome
{
    /// <summary>Dead ("killed", "dead", "deaths", "fatalities").</summary>
    Killed,
    /// <summary>Wounded.</summary>
    Injured,
    /// <summary>Forced from their homes.</summary>
    Displaced,
    /// <summary>Unaccounted for.</summary>
    Missing,
    /// <summary>Held or arrested.</summary>
    Detained,
}

/// <summary>The lower-case names used in the database, JSON and gold files.</summary>
public static class OutcomeNames
{
    /// <summary>The stored name ("killed").</summary>
    public static string ToName(this Outcome outcome) => outcome switch
    {
        Outcome.Killed => "killed",
        Outcome.Injured => "injured",
        Outcome.Displaced => "displaced",
        Outcome.Missing => "missing",
        Outcome.Detained => "detained",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown outcome."),
    };

    /// <summary>Reads a stored name or a common synonym ("wounded", "fatalities"), ignoring case and outer spaces.</summary>
    public static bool TryParse(string? name, out Outcome outcome)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "killed" or "dead" or "deaths" or "fatalities": outcome = Outcome.Killed; return true;
            case "injured" or "wounded": outcome = Outcome.Injured; return true;
            case "displaced": outcome = Outcome.Displaced; return true;
            case "missing": outcome = Outcome.Missing; return true;
            case "detained" or "arrested": outcome = Outcome.Detained; return true;
            default: outcome = default; return false;
        }
    }

    /// <summary>As <see cref="TryParse"/>; throws <see cref="FormatException"/> naming the expected names.</summary>
    public static Outcome Parse(string name) => TryParse(name, out var outcome)
        ? outcome
        : throw new FormatException($"Unknown outcome '{name}': expected killed, injured, displaced, missing or detained.");
}
