namespace Casualties.Worker.Service.Pipeline;

/// <summary>The worker's view of the reports (issue 7): writes the report in each format into a folder, returning the paths.</summary>
public interface IReportGeneration
{
    /// <summary>
    /// Writes one file per format name into <paramref name="folder"/> and returns their paths, in the order of <paramref name="formats"/>.
    /// </summary>
    Task<IReadOnlyList<string>> Write(string folder, IReadOnlyList<string> formats, CancellationToken ct);
}
