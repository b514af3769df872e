using Casualties.Postgres.Migrations;
using Casualties.Postgres.Reconciliation;
using Casualties.Testing;
using Dapper;
using Npgsql;
using NUnit.Framework;

namespace Casualties.Postgres.Tests;

/// <summary>
/// Views have one definition each, a file of db/views/ that the migrator applies after the migrations (issue 12): a
/// fresh database and one migrated to 0023 (as main left it) and then upgraded end with the same views, columns and
/// grants; a changed file is applied again with the views that select from it, keeping their grants; a view a
/// migration dropped comes back; another object's view that selects from a managed view stops the re-creation by name.
/// </summary>
[TestFixture]
[Property("Issue", "12")]
public sealed class ViewDefinitionTests
{
    /// <summary>Every view of the current schema with its definition as the server prints it and its grants.</summary>
    const string DefinitionsSql = """
        SELECT c.relname || E'\n' || pg_get_viewdef(c.oid, true) || E'\ngrants: ' ||
               coalesce((SELECT string_agg(coalesce(r.rolname, 'PUBLIC') || ' ' || a.privilege_type, ', '
                                           ORDER BY coalesce(r.rolname, 'PUBLIC'), a.privilege_type)
                         FROM aclexplode(c.relacl) a LEFT JOIN pg_roles r ON r.oid = a.grantee), '')
        FROM pg_class c
        WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'v'
        ORDER BY c.relname
        """;

    /// <summary>Every column of every view of the current schema: view, position, name and type.</summary>
    const string ColumnsSql = """
        SELECT c.relname || ' ' || a.attnum || ' ' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
        FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'v'
        ORDER BY c.relname, a.attnum
        """;

    private static IReadOnlyList<Migration> UpTo0023 =>
        Migration.Embedded().Where(m => string.CompareOrdinal(m.Version, "0023") <= 0).ToList();

    [Test]
    public async Task A_fresh_and_an_upgraded_database_end_with_identical_views_columns_and_grants()
    {
        await using var fresh = await TestCluster.CreateEmptyDatabase();
        await using var upgraded = await TestCluster.CreateEmptyDatabase();
        var freshResult = await new Migrator(fresh.DataSource).Migrate();
        await new Migrator(upgraded.DataSource).Migrate(UpTo0023);
        var columnsAt0023 = await Rows(upgraded.DataSource, ColumnsSql);
        var definitionsAt0023 = await Rows(upgraded.DataSource, DefinitionsSql);

        var upgradeResult = await new Migrator(upgraded.DataSource).Migrate();

        var freshDefinitions = await Rows(fresh.DataSource, DefinitionsSql);
        Assert.That(await Rows(upgraded.DataSource, DefinitionsSql), Is.EqualTo(freshDefinitions));
        Assert.That(freshDefinitions, Has.Count.EqualTo(ViewDefinition.Embedded().Sum(f => f.Views.Count)), "every view comes from db/views");
        Assert.That(definitionsAt0023, Is.Not.EqualTo(freshDefinitions), "the upgrade changed some definitions (feed_record_name)");
        Assert.That(await Rows(upgraded.DataSource, ColumnsSql), Is.EqualTo(columnsAt0023), "every view keeps its columns, in order, with their types");
        Assert.That(await Rows(fresh.DataSource, ColumnsSql), Is.EqualTo(columnsAt0023));
        Assert.That(upgradeResult.Applied, Is.EqualTo(
            Migration.Embedded().Where(m => string.CompareOrdinal(m.Version, "0023") > 0).Select(m => $"{m.Version}_{m.Name}")),
            "every migration after 0023");
        Assert.That(upgradeResult.Applied[0], Is.EqualTo("0024_repeatable_views"));
        Assert.That(upgradeResult.ViewsApplied, Is.EqualTo(ViewDefinition.Embedded().Select(f => f.File)), "all of them, in dependency order");
        Assert.That(freshResult.ViewsApplied, Is.EqualTo(upgradeResult.ViewsApplied));
    }

    [Test]
    public async Task Migrating_again_applies_no_view_file()
    {
        await using var db = await TestCluster.CreateDatabase(seeded: false);

        var again = await new Migrator(db.DataSource).Migrate();

        Assert.That(again.Applied, Is.Empty);
        Assert.That(again.ViewsApplied, Is.Empty);
    }

    [Test]
    public async Task A_changed_view_file_is_applied_again_with_the_views_that_select_from_it_and_both_keep_their_grants()
    {
        await using var db = await TestCluster.CreateDatabase(seeded: false);
        var role = "viewer_" + Guid.NewGuid().ToString("N")[..8];
        await Execute(db.DataSource, $"CREATE ROLE {role} NOLOGIN; GRANT SELECT ON v_claims, v_source_coverage TO {role}");
        try
        {
            var changed = WithoutRecordFlags(ViewDefinition.Embedded());

            var result = await new Migrator(db.DataSource).Migrate(Migration.Embedded(), changed);

            Assert.That(result.ViewsApplied, Is.EqualTo(new[] { "v_claims.sql", "v_source_coverage.sql" }));
            Assert.That(await Rows(db.DataSource, "SELECT column_name::text FROM information_schema.columns WHERE table_name = 'v_claims'"),
                Does.Not.Contain("record_flags"), "the view has its new definition (a column gone: drop and create)");
            Assert.That(await Privileges(db.DataSource, role), Is.EqualTo(new[] { true, true }), "the other role's grants are back");
            Assert.That(await Privileges(db.DataSource, "casualties_reader"), Is.EqualTo(new[] { true, true }), "and the reader's");

            var back = await new Migrator(db.DataSource).Migrate();
            Assert.That(back.ViewsApplied, Is.EqualTo(new[] { "v_claims.sql", "v_source_coverage.sql" }), "the file's text again");
            Assert.That(await Rows(db.DataSource, "SELECT column_name::text FROM information_schema.columns WHERE table_name = 'v_claims'"),
                Does.Contain("record_flags"));
        }
        finally
        {
            await Execute(db.DataSource, $"DROP OWNED BY {role}; DROP ROLE {role}");
        }
    }

    [Test]
    public async Task A_view_a_migration_dropped_is_created_again_with_the_readers_grant()
    {
        await using var db = await TestCluster.CreateDatabase(seeded: false);
        await Execute(db.DataSource, "DROP VIEW v_source_coverage, v_changes");

        var result = await new Migrator(db.DataSource).Migrate();

        Assert.That(result.ViewsApplied, Is.EqualTo(new[] { "v_changes.sql", "v_source_coverage.sql" }));
        Assert.That(await Rows(db.DataSource,
                "SELECT has_table_privilege('casualties_reader', v, 'SELECT')::text FROM unnest(ARRAY['v_changes', 'v_source_coverage']) v"),
            Is.EqualTo(new[] { "true", "true" }));
    }

    [Test]
    public async Task A_view_db_views_does_not_define_that_selects_from_one_to_re_create_stops_the_migration_by_name_and_changes_nothing()
    {
        await using var db = await TestCluster.CreateDatabase(seeded: false);
        await Execute(db.DataSource, "CREATE VIEW my_claims AS SELECT claim_id, record_flags FROM v_claims");
        var before = await Rows(db.DataSource, DefinitionsSql);
        var recorded = await Rows(db.DataSource, "SELECT file || ' ' || checksum FROM schema_views ORDER BY file");

        var error = Assert.ThrowsAsync<MigrationException>(() =>
            new Migrator(db.DataSource).Migrate(Migration.Embedded(), WithoutRecordFlags(ViewDefinition.Embedded())));

        Assert.That(error!.Message, Does.Contain("public.my_claims").And.Contain("v_claims"));
        Assert.That(await Rows(db.DataSource, DefinitionsSql), Is.EqualTo(before));
        Assert.That(await Rows(db.DataSource, "SELECT file || ' ' || checksum FROM schema_views ORDER BY file"), Is.EqualTo(recorded));
    }

    [Test]
    public async Task A_view_file_removed_from_db_views_drops_its_view_and_comes_back_when_restored()
    {
        await using var db = await TestCluster.CreateDatabase(seeded: false);
        var without = ViewDefinition.Embedded().Where(f => f.File != "v_unknown_sources.sql").ToList();

        var removed = await new Migrator(db.DataSource).Migrate(Migration.Embedded(), without);

        Assert.That(removed.ViewsApplied, Is.Empty);
        Assert.That(await Rows(db.DataSource, "SELECT viewname::text FROM pg_views WHERE viewname = 'v_unknown_sources'"), Is.Empty);
        Assert.That(await Rows(db.DataSource, "SELECT file FROM schema_views WHERE file = 'v_unknown_sources.sql'"), Is.Empty);
        var restored = await new Migrator(db.DataSource).Migrate();
        Assert.That(restored.ViewsApplied, Is.EqualTo(new[] { "v_unknown_sources.sql" }));
    }

    [Test]
    public async Task A_feed_records_name_has_one_definition_that_the_planner_inlines_where_the_reconciler_reads_it()
    {
        await using var db = await TestCluster.CreateDatabase(seeded: false);

        var plan = string.Join("\n", await Rows(db.DataSource, "EXPLAIN (VERBOSE) " + ClaimLoader.SelectSql));
        var name = await Rows(db.DataSource, "SELECT feed_record_name('ucdp-ged', '164455')");

        Assert.That(plan, Does.Contain("(f.dataset || ':'::text) || f.record_key").And.Not.Contain("feed_record_name"),
            "no function call per claim");
        Assert.That(name, Is.EqualTo(new[] { "ucdp-ged:164455" }));
    }

    [Test]
    public async Task An_older_build_leaves_the_views_of_a_database_a_newer_build_migrated_alone()
    {
        await using var db = await TestCluster.CreateDatabase(seeded: false);
        await new Migrator(db.DataSource).Migrate([.. Migration.Embedded(), new Migration("9999", "newer", "SELECT 1")], ViewDefinition.Embedded());
        var before = await Rows(db.DataSource, DefinitionsSql);

        var older = await new Migrator(db.DataSource).Migrate(Migration.Embedded(), WithoutRecordFlags(ViewDefinition.Embedded()));

        Assert.That(older.ViewsApplied, Is.Empty);
        Assert.That(await Rows(db.DataSource, DefinitionsSql), Is.EqualTo(before));
    }

    [Test]
    public void View_files_come_after_the_files_whose_views_they_select_from()
    {
        var files = ViewDefinition.Embedded();
        var names = files.Select(f => f.File).ToList();

        Assert.That(names.IndexOf("v_claims.sql"), Is.LessThan(names.IndexOf("v_source_coverage.sql")));
        Assert.That(names.IndexOf("v_incident_sources.sql"), Is.LessThan(names.IndexOf("v_source_coverage.sql")));
        Assert.That(names.IndexOf("v_incident_figures.sql"), Is.LessThan(names.IndexOf("v_source_coverage.sql")));
        Assert.That(files[names.IndexOf("v_source_coverage.sql")].DependsOn(files[names.IndexOf("v_claims.sql")]), Is.True);
        Assert.That(files[names.IndexOf("v_incidents.sql")].DependsOn(files[names.IndexOf("v_incident_sources.sql")]), Is.False,
            "a name is matched as a whole word, and comments are not read");
        for (var i = 0; i < files.Count; i++)
        {
            for (var j = i + 1; j < files.Count; j++)
                Assert.That(files[i].DependsOn(files[j]), Is.False, $"{files[i].File} selects from {files[j].File}, which comes later");
        }
        Assert.That(ViewDefinition.InDependencyOrder([.. files.Reverse()]).Select(f => f.File), Is.EqualTo(names), "the same order from any input order");
    }

    [Test]
    public void Files_that_select_from_each_other_or_create_one_view_twice_are_refused()
    {
        var a = new ViewDefinition("a.sql", "CREATE VIEW v_a AS SELECT * FROM v_b");
        var b = new ViewDefinition("b.sql", "CREATE VIEW v_b AS SELECT * FROM v_a");
        var twice = new ViewDefinition("c.sql", "CREATE VIEW V_A AS SELECT 1");

        Assert.That(() => ViewDefinition.InDependencyOrder([a, b]), Throws.TypeOf<MigrationException>().With.Message.Contains("cycle"));
        Assert.That(() => ViewDefinition.InDependencyOrder([a, twice]), Throws.TypeOf<MigrationException>().With.Message.Contains("v_a"));
        Assert.That(() => new ViewDefinition("d.sql", "-- CREATE VIEW v_d AS\nSELECT 1"), Throws.TypeOf<FormatException>());
    }

    /// <summary>The embedded files with v_claims's last column (record_flags) left out: a change CREATE OR REPLACE cannot make.</summary>
    private static List<ViewDefinition> WithoutRecordFlags(IReadOnlyList<ViewDefinition> files) => files
        .Select(f => f.File != "v_claims.sql" ? f : new ViewDefinition(f.File,
            f.Sql.Replace(",\n       coalesce(fr.flags, '{}')                      AS record_flags", "", StringComparison.Ordinal)))
        .ToList();

    private static Task<List<bool>> Privileges(NpgsqlDataSource dataSource, string role) => Query<bool>(dataSource,
        "SELECT has_table_privilege(@Role, v, 'SELECT') FROM unnest(ARRAY['v_claims', 'v_source_coverage']) v", new { Role = role });

    private static Task<List<string>> Rows(NpgsqlDataSource dataSource, string sql) => Query<string>(dataSource, sql, null);

    private static async Task<List<T>> Query<T>(NpgsqlDataSource dataSource, string sql, object? parameters)
    {
        await using var conn = await dataSource.OpenConnectionAsync();
        return (await conn.QueryAsync<T>(sql, parameters)).AsList();
    }

    private static async Task Execute(NpgsqlDataSource dataSource, string sql)
    {
        await using var conn = await dataSource.OpenConnectionAsync();
        await conn.ExecuteAsync(sql);
    }
}
