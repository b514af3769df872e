using Casualties.Testing;
using NUnit.Framework;

namespace Casualties.Ingestion.Tests;

[Property("Issue", "5")]
public sealed class IdempotenceTests : IngestFixture
{
    [Test]
    public async Task Ingesting_every_sample_twice_changes_nothing()
    {
        var first = await Ingest(Sample("documents"), Sample("feeds"));
        var afterFirst = await State();

        var second = await Ingest(Sample("documents"), Sample("feeds"));
        var afterSecond = await State();

        Assert.That(afterFirst.Claims, Is.GreaterThan(0));
        Assert.That(afterSecond, Is.EqualTo(afterFirst));
        Assert.That(second.Documents + second.Records + second.Claims, Is.Zero);
        Assert.That(second.Duplicates, Is.EqualTo(first.Documents + first.Records + first.Retired + first.Duplicates));
    }

    [Test]
    public async Task Ingesting_feeds_in_any_order_ends_in_the_same_state()
    {
        string[] files = ["acled-sample.csv", "acled-update.csv", "acled-deletions.csv", "ucdp-ged-sample.csv", "monitor-claims.csv"];
        foreach (var file in files) await Ingest(Sample("feeds", file));
        var forward = await State();

        await using var other = await OtherDatabase();
        var ingestor = new Ingestor(other.DataSource);
        foreach (var file in files.Reverse()) await ingestor.IngestPaths([Sample("feeds", file)], new IngestOptions(), CancellationToken.None);

        // A deletion read after its event keeps the event's claims (retired); read before, there were none to keep.
        // What readers see — records, retired records, and the claims of live records — is the same.
        var backward = await DatabaseState.Of(other.DataSource);
        Assert.That((backward.Records, backward.RetiredRecords, backward.LiveClaimsChecksum),
            Is.EqualTo((forward.Records, forward.RetiredRecords, forward.LiveClaimsChecksum)));
    }

    [Test]
    public async Task Batches_smaller_than_the_file_store_the_same_as_one_batch()
    {
        var path = Write("claims.csv", GeneratedClaims.Csv(rows: 1_000));

        await Ingest(new IngestOptions { BatchSize = 64 }, path);
        var small = await State();
        await using var other = await OtherDatabase();
        await new Ingestor(other.DataSource).IngestPaths([path], new IngestOptions { BatchSize = 100_000 }, CancellationToken.None);

        Assert.That(small.Records, Is.EqualTo(1_000));
        Assert.That(await DatabaseState.Of(other.DataSource), Is.EqualTo(small));
    }
}
