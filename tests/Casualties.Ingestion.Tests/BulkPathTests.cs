using Casualties.Testing;
using NUnit.Framework;

namespace Casualties.Ingestion.Tests;

/// <summary>
/// New keys go straight into the tables by COPY, keys already stored or repeated in a batch through the staging
/// merge: both paths must end as one clean run would, and every claim must name rows that exist.
/// </summary>
[Property("Issue", "5")]
public sealed class BulkPathTests : IngestFixture
{
    private const string Header = "dataset,record_id,version,date,outcome,victims,value,source,place\n";

    [Test]
    public async Task A_key_repeated_in_one_file_keeps_its_newest_version_whichever_line_comes_first()
    {
        var rows = string.Concat(Enumerable.Range(0, 30).Select(i => $"m,r{i},1,2016-12-07,killed,people,{i},SOHR,Syria\n"));
        var path = Write("repeat.csv", Header + rows + "m,r5,3,2016-12-07,killed,people,500,SOHR,Syria\nm,r7,2,2016-12-07,killed,people,700,SOHR,Syria\n"
            + "m,r5,2,2016-12-07,killed,people,400,SOHR,Syria\n");

        var summary = await Ingest(new IngestOptions { BatchSize = 10 }, path);

        Assert.That(await Rows<(string, int)>("SELECT f.record_key, c.value FROM claims c JOIN feed_records f ON f.id = c.record_id WHERE f.record_key IN ('r5', 'r7') ORDER BY 1"),
            Is.EqualTo(new[] { ("r5", 500), ("r7", 700) }));
        Assert.That(await Scalar<long>("SELECT count(*) FROM claims"), Is.EqualTo(30));
        Assert.That(summary.Records + summary.Duplicates, Is.EqualTo(33));
    }

    [Test]
    public async Task Bulk_and_merged_ingest_of_the_same_rows_end_in_the_same_state()
    {
        var path = Write("generated.csv", GeneratedClaims.Csv(2_500));
        await Ingest(path);
        var bulk = await State();

        // Every key stored already: each row goes through the staging merge and changes nothing.
        var again = await Ingest(new IngestOptions { BatchSize = 700 }, path);
        Assert.That(await State(), Is.EqualTo(bulk));
        Assert.That(again.Duplicates, Is.EqualTo(2_500));

        await using var other = await OtherDatabase();
        await new Ingestor(other.DataSource).IngestPaths([path], new IngestOptions { BatchSize = 333 }, CancellationToken.None);
        Assert.That((await DatabaseState.Of(other.DataSource)).LiveClaimsChecksum, Is.EqualTo(bulk.LiveClaimsChecksum));
    }

    [Test]
    public async Task Every_ingested_claim_names_an_existing_victim_group_source_place_and_run()
    {
        await Ingest(Sample("feeds"), Write("generated.csv", GeneratedClaims.Csv(1_000)));

        var orphans = await Scalar<long>("""
            SELECT count(*) FROM claims c
            WHERE NOT EXISTS (SELECT FROM victim_groups g WHERE g.name = c.victims)
               OR (c.source_id IS NOT NULL AND NOT EXISTS (SELECT FROM sources s WHERE s.id = c.source_id))
               OR (c.place_id IS NOT NULL AND NOT EXISTS (SELECT FROM places p WHERE p.id = c.place_id))
               OR NOT EXISTS (SELECT FROM ingest_runs r WHERE r.id = c.ingest_run_id)
            """);
        Assert.That(await Scalar<long>("SELECT count(*) FROM claims WHERE source_id IS NOT NULL AND place_id IS NOT NULL"), Is.GreaterThanOrEqualTo(1_000));
        Assert.That(orphans, Is.Zero);
    }
}
