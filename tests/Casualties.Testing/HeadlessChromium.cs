using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Casualties.Testing;

/// <summary>
/// Debian's chromium in headless mode: opens a file, writes a screenshot, and reports what the page logged to the
/// console and which URLs the browser requested (from its net log). DNS is mapped to nowhere, so nothing leaves
/// the machine even if a page tried.
/// </summary>
public static partial class HeadlessChromium
{
    /// <summary>The browser: CASUALTIES_CHROMIUM when set, else chromium (or chromium-browser) on the PATH, else null.</summary>
    public static readonly string? Executable = Find();

    /// <summary>Hosts the browser itself calls (updates, accounts, time), whatever page it shows.</summary>
    private static readonly string[] BrowserOwnHosts = ["google.com", "googleapis.com", "gstatic.com", "gvt1.com", "googleusercontent.com"];

    public static bool IsInstalled => Executable is not null;

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("CASUALTIES_CHROMIUM") is { Length: > 0 } given) return File.Exists(given) ? given : null;
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return new[] { "chromium", "chromium-browser" }
            .SelectMany(name => path.Select(dir => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
    }

    public sealed record Result(int ExitCode, IReadOnlyList<string> ConsoleMessages, IReadOnlyList<string> PageRequests, string Log);

    /// <summary>Renders the page and writes a screenshot of it.</summary>
    public static async Task<Result> Screenshot(string htmlPath, string screenshotPath, CancellationToken ct = default) =>
        (await Run(htmlPath, [$"--screenshot={screenshotPath}", "--window-size=1280,2000"], ct)).Result;

    /// <summary>The DOM after the page rendered (chromium --dump-dom), with what the page logged and requested.</summary>
    public static async Task<(string Dom, Result Result)> DumpDom(string htmlPath, CancellationToken ct = default)
    {
        var (stdout, result) = await Run(htmlPath, ["--dump-dom"], ct);
        return (stdout, result);
    }

    private static async Task<(string Stdout, Result Result)> Run(string htmlPath, string[] action, CancellationToken ct)
    {
        var profile = Directory.CreateTempSubdirectory("chromium-profile-");
        var netLog = Path.Combine(profile.FullName, "net-log.json");
        try
        {
            var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException("Chromium is not installed."))
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            string[] arguments =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                $"--user-data-dir={profile.FullName}", "--enable-logging=stderr", "--v=0",
                $"--log-net-log={netLog}", "--host-resolver-rules=MAP * ~NOTFOUND", .. action, new Uri(htmlPath).AbsoluteUri,
            ];
            foreach (var argument in arguments) start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync(ct);
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(90));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium did not finish rendering {htmlPath} in 90 seconds.");
            }
            var log = await stderr;
            var output = await stdout;
            var console = (log + output).Split('\n').Where(line => line.Contains(":CONSOLE", StringComparison.Ordinal)).ToList();
            var requests = File.Exists(netLog)
                ? UrlPattern().Matches(await File.ReadAllTextAsync(netLog, ct)).Select(m => m.Groups[1].Value)
                    .Where(url => !IsBrowserOwn(url)).Distinct().Order(StringComparer.Ordinal).ToList()
                : [];
            return (output, new Result(process.ExitCode, console, requests, log + output));
        }
        finally
        {
            try { profile.Delete(recursive: true); }
            catch (IOException) { }
        }
    }

    /// <summary>
    /// Fails the test when Chromium is missing on CI, else skips it, saying how to install it — also on the test's error
    /// stream, which the NUnit adapter passes on as a warning: the plain <c>dotnet test</c> prints that line, while an
    /// ignored test's reason (and TestContext.Progress) shows only at <c>--verbosity normal</c>.
    /// </summary>
    public static void RequireInstalled()
    {
        if (IsInstalled) return;
        var missing = Environment.GetEnvironmentVariable("CASUALTIES_CHROMIUM") is { Length: > 0 } given
            ? $"CASUALTIES_CHROMIUM names {given}, which does not exist"
            : "Chromium is not installed (no chromium or chromium-browser on the PATH)";
        var hint = missing + "; it is needed to check the HTML report: apt-get install -y chromium (.ci/run installs it).";
        if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 }) NUnit.Framework.Assert.Fail(hint);
        NUnit.Framework.TestContext.Error.WriteLine($"Skipped {NUnit.Framework.TestContext.CurrentContext.Test.Name}: {hint}");
        NUnit.Framework.Assert.Ignore(hint);
    }

    private static bool IsBrowserOwn(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && BrowserOwnHosts.Any(host => uri.Host == host || uri.Host.EndsWith("." + host, StringComparison.Ordinal));

    [GeneratedRegex("\"url\":\"((?:https?|wss?|ftp)://[^\"]+)\"")]
    private static partial Regex UrlPattern();
}
