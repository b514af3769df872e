namespace Casualties.Reports.Rendering;

public enum ReportFormat
{
    Html,
    Markdown,
    Csv,
    Json,
}

public static class ReportFormats
{
    /// <summary>The names the command line takes: html, md, csv, json.</summary>
    public static readonly IReadOnlyList<string> Names = ["html", "md", "csv", "json"];

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

    public static IReportRenderer Renderer(this ReportFormat format, TimeProvider clock) => format switch
    {
        ReportFormat.Html => new HtmlReportRenderer(clock),
        ReportFormat.Markdown => new MarkdownReportRenderer(clock),
        ReportFormat.Csv => new CsvReportRenderer(),
        _ => new JsonReportRenderer(clock),
    };
}
