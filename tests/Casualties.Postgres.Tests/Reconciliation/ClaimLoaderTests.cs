using Casualties.Domain.Model;
using Casualties.Postgres.Reconciliation;
using Casualties.Testing;
using Dapper;
using NUnit.Framework;

namespace Casualties.Postgres.Tests.Reconciliation;

[Property("Issue", "14")]
public sealed class ClaimLoaderTests
{
    private const string SettingsSql = """
        SELECT concat_ws(' ', current_setting('max_parallel_workers_per_gather'), current_setting('jit'),
            current_setting('enable_hashjoin'), current_setting('enable_mergejoin'), current_setting('work_mem'))
        """;

    [Test]
    public async Task A_part_of_a_split_run_reads_what_a_batch_reads_and_leaves_its_transaction_as_it_found_it_for_the_store()
    {
        await using var db = await TestCluster.CreateDatabase(seeded: false);
        await ClaimRows.Seed(db.DataSource);
        await ClaimRows.Insert(db.DataSource, ClaimRows.SeedArticle());
        await using var conn = await db.DataSource.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        var reference = await ReconciliationReference.Load(conn, tx, CancellationToken.None);
        var places = reference.PlaceKeys.Keys.ToArray();
        var before = await conn.ExecuteScalarAsync<string>(SettingsSql, transaction: tx);

        var part = await new ClaimLoader(reference.PlaceKeys).LoadForPart(conn, tx, Outcome.Killed, places, unplaced: true, CancellationToken.None);
        var after = await conn.ExecuteScalarAsync<string>(SettingsSql, transaction: tx);
        var batch = await new ClaimLoader(reference.PlaceKeys).Load(conn, tx, Outcome.Killed, places, unplaced: true, CancellationToken.None);

        Assert.That(part.Select(c => c.Id).ToList(), Is.EquivalentTo(batch.Select(c => c.Id)).And.Count.EqualTo(8));
        Assert.That(after, Is.EqualTo(before), "the store's statements run with the server's settings, as a one-process run's store does");
    }
}
