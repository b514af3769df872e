using Casualties.Domain.Model;

namespace Casualties.Domain.Tests.Extraction;

/// <summary>
/// A civil war in a country no seeded conflict covers has two sides (domain.md: government and opposition): the state's
/// men killed or wounded with no one named fell to the opposition, the armed men the state fights to the government.
/// Not in a war between states, not for another state's men, not for civilians or the missing. Villages
/// here are made up; Peru is covered by no seeded conflict.
/// </summary>
[Property("Issue", "16")]
public sealed class UnnamedCivilWarSideTests
{
    private static readonly DateOnly Day = new(2026, 9, 16);

    private static Claim ReadOne(string sentence) => Read(sentence).Single();

    private static IReadOnlyList<Claim> Read(string sentence) => TestData.Extract("LIMA, Peru (Wire) - Violence in Peru's Puno region has grown this year. " + sentence, Day);

    [TestCase("Four soldiers were killed in an ambush near Sanquilpampa on Tuesday, the army said.", "opposition")]
    [TestCase("Two policemen were wounded in Tirucocha Baja overnight, officials said.", "opposition")]
    [TestCase("Six terrorists were killed in an operation near Sanquilpampa on Tuesday, the army said.", "government")]
    [TestCase("Eight militants were killed in Tirucocha Baja overnight, police said.", "government")]
    public void Who_the_figure_counts_gives_the_other_side(string sentence, string side)
    {
        var claim = ReadOne(sentence);
        Assert.Multiple(() =>
        {
            Assert.That(claim.PerpetratorSide, Is.EqualTo(side));
            Assert.That(claim.Perpetrator, Is.Null, "only the side is read; no actor is named");
        });
    }

    [TestCase("Five civilians were killed in Tirucocha Baja overnight, officials said.")]
    [TestCase("Four soldiers were missing after an ambush near Sanquilpampa, the army said.")]
    public void Civilians_and_the_missing_get_no_side(string sentence)
        => Assert.That(ReadOne(sentence).PerpetratorSide, Is.Null);

    [Test]
    public void Each_of_two_kinds_of_victims_fell_to_the_other_side()
        => Assert.That(Read("Four soldiers and six militants were killed in clashes near Sanquilpampa, officials said.").Select(c => c.PerpetratorSide),
            Is.EqualTo(new[] { "opposition", "government" }));

    [Test]
    public void Not_in_a_war_between_states()
        => Assert.That(ReadOne("Ecuadorean artillery shelled Tirucocha Baja overnight. Four soldiers were killed near Sanquilpampa, the army said.").PerpetratorSide,
            Is.Not.EqualTo("opposition"));

    [Test]
    public void Not_for_another_states_men()
        => Assert.That(ReadOne("Four Ecuadorean soldiers were killed near Sanquilpampa on Tuesday, officials said.").PerpetratorSide, Is.Null);

    [Test]
    public void A_nationality_word_in_the_speakers_name_is_no_attacker()
        => Assert.That(ReadOne("Three soldiers were killed on Tuesday in Juliaca, the Peruvian Army's Fourth Division reported on Wednesday.").PerpetratorSide,
            Is.EqualTo("opposition"));

    [Test]
    public void A_name_after_a_place_and_a_comma_is_where_the_place_lies_not_the_speaker()
        => Assert.That(ReadOne("Three soldiers were killed on Tuesday in Juliaca, Alto Quenamari, the army said on Wednesday.").Source, Is.EqualTo("army"));
}
