using Casualties.Testing;
using Dapper;
using NUnit.Framework;

namespace Casualties.Postgres.Tests;

/// <summary>
/// Migration 0027 (issue 18): storing claims of feed records asks whether any record names a parent without reading
/// feed_records. 0017 asked it as an EXISTS the planner ran as a sequential scan of the whole table whenever the table
/// had no statistics yet (a fresh database, or one a bulk load is filling before autovacuum analyses it), once per
/// statement: a bulk load's cost grew with the table.
/// </summary>
[Property("Issue", "18")]
public sealed class ClaimParentProbeTests
{
    private const int Records = 2_000;

    private TestDatabase db = null!;

    [OneTimeSetUp]
    public async Task CreateDatabase()
    {
        db = await TestCluster.CreateDatabase();
        await using var conn = await db.DataSource.OpenConnectionAsync();
        // No statistics for the planner, as in the first minute of a bulk load into a new database.
        await conn.ExecuteAsync("ALTER TABLE feed_records SET (autovacuum_enabled = false)");
        await conn.ExecuteAsync("INSERT INTO victim_groups (name) VALUES ('people') ON CONFLICT DO NOTHING");
        var runId = await conn.ExecuteScalarAsync<long>("INSERT INTO ingest_runs (trigger) VALUES ('test') RETURNING id");
        await conn.ExecuteAsync("""
            INSERT INTO feed_records (dataset, record_key, version, content_hash, origin, line, ingest_run_id)
            SELECT 'probe', 'r' || i, '', 'h' || i, 'test', i, @RunId FROM generate_series(1, @Records) AS i
            """, new { RunId = runId, Records });
    }

    [OneTimeTearDown]
    public async Task DropDatabase() => await db.DisposeAsync();

    [Test]
    public async Task Storing_a_records_claims_reads_no_feed_records_by_a_scan()
    {
        await using var conn = await db.DataSource.OpenConnectionAsync();
        await using var transaction = await conn.BeginTransactionAsync();
        var ids = (await conn.QueryAsync<long>("SELECT id FROM feed_records WHERE record_key IN ('r1', 'r2')", transaction: transaction)).ToArray();
        const string Scans = "SELECT coalesce(seq_scan, 0) FROM pg_stat_xact_user_tables WHERE relid = 'feed_records'::regclass";
        var before = await conn.ExecuteScalarAsync<long>(Scans, transaction: transaction);

        var stored = await conn.ExecuteAsync("""
            INSERT INTO claims (record_id, ordinal, outcome, victims, qualifier, value, low, high, reported)
            SELECT id, 0, 'killed', 'people', 'exact', 5, 5, 5, '2016-12-07' FROM unnest(@Ids) AS id
            """, new { Ids = ids }, transaction);

        Assert.That(stored, Is.EqualTo(2));
        Assert.That(await conn.ExecuteScalarAsync<long>(Scans, transaction: transaction) - before, Is.Zero,
            "sequential scans of feed_records while the claims' statement triggers ran");
    }
}
