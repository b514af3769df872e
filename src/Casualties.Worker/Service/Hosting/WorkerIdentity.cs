namespace Casualties.Worker.Service.Hosting;

/// <summary>This worker process's name on the queue: host, process id and a random suffix (pids are reused).</summary>
public sealed class WorkerIdentity
{
    public string Host { get; } = Environment.MachineName;

    public int ProcessId { get; } = Environment.ProcessId;

    public string Id { get; }

    public WorkerIdentity() => Id = $"{Host}:{ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";
}
