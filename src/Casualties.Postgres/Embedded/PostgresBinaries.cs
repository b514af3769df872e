using System.Diagnostics;

namespace Casualties.Postgres.Embedded;

/// <summary>Finds the PostgreSQL server binaries installed on the machine (initdb, pg_ctl).</summary>
public static class PostgresBinaries
{
    /// <summary>The error when no binaries are found: how to install them, or how to use a server instead.</summary>
    public const string InstallHint =
        "PostgreSQL server binaries (initdb, pg_ctl) were not found: install them (Debian: `apt-get install postgresql`), " +
        "set CASUALTIES_PG_BIN to their folder, or give a server with --connection or ConnectionStrings__Casualties.";

    /// <summary>The folder holding initdb and pg_ctl, or null when none is installed.</summary>
    public static string? Find()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("CASUALTIES_PG_BIN") is { Length: > 0 } fromEnv) candidates.Add(fromEnv);
        if (TryPgConfigBinDir() is { } fromPgConfig) candidates.Add(fromPgConfig);
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        }
        candidates.AddRange(["/usr/local/pgsql/bin", "/usr/pgsql/bin", "/usr/local/bin", "/usr/bin"]);
        return candidates.FirstOrDefault(dir =>
            File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")));
    }

    /// <summary>
    /// As <see cref="Find"/>, but none installed throws <see cref="EmbeddedPostgresException"/> with <see cref="InstallHint"/>.
    /// </summary>
    public static string Require() => Find() ?? throw new EmbeddedPostgresException(InstallHint);

    private static string? TryPgConfigBinDir()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pg_config", "--bindir")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null) return null;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit(5000);
            return process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}

/// <summary>
/// The embedded cluster cannot be used (no binaries, a data folder that is not a cluster, a server that will not start), said in one
/// sentence.
/// </summary>
public sealed class EmbeddedPostgresException(string message) : Exception(message);
