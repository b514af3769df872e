using NUnit.Framework;

namespace Casualties.Ingestion.Tests;

[Property("Issue", "5")]
public sealed class FormatTests : IngestFixture
{
    [Test]
    public async Task Seed_article_is_stored_with_its_date_and_the_extractors_claims_with_spans_into_its_body()
    {
        var summary = await Ingest(Sample("documents", "000_87d7596e7722211d.txt"));

        Assert.That(summary.Documents, Is.EqualTo(1));
        var (published, format, body) = (await Rows<(DateTime Published, string Format, string Body)>(
            "SELECT published, format, body FROM documents")).Single();
        Assert.That(DateOnly.FromDateTime(published), Is.EqualTo(new DateOnly(2016, 12, 7)));
        Assert.That(format, Is.EqualTo("text"));
        var claims = await Rows<(string Quote, int SpanStart, int SpanEnd, DateTime Reported)>(
            "SELECT quote, span_start, span_end, reported FROM claims ORDER BY ordinal");
        Assert.That(claims, Is.Not.Empty);
        Assert.That(claims.Select(c => body[c.SpanStart..c.SpanEnd]), Is.EqualTo(claims.Select(c => c.Quote)));
        Assert.That(claims.Select(c => DateOnly.FromDateTime(c.Reported)), Is.All.EqualTo(new DateOnly(2016, 12, 7)));
        Assert.That(summary.Claims, Is.EqualTo(claims.Count));
    }

    [Test]
    public async Task Html_article_keeps_the_article_text_title_carrier_and_published_date_and_drops_page_chrome()
    {
        await Ingest(Sample("documents", "002_mosul_offensive.html"));

        var doc = (await Rows<(string Title, string Carrier, DateTime Published, string Body)>(
            "SELECT title, carrier, published, body FROM documents")).Single();
        Assert.That(doc.Title, Is.EqualTo("Mosul offensive: civilians caught in crossfire"));
        Assert.That(doc.Carrier, Is.EqualTo("Example Wire"));
        Assert.That(DateOnly.FromDateTime(doc.Published), Is.EqualTo(new DateOnly(2016, 12, 8)));
        Assert.That(doc.Body, Does.Contain("At least 30 civilians were killed in eastern Mosul"));
        Assert.That(doc.Body, Does.Not.Contain("window.analytics").And.Not.Contain("More on Iraq").And.Not.Contain("Home"));
    }

    [Test]
    public async Task Markdown_document_is_read_as_plain_text_dated_by_its_front_matter()
    {
        await Ingest(Sample("documents", "003_taiz_shelling.md"));

        var doc = (await Rows<(string Title, string Carrier, DateTime Published, string Body)>(
            "SELECT title, carrier, published, body FROM documents")).Single();
        Assert.That(DateOnly.FromDateTime(doc.Published), Is.EqualTo(new DateOnly(2016, 12, 5)));
        Assert.That(doc.Title, Is.EqualTo("Shelling kills civilians in Yemen's Taiz"));
        Assert.That(doc.Carrier, Is.EqualTo("Example Daily"));
        Assert.That(doc.Body, Does.Contain("city of Taiz killed 12 civilians").And.Not.Contain("**").And.Not.Contain("---"));
    }

    [Test]
    public async Task Plain_text_takes_its_date_and_carrier_from_the_sidecar()
    {
        await Ingest(Sample("documents", "004_kharkiv_statement.txt"));

        var doc = (await Rows<(string Carrier, DateTime Published)>("SELECT carrier, published FROM documents")).Single();
        Assert.That(DateOnly.FromDateTime(doc.Published), Is.EqualTo(new DateOnly(2022, 5, 16)));
        Assert.That(doc.Carrier, Is.EqualTo("Example Wire"));
    }

    [Test]
    public async Task Undated_plain_text_is_quarantined_unless_a_date_is_given()
    {
        var path = Write("statement.txt", "Three people were killed in a rocket attack, the governor said.");

        var first = await Ingest(path);
        var second = await Ingest(new IngestOptions { Date = new DateOnly(2022, 5, 1) }, path);

        Assert.That(first.Quarantined, Is.EqualTo(1));
        Assert.That(await Scalar<string>("SELECT reason FROM quarantine"), Does.StartWith("no date"));
        Assert.That(second.Documents, Is.EqualTo(1));
    }

    [Test]
    public async Task Own_csv_format_stores_one_record_and_claim_per_row_with_bounds_from_the_qualifier()
    {
        var summary = await Ingest(Sample("feeds", "monitor-claims.csv"));

        Assert.That(summary.Records, Is.EqualTo(5));
        Assert.That(summary.Quarantined, Is.Zero);
        var east = (await Rows<(string Qualifier, int? Value, int Low, int? High, string Source, bool Cumulative, string StartPrecision)>("""
            SELECT c.qualifier, c.value, c.low, c.high, s.name, c.cumulative, c.start_precision
            FROM claims c JOIN feed_records f ON f.id = c.record_id JOIN sources s ON s.id = c.source_id
            WHERE f.record_key = '2016-12-07/aleppo-east'
            """)).Single();
        Assert.That(east, Is.EqualTo(("more_than", (int?)341, 342, (int?)null, "Syrian Observatory for Human Rights", true, "day")));
        var vague = (await Rows<(int Low, int? High, string Phrase)>(
            "SELECT low, high, phrase FROM claims WHERE qualifier = 'vague'")).Single();
        Assert.That(vague, Is.EqualTo((20_000, (int?)99_999, "tens of thousands")));
    }

    [Test]
    public async Task Own_jsonl_format_links_a_subset_to_its_parent_record()
    {
        var summary = await Ingest(Sample("feeds", "monitor-claims.jsonl"));

        Assert.That(summary.Records, Is.EqualTo(3));
        var link = (await Rows<(int ChildValue, int ParentValue)>("""
            SELECT child.value, parent.value FROM claim_parents cp
            JOIN claims child ON child.id = cp.claim_id JOIN claims parent ON parent.id = cp.parent_claim_id
            """)).Single();
        Assert.That(link, Is.EqualTo((45, 360)));
    }

    [Test]
    [Property("Issue", "14")]
    public async Task Own_format_place_unknown_to_the_gazetteer_keeps_its_name_inside_the_known_place_it_names_after_a_comma()
    {
        var file = Write("unknown-town.jsonl", string.Join('\n',
            """{"record_id": "1", "date": "2016-12-07", "outcome": "killed", "victims": "people", "value": 7, "place": "Tell Shihab, Idlib province"}""",
            """{"record_id": "2", "date": "2016-12-07", "outcome": "killed", "victims": "people", "value": 9, "place": "Tell Shihab"}"""));
        var summary = await Ingest(file);

        Assert.That(summary.Quarantined, Is.Zero);
        var places = await Rows<(string? Key, string Name)>("""
            SELECT p.key, c.place_name FROM claims c LEFT JOIN places p ON p.id = c.place_id ORDER BY c.value
            """);
        Assert.That(places, Is.EqualTo(new[] { ("syria/idlib-governorate", "Tell Shihab, Idlib province"), ((string?)null, "Tell Shihab") }));
    }

    [Test]
    public async Task Ged_event_becomes_a_total_with_ucdp_bounds_and_its_parts_by_victim_group_and_side()
    {
        await Ingest(Sample("feeds", "ucdp-ged-sample.csv"));

        var claims = await Rows<(int Ordinal, string Victims, string? VictimSide, string Qualifier, int Low, int? High, int? Best, string? PerpetratorSide, int? Parent)>("""
            SELECT c.ordinal, c.victims, c.victim_side, c.qualifier, c.low, c.high, c.best, c.perpetrator_side, c.parent_ordinal
            FROM claims c JOIN feed_records f ON f.id = c.record_id
            WHERE f.dataset = 'ucdp-ged' AND f.record_key = '164455' ORDER BY c.ordinal
            """);
        Assert.That(claims, Is.EqualTo(new[]
        {
            (0, "people", (string?)null, "range", 22, (int?)29, (int?)22, (string?)null, (int?)null),
            (1, "combatants", "government", "exact", 4, 4, 4, "opposition", 0),
            (2, "combatants", "opposition", "exact", 11, 11, 11, "government", 0),
            (3, "civilians", null, "exact", 7, 7, 7, null, 0),
        }));
        var record = (await Rows<(string EventKey, string WherePrec, string DatePrec)>("""
            SELECT event_key, details->>'where_prec', details->>'date_prec' FROM feed_records WHERE record_key = '164455'
            """)).Single();
        Assert.That(record, Is.EqualTo(("ged:164455", "1", "1")));
        var oneSided = await Rows<string?>("""
            SELECT c.perpetrator_side FROM claims c JOIN feed_records f ON f.id = c.record_id WHERE f.record_key = '164512'
            """);
        Assert.That(oneSided, Is.All.EqualTo("government"));
    }

    [Test]
    public async Task Ged_row_breaking_low_best_high_is_stored_as_published_and_flagged()
    {
        var summary = await Ingest(Sample("feeds", "ucdp-ged-sample.csv"));

        var row = (await Rows<(int Low, int? High, int? Best, string[] Flags)>("""
            SELECT c.low, c.high, c.best, f.flags FROM claims c JOIN feed_records f ON f.id = c.record_id
            WHERE f.record_key = '164577' AND c.ordinal = 0
            """)).Single();
        Assert.That((row.Low, row.High, row.Best), Is.EqualTo((5, (int?)7, (int?)8)));
        Assert.That(row.Flags, Does.Contain("best_outside_low_high"));
        var inView = await Rows<string[]>("""
            SELECT v.record_flags FROM v_claims v JOIN feed_records f ON f.id = v.record_id WHERE f.record_key = '164577'
            """);
        Assert.That(inView, Is.Not.Empty.And.All.Contains("best_outside_low_high"), "readers of v_claims see the flag too");
        Assert.That(summary.Warnings, Is.EqualTo(1));
        Assert.That(summary.Quarantined, Is.Zero);
    }

    [Test]
    public async Task Acled_fatalities_become_one_claim_of_acled_with_actor1_as_perpetrator_only_where_the_event_type_names_one()
    {
        await Ingest(Sample("feeds", "acled-sample.csv"));

        var claims = await Rows<(string Key, string Victims, int Value, string? Perpetrator, string? PerpetratorSide, string Source, string? Quote)>("""
            SELECT f.record_key, c.victims, c.value, c.perpetrator, c.perpetrator_side, s.name, c.quote
            FROM claims c JOIN feed_records f ON f.id = c.record_id JOIN sources s ON s.id = c.source_id ORDER BY f.record_key
            """);
        Assert.That(claims.Select(c => (c.Key, c.Victims, c.Value, c.Perpetrator, c.PerpetratorSide)), Is.EqualTo(new[]
        {
            ("SYR87012", "civilians", 21, (string?)"Military Forces of Syria (2000-2024)", (string?)"government"),
            ("SYR87044", "people", 15, null, null),
            ("SYR87101", "civilians", 3, "Unidentified Armed Group (Syria)", null),
        }));
        Assert.That(claims.Select(c => c.Source), Is.All.EqualTo("Armed Conflict Location & Event Data Project"));
        Assert.That(claims[0].Quote, Does.StartWith("On 8 December 2016"));
        var sources = await Scalar<string>("SELECT details->>'source' FROM feed_records WHERE record_key = 'SYR87012'");
        Assert.That(sources, Is.EqualTo("SOHR; Syrian Civil Defence"));
        Assert.That(await Scalar<long>("SELECT count(*) FROM feed_records WHERE record_key = 'SYR87045'"), Is.EqualTo(1),
            "an event without fatalities is kept as a record without claims");
    }

    [Test]
    public async Task Older_acled_layout_with_dates_like_9_May_20_is_read()
    {
        var summary = await Ingest(Sample("feeds", "acled-legacy-sample.csv"));

        Assert.That(summary.Quarantined, Is.Zero);
        var dates = await Rows<DateTime>("SELECT start_date FROM claims ORDER BY start_date");
        Assert.That(dates.Select(DateOnly.FromDateTime), Is.EqualTo(new[] { new DateOnly(2020, 5, 9), new DateOnly(2020, 5, 10) }));
    }

    [Test]
    public async Task Csv_missing_a_required_column_is_quarantined_naming_the_column()
    {
        var path = Write("partial-ged.csv", "id,type_of_violence,side_a,side_b,date_start,date_end,deaths_a,deaths_b,deaths_civilians,best,low,high\n1,1,A,B,2016-01-01,2016-01-01,1,1,1,3,3,3\n");

        var summary = await Ingest(path);

        Assert.That(summary.Quarantined, Is.EqualTo(1));
        Assert.That(await Scalar<string>("SELECT reason FROM quarantine"), Is.EqualTo("missing required column 'deaths_unknown' for the ucdp-ged layout"));
    }

    [Test]
    public async Task Stream_ingestion_reads_the_format_from_the_content_type()
    {
        await using var stream = File.OpenRead(Sample("feeds", "monitor-claims.jsonl"));

        var summary = await Ingestor.IngestStream("https://monitor.example/feed", "application/x-ndjson", stream, new IngestOptions(), CancellationToken.None);

        Assert.That(summary.Records, Is.EqualTo(3));
        Assert.That(await Scalar<string>("SELECT DISTINCT origin FROM feed_records"), Is.EqualTo("https://monitor.example/feed"));
    }
}
