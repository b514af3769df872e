namespace Casualties.Reports;

/// <summary>
/// How much of the report's incidents and flags the HTML and Markdown reports show (CSV and JSON are always
/// complete). By default, per country, the <see cref="Top"/> incidents of each kind that matters (flagged, largest,
/// most disputed, most recently changed) and every high- and medium-severity flag; with <see cref="All"/>, everything.
/// </summary>
public sealed record ReportSelection(int Top = ReportSelection.DefaultTop, bool All = false)
{
    public const int DefaultTop = 10;

    public static readonly ReportSelection Default = new();

    public static readonly ReportSelection Everything = new(DefaultTop, All: true);

    public int Top { get; } = Top >= 1 ? Top : throw new ArgumentOutOfRangeException(nameof(Top), Top, "--top must be at least 1.");
}
