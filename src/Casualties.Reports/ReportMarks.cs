using Npgsql;
using NpgsqlTypes;

namespace Casualties.Reports;

/// <summary>
/// Where reports were written and which reconciliation run each showed (report_marks, migration 0013), so that
/// <c>report --since last-report</c> can show what changed since the previous report written to the same place.
/// A place is the full path of the file, or of the folder of a folder report.
/// </summary>
public sealed class ReportMarks(NpgsqlDataSource dataSource)
{
    /// <summary>The run of the last report written to <paramref name="place"/>, or null when none was.</summary>
    public async Task<long?> Previous(string place, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("SELECT last_report_run(@Place)");
        cmd.Parameters.AddWithValue("Place", NpgsqlDbType.Text, Normalize(place));
        return await cmd.ExecuteScalarAsync(ct) is long run ? run : null;
    }

    /// <summary>Remembers that a report of run <paramref name="runId"/> was written to <paramref name="place"/>.
    /// False when this login may not write it (a casualties_reader login): the report is written all the same.</summary>
    public async Task<bool> Remember(string place, long runId, string format, CancellationToken ct = default)
    {
        const string Sql = """
            INSERT INTO report_marks (place, run_id, format, written_at) VALUES (@Place, @Run, @Format, now())
            ON CONFLICT (place) DO UPDATE SET run_id = excluded.run_id, format = excluded.format, written_at = excluded.written_at
            """;
        await using var cmd = dataSource.CreateCommand(Sql);
        cmd.Parameters.AddWithValue("Place", NpgsqlDbType.Text, Normalize(place));
        cmd.Parameters.AddWithValue("Run", NpgsqlDbType.Bigint, runId);
        cmd.Parameters.AddWithValue("Format", NpgsqlDbType.Text, format);
        try
        {
            await cmd.ExecuteNonQueryAsync(ct);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            return false;
        }
    }

    /// <summary>Whether a reconciliation run of this id exists.</summary>
    public async Task<bool> RunExists(long runId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("SELECT EXISTS (SELECT FROM v_reconciliation_runs WHERE run_id = @Run)");
        cmd.Parameters.AddWithValue("Run", NpgsqlDbType.Bigint, runId);
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>A report's path as stored: full, without a trailing separator.</summary>
    public static string Normalize(string place) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(place));
}
