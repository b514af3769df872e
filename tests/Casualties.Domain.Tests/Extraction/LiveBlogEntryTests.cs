using Casualties.Domain.Model;

namespace Casualties.Domain.Tests.Extraction;

/// <summary>
/// A live blog's entries open with their time ("12:30", "Friday 18:40 -", "09:25 UPDATE:"): the entry's sentence is
/// read from after the time, so its speaker and its dates are read as in any sentence. Places here are made up.
/// </summary>
[Property("Issue", "16")]
public sealed class LiveBlogEntryTests
{
    private static readonly DateOnly Day = new(2026, 7, 25);

    private static Claim Only(string text) => TestData.OnlyClaim(text, Day);

    [TestCase("LIVE: border clashes, day three\n\n12:30 The Kanchana Army Region says 5 soldiers have died since Thursday.")]
    [TestCase("LIVE: border clashes, day three\n\nFriday 12:30 - The Kanchana Army Region says 5 soldiers have died since Thursday.")]
    [TestCase("LIVE: border clashes, day three\n\n12:30 UPDATE: The Kanchana Army Region says 5 soldiers have died since Thursday.")]
    [TestCase("LIVE: border clashes, day three. 11:15 Good morning. 12:30 The Kanchana Army Region says 5 soldiers have died since Thursday.")]
    public void An_entrys_time_does_not_hide_its_speaker(string text)
    {
        var claim = Only(text);
        Assert.That(claim.Source, Is.EqualTo("Kanchana Army Region"));
        Assert.That(claim.Period.Start?.ToString(), Is.EqualTo("2026-07-23"));
    }

    [Test]
    public void A_clock_time_inside_a_sentence_is_no_entry()
        => Assert.That(Only("The Kanchana Army Region said at 12:30 that 5 soldiers had died since Thursday.").Source, Is.EqualTo("Kanchana Army Region"));
}
