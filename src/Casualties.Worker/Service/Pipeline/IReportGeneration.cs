namespace Casualties.Worker.Service.Pipeline;

/// <summary>The worker's view of the reports (issue 7): writes the report in each format into a folder, returning the paths.</summary>
public interface IReportGeneration
{
    Task<IReadOnlyList<string>> Write(string folder, IReadOnlyList<string> formats, CancellationToken ct);
}
