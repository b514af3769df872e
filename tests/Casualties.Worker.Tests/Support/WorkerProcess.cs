using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace Casualties.Worker.Tests.Support;

/// <summary>
/// A real <c>casualties</c> process (the built casualties.dll run by <c>dotnet</c>), with its output captured,
/// configured through the environment like a deployed worker. Killed on dispose if still running.
/// </summary>
public sealed class WorkerProcess : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();
    private readonly TaskCompletionSource exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Id => process.Id;

    public string Output => string.Join('\n', lines);

    public int? ExitCode => process.HasExited ? process.ExitCode : null;

    private WorkerProcess(Process process)
    {
        this.process = process;
    }

    /// <summary>Starts <c>casualties ARGS --connection CONNECTION</c> with the given configuration as environment variables.</summary>
    public static WorkerProcess Start(string connectionString, IEnumerable<string> args, IReadOnlyDictionary<string, string>? settings = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "casualties.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.ArgumentList.Add("--connection");
        info.ArgumentList.Add(connectionString);
        info.Environment.Remove("ConnectionStrings__Casualties");
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["Logging__LogLevel__Default"] = "Debug";
        info.Environment["Logging__LogLevel__Microsoft"] = "Warning";
        info.Environment["Logging__LogLevel__System"] = "Warning";
        info.Environment["Logging__LogLevel__Polly"] = "Critical";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) info.Environment[key] = value;
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var worker = new WorkerProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) worker.lines.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) worker.lines.Enqueue(e.Data); };
        process.Exited += (_, _) => worker.exited.TrySetResult();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>Runs a CLI verb to its end and returns its exit code and standard output.</summary>
    public static Task<(int ExitCode, string Output, string Error)> Run(string connectionString, params string[] args) =>
        Run(connectionString, args, null);

    /// <summary>Runs a CLI verb with the given configuration as environment variables.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> Run(string connectionString, IEnumerable<string> args,
        IReadOnlyDictionary<string, string>? settings)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "casualties.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.ArgumentList.Add("--connection");
        info.ArgumentList.Add(connectionString);
        info.Environment.Remove("ConnectionStrings__Casualties");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) info.Environment[key] = value;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Eventually.Generous);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"'{string.Join(' ', args)}' did not finish within {Eventually.Generous}; killed.\n"
                + $"{await output}\n{await error}");
        }
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Sends a signal (TERM, KILL, STOP, CONT) with kill(1).</summary>
    public void Signal(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-s", signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            UseShellExecute = false,
        })!;
        kill.WaitForExit();
        if (kill.ExitCode != 0) throw new InvalidOperationException($"kill -s {signal} {process.Id} failed with exit code {kill.ExitCode}.");
    }

    /// <summary>Waits for the process to exit; false when it is still running after <paramref name="limit"/>.</summary>
    public async Task<bool> WaitForExit(TimeSpan limit)
    {
        var finished = await Task.WhenAny(exited.Task, Task.Delay(limit)) == exited.Task;
        if (finished) process.WaitForExit();
        return finished;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            process.WaitForExit(10_000);
        }
        process.Dispose();
    }
}
