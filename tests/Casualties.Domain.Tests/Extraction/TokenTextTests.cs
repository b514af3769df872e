using Casualties.Domain.Extraction;

namespace Casualties.Domain.Tests.Extraction;

/// <summary>Word tests by index: case-insensitive as <see cref="StringComparison.OrdinalIgnoreCase"/> is, for any letters.</summary>
[Property("Issue", "18")]
public sealed class TokenTextTests
{
    [TestCase("Killed in Kharkiv", 0, "killed", true)]
    [TestCase("killed in Kharkiv", 2, "KHARKIV", true)]
    [TestCase("killed in Kharkiv", 2, "Kharkov", false)]
    [TestCase("killed in Kharkiv", 1, "on", false)]
    [TestCase("Élysée said", 0, "élysée", true)]
    [TestCase("ÉLYSÉE said", 0, "Élysée", true)]
    [TestCase("Élysée said", 0, "Elysee", false)]
    [TestCase("Łódź police", 0, "łódź", true)]
    [TestCase("Київ said", 0, "київ", true)]
    [TestCase("@ said", 0, "`", false)]
    [TestCase("killed", 1, "killed", false)]
    [TestCase("killed", -1, "killed", false)]
    public void A_token_is_a_word_as_ordinal_ignore_case_compares_them(string text, int index, string word, bool expected)
    {
        var tokens = TokenText.Of(text);

        Assert.Multiple(() =>
        {
            Assert.That(tokens.Is(index, word), Is.EqualTo(expected));
            Assert.That(tokens.IsAny(index, "nothing", word, "else"), Is.EqualTo(expected));
            Assert.That(tokens.IsAny(index, "nothing", "else"), Is.False);
        });
    }

    [Test]
    public void Tokens_reused_for_the_next_line_are_read_after_a_refresh()
    {
        var tokens = new TokenText("one two three", Tokenizer.Tokenize("one two three"));
        Assert.That(tokens.Count, Is.EqualTo(3));

        tokens.Tokens.Clear();
        Tokenizer.Tokenize(tokens.Text, 4, 7, tokens.Tokens);
        tokens.Refresh();

        Assert.Multiple(() =>
        {
            Assert.That(tokens.Count, Is.EqualTo(1));
            Assert.That(tokens.Is(0, "two"), Is.True);
            Assert.That(tokens.InRange(1), Is.False);
            Assert.That(tokens[1].IsEmpty, Is.True);
        });
    }

    /// <summary>
    /// The number parser and the alliance rule search a token for a hyphen only when this says it has one: it must be true
    /// for every token holding any hyphen the tokenizer joins on, and false for the rest.
    /// </summary>
    [TestCase("pro-regime forces", 0, true)]
    [TestCase("US\u2010Saudi strikes", 0, true)]
    [TestCase("killed 20\u201330 people", 1, true)]
    [TestCase("a 12-year-old boy", 1, true)]
    [TestCase("forty\u2011four dead", 0, true)]
    [TestCase("Syrian\u2012Russian forces", 0, true)]
    [TestCase("pro- regime", 0, false)]
    [TestCase("killed 1,200 people", 1, false)]
    [TestCase("Syrian forces", 0, false)]
    [TestCase("Syrian forces", 5, false)]
    public void A_token_says_whether_hyphens_join_it(string text, int index, bool expected)
    {
        var tokens = TokenText.Of(text);

        Assert.Multiple(() =>
        {
            Assert.That(tokens.IsHyphenated(index), Is.EqualTo(expected));
            Assert.That(tokens[index].IndexOfAny("-\u2010\u2011\u2012\u2013") >= 0, Is.EqualTo(expected));
        });
    }
}
