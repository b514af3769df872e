using System.Runtime.CompilerServices;

namespace Casualties.Reports.Rendering;

/// <summary>Writes a report to a file or, for HTML, to a folder, without ever leaving half a report behind: into a
/// temporary file (or folder) beside it, moved over the target when complete.</summary>
public static class ReportWriter
{
    /// <summary>Whether <paramref name="path"/> asks for the HTML folder form: an existing folder, a path ending in a
    /// separator, or a name without an extension.</summary>
    public static bool IsFolder(string path) =>
        Directory.Exists(path) || Path.EndsInDirectorySeparator(path) || Path.GetExtension(path).Length == 0;

    /// <summary>Writes the report in <paramref name="format"/> to <paramref name="path"/> (a folder for HTML when <see cref="IsFolder"/>).</summary>
    /// <param name="data">The report.</param>
    /// <param name="format">The form to write.</param>
    /// <param name="path">The file or folder written, replaced whole when complete.</param>
    /// <param name="clock">Gives the generation time the report states.</param>
    /// <param name="ct">Stops the writing; the target is then left as it was.</param>
    /// <param name="progress">Called with the number of incidents written so far, as they are written.</param>
    public static async Task WriteFile(ReportData data, ReportFormat format, string path, TimeProvider clock, CancellationToken ct = default,
        Action<long>? progress = null)
    {
        data = Counted(data, progress);
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

    /// <summary>
    /// The HTML folder form into <paramref name="folder"/>: index.html and a page per country, written into a temporary
    /// folder beside it first; then moved in, and the country pages of an earlier report that this one no longer has removed.
    /// </summary>
    /// <returns>The files written (names inside the folder).</returns>
    public static async Task<IReadOnlyList<string>> WriteFolder(ReportData data, string folder, TimeProvider clock, CancellationToken ct = default,
        Action<long>? progress = null)
    {
        data = Counted(data, progress);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var parent = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(parent);
        var temporary = Directory.CreateDirectory(Path.Combine(parent, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp"));
        try
        {
            var names = new List<string>();
            await new HtmlReportRenderer(clock).RenderFolder(data, name =>
            {
                names.Add(name);
                return new FileStream(Path.Combine(temporary.FullName, name), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            }, ct);
            Directory.CreateDirectory(full);
            foreach (var stale in Directory.EnumerateFiles(full, "country-*.html").Where(f => !names.Contains(Path.GetFileName(f))).ToList())
                File.Delete(stale);
            // Country pages first, the index last: a reader following the new index finds the new pages.
            foreach (var name in names.OrderBy(n => n == HtmlReportRenderer.IndexPage))
                File.Move(Path.Combine(temporary.FullName, name), Path.Combine(full, name), overwrite: true);
            return names;
        }
        finally
        {
            temporary.Delete(recursive: true);
        }
    }

    private static ReportData Counted(ReportData data, Action<long>? progress) => progress is null ? data : data with
    {
        Incidents = Count(data.Incidents, progress),
        SelectedIncidents = Count(data.SelectedIncidents, progress),
    };

    private static async IAsyncEnumerable<T> Count<T>(IAsyncEnumerable<T> items, Action<long> progress, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var count = 0L;
        await foreach (var item in items.WithCancellation(ct))
        {
            yield return item;
            progress(++count);
        }
    }
}
