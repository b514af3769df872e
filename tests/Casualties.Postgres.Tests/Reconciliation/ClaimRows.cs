using Casualties.Domain.Reference;
using Casualties.Postgres.Reference;
using Dapper;
using Npgsql;

namespace Casualties.Postgres.Tests.Reconciliation;

/// <summary>A stored claim as a test writes it (SQL, as ingestion would): one row of claims in a document.</summary>
internal sealed record ClaimRow(
    string Document, int Ordinal, int Low, int? High, string Qualifier = "exact", string Victims = "people", int? ParentOrdinal = null,
    string? Source = "Syrian Observatory for Human Rights", string? Side = "government", string? Place = "syria.aleppo.east",
    string Start = "2016-12-06", string? End = null, bool Cumulative = false, string Reported = "2016-12-07",
    string Outcome = "killed", string StartPrecision = "day", string? Dataset = null, string? EventKey = null, string? PlaceName = null);

/// <summary>Writes reference data and claims for the reconciliation tests.</summary>
internal static class ClaimRows
{
    public static readonly ReferenceData Reference = new(
        [new Conflict("syria", "Syrian civil war", ["syria"], ["government", "opposition"])],
        [
            new Source("Syrian Observatory for Human Rights", "monitor", 0.8, "syria", ["SOHR", "the Observatory"]),
            new Source("Syrian Arab News Agency", "state_media", 0.4, "syria", ["SANA"]),
            new Source("UN", "international", 0.7, null, []),
        ],
        [],
        [
            new Place("syria", "Syria", null, "country", [], null, null),
            new Place("syria.aleppo-gov", "Aleppo Governorate", "syria", "region", [], null, null),
            new Place("syria.aleppo", "Aleppo", "syria.aleppo-gov", "city", [], null, null),
            new Place("syria.aleppo.east", "East Aleppo", "syria.aleppo", "district", [], null, null),
            new Place("syria.aleppo.west", "West Aleppo", "syria.aleppo", "district", [], null, null),
            new Place("syria.idlib-gov", "Idlib Governorate", "syria", "region", [], null, null),
            new Place("syria.idlib", "Idlib", "syria.idlib-gov", "city", [], null, null),
            new Place("iraq", "Iraq", null, "country", [], null, null),
            new Place("iraq.mosul", "Mosul", "iraq", "city", [], null, null),
        ],
        [], []);

    /// <summary>The seed article's claims (shared/seed/expected-claims.jsonl).</summary>
    public static IReadOnlyList<ClaimRow> SeedArticle(string document = "000_87d7596e7722211d") =>
    [
        new(document, 0, 300001, null, "more_than", Source: null, Side: null, Place: "syria", Start: "2011-01-01", StartPrecision: "year", End: "2016-12-07", Cumulative: true),
        new(document, 1, 2000000, 9999999, "vague", Source: null, Side: null, Place: "syria", Start: "2011-01-01", StartPrecision: "year", End: "2016-12-07", Cumulative: true, Outcome: "displaced"),
        new(document, 2, 342, null, "more_than", Start: "2016-11-15", End: "2016-12-07", Cumulative: true),
        new(document, 3, 44, 44, Victims: "children", ParentOrdinal: 2, Start: "2016-11-15", End: "2016-12-07", Cumulative: true),
        new(document, 4, 81, 81, Side: "opposition", Place: "syria.aleppo.west", Start: "2016-11-15", End: "2016-12-07", Cumulative: true),
        new(document, 5, 31, 31, Victims: "children", ParentOrdinal: 4, Side: "opposition", Place: "syria.aleppo.west", Start: "2016-11-15", End: "2016-12-07", Cumulative: true),
        new(document, 6, 20000, 99999, "vague", Source: null, Side: null, Start: "2016-11-15", End: "2016-12-07", Outcome: "displaced"),
        new(document, 7, 25, null, "at_least", Victims: "civilians", Place: "syria.idlib"),
        new(document, 8, 10, 10, Side: "opposition", Place: "syria.idlib"),
        new(document, 9, 5, 5, Victims: "civilians", ParentOrdinal: 8, Side: "opposition", Place: "syria.idlib"),
    ];

    public static Task Seed(NpgsqlDataSource dataSource) => new ReferenceDataStore(dataSource).Load(Reference);

    const string DocumentSql = """
        INSERT INTO documents (content_hash, origin, name, format, published, body)
        VALUES (@Name, 'test', @Name, 'text', @Published::date, 'body') ON CONFLICT (content_hash) DO NOTHING
        """;

    const string RecordSql = """
        INSERT INTO feed_records (dataset, record_key, version, content_hash, origin, event_key)
        VALUES (@Dataset, @Name, '1', @Name, 'test', @EventKey) ON CONFLICT (dataset, record_key) DO NOTHING
        """;

    const string ClaimSql = """
        INSERT INTO claims (document_id, record_id, ordinal, outcome, victims, qualifier, value, low, high, parent_ordinal,
            source_id, source_name, perpetrator_side, place_id, place_name, start_date, start_precision, end_date, end_precision,
            cumulative, reported, quote)
        VALUES (
            CASE WHEN @Dataset IS NULL THEN (SELECT id FROM documents WHERE name = @Document) END,
            CASE WHEN @Dataset IS NOT NULL THEN (SELECT id FROM feed_records WHERE dataset = @Dataset AND record_key = @Document) END,
            @Ordinal, @Outcome, @Victims, @Qualifier, CASE WHEN @Qualifier IN ('range', 'vague') THEN NULL WHEN @Qualifier = 'more_than' THEN @Low - 1 ELSE @Low END,
            @Low, @High, @ParentOrdinal, (SELECT id FROM sources WHERE name = @Source), @Source, @Side,
            (SELECT id FROM places WHERE key = @Place), @PlaceName, @Start::date, @StartPrecision, coalesce(@End, @Start)::date,
            CASE WHEN @End IS NULL THEN @StartPrecision ELSE 'day' END, @Cumulative, @Reported::date, 'quote ' || @Low)
        """;

    public static async Task Insert(NpgsqlDataSource dataSource, IEnumerable<ClaimRow> claims)
    {
        await using var conn = await dataSource.OpenConnectionAsync();
        await Insert(conn, null, claims);
    }

    /// <summary>Writes claims on an open connection, inside <paramref name="tx"/> when given (an ingest still under way).</summary>
    public static async Task Insert(NpgsqlConnection conn, NpgsqlTransaction? tx, IEnumerable<ClaimRow> claims)
    {
        foreach (var claim in claims)
        {
            if (claim.Dataset is null)
                await conn.ExecuteAsync(DocumentSql, new { Name = claim.Document, Published = claim.Reported }, tx);
            else
                await conn.ExecuteAsync(RecordSql, new { claim.Dataset, Name = claim.Document, claim.EventKey }, tx);
            await conn.ExecuteAsync(ClaimSql, claim, tx);
        }
    }
}
