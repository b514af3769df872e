using System.Diagnostics;
using System.Text;
using Casualties.Domain.Extraction;
using Casualties.Domain.Reference;

namespace Casualties.Domain.Tests.Extraction;

[Property("Issue", "4")]
public sealed class BadInputTests
{
    private static readonly DateOnly Date = new(2016, 12, 7);

    private static ClaimExtractor Extractor() => new(ReferenceData.Empty);

    [Test]
    public void Empty_text_has_no_claims()
    {
        Assert.That(Extractor().Extract("", Date), Is.Empty);
    }

    [Test]
    public void Binary_junk_returns_a_result_quickly()
    {
        var random = new Random(4);
        var bytes = new byte[1 << 20];
        random.NextBytes(bytes);
        var junk = Encoding.Latin1.GetString(bytes);

        var watch = Stopwatch.StartNew();
        var claims = Extractor().Extract(junk, Date);

        Assert.That(claims, Is.Not.Null);
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public void Wrongly_decoded_text_returns_a_result()
    {
        var mangled = Encoding.UTF8.GetString(Encoding.Unicode.GetBytes("At least 25 civilians were killed on Tuesday."));

        Assert.That(() => Extractor().Extract(mangled, Date), Throws.Nothing);
    }

    [Test]
    public void Fifty_megabyte_document_is_read_in_linear_time()
    {
        var sentence = "The strike killed at least 25 people, including 4 others, and wounded 1,00,000 people on Tuesday. ";
        var builder = new StringBuilder(50 << 20);
        while (builder.Length < 50 << 20) builder.Append(sentence);
        var text = builder.ToString();

        var watch = Stopwatch.StartNew();
        var claims = Extractor().Extract(text, Date);

        Assert.That(claims, Is.Not.Empty);
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(60)));
    }

    [Test]
    public void One_endless_line_of_digits_and_hyphens_does_not_hang()
    {
        var text = string.Concat(Enumerable.Repeat("1,2-3.4-", 500_000)) + string.Concat(Enumerable.Repeat("a-", 500_000));

        var watch = Stopwatch.StartNew();
        var claims = Extractor().Extract(text, Date);

        Assert.That(claims, Is.Empty);
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)));
    }

    [TestCase("killed 1,00,000 people")]
    [TestCase("killed 999999999999 people")]
    [TestCase("killed 99999999999999999999999999 people")]
    public void Malformed_and_huge_numbers_never_become_claims(string text)
    {
        Assert.That(Extractor().Extract(text, Date), Is.Empty);
    }
}
