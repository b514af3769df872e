using Casualties.Domain.Model;

namespace Casualties.Domain.Tests.Extraction;

/// <summary>
/// A war between two states no seeded conflict covers, read from nationality words: once the text shows both states'
/// forces attacking, each attack is its state's side (not "government", whichever came first), and victims the text
/// gives one state's nationality with no attacker named were hit by the other. Villages here are made up.
/// </summary>
[Property("Issue", "16")]
public sealed class InterstateSideTests
{
    private static readonly DateOnly Day = new(2026, 9, 16);

    private static IReadOnlyList<Claim> Read(string text) => TestData.Extract(text, Day);

    [TestCase("LIMA (Wire) - Peruvian jets bombed the hamlet of Yantzaza Alto on Tuesday, killing five civilians, Ecuadorean officials said. Ecuadorean troops shelled Peruvian positions near Cumbaza overnight.", "peru")]
    [TestCase("LIMA (Wire) - Ecuadorean troops shelled Peruvian positions near Cumbaza overnight. Peruvian jets bombed the hamlet of Yantzaza Alto on Tuesday, killing five civilians, Ecuadorean officials said.", "peru")]
    public void Each_states_attack_is_its_own_side_once_both_attack(string text, string side)
        => Assert.That(Read(text).Single().PerpetratorSide, Is.EqualTo(side));

    [TestCase("Ecuadorean troops shelled Peruvian positions near Cumbaza overnight. Peruvian artillery struck Yantzaza Alto. Four Ecuadorean soldiers have died since Monday, the Ecuadorean army said.", "peru")]
    [TestCase("Ecuadorean troops shelled Peruvian positions near Cumbaza overnight. Peruvian artillery struck Yantzaza Alto. Nine Peruvian civilians have been killed since Monday, the Peruvian health ministry said.", "ecuador")]
    public void Victims_of_one_state_with_no_attacker_were_hit_by_the_other(string text, string side)
        => Assert.That(Read("LIMA (Wire) - " + text).Single().PerpetratorSide, Is.EqualTo(side));

    [Test]
    public void A_figure_of_the_same_victims_after_them_is_counted_the_same_way()
    {
        var claims = Read("LIMA (Wire) - Ecuadorean troops shelled Peruvian positions near Cumbaza overnight. Peruvian artillery struck Yantzaza Alto. Nine Peruvian civilians were killed and 14 wounded, the Peruvian health ministry said.");
        Assert.That(claims.Select(c => c.PerpetratorSide), Is.EqualTo(new[] { "ecuador", "ecuador" }));
    }

    [Test]
    public void With_one_state_attacking_its_own_victims_get_no_side()
        => Assert.That(Read("LIMA (Wire) - Peruvian troops raided Yantzaza Alto on Tuesday. Nine Peruvian civilians have been killed since Monday, the Peruvian health ministry said.").Single().PerpetratorSide, Is.Null);
}
