using System.Text;
using NUnit.Framework;

namespace Casualties.Ingestion.Tests;

[Property("Issue", "5")]
public sealed class MessyInputTests : IngestFixture
{
    private const string Header = "record_id,date,outcome,victims,value,place,quote";

    [Test]
    public async Task Byte_order_mark_and_crlf_line_ends_are_read_like_a_clean_file()
    {
        var clean = Header + "\na,2016-12-07,killed,people,5,Syria,five\nb,2016-12-07,killed,civilians,3,Syria,three\n";
        var messy = "\uFEFF" + clean.Replace("\n", "\r\n", StringComparison.Ordinal);
        var path = WriteBytes("messy.csv", Encoding.UTF8.GetBytes(messy));

        var summary = await Ingest(path);

        Assert.That(summary.Records, Is.EqualTo(2));
        Assert.That(summary.Quarantined, Is.Zero);
        Assert.That(await Rows<string>("SELECT quote FROM claims ORDER BY quote"), Is.EqualTo(new[] { "five", "three" }));
    }

    [Test]
    public async Task Truncated_last_line_is_quarantined_and_the_rows_before_it_are_stored()
    {
        var path = Write("cut.csv", Header + "\na,2016-12-07,killed,people,5,Syria,five\nb,2016-12-07,kil");

        var summary = await Ingest(path);

        Assert.That(summary.Records, Is.EqualTo(1));
        var entry = (await Rows<(int Line, string Reason, string Raw)>("SELECT line, reason, raw FROM quarantine")).Single();
        Assert.That(entry.Line, Is.EqualTo(3));
        Assert.That(entry.Reason, Is.EqualTo("row has 3 field(s), the header has 7 (truncated line?)"));
        Assert.That(entry.Raw, Is.EqualTo("b,2016-12-07,kil"));
    }

    [Test]
    public async Task Latin1_bytes_in_a_utf8_file_are_read_as_latin1_and_reported()
    {
        var bytes = Encoding.UTF8.GetBytes(Header + "\na,2016-12-07,killed,people,5,Syria,caf")
            .Concat(new byte[] { 0xE9 })
            .Concat(Encoding.UTF8.GetBytes(" in Homs\n"))
            .ToArray();
        var path = WriteBytes("latin1.csv", bytes);

        var summary = await Ingest(path);

        Assert.That(summary.Records, Is.EqualTo(1));
        Assert.That(await Scalar<string>("SELECT quote FROM claims"), Is.EqualTo("café in Homs"));
        Assert.That(summary.Warnings, Is.EqualTo(1));
        Assert.That(summary.Problems, Has.Some.Contains("1 byte(s) were not valid UTF-8 and were read as Latin-1"));
    }

    [Test]
    public async Task Quoted_field_with_line_breaks_is_one_value_and_later_rows_keep_their_line_numbers()
    {
        var path = Write("multiline.csv", Header +
            "\na,2016-12-07,killed,people,5,Syria,\"first line\nsecond line\nthird line\"\nb,2016-12-07,vanished,people,3,Syria,bad\n");

        var summary = await Ingest(path);

        Assert.That(summary.Records, Is.EqualTo(1));
        Assert.That(await Scalar<string>("SELECT quote FROM claims"), Is.EqualTo("first line\nsecond line\nthird line"));
        Assert.That(await Scalar<int>("SELECT line FROM quarantine"), Is.EqualTo(5));
    }

    [Test]
    public async Task Unterminated_quote_quarantines_the_rest_of_the_file_and_keeps_what_came_before()
    {
        var path = Write("quote.csv", Header + "\na,2016-12-07,killed,people,5,Syria,fine\nb,2016-12-07,killed,people,3,Syria,\"never closed\nc,2016-12-07,killed,people,1,Syria,lost\n");

        var summary = await Ingest(path);

        Assert.That(summary.Records, Is.EqualTo(1));
        Assert.That(summary.Quarantined, Is.EqualTo(1));
        Assert.That(await Scalar<int>("SELECT line FROM quarantine"), Is.EqualTo(3));
    }

    [Test]
    public async Task Unknown_file_types_and_binary_garbage_are_quarantined_not_crashed_on()
    {
        var binary = WriteBytes("image.bin", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0xFF]);
        var garbage = WriteBytes("garbage.csv", [0x00, 0xFF, 0x2C, 0x0A, 0x22, 0x00, 0x2C, 0x0A]);

        var summary = await Ingest(binary, garbage);

        Assert.That(summary.Quarantined, Is.EqualTo(2));
        Assert.That(await Rows<string>("SELECT reason FROM quarantine ORDER BY origin"),
            Has.Some.StartsWith("unrecognised format").And.Some.StartsWith("the CSV header cannot be read"));
    }

    [Test]
    public async Task Document_over_the_size_limit_is_quarantined()
    {
        var path = Write("long.txt", " date 2016-12-07 " + new string('x', 5_000));

        var summary = await Ingest(new IngestOptions { MaxDocumentBytes = 1_000 }, path);

        Assert.That(summary.Quarantined, Is.EqualTo(1));
        Assert.That(await Scalar<string>("SELECT reason FROM quarantine"), Does.Contain("over the 1,000-byte limit"));
    }
}
