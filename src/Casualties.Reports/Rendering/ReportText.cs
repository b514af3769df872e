using System.Globalization;
using Casualties.Domain.Model;
using Casualties.Reports.Model;

namespace Casualties.Reports.Rendering;

/// <summary>
/// The words and number formats every human-readable report shares (HTML and Markdown say the same things the
/// same way). Invariant culture throughout, so output does not depend on the machine.
/// </summary>
public static class ReportText
{
    /// <summary>The culture every number and date is written in.</summary>
    public static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>The report's title.</summary>
    public const string Title = "Casualty reconciliation report";

    /// <summary>"1,234"; a dash when unknown.</summary>
    public static string Number(long? n) => n is { } v ? v.ToString("#,0", Culture) : "—";

    /// <summary>"120–440", or "342" when both ends agree; an open upper end reads "342+".</summary>
    public static string Range(long low, long? high) =>
        high is null ? Number(low) + "+" : low == high ? Number(low) : $"{Number(low)}–{Number(high.Value)}";

    /// <summary>"2016-12-06".</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", Culture);

    /// <summary>"2016-12-06", empty when unknown.</summary>
    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "";

    /// <summary>"2016-12-06", "2016-11" or "2011" as precise as known, empty when unknown.</summary>
    public static string Date(PartialDate? date) => date?.ToString() ?? "";

    /// <summary>A moment in UTC to the second: "2016-12-07T10:00:00Z".</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Culture);

    /// <summary>"2016-11-15 to 2016-12-07", one date when both ends agree, "undated" when neither is known.</summary>
    public static string Period(PartialDate? start, PartialDate? end) => (start, end) switch
    {
        (null, null) => "undated",
        ({ } s, null) => $"from {s}",
        (null, { } e) => $"until {e}",
        ({ } s, { } e) when s == e => s.ToString(),
        ({ } s, { } e) => $"{s} to {e}",
    };

    /// <summary>A filter's or total's days: "2016-01-01 to 2016-12-31", one date when both agree, "all time" when neither is set.</summary>
    public static string Period(DateOnly? start, DateOnly? end) => (start, end) switch
    {
        (null, null) => "all time",
        ({ } s, { } e) when s == e => Date(s),
        _ => $"{Date(start)} to {Date(end)}".Trim(),
    };

    /// <summary>"1 source", "3 sources".</summary>
    public static string Count(long n, string noun) => $"{Number(n)} {noun}{(n == 1 ? "" : "s")}";

    /// <summary>The word with its first letter in upper case.</summary>
    public static string Capitalized(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    /// <summary>"civilians", "combatants (opposition)": the victim group in words, with its side when known.</summary>
    public static string Victims(string victims, string? victimSide) =>
        victimSide is null ? victims.Replace('_', ' ') : $"{victims.Replace('_', ' ')} ({victimSide})";

    /// <summary>A source's figure as it was stated: "more than 341", "about 400", "between 20 and 25", "dozens".</summary>
    public static string Stated(ReportSourceFigure figure) => figure.Qualifier switch
    {
        "exact" => Number(figure.Value ?? figure.Low),
        "at_least" => $"at least {Number(figure.Value ?? figure.Low)}",
        "more_than" => $"more than {Number(figure.Value ?? figure.Low - 1)}",
        "at_most" => $"up to {Number(figure.Value ?? figure.High)}",
        "less_than" => $"fewer than {Number(figure.Value ?? figure.High + 1)}",
        "nearly" => $"nearly {Number(figure.Value ?? figure.High + 1)}",
        "about" => $"about {Number(figure.Value ?? figure.Low)}",
        "range" => $"between {Number(figure.Low)} and {Number(figure.High)}",
        "vague" => $"a vague number ({Range(figure.Low, figure.High)})",
        var other => $"{other} {Number(figure.Value)}",
    };

    /// <summary>The bounds a stated figure implies, in words: "342 or more", "360 to 440", "exactly 81".</summary>
    public static string Bounds(ReportSourceFigure figure) => figure.High switch
    {
        null => $"{Number(figure.Low)} or more",
        var high when high == figure.Low => $"exactly {Number(figure.Low)}",
        var high => $"{Number(figure.Low)} to {Number(high.Value)}",
    };

    /// <summary>"consensus 120–140", or "no consensus" when no figure fits every source.</summary>
    public static string Consensus(bool hasConsensus, int? low, int? high) =>
        !hasConsensus || low is null ? "no consensus" : $"consensus {Range(low.Value, high)}";

    /// <summary>"Killed in Aleppo, 2016-11-15 to 2016-12-07": an incident's outcome, place and period.</summary>
    public static string IncidentHeading(ReportIncident incident) =>
        $"{Capitalized(incident.Outcome)} in {incident.Place ?? "an unknown place"}, {Period(incident.Start, incident.End)}";

    /// <summary>"event" or "running tally".</summary>
    public static string IncidentKind(string kind) => kind == "tally" ? "running tally" : kind;

    /// <summary>How a total was reached, in words ("sum of the parts").</summary>
    public static string Method(string method) => method switch
    {
        "single" => "one incident",
        "sum_of_parts" => "sum of the parts",
        "whole" => "the whole's figure (larger than its parts)",
        "remainder" => "what is left once the sides' own incidents inside are counted",
        _ => method,
    };

    /// <summary>What the report covers, in one line (its filter and the places it matched).</summary>
    public static string FilterText(ReportData data)
    {
        var f = data.Filter;
        if (f.IsEmpty) return "everything in the latest reconciliation";
        var parts = new List<string>();
        if (f.Place is not null) parts.Add($"place {string.Join(" or ", data.Places.DefaultIfEmpty(f.Place))} and everything inside it");
        if (f.From is not null || f.To is not null) parts.Add($"dates {Date(f.From)} to {Date(f.To)}".Replace("  ", " "));
        if (f.Side is not null) parts.Add($"perpetrator side {f.Side}");
        if (f.Outcome is not null) parts.Add($"outcome {f.Outcome}");
        return string.Join("; ", parts);
    }

    /// <summary>
    /// The command that shows everything this report left out of <paramref name="country"/> (or of the whole report when
    /// <paramref name="country"/> is null and <paramref name="wholeReport"/>): the report's own filters plus --all.
    /// </summary>
    public static string AllCommand(ReportData data, string format, string? country, bool wholeReport = false)
    {
        var f = data.Filter;
        var parts = new List<string> { "casualties report", "--format " + format, "--all" };
        var place = wholeReport ? f.Place : country ?? f.Place;
        if (place is not null) parts.Add("--place " + ShellQuote(place));
        if (f.From is { } from) parts.Add("--from " + Date(from));
        if (f.To is { } to) parts.Add("--to " + Date(to));
        if (f.Side is not null) parts.Add("--side " + ShellQuote(f.Side));
        if (f.Outcome is not null) parts.Add("--outcome " + f.Outcome);
        parts.Add(format == "html" ? "--out report-all" : "--out report-all." + format);
        return string.Join(' ', parts);
    }

    /// <summary>The command that lists every change since <paramref name="fromRun"/> (JSON, complete).</summary>
    public static string SinceCommand(ReportData data, long fromRun)
    {
        var command = AllCommand(data, "json", null, wholeReport: true).Replace(" --all", "", StringComparison.Ordinal);
        return command.Replace(" --out ", $" --since {fromRun} --out ", StringComparison.Ordinal);
    }

    /// <summary>The SQL that lists a country's incidents (all of them; the report's other filters are not repeated).</summary>
    public static string CountrySql(string? country) => country is null
        ? "SELECT * FROM v_incidents WHERE country IS NULL"
        : $"SELECT * FROM v_incidents WHERE country = {SqlQuote(country)}";

    /// <summary>The SQL that lists the low-severity flags the default report leaves out.</summary>
    public const string LowFlagsSql = "SELECT * FROM v_flags WHERE severity = 'low'";

    /// <summary>A word for the shell: as it is when plain, else in single quotes.</summary>
    public static string ShellQuote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '/' or '.') ? word
        : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>A string literal for SQL, single quotes doubled.</summary>
    public static string SqlQuote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>"flagged, largest": why the default report shows an incident.</summary>
    public static string Reasons(SelectionReason reasons)
    {
        var words = new List<string>();
        if (reasons.HasFlag(SelectionReason.Flagged)) words.Add("flagged");
        if (reasons.HasFlag(SelectionReason.Largest)) words.Add("largest");
        if (reasons.HasFlag(SelectionReason.Disputed)) words.Add("most disputed");
        if (reasons.HasFlag(SelectionReason.RecentlyChanged)) words.Add("recently changed");
        return string.Join(", ", words);
    }

    /// <summary>What the default selection is, in one sentence.</summary>
    public static string SelectionText(ReportSelection selection) => selection.All
        ? "Everything: every incident and every flag."
        : $"Per country, the {selection.Top} flagged, largest, most disputed and most recently changed incidents (an incident may be several), and every high- and medium-severity flag; counts of what was left out and how to see it are given.";

    /// <summary>"+12", "−3", "0".</summary>
    public static string Delta(long before, long after) =>
        after > before ? "+" + Number(after - before) : after < before ? "−" + Number(before - after) : "0";

    /// <summary>An incident's headline figure in words: "120–440, best 341, 3 sources".</summary>
    public static string Figures(ReportIncident incident) =>
        $"{Range(incident.Low, incident.High)}, best {Number(incident.Best)}, {Count(incident.SourceCount, "source")}";

    /// <summary>"Government side, killed civilians in Aleppo, all time": whose total of what, where and when.</summary>
    public static string TotalHeading(ReportTotal t, SideNames sides) =>
        $"{Capitalized(sides.Side(t.PerpetratorSide))}, {t.Outcome} {Victims(t.Victims, t.VictimSide)} in {t.Place ?? t.PlaceKey ?? "an unknown place"}, {Period(t.PeriodStart, t.PeriodEnd)}";

    /// <summary>Which reconciliation run the report shows and when it finished (or started), or that none has run.</summary>
    public static string RunText(ReportRun? run) => run is null
        ? "no reconciliation has run yet"
        : $"reconciliation run {run.RunId} ({run.Mode}, {(run.FinishedAt is { } done ? "finished " + Timestamp(done) : "started " + Timestamp(run.StartedAt))})";

    /// <summary>A flag kind as a heading ("Ranges do not overlap").</summary>
    public static string FlagKind(string kind) => kind switch
    {
        "disjoint_ranges" => "Ranges do not overlap",
        "wide_spread" => "Wide spread",
        "subset_exceeds_total" => "Subset exceeds its total",
        "parts_exceed_whole" => "Parts exceed the whole",
        "tally_decreased" => "Running tally went down",
        "self_contradiction" => "Source contradicts itself",
        "outlier" => "Outlier",
        _ => Capitalized(kind.Replace('_', ' ')),
    };

    /// <summary>How every number was computed: (term, explanation) pairs shown by the HTML and Markdown reports.</summary>
    public static readonly IReadOnlyList<(string Term, string Explanation)> Methodology =
    [
        ("A claim's bounds", "Each figure is read with how the source hedged it: \"81\" is exactly 81; \"at least 25\" is 25 or more; \"more than 341\" is 342 or more; \"up to 50\" is 0 to 50; \"fewer than 50\" is 0 to 49; \"nearly 100\" is 90 to 99; \"about 100\" is 90 to 110 (integer arithmetic, rounding outwards); \"between 20 and 30\" is 20 to 30; vague words use the lexicon (\"dozens\" is 24 to 99, \"hundreds\" 200 to 999)."),
        ("Incident", "Claims describe the same incident when they count the same outcome, at the same place or one inside the other, over periods that describe the same stretch of time, by compatible perpetrators. An event is a bounded happening (one day); a tally is a running count over a window. An event inside a tally's window and place is a separate incident the tally contains, never added to it."),
        ("Latest word", "Per incident and victim group each source counts once, with its latest word (its latest document, and within a document the later statement). Earlier words are listed as superseded and never summed."),
        ("Low and high", "The reported range: the lowest and the highest figure any source gives for the incident and victim group. An open-ended figure (\"more than 341\") counts with its low (342)."),
        ("Best", "A weighted median of the sources' figures, weights from each source's reliability; always inside [low, high]."),
        ("Consensus", "The interval every source's figure allows: from the highest low to the lowest high (no upper end when every figure is open-ended). When the highest low is above the lowest high there is no consensus, and that is a conflict."),
        ("Victim groups", "Figures of different groups are never pooled: people, civilians, children, women and combatants each get their own range. The headline is the broadest group reported (people before civilians before children)."),
        ("Per-side totals", "By perpetrator side, outcome and victim group, over a place and period: the sum of the incidents' lows, of their bests and of their highs, never counting a death twice (a tally and the events inside it, a place and the places inside it, a figure and its subsets, successive updates of one tally). When both a whole and its parts have figures, low = the larger of the whole's low and the parts' summed lows, high likewise; the method column says which was used: one incident, the sum of the parts, or the whole. The sides' totals of a place and period add up to its total: an incident of unknown side inside a side's tally is counted in that tally, and an unknown side's tally counts only what exceeds the sides' incidents inside it (method: remainder)."),
        ("Flags", "Flags are about figures, never about who is right: disjoint ranges, a wide spread (the highest point more than 1.5 times the lowest), a subset above its total, parts above the whole, a running tally that went down, a source contradicting itself, an outlier (robust z-score on the log scale)."),
        ("Sources of this report", "Everything comes from the reporting views of the database as of the reconciliation run named at the top: v_incidents, v_incident_figures, v_incident_sources, v_side_totals, v_flags, v_reconciliation_runs. Quotes are the exact text each figure was read from."),
    ];
}
