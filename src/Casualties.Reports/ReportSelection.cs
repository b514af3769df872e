namespace Casualties.Reports;

/// <summary>
/// How much of the report's incidents and flags the HTML and Markdown reports show (CSV and JSON are always
/// complete). By default, per country, the <see cref="Top"/> incidents of each kind that matters (flagged, largest,
/// most disputed, most recently changed) and every high- and medium-severity flag; with <see cref="All"/>, everything.
/// </summary>
public sealed record ReportSelection(int Top = ReportSelection.DefaultTop, bool All = false)
{
    /// <summary>How many incidents of each kind per country the default selection shows.</summary>
    public const int DefaultTop = 10;

    /// <summary>The default selection (top 10 of each kind per country).</summary>
    public static readonly ReportSelection Default = new();

    /// <summary>Everything (--all).</summary>
    public static readonly ReportSelection Everything = new(DefaultTop, All: true);

    /// <summary>How many incidents of each kind per country are shown; at least 1.</summary>
    public int Top { get; } = Top >= 1 ? Top : throw new ArgumentOutOfRangeException(nameof(Top), Top, "--top must be at least 1.");
}
