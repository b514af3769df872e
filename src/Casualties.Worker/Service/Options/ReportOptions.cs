namespace Casualties.Worker.Service.Options;

/// <summary>Scheduled report generation. Section "ReportOptions"; no Cron or no Folder: no scheduled reports.</summary>
public sealed class ReportOptions
{
    public string? Cron { get; set; }

    public string TimeZone { get; set; } = "UTC";

    public string? Folder { get; set; }

    public List<string> Formats { get; set; } = ["html"];
}
