using System.Diagnostics;
using Casualties.Ingestion;

namespace Casualties.Worker.Cli;

/// <summary>
/// Ingest progress on standard error: a bar redrawn in place on a terminal (files, rows, rows/s), plain log
/// lines every few seconds otherwise (redirected to a file or a pipe).
/// </summary>
public sealed class ConsoleProgress : IProgress<IngestProgress>, IDisposable
{
    private static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(5);
    private readonly bool terminal = !Console.IsErrorRedirected;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Lock gate = new();
    private TimeSpan lastLog;
    private int lastWidth;

    /// <summary>
    /// Redraws the bar on a terminal; on a redirected stream writes a line once five seconds have passed since the last,
    /// and when the last file is done.
    /// </summary>
    public void Report(IngestProgress value)
    {
        lock (gate)
        {
            var seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
            var rate = value.Rows / seconds;
            var name = Path.GetFileName(value.CurrentFile);
            if (terminal)
            {
                const int BarWidth = 24;
                var filled = value.FilesTotal == 0 ? 0 : BarWidth * value.FilesDone / value.FilesTotal;
                var line = $"[{new string('#', filled)}{new string('.', BarWidth - filled)}] {value.FilesDone}/{value.FilesTotal} files, " +
                           $"{value.Rows:N0} rows ({rate:N0}/s), {value.Documents} docs  {name}";
                var width = Math.Max(20, (Console.IsOutputRedirected ? 120 : SafeWidth()) - 1);
                if (line.Length > width) line = line[..width];
                Console.Error.Write("\r" + line.PadRight(Math.Max(lastWidth, line.Length)));
                lastWidth = line.Length;
            }
            else if (clock.Elapsed - lastLog >= LogEvery || value.FilesDone == value.FilesTotal)
            {
                lastLog = clock.Elapsed;
                Console.Error.WriteLine($"ingest: {value.FilesDone}/{value.FilesTotal} files, {value.Rows:N0} rows ({rate:N0}/s), {value.Documents} documents; at {value.CurrentFile}");
            }
        }
    }

    /// <summary>Ends the bar's line so the summary starts on its own.</summary>
    public void Done()
    {
        lock (gate)
        {
            if (terminal && lastWidth > 0) Console.Error.WriteLine();
            lastWidth = 0;
        }
    }

    private static int SafeWidth()
    {
        try { return Console.WindowWidth > 0 ? Console.WindowWidth : 120; }
        catch (IOException) { return 120; }
    }

    /// <summary>As <see cref="Done"/>.</summary>
    public void Dispose() => Done();
}
