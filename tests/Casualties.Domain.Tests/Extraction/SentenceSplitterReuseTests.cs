using Casualties.Domain.Extraction;

namespace Casualties.Domain.Tests.Extraction;

/// <summary>
/// The sentence splitter reuses one thread's token buffers from split to split (issue 18): each split still reads its
/// own text, and a split started inside another's callback gets buffers of its own.
/// </summary>
[Property("Issue", "18")]
public sealed class SentenceSplitterReuseTests
{
    private static List<string> Sentences(string text)
    {
        var sentences = new List<string>();
        SentenceSplitter.Split(text, 0, (tokens, from, to) => sentences.Add(tokens.Slice(from, to - 1)));
        return sentences;
    }

    [Test]
    public void Splits_one_after_another_each_read_their_own_text()
    {
        var first = Sentences("Shelling killed 12 people in Idlib on Monday. Rescuers said 40 were wounded.");
        var second = Sentences("Two died.");
        var third = Sentences("A drone strike hit Kharkiv overnight, the governor said. Nine people were hurt. Power was cut.");

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(new[] { "Shelling killed 12 people in Idlib on Monday.", "Rescuers said 40 were wounded." }));
            Assert.That(second, Is.EqualTo(new[] { "Two died." }));
            Assert.That(third, Is.EqualTo(new[] { "A drone strike hit Kharkiv overnight, the governor said.", "Nine people were hurt.", "Power was cut." }));
        });
    }

    [Test]
    public void A_split_inside_another_leaves_the_outer_tokens_as_they_were()
    {
        const string Outer = "Fighting went on near Marib for a week. The ministry gave no toll.";
        const string Inner = "An unrelated line with other words entirely, much longer than the outer sentence it interrupts.";
        var read = new List<string>();
        SentenceSplitter.Split(Outer, 0, (tokens, from, to) =>
        {
            SentenceSplitter.Split(Inner, 0, (_, _, _) => { });
            read.Add(tokens.Slice(from, to - 1));
            Assert.That(tokens.Text, Is.SameAs(Outer));
        });

        Assert.That(read, Is.EqualTo(new[] { "Fighting went on near Marib for a week.", "The ministry gave no toll." }));
    }
}
