namespace Casualties.Worker.Service.Jobs;

/// <summary>A failure that retrying cannot fix (bad payload, a refused URL): the job is dead-lettered at once.</summary>
public sealed class PermanentJobException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>This worker no longer holds the job's lease (another took it over): its work must have no effect.</summary>
public sealed class LeaseLostException(long jobId, long version)
    : Exception($"Job {jobId} is no longer leased with version {version}: another worker took it over.");
