using System.Globalization;
using Casualties.Domain.Model;

namespace Casualties.Domain.Reconciliation;

/// <summary>How flags put figures into words a journalist reads: "SOHR says more than 341 killed".</summary>
public static class FlagWording
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// A source as named in one line: its acronym from the reference data when it has one ("ACLED"), else long names
    /// of four or more capitalised words by their initials ("Syrian Observatory for Human Rights" → "SOHR"), others as
    /// they are; no source → "an unattributed report".
    /// </summary>
    public static string Name(string? source, IReadOnlyDictionary<string, string>? shortNames = null)
    {
        if (string.IsNullOrWhiteSpace(source)) return "an unattributed report";
        if (shortNames is not null && shortNames.TryGetValue(source, out var shortName)) return shortName;
        var capitalised = source.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsUpper(w[0])).ToList();
        return capitalised.Count >= 4 ? string.Concat(capitalised.Select(w => w[0])) : source;
    }

    /// <summary>
    /// The acronym among a source's aliases: a single word of two to eight capital letters or digits ("ACLED",
    /// "UCDP", "SOHR", "OCHA"), the shortest first; null when it has none.
    /// </summary>
    public static string? Acronym(IEnumerable<string> aliases) => aliases
        .Where(a => a.Length is >= 2 and <= 8 && a.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)) && a.Any(char.IsAsciiLetterUpper))
        .OrderBy(a => a.Length).ThenBy(a => a, StringComparer.Ordinal)
        .FirstOrDefault();

    /// <summary>The figure as the source hedged it, with the victims unless they are people: "more than 341", "44 children".</summary>
    public static string Figure(ClaimRecord claim)
    {
        var value = Number(claim.Claim.Quantity.Value ?? claim.Claim.Quantity.Low);
        var words = claim.Claim.Quantity.Qualifier switch
        {
            Qualifier.Exact => value,
            Qualifier.AtLeast => "at least " + value,
            Qualifier.MoreThan => "more than " + value,
            Qualifier.AtMost => "up to " + value,
            Qualifier.LessThan => "fewer than " + value,
            Qualifier.Nearly => "nearly " + value,
            Qualifier.About => "about " + value,
            _ when claim.Claim.Quantity.High is null => "at least " + Number(claim.Claim.Quantity.Low),
            _ when claim.Claim.Quantity.High == claim.Claim.Quantity.Low => Number(claim.Claim.Quantity.Low),
            _ => $"{Number(claim.Claim.Quantity.Low)} to {Number(claim.Claim.Quantity.High!.Value)}",
        };
        return claim.Claim.Victims == VictimGroups.People ? words : $"{words} {claim.Claim.Victims.Replace('_', ' ')}";
    }

    /// <summary>"SOHR says more than 341 killed".</summary>
    public static string Says(ClaimRecord claim, IReadOnlyDictionary<string, string>? shortNames = null) =>
        $"{Name(claim.Claim.Source, shortNames)} says {Figure(claim)} {claim.Claim.Outcome.ToName()}";

    /// <summary>A count with thousands separators ("1,234").</summary>
    public static string Number(long value) => value.ToString("#,0", Invariant);

    /// <summary>A day as ISO 8601 ("2016-12-06").</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant);

    /// <summary>A ratio to one decimal ("2.5"), "many" when infinite.</summary>
    public static string Ratio(double ratio) => double.IsInfinity(ratio) ? "many" : ratio.ToString("0.#", Invariant);
}
