using Npgsql;

namespace Casualties.Benchmarks;

/// <summary>
/// CPU time used by a PostgreSQL server on this machine (Linux): its postmaster's children alive now plus those
/// already reaped (parallel workers, closed connections). For diagnostics: where a run's time went besides this process.
/// </summary>
public static class ServerCpu
{
    /// <summary>The server's CPU time so far, or null where it cannot be read (another machine, no /proc, no rights).</summary>
    public static async Task<TimeSpan?> Used(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        try
        {
            await using var conn = await dataSource.OpenConnectionAsync(ct);
            await using var cmd = new NpgsqlCommand("SELECT current_setting('data_directory')", conn);
            var dataDirectory = (string)(await cmd.ExecuteScalarAsync(ct))!;
            var postmaster = int.Parse((await File.ReadAllLinesAsync(Path.Combine(dataDirectory, "postmaster.pid"), ct))[0].Trim(),
                System.Globalization.CultureInfo.InvariantCulture);
            long ticks = 0;
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                var fields = Stat(Path.Combine(directory, "stat"));
                if (fields is null) continue;
                // After the command name: [1] ppid, [11] utime, [12] stime, [13] cutime, [14] cstime (proc(5) fields 4, 14-17).
                if (fields.Length > 14 && long.Parse(fields[1]) == postmaster) ticks += long.Parse(fields[11]) + long.Parse(fields[12]);
                if (Path.GetFileName(directory) == postmaster.ToString(System.Globalization.CultureInfo.InvariantCulture) && fields.Length > 14)
                    ticks += long.Parse(fields[11]) + long.Parse(fields[12]) + long.Parse(fields[13]) + long.Parse(fields[14]);
            }
            return TimeSpan.FromSeconds(ticks / 100.0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PostgresException or FormatException)
        {
            return null;
        }
    }

    private static string[]? Stat(string path)
    {
        try
        {
            var text = File.ReadAllText(path);
            var close = text.LastIndexOf(')');
            return close < 0 ? null : text[(close + 2)..].Split(' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
