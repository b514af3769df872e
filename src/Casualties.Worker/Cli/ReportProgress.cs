using System.Diagnostics;

namespace Casualties.Worker.Cli;

/// <summary>
/// Report progress on standard error, for long reports only: nothing in the first two seconds; then on a terminal a
/// line redrawn in place (incidents written, per second), else a plain line every five seconds.
/// </summary>
public sealed class ReportProgress(string what) : IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2), LogEvery = TimeSpan.FromSeconds(5);
    private readonly bool terminal = !Console.IsErrorRedirected;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private TimeSpan lastLog;
    private bool drawn;

    /// <summary>
    /// Shows <paramref name="incidents"/> written so far: nothing in the first two seconds, then at most four times a second on a terminal,
    /// every five seconds otherwise.
    /// </summary>
    public void Report(long incidents)
    {
        var elapsed = clock.Elapsed;
        if (elapsed < Quiet || (terminal ? elapsed - lastLog < TimeSpan.FromMilliseconds(250) : elapsed - lastLog < LogEvery)) return;
        lastLog = elapsed;
        var line = $"report: {what}: {incidents:N0} incidents written ({incidents / elapsed.TotalSeconds:N0}/s, {elapsed.TotalSeconds:0} s)";
        if (terminal)
        {
            Console.Error.Write("\r" + line);
            drawn = true;
        }
        else
        {
            Console.Error.WriteLine(line);
        }
    }

    /// <summary>Ends the redrawn line, if one was drawn, so what follows starts on a line of its own.</summary>
    public void Dispose()
    {
        if (drawn) Console.Error.WriteLine();
    }
}
