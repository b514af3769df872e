using System.Text;
using Casualties.Domain.Extraction;
using Casualties.Domain.Model;
using Casualties.Domain.Reference;

namespace Casualties.Domain.Tests.Extraction;

[Property("Issue", "4")]
public sealed class BadInputTests
{
    private static readonly DateOnly Date = new(2016, 12, 7);

    private static ClaimExtractor Extractor() => new(ReferenceData.Empty);

    /// <summary>
    /// Extracts on the thread pool and stops waiting when the test's [CancelAfter] deadline passes: a run that hangs
    /// fails the test instead of hanging the suite. The deadlines are generous; none of these tests measures speed.
    /// </summary>
    private static Task<IReadOnlyList<Claim>> ExtractWithin(string text, CancellationToken ct) =>
        Task.Run(() => Extractor().Extract(text, Date), ct).WaitAsync(ct);

    [Test]
    public void Empty_text_has_no_claims() => Assert.That(Extractor().Extract("", Date), Is.Empty);

    [Test, CancelAfter(120_000)]
    public async Task Binary_junk_returns_only_claims_quoted_from_it(CancellationToken ct)
    {
        var random = new Random(4);
        var bytes = new byte[1 << 20];
        random.NextBytes(bytes);
        var junk = Encoding.Latin1.GetString(bytes);

        var claims = await ExtractWithin(junk, ct);

        Assert.That(claims.Where(c => c.Span is not { } span || junk.AsSpan(span.Start, span.Length).ToString() != c.Quote), Is.Empty,
            "every claim's quote is the text at its span");
    }

    [Test]
    public void Wrongly_decoded_text_returns_a_result()
    {
        var mangled = Encoding.UTF8.GetString(Encoding.Unicode.GetBytes("At least 25 civilians were killed on Tuesday."));

        Assert.That(() => Extractor().Extract(mangled, Date), Throws.Nothing);
    }

    [Test, CancelAfter(600_000)]
    public async Task Fifty_megabyte_document_is_read_to_its_end(CancellationToken ct)
    {
        const string Sentence = "The strike killed at least 25 people, including 4 others, and wounded 1,00,000 people on Tuesday. ";
        const string Last = "A last strike killed 77 people on Wednesday.";
        var repeats = (50 << 20) / Sentence.Length;
        var text = new StringBuilder(repeats * Sentence.Length + Last.Length).Insert(0, Sentence, repeats).Append(Last).ToString();

        var claims = await ExtractWithin(text, ct);

        Assert.That(claims.Select(c => c.Quantity.Value), Does.Contain(25), "the first sentence's figure");
        Assert.That(claims.Where(c => c.Quantity.Value == 77).Select(c => c.Span?.Start), Is.EqualTo(new int?[] { text.Length - Last.Length }),
            "the last sentence's figure, 50 MB in");
    }

    [Test, CancelAfter(120_000)]
    public async Task One_endless_line_of_digits_and_hyphens_does_not_hang(CancellationToken ct)
    {
        var text = string.Concat(Enumerable.Repeat("1,2-3.4-", 500_000)) + string.Concat(Enumerable.Repeat("a-", 500_000));

        Assert.That(await ExtractWithin(text, ct), Is.Empty);
    }

    [TestCase("killed 1,00,000 people")]
    [TestCase("killed 999999999999 people")]
    [TestCase("killed 99999999999999999999999999 people")]
    public void Malformed_and_huge_numbers_never_become_claims(string text) => Assert.That(Extractor().Extract(text, Date), Is.Empty);
}
