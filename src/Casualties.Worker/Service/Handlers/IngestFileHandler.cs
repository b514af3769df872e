using Casualties.Worker.Service.Inbox;
using Casualties.Worker.Service.Jobs;
using Casualties.Worker.Service.Pipeline;

namespace Casualties.Worker.Service.Handlers;

/// <summary>
/// Ingests one inbox file, then moves it to processed/ (or quarantine/ when it was rejected whole) beside it,
/// and asks for an incremental reconcile. A file already gone was handled by an earlier run of the job.
/// </summary>
public sealed class IngestFileHandler(IIngestion ingestion, InboxFolders folders, FollowUpJobs followUps) : IJobHandler
{
    /// <inheritdoc/>
    public string Kind => JobKinds.IngestFile;

    /// <inheritdoc/>
    public async Task<JobOutcome> Handle(JobContext context, CancellationToken ct)
    {
        var payload = context.Payload<IngestFilePayload>();
        if (!File.Exists(payload.Path)) return JobOutcome.Of(new { skipped = "the file was moved by an earlier run of this job", payload.Path });
        var counts = await ingestion.IngestFile(payload.Path, ct);
        var target = counts.RejectedWhole ? folders.QuarantineFolder(payload.Inbox) : folders.ProcessedFolder(payload.Inbox);
        InboxFolders.MoveInto(payload.Path, target);
        await followUps.AfterIngest(counts, ct);
        return JobOutcome.Of(counts);
    }

    /// <summary>Moves the file, if still there, into the inbox's quarantine folder, so no later scan enqueues it again.</summary>
    public Task DeadLettered(JobContext context, string error, CancellationToken ct)
    {
        var payload = context.Payload<IngestFilePayload>();
        if (File.Exists(payload.Path)) InboxFolders.MoveInto(payload.Path, folders.QuarantineFolder(payload.Inbox));
        return Task.CompletedTask;
    }
}
