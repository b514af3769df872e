using System.CommandLine;
using Casualties.Domain.Model;
using Casualties.Postgres;
using Casualties.Postgres.Embedded;
using Casualties.Reports;
using Casualties.Reports.Loading;
using Casualties.Reports.Rendering;
using Npgsql;

namespace Casualties.Worker.Cli;

/// <summary>report --format html|md|csv|json --out PATH [--place P] [--from D] [--to D] [--side S] [--outcome O].</summary>
public static class ReportCommand
{
    private static readonly Option<string> Format = new("--format") { Description = "html, md, csv or json.", Required = true };
    private static readonly Option<string> Out = new("--out") { Description = "The file to write.", Required = true };
    private static readonly Option<string?> Place = new("--place") { Description = "Only this place (gazetteer name, key or alias) and everything inside it." };
    private static readonly Option<string?> From = new("--from") { Description = "Only incidents and totals from this date on (YYYY-MM-DD, YYYY-MM or YYYY)." };
    private static readonly Option<string?> To = new("--to") { Description = "Only incidents and totals up to this date (YYYY-MM-DD, YYYY-MM or YYYY)." };
    private static readonly Option<string?> Side = new("--side") { Description = "Only this perpetrator side (e.g. government)." };
    private static readonly Option<string?> OutcomeOption = new("--outcome") { Description = "Only this outcome: killed, injured, displaced, missing or detained." };

    public static Command Build()
    {
        var report = new Command("report", "Write a reconciliation report (HTML, Markdown, CSV or JSON) of the latest reconciliation.");
        foreach (var option in new Option[] { Format, Out, Place, From, To, Side, OutcomeOption }) report.Options.Add(option);
        report.SetAction(async (parse, ct) =>
        {
            if (!ReportFormats.TryParse(parse.GetValue(Format), out var format))
                throw new UsageException($"--format '{parse.GetValue(Format)}' is not a report format: expected html, md, csv or json.");
            var filter = Filter(parse);
            await using var dataSource = await Database.Open(GlobalOptions.Database(parse), ct);
            var path = parse.GetValue(Out)!;
            var data = await Write(dataSource, format, path, filter, ct);
            Console.WriteLine($"Wrote the {Path.GetExtension(path).TrimStart('.')} report of {data.Summary.Incidents} incidents and {data.Summary.Flags} flags ({ReportText.RunText(data.Run)}) to {Path.GetFullPath(path)}.");
            return CasualtiesCommand.Done;
        });
        return report;
    }

    /// <summary>Loads the report data and writes it to a file; a place the gazetteer does not know is a usage error.</summary>
    public static async Task<ReportData> Write(NpgsqlDataSource dataSource, ReportFormat format, string path, ReportFilter filter, CancellationToken ct)
    {
        ReportData data;
        try
        {
            data = await new ReportDataLoader(dataSource).Load(filter, ct);
        }
        catch (PlaceNotFoundException e)
        {
            throw new UsageException($"--place: {e.Message}");
        }
        await ReportWriter.WriteFile(data, format, path, TimeProvider.System, ct);
        return data;
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
