using Casualties.Postgres.Ingest;
using Dapper;
using Npgsql;

namespace Casualties.Postgres.Feeds;

/// <summary>The feeds table: what to watch or poll, and what the last run of each found.</summary>
public sealed class FeedStore(NpgsqlDataSource dataSource)
{
    const string SelectFeed = """
        SELECT id, name, kind, url, folder, cron, time_zone, catch_up, enabled, etag, last_modified,
               last_run_at, last_status, last_counts::text AS last_counts, cursor::text AS cursor
        FROM feeds
        """;

    /// <summary>Every feed, enabled or not, by name.</summary>
    public async Task<IReadOnlyList<Feed>> List(CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<Feed>(new CommandDefinition(SelectFeed + " ORDER BY name", cancellationToken: ct))).AsList();
    }

    /// <summary>The feed called <paramref name="name"/>, or null when there is none.</summary>
    public async Task<Feed?> Get(string name, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<Feed>(new CommandDefinition(
            SelectFeed + " WHERE name = @Name", new { Name = name }, cancellationToken: ct));
    }

    /// <summary>Adds a feed; false when one with that name exists.</summary>
    public async Task<bool> Add(FeedDefinition feed, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO feeds (name, kind, url, folder, cron, time_zone, catch_up, enabled)
            VALUES (@Name, @Kind, @Url, @Folder, @Cron, @TimeZone, @CatchUp, @Enabled)
            ON CONFLICT (name) DO NOTHING
            """, feed, cancellationToken: ct)) == 1;
    }

    /// <summary>Adds or updates a feed from configuration (the configuration wins; run history is kept).</summary>
    public async Task Upsert(FeedDefinition feed, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO feeds (name, kind, url, folder, cron, time_zone, catch_up, enabled)
            VALUES (@Name, @Kind, @Url, @Folder, @Cron, @TimeZone, @CatchUp, @Enabled)
            ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, url = excluded.url, folder = excluded.folder,
                cron = excluded.cron, time_zone = excluded.time_zone, catch_up = excluded.catch_up, enabled = excluded.enabled
            """, feed, cancellationToken: ct));
    }

    /// <summary>Removes a feed and its schedule history; false when there is none of that name.</summary>
    public async Task<bool> Remove(string name, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(
            "DELETE FROM schedule_ticks WHERE feed = @Name", new { Name = name }, tx, cancellationToken: ct));
        var removed = await conn.ExecuteAsync(new CommandDefinition(
            "DELETE FROM feeds WHERE name = @Name", new { Name = name }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return removed == 1;
    }

    /// <summary>
    /// Records the outcome of a run. The validators change only when given (content was ingested), so a failed
    /// or refused fetch is fetched in full next time.
    /// </summary>
    public async Task RecordRun(string name, string status, string? countsJson, string? etag, string? lastModified, bool updateValidators,
        CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            UPDATE feeds
            SET last_run_at = now(), last_status = @Status, last_counts = coalesce(@Counts::jsonb, last_counts),
                etag = CASE WHEN @UpdateValidators THEN @ETag ELSE etag END,
                last_modified = CASE WHEN @UpdateValidators THEN @LastModified ELSE last_modified END
            WHERE name = @Name
            """, new
        {
            Name = name, Status = status, Counts = countsJson, ETag = etag, LastModified = lastModified, UpdateValidators = updateValidators,
        }, cancellationToken: ct));
    }

    /// <summary>Keeps an API connector's cursor after a complete run (the next run asks only for what changed since).</summary>
    public async Task SaveCursor(string name, string cursorJson, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(
            "UPDATE feeds SET cursor = @Cursor::jsonb WHERE name = @Name", new { Name = name, Cursor = cursorJson }, cancellationToken: ct));
    }

    /// <summary>
    /// Resolves the open quarantine entries of an API feed's pages (format = its kind, origin under its URL) once a run
    /// read to its end: the pages they name were asked for again and taken.
    /// </summary>
    public async Task ResolvePages(string kind, string urlPrefix, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            UPDATE quarantine SET resolved_at = now()
            WHERE resolved_at IS NULL AND format = @Kind AND line IS NULL AND starts_with(origin, @Prefix)
            """, new { Kind = kind, Prefix = urlPrefix }, cancellationToken: ct));
    }

    /// <summary>
    /// Puts a whole input in quarantine with the reason (a feed refused before it could be parsed); an open entry
    /// with the same origin and reason is not added twice.
    /// </summary>
    public async Task Quarantine(string origin, string reason, string? format, string? raw, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO quarantine (origin, reason, format, raw, fingerprint) VALUES (@Origin, @Reason, @Format, @Raw, @Fingerprint)
            ON CONFLICT (fingerprint) WHERE resolved_at IS NULL AND fingerprint IS NOT NULL DO NOTHING
            """, new
        {
            Origin = origin, Reason = reason, Format = format, Raw = raw,
            Fingerprint = QuarantineStore.Fingerprint(new QuarantineEntry(origin, null, raw, reason, format)),
        }, cancellationToken: ct));
    }
}
