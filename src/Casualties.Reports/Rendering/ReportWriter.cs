namespace Casualties.Reports.Rendering;

/// <summary>Writes a report to a file without ever leaving half a report behind: into a temporary file beside it,
/// renamed over the target when complete.</summary>
public static class ReportWriter
{
    public static async Task WriteFile(ReportData data, ReportFormat format, string path, TimeProvider clock, CancellationToken ct = default)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await format.Renderer(clock).Render(data, file, ct);
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
