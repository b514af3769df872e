using Casualties.Testing;
using Dapper;
using Npgsql;
using NUnit.Framework;

namespace Casualties.Postgres.Tests;

/// <summary>
/// Migration 0006 checks the references of claims and feed records to victim groups, sources, places and ingest
/// runs once per statement instead of by foreign keys, and 0008 the reference of a claim to its feed record: the
/// same rows must be refused, with the same error code, and deleting feed records still deletes their claims.
/// </summary>
[Property("Issue", "5")]
public sealed class ReferenceCheckTests
{
    private TestDatabase db = null!;
    private long documentId, runId, sourceId;

    [OneTimeSetUp]
    public async Task CreateDatabase()
    {
        db = await TestCluster.CreateDatabase();
        await using var conn = await db.DataSource.OpenConnectionAsync();
        documentId = await conn.ExecuteScalarAsync<long>("""
            INSERT INTO documents (content_hash, origin, name, format, published, body)
            VALUES ('h-refs', 'test', 'doc', 'text', '2016-12-07', 'body') RETURNING id
            """);
        runId = await conn.ExecuteScalarAsync<long>("INSERT INTO ingest_runs (trigger) VALUES ('test') RETURNING id");
        sourceId = await conn.ExecuteScalarAsync<long>("INSERT INTO sources (name, kind) VALUES ('Reference Test Monitor', 'monitor') RETURNING id");
        await conn.ExecuteAsync("INSERT INTO victim_groups (name) VALUES ('people') ON CONFLICT DO NOTHING");
    }

    [OneTimeTearDown]
    public async Task DropDatabase() => await db.DisposeAsync();

    private async Task InsertClaim(int ordinal, long? sourceId = null, long? placeId = null, long? runId = null)
    {
        await using var conn = await db.DataSource.OpenConnectionAsync();
        await conn.ExecuteAsync("""
            INSERT INTO claims (document_id, ordinal, outcome, victims, qualifier, value, low, high, reported, source_id, place_id, ingest_run_id)
            VALUES (@DocumentId, @Ordinal, 'killed', 'people', 'exact', 5, 5, 5, '2016-12-07', @SourceId, @PlaceId, @RunId)
            """, new { DocumentId = documentId, Ordinal = ordinal, SourceId = sourceId, PlaceId = placeId, RunId = runId });
    }

    private async Task Execute(string sql, object? parameters = null)
    {
        await using var conn = await db.DataSource.OpenConnectionAsync();
        await conn.ExecuteAsync(sql, parameters);
    }

    [Test]
    public async Task A_claim_naming_existing_rows_is_stored()
    {
        await InsertClaim(0, sourceId, runId: runId);
        await using var conn = await db.DataSource.OpenConnectionAsync();
        Assert.That(await conn.ExecuteScalarAsync<long>("SELECT source_id FROM claims WHERE document_id = @documentId AND ordinal = 0", new { documentId }),
            Is.EqualTo(sourceId));
    }

    [TestCase(-1L, null, null, "source_id")]
    [TestCase(null, -1L, null, "place_id")]
    [TestCase(null, null, -1L, "ingest_run_id")]
    public void A_claim_naming_a_missing_row_is_rejected(long? source, long? place, long? run, string column)
    {
        var error = Assert.ThrowsAsync<PostgresException>(() => InsertClaim(1, source, place, run));
        Assert.That(error!.SqlState, Is.EqualTo(PostgresErrorCodes.ForeignKeyViolation));
        Assert.That(error.MessageText, Does.Contain(column));
    }

    [Test]
    public void Updating_a_claim_to_a_missing_source_is_rejected()
    {
        var error = Assert.ThrowsAsync<PostgresException>(() => Execute("UPDATE claims SET source_id = -1 WHERE document_id = @documentId", new { documentId }));
        Assert.That(error!.SqlState, Is.EqualTo(PostgresErrorCodes.ForeignKeyViolation));
    }

    [Test]
    public void A_feed_record_naming_a_missing_run_is_rejected()
    {
        var error = Assert.ThrowsAsync<PostgresException>(() => Execute("""
            INSERT INTO feed_records (dataset, record_key, version, content_hash, origin, ingest_run_id)
            VALUES ('d', 'k', '', 'h', 'test', -1)
            """));
        Assert.That(error!.SqlState, Is.EqualTo(PostgresErrorCodes.ForeignKeyViolation));
    }

    [Test]
    public async Task Deleting_a_source_or_run_that_claims_name_is_refused()
    {
        await InsertClaim(2, sourceId, runId: runId);
        var source = Assert.ThrowsAsync<PostgresException>(() => Execute("DELETE FROM sources WHERE id = @sourceId", new { sourceId }));
        var run = Assert.ThrowsAsync<PostgresException>(() => Execute("DELETE FROM ingest_runs WHERE id = @runId", new { runId }));
        Assert.That((source!.SqlState, run!.SqlState), Is.EqualTo((PostgresErrorCodes.ForeignKeyViolation, PostgresErrorCodes.ForeignKeyViolation)));
    }

    private async Task<long> InsertRecord(string key)
    {
        await using var conn = await db.DataSource.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<long>("""
            INSERT INTO feed_records (dataset, record_key, version, content_hash, origin) VALUES ('refs', @key, '', 'h', 'test') RETURNING id
            """, new { key });
    }

    private Task InsertRecordClaim(long recordId, int ordinal) => Execute("""
        INSERT INTO claims (record_id, ordinal, outcome, victims, qualifier, value, low, high, reported)
        VALUES (@recordId, @ordinal, 'killed', 'people', 'exact', 5, 5, 5, '2016-12-07')
        """, new { recordId, ordinal });

    [Test]
    public void A_claim_naming_a_missing_feed_record_is_rejected()
    {
        var error = Assert.ThrowsAsync<PostgresException>(() => InsertRecordClaim(-1, 0));
        Assert.That(error!.SqlState, Is.EqualTo(PostgresErrorCodes.ForeignKeyViolation));
        Assert.That(error.MessageText, Does.Contain("record_id -1"));
    }

    [Test]
    public async Task A_batch_with_one_claim_of_a_missing_feed_record_is_rejected_whole()
    {
        var record = await InsertRecord("batch");
        var error = Assert.ThrowsAsync<PostgresException>(() => Execute("""
            INSERT INTO claims (record_id, ordinal, outcome, victims, qualifier, value, low, high, reported)
            SELECT CASE WHEN o = 7 THEN -7 ELSE @record END, o, 'killed', 'people', 'exact', 5, 5, 5, '2016-12-07'
            FROM generate_series(0, 9) o
            """, new { record }));
        await using var conn = await db.DataSource.OpenConnectionAsync();
        Assert.That(error!.SqlState, Is.EqualTo(PostgresErrorCodes.ForeignKeyViolation));
        Assert.That(await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM claims WHERE record_id = @record", new { record }), Is.Zero);
    }

    [Test]
    public async Task Deleting_feed_records_deletes_their_claims_and_no_others()
    {
        var gone = await InsertRecord("gone");
        var kept = await InsertRecord("kept");
        await InsertRecordClaim(gone, 0);
        await InsertRecordClaim(gone, 1);
        await InsertRecordClaim(kept, 0);
        await Execute("DELETE FROM feed_records WHERE id = @gone", new { gone });
        await using var conn = await db.DataSource.OpenConnectionAsync();
        var left = (await conn.QueryAsync<long>("SELECT record_id FROM claims WHERE record_id IN (@gone, @kept)", new { gone, kept })).ToList();
        Assert.That(left, Is.EqualTo(new[] { kept }));
    }
}
