namespace Casualties.Worker.Service.Options;

/// <summary>Scheduled report generation. Section "ReportOptions"; no Cron or no Folder: no scheduled reports.</summary>
public sealed class ReportOptions
{
    /// <summary>When the report is written: a cron expression of five fields, or six with seconds first.</summary>
    public string? Cron { get; set; }

    /// <summary>The time zone <see cref="Cron"/> is read in (an IANA name).</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>The folder the report files are written to.</summary>
    public string? Folder { get; set; }

    /// <summary>The formats written each time, one file each: html, md (or markdown), csv, json.</summary>
    public List<string> Formats { get; set; } = ["html"];
}
