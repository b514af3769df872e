using Casualties.Worker.Service.Jobs;
using Casualties.Worker.Service.Pipeline;

namespace Casualties.Worker.Service.Handlers;

/// <summary>Writes the scheduled report into the configured folder.</summary>
public sealed class ReportHandler(IReportGeneration reports) : IJobHandler
{
    /// <inheritdoc/>
    public string Kind => JobKinds.Report;

    /// <inheritdoc/>
    public async Task<JobOutcome> Handle(JobContext context, CancellationToken ct)
    {
        var payload = context.Payload<ReportPayload>();
        var written = await reports.Write(payload.Folder, payload.Formats, ct);
        return JobOutcome.Of(new { written });
    }
}

/// <summary>A report job's payload, taken from ReportOptions when the job was scheduled.</summary>
/// <param name="Folder">Where the files are written (created when missing).</param>
/// <param name="Formats">Format names (html, md or markdown, csv, json); an unknown one fails the job without retries.</param>
public sealed record ReportPayload(string Folder, IReadOnlyList<string> Formats);
