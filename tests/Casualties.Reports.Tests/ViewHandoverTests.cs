using System.Text.RegularExpressions;
using Casualties.Postgres.Migrations;
using Casualties.Postgres.Reconciliation;
using Casualties.Testing;
using Dapper;
using NUnit.Framework;

namespace Casualties.Reports.Tests;

/// <summary>
/// The views of db/views/ (issue 12) give what the migrations 0002–0023 defined them as: every view's last definition
/// in a migration is created again in a schema of its own (reading the others' old definitions first), and each view
/// has the same columns in the same order, of the same types, and the same rows, on a database with documents and
/// dataset rows, flags, incidents inside tallies, and two runs (so v_changes lists something).
/// </summary>
[TestFixture]
[Property("Issue", "12")]
[NonParallelizable]
public sealed partial class ViewHandoverTests
{
    private const string OldSchema = "views_as_migrated";

    private TestDatabase db = null!;

    [OneTimeSetUp]
    public async Task SetUp()
    {
        db = await TestCluster.CreateDatabase();
        foreach (var file in new[] { "demo_claims.sql", "changes_before.sql" })
            await ReconciledDatabase.Execute(db.DataSource, await File.ReadAllTextAsync(ReconciledDatabase.DataFile(file)));
        await ReconciledDatabase.Reconcile(db.DataSource);
        await ReconciledDatabase.Execute(db.DataSource, await File.ReadAllTextAsync(ReconciledDatabase.DataFile("changes_after.sql")));
        await new ReconciliationRunner(db.DataSource).Run(full: false);

        await using var conn = await db.DataSource.OpenConnectionAsync();
        await conn.ExecuteAsync($"CREATE SCHEMA {OldSchema}; SET search_path = {OldSchema}, public");
        foreach (var (_, sql) in AsMigrated()) await conn.ExecuteAsync(sql);
        await conn.ExecuteAsync("RESET search_path");
    }

    [OneTimeTearDown]
    public async Task TearDown()
    {
        if (db is not null) await db.DisposeAsync();
    }

    /// <summary>Each view's last definition in migrations 0001–0023, in the order the views were first created.</summary>
    private static List<(string View, string Sql)> AsMigrated()
    {
        var order = new List<string>();
        var last = new Dictionary<string, string>();
        foreach (var migration in Migration.Embedded().Where(m => string.CompareOrdinal(m.Version, "0023") <= 0))
        {
            foreach (Match m in CreateView().Matches(migration.Sql))
            {
                var view = m.Groups["name"].Value;
                if (!last.ContainsKey(view)) order.Add(view);
                last[view] = $"CREATE VIEW {view} AS {m.Groups["body"].Value}";
            }
        }
        return order.Select(v => (v, last[v])).ToList();
    }

    public static IEnumerable<string> Views() => ViewDefinition.Embedded().SelectMany(f => f.Views);

    [Test]
    public void Every_view_the_migrations_defined_is_defined_in_db_views_and_no_other() =>
        Assert.That(Views(), Is.EquivalentTo(AsMigrated().Select(v => v.View)));

    [TestCaseSource(nameof(Views))]
    public async Task The_view_has_the_columns_and_rows_it_had_as_migrated(string view)
    {
        await using var conn = await db.DataSource.OpenConnectionAsync();
        var columns = await conn.QueryAsync<string>("""
            SELECT a.attnum || ' ' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
            FROM pg_attribute a WHERE a.attrelid = @Relation::regclass AND a.attnum > 0 ORDER BY a.attnum
            """, new { Relation = $"public.{view}" });
        var oldColumns = await conn.QueryAsync<string>("""
            SELECT a.attnum || ' ' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
            FROM pg_attribute a WHERE a.attrelid = @Relation::regclass AND a.attnum > 0 ORDER BY a.attnum
            """, new { Relation = $"{OldSchema}.{view}" });
        Assert.That(columns, Is.EqualTo(oldColumns));

        var rows = await conn.ExecuteScalarAsync<long>($"SELECT count(*) FROM public.{view}");
        var differing = await conn.ExecuteScalarAsync<long>($"""
            SELECT count(*) FROM ((SELECT * FROM public.{view} EXCEPT ALL SELECT * FROM {OldSchema}.{view})
                                  UNION ALL
                                  (SELECT * FROM {OldSchema}.{view} EXCEPT ALL SELECT * FROM public.{view})) d
            """);
        Assert.That(rows, Is.GreaterThan(0), "the data shows something in every view");
        Assert.That(differing, Is.Zero, "the same rows, each as often");
    }

    [GeneratedRegex(@"^CREATE\s+(?:OR\s+REPLACE\s+)?VIEW\s+(?<name>\w+)\s+AS\s*\n(?<body>.*?);\s*$",
        RegexOptions.Singleline | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex CreateView();
}
