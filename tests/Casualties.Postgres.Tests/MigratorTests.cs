using Casualties.Postgres.Migrations;
using Casualties.Testing;
using Dapper;
using NUnit.Framework;

namespace Casualties.Postgres.Tests;

[Property("Issue", "3")]
public sealed class MigratorTests
{
    [Test]
    public async Task Migrating_twice_applies_nothing_the_second_time()
    {
        await using var db = await TestCluster.CreateEmptyDatabase();
        var migrator = new Migrator(db.DataSource);

        var first = await migrator.Migrate();
        var second = await migrator.Migrate();

        Assert.That(first.Applied, Has.Count.EqualTo(Migration.Embedded().Count));
        Assert.That(second.Applied, Is.Empty);
        Assert.That(second.AlreadyApplied, Is.EqualTo(Migration.Embedded().Count));
    }

    [Test]
    public async Task An_applied_migration_whose_text_changed_is_refused_by_name()
    {
        await using var db = await TestCluster.CreateEmptyDatabase();
        var migrator = new Migrator(db.DataSource);
        await migrator.Migrate([new Migration("0001", "people", "CREATE TABLE people_test (id int)")]);

        var edited = new Migration("0001", "people", "CREATE TABLE people_test (id bigint)");
        var error = Assert.ThrowsAsync<MigrationException>(() => migrator.Migrate([edited]));

        Assert.That(error!.Message, Does.Contain("0001_people.sql was edited after it was applied"));
    }

    [Test]
    public async Task A_failing_migration_leaves_nothing_of_itself_behind()
    {
        await using var db = await TestCluster.CreateEmptyDatabase();
        var migrator = new Migrator(db.DataSource);

        Assert.ThrowsAsync<MigrationException>(() => migrator.Migrate(
            [new Migration("0001", "half", "CREATE TABLE half_done (id int); SELECT no_such_function();")]));

        await using var conn = await db.DataSource.OpenConnectionAsync();
        var tables = await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename = 'half_done'");
        var recorded = await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM schema_migrations");
        Assert.That((tables, recorded), Is.EqualTo((0L, 0L)));
    }

    [Test]
    public async Task Concurrent_migrations_from_many_connections_all_succeed_and_apply_once()
    {
        await using var db = await TestCluster.CreateEmptyDatabase();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var dataSource = Database.FromConnectionString(db.ConnectionString);
            return await new Migrator(dataSource).Migrate();
        }));

        Assert.That(results.Sum(r => r.Applied.Count), Is.EqualTo(Migration.Embedded().Count));
    }

    [Test]
    public void Migration_files_are_numbered_and_unique()
    {
        var migrations = Migration.Embedded();
        Assert.That(migrations, Is.Not.Empty);
        Assert.That(migrations.Select(m => m.Version), Is.Unique.And.Ordered);
    }
}
