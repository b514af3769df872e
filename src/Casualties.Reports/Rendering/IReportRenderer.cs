namespace Casualties.Reports.Rendering;

/// <summary>
/// Writes a report to a stream as it reads it: one pass over the streamed incidents and flags, nothing buffered
/// beyond one incident. Same data, same bytes (apart from the generation time, taken from the renderer's clock).
/// </summary>
public interface IReportRenderer
{
    /// <summary>Writes the whole report to <paramref name="output"/>.</summary>
    Task Render(ReportData data, Stream output, CancellationToken ct = default);
}
