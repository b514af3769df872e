using NUnit.Framework;

namespace Casualties.Ingestion.Tests;

[Property("Issue", "5")]
public sealed class FeedVersionTests : IngestFixture
{
    [Test]
    public async Task Corrected_ged_row_replaces_its_claims()
    {
        var original = File.ReadAllText(Sample("feeds", "ucdp-ged-sample.csv"));
        await Ingest(Write("ged-1.csv", original));
        var before = await Scalar<long>("SELECT count(*) FROM claims");

        // UCDP revises event 164455: side B lost 13, not 11; best and high follow.
        var corrected = original.Replace(",4,11,7,0,22,29,22,", ",4,13,7,0,24,29,22,", StringComparison.Ordinal);
        Assert.That(corrected, Is.Not.EqualTo(original));
        var summary = await Ingest(Write("ged-2.csv", corrected));

        Assert.That(summary.Replaced, Is.EqualTo(1));
        Assert.That(summary.Duplicates, Is.EqualTo(3));
        Assert.That(await Scalar<long>("SELECT count(*) FROM claims"), Is.EqualTo(before));
        var claims = await Rows<(int Ordinal, int Low, int? High, int? Best)>("""
            SELECT c.ordinal, c.low, c.high, c.best FROM claims c JOIN feed_records f ON f.id = c.record_id
            WHERE f.record_key = '164455' ORDER BY c.ordinal
            """);
        Assert.That(claims.Select(c => (c.Ordinal, c.Best)), Is.EqualTo(new[] { (0, (int?)24), (1, 4), (2, 13), (3, 7) }));
        Assert.That(await Scalar<string>("SELECT origin FROM feed_records WHERE record_key = '164455'"), Does.EndWith("ged-2.csv"));
    }

    [Test]
    public async Task Newer_acled_timestamp_replaces_the_event_and_an_older_one_is_a_duplicate()
    {
        await Ingest(Sample("feeds", "acled-sample.csv"));
        var update = await Ingest(Sample("feeds", "acled-update.csv"));
        var stale = await Ingest(Sample("feeds", "acled-sample.csv"));

        Assert.That(update.Replaced, Is.EqualTo(1));
        Assert.That(stale.Records, Is.Zero);
        Assert.That(stale.Duplicates, Is.EqualTo(4));
        var edited = (await Rows<(int Value, string Version, DateTime Reported)>("""
            SELECT c.value, f.version, c.reported FROM claims c JOIN feed_records f ON f.id = c.record_id WHERE f.record_key = 'SYR87012'
            """)).Single();
        Assert.That(edited.Value, Is.EqualTo(23));
        Assert.That(edited.Version, Is.EqualTo("1481932800"));
        Assert.That(DateOnly.FromDateTime(edited.Reported), Is.EqualTo(new DateOnly(2016, 12, 17)));
    }

    [Test]
    public async Task Acled_deletion_retires_the_event_and_keeps_it_retired_against_its_older_version()
    {
        await Ingest(Sample("feeds", "acled-sample.csv"));
        var deletion = await Ingest(Sample("feeds", "acled-deletions.csv"));
        await Ingest(Sample("feeds", "acled-sample.csv"));

        Assert.That(deletion.Retired, Is.EqualTo(1));
        var retired = (await Rows<(DateTime? RetiredAt, long Claims)>("""
            SELECT f.retired_at, (SELECT count(*) FROM claims c WHERE c.record_id = f.id) FROM feed_records f WHERE record_key = 'SYR87101'
            """)).Single();
        Assert.That(retired.RetiredAt, Is.EqualTo(new DateTime(2016, 12, 18, 0, 0, 0, DateTimeKind.Utc)));
        Assert.That(retired.Claims, Is.EqualTo(1), "a retired record keeps its claims; readers exclude it by retired_at");
        Assert.That(await Scalar<long>("SELECT count(*) FROM feed_records WHERE retired_at IS NULL AND dataset = 'acled'"), Is.EqualTo(3));
    }

    [Test]
    public async Task Own_format_row_without_version_is_replaced_when_its_content_changes()
    {
        await Ingest(Write("a.csv", "dataset,record_id,date,outcome,victims,value\nm,x,2016-12-07,killed,people,10\n"));
        var same = await Ingest(Write("b.csv", "dataset,record_id,date,outcome,victims,value\nm,x,2016-12-07,killed,people,10\n"));
        var changed = await Ingest(Write("c.csv", "dataset,record_id,date,outcome,victims,value\nm,x,2016-12-07,killed,people,12\n"));

        Assert.That(same.Duplicates, Is.EqualTo(1));
        Assert.That(changed.Replaced, Is.EqualTo(1));
        Assert.That(await Scalar<int>("SELECT value FROM claims"), Is.EqualTo(12));
    }

    [Test]
    public async Task Own_format_uses_the_dataset_column_else_source_option_else_file_name()
    {
        await Ingest(new IngestOptions { Source = "Partner Monitor" }, Write("feed.csv", "record_id,date,outcome,victims,value\nx,2016-12-07,killed,people,10\n"));
        await Ingest(Write("other-feed.csv", "record_id,date,outcome,victims,value\nx,2016-12-07,killed,people,10\n"));

        var datasets = await Rows<string>("SELECT dataset FROM feed_records ORDER BY dataset");
        Assert.That(datasets, Is.EqualTo(new[] { "Partner Monitor", "other-feed" }));
        Assert.That(await Scalar<string>("SELECT source_name FROM claims c JOIN feed_records f ON f.id = c.record_id WHERE dataset = 'Partner Monitor'"),
            Is.EqualTo("Partner Monitor"));
    }
}
