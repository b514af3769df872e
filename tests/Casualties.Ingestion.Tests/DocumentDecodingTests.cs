using System.Text;
using Casualties.Ingestion.Input;
using NUnit.Framework;

namespace Casualties.Ingestion.Tests;

/// <summary>
/// A document is read whole (<see cref="TolerantUtf8.ReadAll"/>) without a stream reader's buffers (issue 18); it must
/// read every encoding and byte-order mark as that reader did, stray Latin-1 bytes counted the same.
/// </summary>
[Property("Issue", "18")]
public sealed class DocumentDecodingTests
{
    private static readonly string Text = " date 2021-03-04 Gunmen killed 12 villagers near Kérou, café owners said — «at least» 3 more.\r\nSecond line ✓";

    private static IEnumerable<TestCaseData> Encodings()
    {
        yield return new TestCaseData(new UTF8Encoding(false).GetBytes(Text)).SetName("UTF-8 without a byte-order mark");
        yield return new TestCaseData(Bytes(new UTF8Encoding(true), Text)).SetName("UTF-8 with a byte-order mark");
        yield return new TestCaseData(Bytes(Encoding.Unicode, Text)).SetName("UTF-16 little-endian with its mark");
        yield return new TestCaseData(Bytes(Encoding.BigEndianUnicode, Text)).SetName("UTF-16 big-endian with its mark");
        yield return new TestCaseData(Bytes(new UTF32Encoding(false, true), Text)).SetName("UTF-32 little-endian with its mark");
        yield return new TestCaseData(Bytes(new UTF32Encoding(true, true), Text)).SetName("UTF-32 big-endian with its mark");
        yield return new TestCaseData(Encoding.UTF8.GetBytes("Caf").Append((byte)0xE9).Concat(Encoding.UTF8.GetBytes(" near Kérou: 4 killed")).ToArray())
            .SetName("UTF-8 with a stray Latin-1 byte");
        yield return new TestCaseData(Array.Empty<byte>()).SetName("an empty file");
        yield return new TestCaseData(new byte[] { 0xEF, 0xBB }).SetName("a cut-off byte-order mark");
    }

    private static byte[] Bytes(Encoding encoding, string text) => [.. encoding.GetPreamble(), .. encoding.GetBytes(text)];

    [TestCaseSource(nameof(Encodings))]
    public void A_document_reads_as_the_stream_reader_read_it(byte[] bytes)
    {
        var before = new TolerantUtf8();
        string expected;
        using (var reader = before.Reader(new MemoryStream(bytes))) expected = reader.ReadToEnd();

        var now = new TolerantUtf8();
        var read = now.ReadAll(new MemoryStream(bytes), bytes.Length);

        Assert.That(read, Is.EqualTo(expected));
        Assert.That(now.FallbackBytes, Is.EqualTo(before.FallbackBytes));
        Assert.That(now.Warning("doc.txt"), Is.EqualTo(before.Warning("doc.txt")));
    }

    [Test]
    public void A_length_that_no_longer_matches_the_file_still_reads_all_of_it()
    {
        var bytes = Encoding.UTF8.GetBytes(Text);

        Assert.That(new TolerantUtf8().ReadAll(new MemoryStream(bytes), bytes.Length - 10), Is.EqualTo(Text), "the file grew");
        Assert.That(new TolerantUtf8().ReadAll(new MemoryStream(bytes), bytes.Length + 10), Is.EqualTo(Text), "the file shrank");
        Assert.That(new TolerantUtf8().ReadAll(new MemoryStream(bytes)), Is.EqualTo(Text), "no length");
    }

    [Test]
    public void The_stray_latin1_byte_is_counted_once()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("abc "), 0xE9, 0xE8, .. Encoding.UTF8.GetBytes(" é")];
        var decoding = new TolerantUtf8();

        Assert.That(decoding.ReadAll(new MemoryStream(bytes), bytes.Length), Is.EqualTo("abc éè é"));
        Assert.That(decoding.FallbackBytes, Is.EqualTo(2));
    }
}
