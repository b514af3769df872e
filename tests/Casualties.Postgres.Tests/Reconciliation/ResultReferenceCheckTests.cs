using Casualties.Postgres.Reconciliation;
using Casualties.Testing;
using Dapper;
using Npgsql;
using NUnit.Framework;

namespace Casualties.Postgres.Tests.Reconciliation;

/// <summary>
/// Migration 0010 checks the references of result rows to runs and incidents once per statement instead of by
/// foreign keys: the same rows must be refused, with the same error code, and deletes behave as the keys did.
/// </summary>
[Property("Issue", "8")]
public sealed class ResultReferenceCheckTests
{
    private TestDatabase database = null!;

    [SetUp]
    public async Task CreateDatabase()
    {
        database = await TestCluster.CreateDatabase(seeded: false);
        await ClaimRows.Seed(database.DataSource);
        await ClaimRows.Insert(database.DataSource, [
            .. ClaimRows.SeedArticle(),
            new ClaimRow("mosul-a", 0, 10, 10, Place: "iraq.mosul"),
            new ClaimRow("mosul-b", 0, 100, 100, Source: "Syrian Arab News Agency", Place: "iraq.mosul"),
        ]);
        await new ReconciliationRunner(database.DataSource).Run(full: true);
    }

    [TearDown]
    public async Task DropDatabase() => await database.DisposeAsync();

    private async Task<T> Scalar<T>(string sql)
    {
        await using var conn = await database.DataSource.OpenConnectionAsync();
        return (await conn.ExecuteScalarAsync<T>(sql))!;
    }

    private async Task Execute(string sql)
    {
        await using var conn = await database.DataSource.OpenConnectionAsync();
        await conn.ExecuteAsync(sql);
    }

    private static void AssertRefused(AsyncTestDelegate action, string mentioning)
    {
        var error = Assert.ThrowsAsync<PostgresException>(action);
        Assert.That(error!.SqlState, Is.EqualTo(PostgresErrorCodes.ForeignKeyViolation));
        Assert.That(error.MessageText, Does.Contain(mentioning));
    }

    [TestCase("incidents", ", incident_id = incident_id + 1000000, incident_key = incident_key || '-copy'")]
    [TestCase("side_totals", "")]
    [TestCase("flags", "")]
    public async Task A_result_row_naming_a_missing_run_is_refused(string table, string change)
    {
        Assert.That(await Scalar<long>($"SELECT count(*) FROM {table}"), Is.GreaterThan(0), "the claims give rows to copy");
        var columns = await Scalar<string>($"""
            SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) FROM information_schema.columns
            WHERE table_name = '{table}' AND column_name NOT IN ('total_id', 'flag_id')
            """);

        AssertRefused(() => Execute($"""
            CREATE TEMP TABLE copied AS SELECT * FROM {table} LIMIT 1;
            UPDATE copied SET valid_from_run = -1 {change};
            INSERT INTO {table} ({columns}) SELECT {columns} FROM copied;
            """), "run -1");
        AssertRefused(() => Execute($"UPDATE {table} SET valid_to_run = -2"), "run -2");
    }

    [TestCase("incident_members")]
    [TestCase("incident_figures")]
    public void A_member_or_figure_naming_a_missing_incident_is_refused(string table) =>
        AssertRefused(() => Execute($"UPDATE {table} SET incident_id = -1 WHERE incident_id = (SELECT min(incident_id) FROM {table})"), "incident_id -1");

    [Test]
    public void Deleting_a_run_that_results_name_is_refused() =>
        AssertRefused(() => Execute("DELETE FROM reconciliation_runs"), "reconciliation_runs");

    [Test]
    public async Task Deleting_an_incident_deletes_its_members_and_figures()
    {
        var incident = await Scalar<long>("SELECT min(incident_id) FROM incidents");
        Assert.That(await Scalar<long>($"SELECT count(*) FROM incident_members WHERE incident_id = {incident}"), Is.GreaterThan(0));

        await Execute($"DELETE FROM incidents WHERE incident_id = {incident}");

        Assert.That(await Scalar<long>($"SELECT count(*) FROM incident_members WHERE incident_id = {incident}"), Is.Zero);
        Assert.That(await Scalar<long>($"SELECT count(*) FROM incident_figures WHERE incident_id = {incident}"), Is.Zero);
        Assert.That(await Scalar<long>("SELECT count(*) FROM incident_members"), Is.GreaterThan(0), "other incidents keep theirs");
    }
}
