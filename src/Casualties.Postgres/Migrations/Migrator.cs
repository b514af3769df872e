using Dapper;
using Npgsql;

namespace Casualties.Postgres.Migrations;

/// <summary>
/// Applies migrations in order, each in its own transaction, recording version and checksum, then the view files of
/// db/views/ that changed (<see cref="ViewApplier"/>) in one more transaction.
/// Holds a PostgreSQL advisory lock throughout, so concurrent runs from several processes are safe.
/// An applied migration whose text changed is refused: migrations are immutable once applied; a view file is not: its
/// text is the view's one definition, applied again whenever it changes.
/// </summary>
public sealed class Migrator(NpgsqlDataSource dataSource)
{
    private const long AdvisoryLockKey = 0x_CA5_0A17_1E5;

    const string CreateHistorySql = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    text PRIMARY KEY,
            name       text NOT NULL,
            checksum   text NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now())
        """;

    /// <summary>Applies the embedded migrations and views (<see cref="Migration.Embedded"/>, <see cref="ViewDefinition.Embedded"/>).</summary>
    public Task<MigrationResult> Migrate(CancellationToken ct = default) => Migrate(Migration.Embedded(), ViewDefinition.Embedded(), ct);

    /// <summary>Applies those of <paramref name="migrations"/> not applied yet, and no view file.</summary>
    public Task<MigrationResult> Migrate(IReadOnlyList<Migration> migrations, CancellationToken ct = default) => Migrate(migrations, [], ct);

    /// <summary>
    /// Applies those of <paramref name="migrations"/> not applied yet, in version order, then those of
    /// <paramref name="views"/> that are new, changed or missing (none given, or the database has a migration
    /// <paramref name="migrations"/> lacks, from a newer build: the views are left alone). Two migrations
    /// with one version, or an applied one whose checksum changed, throw <see cref="MigrationException"/> before anything
    /// is applied; a view file that fails throws it with nothing of the views changed.
    /// </summary>
    public async Task<MigrationResult> Migrate(IReadOnlyList<Migration> migrations, IReadOnlyList<ViewDefinition> views, CancellationToken ct = default)
    {
        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new MigrationException($"Two migrations share version {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.Name))}.");

        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@Key)", new { Key = AdvisoryLockKey }, cancellationToken: ct));
        try
        {
            await conn.ExecuteAsync(new CommandDefinition(CreateHistorySql, cancellationToken: ct));
            var applied = (await conn.QueryAsync<(string Version, string Name, string Checksum)>(new CommandDefinition(
                "SELECT version, name, checksum FROM schema_migrations", cancellationToken: ct)))
                .ToDictionary(r => r.Version);

            foreach (var migration in migrations)
            {
                if (applied.TryGetValue(migration.Version, out var done) && done.Checksum != migration.Checksum)
                {
                    throw new MigrationException(
                        $"Migration {migration.Version}_{migration.Name}.sql was edited after it was applied " +
                        $"(checksum {migration.Checksum[..12]} differs from the applied {done.Checksum[..12]}): " +
                        "restore its original text and put the change in a new migration.");
                }
            }

            var newlyApplied = new List<string>();
            foreach (var migration in migrations.OrderBy(m => m.Version, StringComparer.Ordinal))
            {
                if (applied.ContainsKey(migration.Version)) continue;
                await using var tx = await conn.BeginTransactionAsync(ct);
                try
                {
                    await conn.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: tx, cancellationToken: ct));
                }
                catch (PostgresException e)
                {
                    throw new MigrationException($"Migration {migration.Version}_{migration.Name}.sql failed: {e.MessageText}", e);
                }
                await conn.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO schema_migrations (version, name, checksum) VALUES (@Version, @Name, @Checksum)",
                    new { migration.Version, migration.Name, migration.Checksum }, tx, cancellationToken: ct));
                await tx.CommitAsync(ct);
                newlyApplied.Add($"{migration.Version}_{migration.Name}");
            }

            // A database a newer build migrated (a version this build does not have) keeps that build's views: an older
            // worker starting beside newer ones must not put its older definitions back.
            IReadOnlyList<string> viewsApplied = [];
            var newerBuildMigrated = applied.Keys.Any(version => !migrations.Any(m => m.Version == version));
            if (views.Count > 0 && !newerBuildMigrated)
            {
                await using var tx = await conn.BeginTransactionAsync(ct);
                try
                {
                    viewsApplied = await ViewApplier.Apply(conn, tx, views, ct);
                }
                catch (PostgresException e)
                {
                    throw new MigrationException($"Applying the views of db/views failed: {e.MessageText}", e);
                }
                await tx.CommitAsync(ct);
            }
            return new MigrationResult(newlyApplied, applied.Count, viewsApplied);
        }
        finally
        {
            await conn.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@Key)", new { Key = AdvisoryLockKey }, cancellationToken: CancellationToken.None));
        }
    }
}

/// <summary>
/// What a migrate run did: the migrations it applied now, how many were applied before, and the view files (db/views)
/// it applied now (new, changed, missing a view, or selecting from one of those), in the order applied.
/// </summary>
public sealed record MigrationResult(IReadOnlyList<string> Applied, int AlreadyApplied, IReadOnlyList<string> ViewsApplied);

/// <summary>
/// The migrations cannot be applied (a duplicate version, an edited applied migration, a failing statement), said in one sentence.
/// </summary>
public sealed class MigrationException(string message, Exception? inner = null) : Exception(message, inner);
