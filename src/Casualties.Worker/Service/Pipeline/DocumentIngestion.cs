using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;

namespace Casualties.Worker.Service.Pipeline;

/// <summary>
/// Stands in for the ingestion pipeline (issue 5) until it is merged: stores text, HTML and Markdown files and
/// RSS/Atom items as documents (idempotent by content hash), and quarantines what it cannot read, with the
/// reason. It extracts no claims and reads no datasets (CSV, JSON Lines, GED, ACLED are quarantined as such).
/// </summary>
public sealed class DocumentIngestion(NpgsqlDataSource dataSource, TimeProvider time) : IIngestion
{
    private static readonly Dictionary<string, string> FormatsByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = "text", [".text"] = "text", [".html"] = "html", [".htm"] = "html", [".md"] = "markdown",
    };

    public async Task<IngestCounts> IngestFile(string path, CancellationToken ct)
    {
        var origin = Path.GetFullPath(path);
        if (!FormatsByExtension.TryGetValue(Path.GetExtension(path), out var format))
            return await Reject(origin, $"{origin}: files of type '{Path.GetExtension(path)}' are not ingested by this build (text, HTML, Markdown only).", null, ct);
        var body = await File.ReadAllTextAsync(path, ct);
        if (string.IsNullOrWhiteSpace(body)) return await Reject(origin, $"{origin}: the file is empty.", format, ct);
        var published = DateOnly.FromDateTime(File.GetLastWriteTimeUtc(path));
        return await Store([new DocumentRow(origin, Path.GetFileName(path), format, null, published, body)], ct);
    }

    public async Task<IngestCounts> IngestStream(string feedName, string kind, string origin, string? contentType, Stream body, CancellationToken ct)
    {
        if (kind is not ("rss" or "atom"))
            return await Reject(origin, $"{origin}: {kind} feeds are not ingested by this build (RSS and Atom only).", kind, ct);
        IReadOnlyList<FeedItem> items;
        try
        {
            items = SyndicationReader.Read(body, origin);
        }
        catch (InvalidDataException e)
        {
            return await Reject(origin, e.Message, kind, ct);
        }
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var documents = items
            .Where(i => !string.IsNullOrWhiteSpace(i.Body) || !string.IsNullOrWhiteSpace(i.Title))
            .Select(i => new DocumentRow(i.Link ?? origin, i.Title, i.Body.Contains('<', StringComparison.Ordinal) ? "html" : "text",
                feedName, i.Published ?? today, i.Title.Length > 0 ? i.Title + "\n\n" + i.Body : i.Body))
            .ToList();
        return await Store(documents, ct);
    }

    private sealed record DocumentRow(string Origin, string Name, string Format, string? Carrier, DateOnly Published, string Body)
    {
        public string ContentHash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Body)));
    }

    private async Task<IngestCounts> Store(IReadOnlyList<DocumentRow> documents, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var runId = await conn.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO ingest_runs (trigger) VALUES ('worker') RETURNING id", transaction: tx, cancellationToken: ct));
        var stored = 0;
        foreach (var d in documents)
        {
            stored += await conn.ExecuteAsync(new CommandDefinition("""
                INSERT INTO documents (content_hash, origin, name, format, carrier, published, body, ingest_run_id)
                VALUES (@ContentHash, @Origin, @Name, @Format, @Carrier, @Published, @Body, @RunId)
                ON CONFLICT (content_hash) DO NOTHING
                """, new { d.ContentHash, d.Origin, d.Name, d.Format, d.Carrier, d.Published, d.Body, RunId = runId }, tx, cancellationToken: ct));
        }
        var counts = new IngestCounts(stored, 0, 0, documents.Count - stored, 0);
        await FinishRun(conn, tx, runId, counts, ct);
        await tx.CommitAsync(ct);
        return counts;
    }

    private async Task<IngestCounts> Reject(string origin, string reason, string? format, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var runId = await conn.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO ingest_runs (trigger) VALUES ('worker') RETURNING id", transaction: tx, cancellationToken: ct));
        await conn.ExecuteAsync(new CommandDefinition(
            "INSERT INTO quarantine (origin, reason, format, ingest_run_id) VALUES (@Origin, @Reason, @Format, @RunId)",
            new { Origin = origin, Reason = reason, Format = format, RunId = runId }, tx, cancellationToken: ct));
        var counts = IngestCounts.None with { Quarantined = 1 };
        await FinishRun(conn, tx, runId, counts, ct);
        await tx.CommitAsync(ct);
        return counts;
    }

    private static Task FinishRun(NpgsqlConnection conn, NpgsqlTransaction tx, long runId, IngestCounts c, CancellationToken ct) =>
        conn.ExecuteAsync(new CommandDefinition("""
            UPDATE ingest_runs SET finished_at = now(), status = 'done', documents = @Documents, records = @Records,
                claims = @Claims, duplicates = @Duplicates, quarantined = @Quarantined
            WHERE id = @RunId
            """, new { c.Documents, c.Records, c.Claims, c.Duplicates, c.Quarantined, RunId = runId }, tx, cancellationToken: ct));
}
