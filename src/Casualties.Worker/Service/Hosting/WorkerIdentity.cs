namespace Casualties.Worker.Service.Hosting;

/// <summary>This worker process's name on the queue: host, process id and a random suffix (pids are reused).</summary>
public sealed class WorkerIdentity
{
    /// <summary>The machine's name.</summary>
    public string Host { get; } = Environment.MachineName;

    /// <summary>This process's id on that machine.</summary>
    public int ProcessId { get; } = Environment.ProcessId;

    /// <summary>HOST:PID:SUFFIX, unique to this process; leases and the workers table name the worker by it.</summary>
    public string Id { get; }

    /// <summary>The identity of the current process, with a new random suffix.</summary>
    public WorkerIdentity() => Id = $"{Host}:{ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";
}
