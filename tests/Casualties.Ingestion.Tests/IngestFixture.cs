using Casualties.Domain.Reference;
using Casualties.Postgres.Reference;
using Casualties.Testing;
using Dapper;
using NUnit.Framework;

namespace Casualties.Ingestion.Tests;

/// <summary>
/// A fresh seeded database per test, plus the few reference rows these tests name (so they do not depend on
/// what seeds/ holds today), a scratch folder for generated inputs, and helpers to read the database back.
/// </summary>
public abstract class IngestFixture
{
    /// <summary>Sides, actors and sources the samples under seeds/feeds name.</summary>
    protected static readonly ReferenceData TestReference = new(
        [new Conflict("syria", "Syrian civil war", ["syria"], ["government", "opposition", "isis"])],
        [
            new Source("Uppsala Conflict Data Program", "dataset", 0.9, null, ["UCDP"]),
            new Source("Armed Conflict Location & Event Data Project", "dataset", 0.85, null, ["ACLED"]),
            new Source("Syrian Observatory for Human Rights", "monitor", 0.8, null, ["SOHR", "the Observatory"]),
        ],
        [
            new Actor("Government of Syria", "syria", "government", "state", ["Military Forces of Syria", "Syrian army"]),
            new Actor("Syrian insurgents", "syria", "opposition", "armed_group", ["rebels"]),
            new Actor("IS", "syria", "isis", "armed_group", ["Islamic State"]),
        ],
        [new Place("syria", "Syria", null, "country", ["Syrian Arab Republic"], 35.0, 38.5)],
        [new LexiconEntry("tens of thousands", 20_000, 99_999)],
        []);

    protected TestDatabase Database { get; private set; } = null!;
    protected string Scratch { get; private set; } = null!;
    protected Ingestor Ingestor { get; private set; } = null!;

    [SetUp]
    public async Task CreateDatabase()
    {
        Database = await TestCluster.CreateDatabase();
        await new ReferenceDataStore(Database.DataSource).Load(TestReference);
        Ingestor = new Ingestor(Database.DataSource);
        Scratch = Path.Combine(Path.GetTempPath(), "casualties-ingest-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Scratch);
    }

    [TearDown]
    public async Task DropDatabase()
    {
        await Database.DisposeAsync();
        try { Directory.Delete(Scratch, recursive: true); }
        catch (IOException) { }
    }

    /// <summary>Another fresh database with the same reference data, for comparing two runs.</summary>
    protected static async Task<TestDatabase> OtherDatabase()
    {
        var other = await TestCluster.CreateDatabase();
        await new ReferenceDataStore(other.DataSource).Load(TestReference);
        return other;
    }

    protected static string Sample(params string[] parts) => RepositoryPaths.Combine(["seeds", .. parts]);

    protected Task<IngestSummary> Ingest(params string[] paths) => Ingest(new IngestOptions(), paths);

    protected Task<IngestSummary> Ingest(IngestOptions options, params string[] paths) =>
        Ingestor.IngestPaths(paths, options, CancellationToken.None);

    protected string Write(string name, string content)
    {
        var path = Path.Combine(Scratch, name);
        File.WriteAllText(path, content);
        return path;
    }

    protected string WriteBytes(string name, byte[] content)
    {
        var path = Path.Combine(Scratch, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    protected async Task<T> Scalar<T>(string sql, object? parameters = null)
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<T>(sql, parameters) ?? throw new InvalidOperationException("No value: " + sql);
    }

    protected async Task<IReadOnlyList<T>> Rows<T>(string sql, object? parameters = null)
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<T>(sql, parameters)).AsList();
    }

    protected Task<DatabaseState> State() => DatabaseState.Of(Database.DataSource);
}
