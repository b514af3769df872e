namespace Casualties.Reports.Rendering;

/// <summary>The forms a report is written in (docs/reports.md).</summary>
public enum ReportFormat
{
    /// <summary>A page, or a folder of pages, for a browser, with charts.</summary>
    Html,
    /// <summary>Text for a reader or a wiki.</summary>
    Markdown,
    /// <summary>One row per source figure, for a spreadsheet.</summary>
    Csv,
    /// <summary>Everything, for a program.</summary>
    Json,
}

/// <summary>The formats' command-line names and renderers.</summary>
public static class ReportFormats
{
    /// <summary>The names the command line takes: html, md, csv, json.</summary>
    public static readonly IReadOnlyList<string> Names = ["html", "md", "csv", "json"];

    /// <summary>Reads a command-line name ("markdown" too), ignoring case and outer spaces.</summary>
    public static bool TryParse(string? name, out ReportFormat format)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "html": format = ReportFormat.Html; return true;
            case "md" or "markdown": format = ReportFormat.Markdown; return true;
            case "csv": format = ReportFormat.Csv; return true;
            case "json": format = ReportFormat.Json; return true;
            default: format = default; return false;
        }
    }

    /// <summary>The renderer of the format; <paramref name="clock"/> gives the generation time the report states.</summary>
    public static IReportRenderer Renderer(this ReportFormat format, TimeProvider clock) => format switch
    {
        ReportFormat.Html => new HtmlReportRenderer(clock),
        ReportFormat.Markdown => new MarkdownReportRenderer(clock),
        ReportFormat.Csv => new CsvReportRenderer(),
        _ => new JsonReportRenderer(clock),
    };
}
