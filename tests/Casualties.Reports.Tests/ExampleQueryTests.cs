using Casualties.Postgres;
using Casualties.Testing;
using NUnit.Framework;

namespace Casualties.Reports.Tests;

/// <summary>Every db/queries/*.sql runs as it is, as the read-only login, and answers with rows.</summary>
[TestFixture]
[Property("Issue", "7")]
public sealed class ExampleQueryTests
{
    private TestDatabase db = null!;
    private ReaderLogin reader = null!;

    [OneTimeSetUp]
    public async Task SetUp()
    {
        db = await ReconciledDatabase.Create();
        reader = await ReaderLogin.Create(db);
    }

    [OneTimeTearDown]
    public async Task TearDown()
    {
        await reader.DisposeAsync();
        await db.DisposeAsync();
    }

    public static IEnumerable<string> Queries() => SqlScripts.In("queries");

    [Test]
    public void There_are_a_dozen_example_queries_each_saying_what_it_answers()
    {
        Assert.That(Queries().Count(), Is.GreaterThanOrEqualTo(12));
        foreach (var query in Queries())
        {
            Assert.That(SqlScripts.Load(query), Does.StartWith("-- "), query);
            Assert.That(SqlScripts.Load(query), Does.Contain("WITH params AS"), query);
        }
    }

    [TestCaseSource(nameof(Queries))]
    public async Task Example_query_runs_as_the_reader_and_returns_rows(string query)
    {
        await using var cmd = reader.DataSource.CreateCommand(SqlScripts.Load(query));
        await using var r = await cmd.ExecuteReaderAsync();
        var rows = 0;
        while (await r.ReadAsync()) rows++;
        Assert.That(rows, Is.GreaterThan(0), query);
    }
}
