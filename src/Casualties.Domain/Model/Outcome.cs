namespace Casualties.Domain.Model;

/// <summary>What happened to the people a figure counts.</summary>
public enum Outcome
{
    Killed,
    Injured,
    Displaced,
    Missing,
    Detained,
}

/// <summary>The lower-case names used in the database, JSON and gold files.</summary>
public static class OutcomeNames
{
    public static string ToName(this Outcome outcome) => outcome switch
    {
        Outcome.Killed => "killed",
        Outcome.Injured => "injured",
        Outcome.Displaced => "displaced",
        Outcome.Missing => "missing",
        Outcome.Detained => "detained",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown outcome."),
    };

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

    public static Outcome Parse(string name) => TryParse(name, out var outcome)
        ? outcome
        : throw new FormatException($"Unknown outcome '{name}': expected killed, injured, displaced, missing or detained.");
}
