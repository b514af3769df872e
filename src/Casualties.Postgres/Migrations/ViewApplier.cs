using Dapper;
using Npgsql;

namespace Casualties.Postgres.Migrations;

/// <summary>
/// Brings the views of the current schema to the text of their files (db/views/, <see cref="ViewDefinition"/>), inside
/// the migrator's lock and transaction. A file is applied when it is new, its text changed since it was applied
/// (schema_views, migration 0024), or a view it creates is missing (a migration dropped it to alter a table under it);
/// so is every file whose views select from one applied, and every view that selects from a view about to be dropped
/// must be one of them (another object's view is refused by name: drop it, migrate, create it again). The views of
/// those files are dropped together, then created in dependency order, and each gets back the grants it had; a
/// reporting view (v_*) is readable by casualties_reader, as migration 0004 grants. A file removed from db/views has
/// its views dropped, and so has a view a file no longer creates.
/// </summary>
internal static class ViewApplier
{
    const string RecordedSql = "SELECT file, views, checksum FROM schema_views";

    const string ExistingViewsSql = """
        SELECT relname FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relkind = 'v'
        """;

    /// <summary>The views (of any schema) whose rules select from the given views of the current schema.</summary>
    const string DependentViewsSql = """
        SELECT DISTINCT dependent.relnamespace = current_schema()::regnamespace AS same_schema,
               dependent.relname, format('%I.%I', (SELECT nspname FROM pg_namespace WHERE oid = dependent.relnamespace), dependent.relname) AS qualified_name,
               source.relname AS source
        FROM pg_class source
        JOIN pg_depend d ON d.refclassid = 'pg_class'::regclass AND d.refobjid = source.oid AND d.classid = 'pg_rewrite'::regclass
        JOIN pg_rewrite r ON r.oid = d.objid
        JOIN pg_class dependent ON dependent.oid = r.ev_class AND dependent.oid <> source.oid
        WHERE source.relnamespace = current_schema()::regnamespace AND source.relname = ANY(@Names)
        """;

    /// <summary>The grants on the given views other than their owner's own, as GRANT statements to run again.</summary>
    const string GrantsSql = """
        SELECT c.relname AS view, format('GRANT %s ON %I TO %s%s', a.privilege_type, c.relname,
                      CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(g.rolname) END,
                      CASE WHEN a.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END) AS statement
        FROM pg_class c
        CROSS JOIN LATERAL aclexplode(c.relacl) a
        LEFT JOIN pg_roles g ON g.oid = a.grantee
        WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'v' AND c.relname = ANY(@Names)
          AND a.grantee <> c.relowner
        ORDER BY 1, 2
        """;

    const string ReaderGrantsSql = """
        SELECT format('GRANT SELECT ON %I TO casualties_reader', v)
        FROM unnest(@Names::text[]) v
        WHERE v LIKE 'v\_%' AND EXISTS (SELECT FROM pg_roles WHERE rolname = 'casualties_reader')
        ORDER BY v
        """;

    const string RecordSql = """
        INSERT INTO schema_views (file, views, checksum) VALUES (@File, @Views, @Checksum)
        ON CONFLICT (file) DO UPDATE SET views = excluded.views, checksum = excluded.checksum, applied_at = now()
        """;

    /// <summary>Applies what changed of <paramref name="files"/> inside <paramref name="tx"/>; returns the files applied, in order.</summary>
    public static async Task<IReadOnlyList<string>> Apply(
        NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<ViewDefinition> files, CancellationToken ct)
    {
        var ordered = ViewDefinition.InDependencyOrder(files);
        var recorded = (await conn.QueryAsync<(string File, string[] Views, string Checksum)>(
            new CommandDefinition(RecordedSql, transaction: tx, cancellationToken: ct))).ToDictionary(r => r.File);
        var existing = (await conn.QueryAsync<string>(new CommandDefinition(ExistingViewsSql, transaction: tx, cancellationToken: ct)))
            .ToHashSet(StringComparer.Ordinal);

        var stale = ordered.Where(f => !recorded.TryGetValue(f.File, out var done) || done.Checksum != f.Checksum
            || !done.Views.SequenceEqual(f.Views) || !f.Views.All(existing.Contains)).ToHashSet();
        var removed = recorded.Values.Where(r => !ordered.Any(f => f.File == r.File)).ToList();
        var removedViews = removed.SelectMany(r => r.Views).Where(existing.Contains).ToHashSet(StringComparer.Ordinal);
        if (stale.Count == 0 && removed.Count == 0) return [];

        var fileOf = ordered.SelectMany(f => f.Views.Select(v => (View: v, File: f))).ToDictionary(x => x.View, x => x.File);
        var toDrop = new HashSet<string>(removedViews, StringComparer.Ordinal);
        while (true)
        {
            foreach (var file in ordered)
            {
                if (!stale.Contains(file) && stale.Any(file.DependsOn)) stale.Add(file);
            }
            toDrop.UnionWith(stale.SelectMany(f => recorded.TryGetValue(f.File, out var done) ? f.Views.Concat(done.Views) : f.Views)
                .Where(existing.Contains));
            var dependents = await conn.QueryAsync<(bool SameSchema, string Name, string QualifiedName, string Source)>(
                new CommandDefinition(DependentViewsSql, new { Names = toDrop.ToArray() }, tx, cancellationToken: ct));
            var added = false;
            foreach (var dependent in dependents.Where(d => !toDrop.Contains(d.Name) || !d.SameSchema))
            {
                if (!dependent.SameSchema || !fileOf.TryGetValue(dependent.Name, out var file))
                {
                    throw new MigrationException(
                        $"View {dependent.Source} must be re-created from db/views, but the view {dependent.QualifiedName}, " +
                        "which db/views does not define, selects from it: drop that view, migrate, and create it again.");
                }
                added |= stale.Add(file);
            }
            if (!added) break;
        }

        var grants = (await conn.QueryAsync<(string View, string Statement)>(
            new CommandDefinition(GrantsSql, new { Names = toDrop.ToArray() }, tx, cancellationToken: ct))).ToList();
        if (toDrop.Count > 0)
        {
            var names = string.Join(", ", toDrop.Order(StringComparer.Ordinal).Select(v => $"\"{v}\""));
            await Run(conn, tx, $"DROP VIEW {names}", "Dropping the views to re-create", ct);
        }

        var applied = new List<string>();
        foreach (var file in ordered.Where(stale.Contains))
        {
            await Run(conn, tx, file.Sql, $"View file {file.File}", ct);
            await conn.ExecuteAsync(new CommandDefinition(
                RecordSql, new { file.File, Views = file.Views.ToArray(), file.Checksum }, tx, cancellationToken: ct));
            applied.Add(file.File);
        }
        var created = stale.SelectMany(f => f.Views).ToHashSet(StringComparer.Ordinal);
        var readerGrants = await conn.QueryAsync<string>(
            new CommandDefinition(ReaderGrantsSql, new { Names = created.ToArray() }, tx, cancellationToken: ct));
        foreach (var grant in grants.Where(g => created.Contains(g.View)).Select(g => g.Statement).Concat(readerGrants))
        {
            await Run(conn, tx, grant, "Restoring a view's grant", ct);
        }
        foreach (var gone in removed)
        {
            await conn.ExecuteAsync(new CommandDefinition(
                "DELETE FROM schema_views WHERE file = @File", new { gone.File }, tx, cancellationToken: ct));
        }
        return applied;
    }

    private static async Task Run(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, string what, CancellationToken ct)
    {
        try
        {
            await conn.ExecuteAsync(new CommandDefinition(sql, transaction: tx, cancellationToken: ct));
        }
        catch (PostgresException e)
        {
            throw new MigrationException($"{what} failed: {e.MessageText}{(e.Detail is { Length: > 0 } d ? " (" + d + ")" : "")}", e);
        }
    }
}
