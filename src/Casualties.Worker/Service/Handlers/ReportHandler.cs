using Casualties.Worker.Service.Jobs;
using Casualties.Worker.Service.Pipeline;

namespace Casualties.Worker.Service.Handlers;

/// <summary>Writes the scheduled report into the configured folder.</summary>
public sealed class ReportHandler(IReportGeneration reports) : IJobHandler
{
    public string Kind => JobKinds.Report;

    public async Task<JobOutcome> Handle(JobContext context, CancellationToken ct)
    {
        var payload = context.Payload<ReportPayload>();
        var written = await reports.Write(payload.Folder, payload.Formats, ct);
        return JobOutcome.Of(new { written });
    }
}

public sealed record ReportPayload(string Folder, IReadOnlyList<string> Formats);
