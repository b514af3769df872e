using Casualties.Ingestion.Reference;
using Casualties.Postgres.Reference;
using Casualties.Testing;
using Dapper;
using NUnit.Framework;

namespace Casualties.Postgres.Tests;

[Property("Issue", "3")]
public sealed class ReferenceDataStoreTests
{
    [Test]
    public async Task Seeding_twice_changes_nothing_the_second_time()
    {
        await using var db = await TestCluster.CreateDatabase(seeded: false);
        var store = new ReferenceDataStore(db.DataSource);
        var data = SeedFiles.Load();

        var first = await store.Load(data);
        var snapshot = await Snapshot(db);
        var second = await store.Load(data);

        Assert.That(first.Places, Is.GreaterThanOrEqualTo(data.Places.Count));
        Assert.That(second.Total, Is.Zero);
        Assert.That(await Snapshot(db), Is.EqualTo(snapshot));
    }

    [Test]
    public async Task An_edited_seed_row_is_updated_in_place()
    {
        await using var db = await TestCluster.CreateDatabase();
        var data = SeedFiles.Load();
        var source = data.Sources[0];
        var edited = new Domain.Reference.ReferenceData(data.Conflicts,
            [source with { Reliability = 0.123, Aliases = [.. source.Aliases, "The Test Alias"] }, .. data.Sources.Skip(1)],
            data.Actors, data.Places, data.Lexicon, data.VictimTerms);

        var result = await new ReferenceDataStore(db.DataSource).Load(edited);

        await using var conn = await db.DataSource.OpenConnectionAsync();
        var row = await conn.QuerySingleAsync<(double Reliability, string[] Aliases)>(
            "SELECT reliability, aliases FROM sources WHERE name = @Name", new { source.Name });
        Assert.That(result.Sources, Is.EqualTo(1));
        Assert.That(row.Reliability, Is.EqualTo(0.123).Within(1e-9));
        Assert.That(row.Aliases, Does.Contain("The Test Alias"));
    }

    [Test]
    public async Task The_gazetteer_keeps_its_hierarchy()
    {
        await using var db = await TestCluster.CreateDatabase();
        await using var conn = await db.DataSource.OpenConnectionAsync();
        var orphans = await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM places WHERE kind <> 'country' AND parent_id IS NULL");
        var eastAleppoCountry = await conn.ExecuteScalarAsync<string>("""
            WITH RECURSIVE up AS (
                SELECT id, parent_id, name FROM places WHERE name = 'East Aleppo'
                UNION ALL SELECT p.id, p.parent_id, p.name FROM places p JOIN up ON p.id = up.parent_id)
            SELECT name FROM up WHERE parent_id IS NULL
            """);
        Assert.That(orphans, Is.Zero);
        Assert.That(eastAleppoCountry, Is.EqualTo("Syria"));
    }

    [Test]
    [Property("Issue", "16")]
    public async Task The_generated_layer_is_copied_once_with_its_parents_and_read_back_from_the_database()
    {
        await using var db = await TestCluster.CreateDatabase(seeded: false);
        var data = SeedFiles.Load();
        Assert.That(data.GeneratedPlaces, Is.Not.Null, "seeds/ holds the generated layer");
        var layer = data.GeneratedPlaces!.Value; // loaded from the file before the clock starts

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await new ReferenceDataStore(db.DataSource).Load(data);
        TestContext.Progress.WriteLine($"seeding with the generated layer ({layer.Count} rows): {clock.Elapsed.TotalSeconds:F1} s");

        await using var conn = await db.DataSource.OpenConnectionAsync();
        var stored = await conn.QuerySingleAsync<(long Rows, long Orphans)>("""
            SELECT count(*) FILTER (WHERE parent_id IS NOT NULL), count(*) FILTER (WHERE parent_id IS NULL)
            FROM places WHERE generated AND kind <> 'country'
            """);
        var checksum = await conn.ExecuteScalarAsync<string>("SELECT checksum FROM reference_layers WHERE name = 'places.geonames'");
        Assert.That(stored.Orphans, Is.Zero);
        Assert.That(checksum, Is.EqualTo(layer.Checksum));
        // A curated row keeps its key: the layer's rows under a curated key are not stored as generated.
        var curatedKeys = data.Places.Where(p => !p.Generated).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        Assert.That(stored.Rows, Is.EqualTo(layer.Rows().Count(r => !curatedKeys.Contains(r.Key))));

        var read = await new ReferenceDataReader(db.DataSource).Read(CancellationToken.None);
        var town = layer.Rows().First(r => !curatedKeys.Contains(r.Key) && r.Kind == "city");
        var back = read.Gazetteer.ByKey(town.Key);
        Assert.That(back, Is.Not.Null);
        Assert.That((back!.Name, back.Parent, back.Generated), Is.EqualTo((town.Name, town.Parent, true)));
        Assert.That(read.Places.Any(p => p.Generated && p.Parent is not null), Is.False, "the layer's towns stay out of the curated list");
    }

    private static async Task<string> Snapshot(TestDatabase db)
    {
        await using var conn = await db.DataSource.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<string>("""
            SELECT md5(string_agg(t, '|' ORDER BY t)) FROM (
                SELECT format('%s', s.*) AS t FROM sources s UNION ALL
                SELECT format('%s', p.*) FROM places p UNION ALL
                SELECT format('%s', a.*) FROM actors a UNION ALL
                SELECT format('%s', l.*) FROM lexicon l UNION ALL
                SELECT format('%s', v.*) FROM victim_terms v) rows
            """) ?? "";
    }

    [Test]
    [Property("Issue", "16")]
    public async Task Side_cues_read_back_from_the_database_as_the_seed_files_give_them()
    {
        await using var db = await TestCluster.CreateDatabase(seeded: false);
        var data = SeedFiles.Load();
        Assert.That(data.SideCues, Is.Not.Empty, "seeds/side-cues.csv has rows");
        await new ReferenceDataStore(db.DataSource).Load(data);

        var read = await new ReferenceDataReader(db.DataSource).Read(CancellationToken.None);

        static string Row(Domain.Reference.SideCue c) => $"{c.Conflict}|{c.Side}|{c.Cue}|{string.Join(',', c.Words)}|{c.Country}|{c.FromYear}|{c.ToYear}";
        Assert.That(read.SideCues.Select(Row).Order(StringComparer.Ordinal), Is.EqualTo(data.SideCues.Select(Row).Order(StringComparer.Ordinal)));
    }

    [Test]
    [Property("Issue", "16")]
    public async Task Demonyms_read_back_from_the_database_as_the_seed_files_give_them()
    {
        await using var db = await TestCluster.CreateDatabase(seeded: false);
        var data = SeedFiles.Load();
        Assert.That(data.Demonyms, Has.Count.GreaterThan(300), "seeds/demonyms.csv has rows");
        await new ReferenceDataStore(db.DataSource).Load(data);

        var read = await new ReferenceDataReader(db.DataSource).Read(CancellationToken.None);

        static string Row(Domain.Reference.Demonym d) => $"{d.Word}|{d.Country}";
        Assert.That(read.Demonyms.Select(Row).Order(StringComparer.Ordinal), Is.EqualTo(data.Demonyms.Select(Row).Order(StringComparer.Ordinal)));
    }

    [Test]
    [Property("Issue", "16")]
    public async Task The_generated_gazetteer_layer_read_from_the_database_places_what_the_seed_files_place()
    {
        await using var db = await TestCluster.CreateDatabase(seeded: false);
        await new ReferenceDataStore(db.DataSource).Load(SeedFiles.Load());
        var read = await new ReferenceDataReader(db.DataSource).Read(CancellationToken.None);
        const string Text = "PORT-AU-PRINCE, April 17 (Wire) - Gunmen killed 14 people in Gressier, a commune on the coast, police said.";

        var fromDatabase = new Domain.Extraction.ClaimExtractor(read).Extract(Text, new DateOnly(2025, 4, 18));
        var fromFiles = new Domain.Extraction.ClaimExtractor(SeedFiles.Load()).Extract(Text, new DateOnly(2025, 4, 18));

        Assert.That(fromDatabase.Select(c => c.PlaceKey), Is.EqualTo(new[] { "haiti/gressier" }));
        Assert.That(fromDatabase.Select(c => c.PlaceKey), Is.EqualTo(fromFiles.Select(c => c.PlaceKey)));
    }
}
