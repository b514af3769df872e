using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;

namespace Casualties.Postgres.Ingest;

/// <summary>
/// The quarantine table: rejected inputs with origin, line, raw text and reason. An open entry is not
/// added twice (same origin, line, raw text and reason), so rerunning an input does not grow it.
/// </summary>
public sealed class QuarantineStore(NpgsqlDataSource dataSource)
{
    const string InsertSql = """
        INSERT INTO quarantine (origin, line, raw, reason, format, header, fingerprint, ingest_run_id)
        VALUES (@Origin, @Line, @Raw, @Reason, @Format, @Header, @Fingerprint, @RunId)
        ON CONFLICT (fingerprint) WHERE resolved_at IS NULL AND fingerprint IS NOT NULL DO NOTHING
        """;

    const string ListSql = """
        SELECT id, origin, line, reason, format, created_at, retried_at, resolved_at
        FROM quarantine
        WHERE @All OR resolved_at IS NULL
        ORDER BY id
        LIMIT @Limit
        """;

    const string ShowSql = """
        SELECT id, origin, line, raw, reason, format, header, created_at, retried_at, resolved_at
        FROM quarantine WHERE id = @Id
        """;

    const string ResolveSql = "UPDATE quarantine SET retried_at = now(), resolved_at = now() WHERE id = @Id";

    const string StillFailingSql = """
        UPDATE quarantine q SET retried_at = now(), reason = @Reason,
            fingerprint = CASE WHEN EXISTS (SELECT 1 FROM quarantine o WHERE o.fingerprint = @Fingerprint
                                            AND o.resolved_at IS NULL AND o.id <> q.id)
                               THEN q.fingerprint ELSE @Fingerprint END
        WHERE q.id = @Id
        """;

    /// <summary>Adds entries inside the caller's transaction; returns how many were new.</summary>
    public static async Task<int> Add(NpgsqlConnection connection, NpgsqlTransaction? transaction,
        IEnumerable<QuarantineEntry> entries, long runId, CancellationToken ct)
    {
        var added = 0;
        foreach (var entry in entries)
        {
            added += await connection.ExecuteAsync(new CommandDefinition(InsertSql, new
            {
                entry.Origin,
                entry.Line,
                Raw = entry.Raw is null ? null : StripNul(entry.Raw),
                Reason = StripNul(entry.Reason),
                entry.Format,
                Header = entry.Header is null ? null : StripNul(entry.Header),
                Fingerprint = Fingerprint(entry),
                RunId = runId,
            }, transaction, cancellationToken: ct));
        }
        return added;
    }

    /// <summary>Adds entries on a connection of its own, outside any transaction; returns how many were new.</summary>
    public async Task<int> Add(IReadOnlyCollection<QuarantineEntry> entries, long runId, CancellationToken ct)
    {
        if (entries.Count == 0) return 0;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await Add(connection, null, entries, runId, ct);
    }

    /// <summary>The first <paramref name="limit"/> entries by id: the open ones, or all with <paramref name="includeResolved"/>.</summary>
    public async Task<IReadOnlyList<QuarantineListRow>> List(bool includeResolved, int limit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<QuarantineListRow>(new CommandDefinition(
            ListSql, new { All = includeResolved, Limit = limit }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>Entry <paramref name="id"/> with its raw text and header, or null when there is none.</summary>
    public async Task<QuarantineItem?> Show(long id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<QuarantineItem>(new CommandDefinition(ShowSql, new { Id = id }, cancellationToken: ct));
    }

    /// <summary>A retry that succeeded: the entry is closed (retried and resolved now).</summary>
    public async Task MarkResolved(long id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(ResolveSql, new { Id = id }, cancellationToken: ct));
    }

    /// <summary>A retry that failed again: the entry stays open with the new reason.</summary>
    public async Task MarkStillFailing(QuarantineItem item, string reason, CancellationToken ct)
    {
        var fingerprint = Fingerprint(new QuarantineEntry(item.Origin, item.Line, item.Raw, reason, item.Format, item.Header));
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(StillFailingSql,
            new { item.Id, Reason = StripNul(reason), Fingerprint = fingerprint }, cancellationToken: ct));
    }

    /// <summary>
    /// What makes an open entry the same as another: SHA-256 (hex) of its origin, line, raw text and reason; format and
    /// header do not count.
    /// </summary>
    public static string Fingerprint(QuarantineEntry entry) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        string.Join('\u001f', entry.Origin, entry.Line?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", entry.Raw ?? "", entry.Reason))));

    /// <summary>PostgreSQL text cannot hold NUL; a quarantined binary row keeps everything else.</summary>
    private static string StripNul(string text) => text.Contains('\0', StringComparison.Ordinal) ? text.Replace("\0", "\\0", StringComparison.Ordinal) : text;
}

/// <summary>A line of <c>quarantine list</c>.</summary>
public sealed record QuarantineListRow(
    long Id, string Origin, int? Line, string Reason, string? Format, DateTime CreatedAt, DateTime? RetriedAt, DateTime? ResolvedAt);

/// <summary>One quarantine entry, whole.</summary>
public sealed record QuarantineItem(
    long Id, string Origin, int? Line, string? Raw, string Reason, string? Format, string? Header,
    DateTime CreatedAt, DateTime? RetriedAt, DateTime? ResolvedAt);
