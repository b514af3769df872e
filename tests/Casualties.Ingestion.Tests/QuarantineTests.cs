using Casualties.Testing;
using Casualties.Domain.Reference;
using Casualties.Postgres.Reference;
using NUnit.Framework;

namespace Casualties.Ingestion.Tests;

[Property("Issue", "5")]
public sealed class QuarantineTests : IngestFixture
{
    [Test]
    public async Task Thousand_rows_with_three_bad_ones_store_997_and_quarantine_3_with_their_reasons()
    {
        var bad = new Dictionary<int, string>
        {
            [100] = GeneratedClaims.Row(100).Replace(",killed,", ",vanished,", StringComparison.Ordinal),
            [500] = GeneratedClaims.Row(500).Replace(",2016-", ",2016-13-", StringComparison.Ordinal),
            [900] = GeneratedClaims.Row(900).Replace(",exact,", ",exact,lots", StringComparison.Ordinal),
        };
        var path = Write("claims.csv", GeneratedClaims.Csv(1_000, bad));

        var summary = await Ingest(new IngestOptions { BatchSize = 128 }, path);

        Assert.That(summary.Records, Is.EqualTo(997));
        Assert.That(summary.Quarantined, Is.EqualTo(3));
        Assert.That(await Scalar<long>("SELECT count(*) FROM claims"), Is.EqualTo(997));
        var entries = await Rows<(int Line, string Reason, string Raw, string Header)>("SELECT line, reason, raw, header FROM quarantine ORDER BY line");
        Assert.That(entries.Select(e => e.Line), Is.EqualTo(new[] { 102, 502, 902 }));
        Assert.That(entries[0].Reason, Does.StartWith("unknown outcome 'vanished'"));
        Assert.That(entries[1].Reason, Does.StartWith("date '2016-13-"));
        Assert.That(entries[2].Reason, Is.EqualTo("value 'lots401' is not a whole number of people"));
        Assert.That(entries[0].Raw, Is.EqualTo(bad[100]));
        Assert.That(entries.Select(e => e.Header), Is.All.EqualTo(GeneratedClaims.Header));
    }

    [Test]
    public async Task Reingesting_a_file_does_not_quarantine_its_bad_rows_twice()
    {
        var path = Write("claims.csv", GeneratedClaims.Csv(10, new Dictionary<int, string> { [3] = "generated,x,1,not-a-date,killed,people,exact,1,,,,," }));

        await Ingest(path);
        await Ingest(path);

        Assert.That(await Scalar<long>("SELECT count(*) FROM quarantine"), Is.EqualTo(1));
    }

    [Test]
    public async Task Row_rejected_for_missing_reference_data_goes_in_on_retry_once_the_data_is_fixed()
    {
        var path = Write("claims.csv",
            "record_id,date,outcome,victims,qualifier,phrase\nr1,2016-12-07,killed,people,vague,umpteen\nr2,2016-12-07,killed,medics,exact,\n");

        var first = await Ingest(path);
        Assert.That(first.Quarantined, Is.EqualTo(2));

        var notYet = await Ingestor.RetryQuarantine(null, new IngestOptions(), CancellationToken.None);
        Assert.That(notYet.Resolved, Is.Zero);
        Assert.That(await Scalar<long>("SELECT count(*) FROM quarantine WHERE resolved_at IS NULL"), Is.EqualTo(2));

        await new ReferenceDataStore(Database.DataSource).Load(new ReferenceData([], [], [], [], [new LexiconEntry("umpteen", 40, 99)], []));
        var retried = await Ingestor.RetryQuarantine(null, new IngestOptions(), CancellationToken.None);

        Assert.That(retried.Resolved, Is.EqualTo(1), "the vague phrase is now in the lexicon");
        Assert.That(retried.StillFailing, Has.Count.EqualTo(1));
        Assert.That(retried.StillFailing[0].Reason, Does.Contain("value"));
        var stored = (await Rows<(int Low, int? High, int Line)>("""
            SELECT c.low, c.high, f.line FROM claims c JOIN feed_records f ON f.id = c.record_id
            """)).Single();
        Assert.That(stored, Is.EqualTo((40, (int?)99, 2)));
    }

    [Test]
    public async Task Quarantined_document_goes_in_on_retry_once_its_sidecar_gives_a_date()
    {
        var path = Write("statement.txt", "Three people were killed in a rocket attack, the governor said.");
        await Ingest(path);

        Write("statement.meta.json", """{"date": "2022-05-16", "carrier": "Example Wire"}""");
        var retried = await Ingestor.RetryQuarantine(null, new IngestOptions(), CancellationToken.None);

        Assert.That(retried.Resolved, Is.EqualTo(1));
        Assert.That(await Scalar<long>("SELECT count(*) FROM documents"), Is.EqualTo(1));
        Assert.That(await Scalar<long>("SELECT count(*) FROM quarantine WHERE resolved_at IS NULL"), Is.Zero);
    }
}
