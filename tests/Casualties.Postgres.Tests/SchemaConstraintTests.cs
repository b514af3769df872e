using Casualties.Testing;
using Dapper;
using Npgsql;
using NUnit.Framework;

namespace Casualties.Postgres.Tests;

[Property("Issue", "3")]
public sealed class SchemaConstraintTests
{
    private TestDatabase db = null!;
    private long documentId;

    [OneTimeSetUp]
    public async Task CreateDatabase()
    {
        db = await TestCluster.CreateDatabase();
        await using var conn = await db.DataSource.OpenConnectionAsync();
        documentId = await conn.ExecuteScalarAsync<long>("""
            INSERT INTO documents (content_hash, origin, name, format, published, body)
            VALUES ('h1', 'test', 'doc', 'text', '2016-12-07', 'body') RETURNING id
            """);
    }

    [OneTimeTearDown]
    public async Task DropDatabase() => await db.DisposeAsync();

    private async Task InsertClaim(int ordinal, string outcome, string victims, int low, int? high, string qualifier = "exact")
    {
        await using var conn = await db.DataSource.OpenConnectionAsync();
        await conn.ExecuteAsync("""
            INSERT INTO claims (document_id, ordinal, outcome, victims, qualifier, value, low, high, reported)
            VALUES (@DocumentId, @Ordinal, @Outcome, @Victims, @Qualifier, @Low, @Low, @High, '2016-12-07')
            """, new { DocumentId = documentId, Ordinal = ordinal, Outcome = outcome, Victims = victims, Qualifier = qualifier, Low = low, High = high });
    }

    [Test]
    public async Task A_well_formed_claim_is_stored()
    {
        await InsertClaim(0, "killed", "people", 81, 81);
        await using var conn = await db.DataSource.OpenConnectionAsync();
        Assert.That(await conn.ExecuteScalarAsync<int>("SELECT low FROM claims WHERE document_id = @documentId AND ordinal = 0", new { documentId }),
            Is.EqualTo(81));
    }

    [Test]
    public void A_claim_whose_low_is_above_its_high_is_rejected()
    {
        var error = Assert.ThrowsAsync<PostgresException>(() => InsertClaim(1, "killed", "people", 30, 20, "range"));
        Assert.That(error!.SqlState, Is.EqualTo(PostgresErrorCodes.CheckViolation));
    }

    [Test]
    public void A_claim_with_an_unknown_outcome_is_rejected()
    {
        var error = Assert.ThrowsAsync<PostgresException>(() => InsertClaim(2, "vanished", "people", 3, 3));
        Assert.That(error!.SqlState, Is.EqualTo(PostgresErrorCodes.CheckViolation));
    }

    [Test]
    public void A_claim_with_an_unknown_victim_group_is_rejected()
    {
        var error = Assert.ThrowsAsync<PostgresException>(() => InsertClaim(3, "killed", "martians", 3, 3));
        Assert.That(error!.SqlState, Is.EqualTo(PostgresErrorCodes.ForeignKeyViolation));
    }

    [Test]
    public void A_negative_figure_is_rejected()
    {
        var error = Assert.ThrowsAsync<PostgresException>(() => InsertClaim(4, "killed", "people", -1, 5, "range"));
        Assert.That(error!.SqlState, Is.EqualTo(PostgresErrorCodes.CheckViolation));
    }

    [Test]
    public async Task Two_claims_at_the_same_place_of_one_document_are_rejected()
    {
        await InsertClaim(5, "killed", "people", 10, 10);
        var error = Assert.ThrowsAsync<PostgresException>(() => InsertClaim(5, "killed", "people", 10, 10));
        Assert.That(error!.SqlState, Is.EqualTo(PostgresErrorCodes.UniqueViolation));
    }
}
