using System.Globalization;
using Casualties.Reports;
using Casualties.Reports.Loading;
using Casualties.Reports.Rendering;
using Casualties.Worker.Service.Jobs;
using Npgsql;

namespace Casualties.Worker.Service.Pipeline;

/// <summary>
/// Writes the report of the latest reconciliation (issue 7) in each configured format into the folder, named
/// casualties-YYYYMMDDTHHMMSSZ.EXT by the time it was written. HTML and Markdown show the default selection (issue 13),
/// and each report also says what changed since the previous scheduled report written to the same folder.
/// </summary>
public sealed class RendererReportGeneration(NpgsqlDataSource dataSource, TimeProvider time) : IReportGeneration
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> Write(string folder, IReadOnlyList<string> formats, CancellationToken ct)
    {
        var parsed = formats.Select(name => ReportFormats.TryParse(name, out var format)
            ? (Name: name.Trim().ToLowerInvariant(), Format: format)
            : throw new PermanentJobException($"ReportOptions:Formats: '{name}' is not a report format (expected {string.Join(", ", ReportFormats.Names)}).")).ToList();
        var marks = new ReportMarks(dataSource);
        var since = await marks.Previous(folder, ct);
        var data = await new ReportDataLoader(dataSource).Load(ReportFilter.None, ReportSelection.Default, since, ct);
        Directory.CreateDirectory(folder);
        var stamp = time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var written = new List<string>();
        foreach (var (name, format) in parsed)
        {
            var path = Path.Combine(folder, $"casualties-{stamp}.{(name == "markdown" ? "md" : name)}");
            await ReportWriter.WriteFile(data, format, path, time, ct);
            written.Add(path);
        }
        if (data.Run is { } run) await marks.Remember(folder, run.RunId, string.Join(",", parsed.Select(p => p.Name)), ct);
        return written;
    }
}
