using System.CommandLine;
using Casualties.Domain.Model;
using Casualties.Postgres;
using Casualties.Postgres.Embedded;
using Casualties.Reports;
using Casualties.Reports.Loading;
using Casualties.Reports.Rendering;
using Npgsql;

namespace Casualties.Worker.Cli;

/// <summary>
/// report --format html|md|csv|json --out PATH [--place P] [--from D] [--to D] [--side S] [--outcome O]
/// [--top N | --all] [--since RUN|last-report]. HTML to a folder (index.html + a page per country) when PATH names one.
/// </summary>
public static class ReportCommand
{
    private static readonly Option<string> Format = new("--format") { Description = "html, md, csv or json.", Required = true };
    private static readonly Option<string> Out = new("--out") { Description = "The file to write; for HTML, a folder (an existing one, or a name without extension) gets index.html and a page per country.", Required = true };
    private static readonly Option<int?> Top = new("--top") { Description = $"HTML and Markdown: per country, the N flagged, largest, most disputed and most recently changed incidents (default {ReportSelection.DefaultTop})." };
    private static readonly Option<bool> All = new("--all") { Description = "HTML and Markdown: every incident and every flag (CSV and JSON are always complete)." };
    private static readonly Option<string?> Since = new("--since") { Description = "Also report what changed since reconciliation run RUN, or since the run of the previous report written to the same place (last-report)." };
    private static readonly Option<string?> Place = new("--place") { Description = "Only this place (gazetteer name, key or alias) and everything inside it." };
    private static readonly Option<string?> From = new("--from") { Description = "Only incidents and totals from this date on (YYYY-MM-DD, YYYY-MM or YYYY)." };
    private static readonly Option<string?> To = new("--to") { Description = "Only incidents and totals up to this date (YYYY-MM-DD, YYYY-MM or YYYY)." };
    private static readonly Option<string?> Side = new("--side") { Description = "Only this perpetrator side (e.g. government)." };
    private static readonly Option<string?> OutcomeOption = new("--outcome") { Description = "Only this outcome: killed, injured, displaced, missing or detained." };

    /// <summary>The report verb.</summary>
    public static Command Build()
    {
        var report = new Command("report", "Write a reconciliation report (HTML, Markdown, CSV or JSON) of the latest reconciliation.");
        foreach (var option in new Option[] { Format, Out, Place, From, To, Side, OutcomeOption, Top, All, Since }) report.Options.Add(option);
        report.SetAction(async (parse, ct) =>
        {
            if (!ReportFormats.TryParse(parse.GetValue(Format), out var format))
                throw new UsageException($"--format '{parse.GetValue(Format)}' is not a report format: expected html, md, csv or json.");
            var filter = Filter(parse);
            var selection = Selection(parse);
            var since = parse.GetValue(Since);
            if (since is not null && format == ReportFormat.Csv)
                throw new UsageException("--since: the CSV report is one table of incidents; changes are in --format json, md or html.");
            await using var dataSource = await Database.Open(GlobalOptions.Database(parse), ct);
            var path = parse.GetValue(Out)!;
            var sinceRun = await SinceRun(dataSource, since, path, ct);
            using var progress = new ReportProgress(Path.GetFileName(Path.TrimEndingDirectorySeparator(path)));
            var (data, written) = await Write(dataSource, format, path, filter, ct, selection, sinceRun, progress.Report);
            var changes = data.Changes is { } c
                ? $"; since run {c.FromRun}: {c.Counts.Incidents} incidents, {c.Counts.Flags} flags and {c.Counts.Totals} totals changed" : "";
            Console.WriteLine($"Wrote the {format.ToString().ToLowerInvariant()} report of {data.Summary.Incidents} incidents and {data.Summary.Flags} flags ({ReportText.RunText(data.Run)}{changes}) to {written}.");
            return CasualtiesCommand.Done;
        });
        return report;
    }

    private static ReportSelection Selection(ParseResult parse)
    {
        var top = parse.GetValue(Top);
        var all = parse.GetValue(All);
        if (top is not null && all) throw new UsageException("--top and --all: give one of them (--all shows everything).");
        if (top is < 1) throw new UsageException($"--top {top} must be at least 1.");
        return new ReportSelection(top ?? ReportSelection.DefaultTop, all);
    }

    /// <summary>--since RUN (a run that exists, or 0 for "before the first run") or last-report (the run of the previous
    /// report written to the same --out).</summary>
    private static async Task<long?> SinceRun(NpgsqlDataSource dataSource, string? since, string path, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(since)) return null;
        if (since.Trim().Equals("last-report", StringComparison.OrdinalIgnoreCase))
        {
            return await new ReportMarks(dataSource).Previous(path, ct)
                ?? throw new UsageException($"--since last-report: no report was written to {ReportMarks.Normalize(path)} before; give a run id (casualties status shows the last one).");
        }
        if (!long.TryParse(since, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var run))
            throw new UsageException($"--since '{since}' is not a run id or last-report.");
        if (run != 0 && !await new ReportMarks(dataSource).RunExists(run, ct))
            throw new UsageException($"--since {run}: there is no reconciliation run {run}.");
        return run;
    }

    /// <summary>Loads the report data and writes it to a file; a place the gazetteer does not know is a usage error.</summary>
    public static async Task<ReportData> Write(NpgsqlDataSource dataSource, ReportFormat format, string path, ReportFilter filter, CancellationToken ct) =>
        (await Write(dataSource, format, path, filter, ct, ReportSelection.Default, null, null)).Data;

    /// <summary>
    /// Loads the report data and writes it: HTML to a folder when <paramref name="path"/> names one, else to a file;
    /// then remembers the run written there (for --since last-report). Returns the data and what was written.
    /// </summary>
    public static async Task<(ReportData Data, string Written)> Write(NpgsqlDataSource dataSource, ReportFormat format, string path,
        ReportFilter filter, CancellationToken ct, ReportSelection selection, long? sinceRun, Action<long>? progress)
    {
        ReportData data;
        try
        {
            data = await new ReportDataLoader(dataSource).Load(filter, selection, sinceRun, ct);
        }
        catch (PlaceNotFoundException e)
        {
            throw new UsageException($"--place: {e.Message}");
        }
        string written;
        if (format == ReportFormat.Html && ReportWriter.IsFolder(path))
        {
            var files = await ReportWriter.WriteFolder(data, path, TimeProvider.System, ct, progress);
            written = $"{Path.Combine(ReportMarks.Normalize(path), HtmlReportRenderer.IndexPage)} (and {files.Count - 1} country pages)";
        }
        else
        {
            await ReportWriter.WriteFile(data, format, path, TimeProvider.System, ct, progress);
            written = Path.GetFullPath(path);
        }
        if (data.Run is { } run && !await new ReportMarks(dataSource).Remember(path, run.RunId, format.ToString().ToLowerInvariant(), ct))
            Console.Error.WriteLine($"report: this login may not record the report's run, so --since last-report will not know it for {ReportMarks.Normalize(path)}.");
        return (data, written);
    }

    /// <summary>Where demo writes its HTML report: beside the embedded cluster (CASUALTIES_HOME/report.html), or in the
    /// current folder when a connection string names another server.</summary>
    public static string DemoReportPath(ParseResult parse)
    {
        var options = GlobalOptions.Database(parse);
        var folder = options.IsEmbedded ? options.DataDirectory ?? EmbeddedPostgres.DefaultHome() : Directory.GetCurrentDirectory();
        return Path.GetFullPath(Path.Combine(folder, "report.html"));
    }

    private static ReportFilter Filter(ParseResult parse)
    {
        var from = Day(parse.GetValue(From), "--from", first: true);
        var to = Day(parse.GetValue(To), "--to", first: false);
        if (from > to) throw new UsageException($"--from {from:yyyy-MM-dd} is after --to {to:yyyy-MM-dd}.");
        var outcome = parse.GetValue(OutcomeOption);
        if (outcome is not null)
        {
            if (!OutcomeNames.TryParse(outcome, out var parsed))
                throw new UsageException($"--outcome '{outcome}' is not an outcome: expected killed, injured, displaced, missing or detained.");
            outcome = parsed.ToName();
        }
        return new ReportFilter(NullIfBlank(parse.GetValue(Place)), from, to, NullIfBlank(parse.GetValue(Side))?.ToLowerInvariant(), outcome);
    }

    /// <summary>A date option as a day: YYYY-MM and YYYY mean their first day for --from and their last for --to.</summary>
    private static DateOnly? Day(string? text, string option, bool first)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!PartialDate.TryParse(text, out var date))
            throw new UsageException($"{option} '{text}' is not a date: expected YYYY-MM-DD, YYYY-MM or YYYY.");
        return first ? date.First : date.Last;
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
