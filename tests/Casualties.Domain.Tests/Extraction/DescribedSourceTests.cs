using Casualties.Domain.Extraction;
using Casualties.Domain.Model;

namespace Casualties.Domain.Tests.Extraction;

/// <summary>
/// Sources named after they are described, by a short name, or by the document itself: a lead's "a rights group said"
/// named in the next sentences, "(ACRONYM)" and "the Coordination" for a body named in full, a release's publisher,
/// and offices of other countries kept apart. Phrasings written for these rules, on places and bodies no seed has.
/// </summary>
[Property("Issue", "16")]
public sealed class DescribedSourceTests
{
    private static readonly DateOnly Friday = new(2024, 3, 15);

    private static IReadOnlyList<Claim> Extract(string text) => new ClaimExtractor(TestData.Reference).Extract(text, Friday);

    private static Claim First(string text)
    {
        var claims = Extract(text);
        Assert.That(claims, Is.Not.Empty, "no claim read");
        return claims[0];
    }

    [TestCase("Gunmen killed nine villagers near the river on Monday, a local rights group said on Wednesday.\n\nThe Lakeside Human Rights League said in a statement that the attackers came at night.", "Lakeside Human Rights League")]
    [TestCase("According to a monitoring group, 40 people died in the clashes around the mine.\n\nThe Borderlands Conflict Observatory said the fighting began on Saturday.", "Borderlands Conflict Observatory")]
    [TestCase("At least 12 people were killed in the raid, residents and a rights body have said.\n\nIn a statement, the Mountain Rights Collective said the gunmen burned the market.", "Mountain Rights Collective")]
    [TestCase("Shelling killed 14 civilians in the camp on Tuesday, a volunteer group in the camp said.\n\nThe market was closed. The Kibera Response Room said water points were hit.", "Kibera Response Room")]
    public void A_described_body_is_the_one_the_next_sentences_name(string text, string source) =>
        Assert.That(First(text).Source, Is.EqualTo(source));

    [TestCase("Air strikes on a market killed 15 people, a local official said on Thursday. Joseph Tanui, commissioner of Marsabit county, said the jets struck twice.", "Joseph Tanui")]
    [TestCase("Eleven people died when the boat capsized, a district official said. District commissioner Amina Farah said the search went on.", "Amina Farah")]
    public void A_described_official_is_the_person_with_a_role_named_next(string text, string source) =>
        Assert.That(First(text).Source, Is.EqualTo(source));

    [TestCase("Air strikes killed 15 people in the market, a local official said. Witnesses said the jets struck twice.")]
    [TestCase("Air strikes killed 15 people in the market, a local rights group said. The town was calm on Saturday. Shops reopened on Sunday. Lakeside Human Rights League said it would publish a report.")]
    [TestCase("Bandits abducted 40 villagers, residents and a local official said. Police spokesman Mark Otieno put the number at 20.")]
    public void A_description_no_fitting_name_follows_closely_stays_unknown(string text) => Assert.That(First(text).Source, Is.Null);

    [TestCase("The Coastal Observatory for Human Rights (COHR) said seven people died in the fire. The COHR said three more were wounded.")]
    [TestCase("According to the Coastal Observatory for Human Rights (COHR), seven people died in the fire. Three more were wounded, the COHR said.")]
    public void A_bracketed_acronym_stands_for_the_body_named_in_full(string text)
    {
        var claims = Extract(text);
        Assert.That(claims.Select(c => c.Source), Is.All.EqualTo("Coastal Observatory for Human Rights"));
        Assert.That(claims, Has.Count.EqualTo(2));
    }

    [Test]
    public void An_acronym_set_beside_a_full_name_later_is_that_body_throughout()
    {
        var claims = Extract("Twenty inmates died in the riot, the prison authority PENSA said. The PENSA, the National Penitentiary Service of Kestria, said five guards were hurt.");
        Assert.That(claims.Select(c => c.Source), Is.All.EqualTo("National Penitentiary Service of Kestria"));
    }

    [TestCase("The Sahel Civil Society Coordination said 12 civilians died in Tamou. Since January, the Coordination has recorded 60 civilians killed in the region.", "Sahel Civil Society Coordination")]
    [TestCase("The Delta Peace Monitoring Network said 30 people were displaced. In 2023, the Network documented 112 homicides.", "Delta Peace Monitoring Network")]
    public void A_body_named_by_one_word_of_its_name_is_the_body_named_before(string text, string source) =>
        Assert.That(Extract(text)[^1].Source, Is.EqualTo(source));

    [TestCase("PRESS STATEMENT\n\nThe Lakeside Human Rights League condemns the attack on Mabati village, in which eight civilians were killed.\n\nThree other people are missing.")]
    [TestCase("Lakeside Human Rights League\nStatement No. 4 - Mabati, 14 March 2024\n\nEight civilians were killed in Mabati on Monday.\n\nThree other people are missing.")]
    [TestCase(" date 2024-03-14 Lakeside Human Rights League\nPress release\n\nEight civilians were killed in Mabati on Monday.\n\nThree other people are missing.")]
    public void A_release_is_its_publishers(string text)
    {
        var claims = Extract(text);
        Assert.That(claims, Has.Count.EqualTo(2));
        Assert.That(claims.Select(c => c.Source), Is.All.EqualTo("Lakeside Human Rights League"));
    }

    [Test]
    public void A_news_story_opening_with_a_body_is_not_its_release()
    {
        var claims = Extract("The Lakeside Human Rights League condemned the attack on Mabati village.\n\nEight civilians were killed in the attack, residents said.");
        Assert.That(claims.Single().Source, Is.Null);
    }

    [Test]
    public void An_office_qualified_by_another_country_is_not_the_office_named_before()
    {
        var claims = Extract("Kestria's interior ministry said four police officers were killed at the border. Dorvania's interior ministry said 11 attackers died.");
        Assert.That(claims.Select(c => c.Source), Is.EqualTo(new[] { "Kestria's interior ministry", "Dorvania's interior ministry" }));
    }

    [TestCase("Riverside Police said six people were shot dead in the market.")]
    [TestCase("Six people were shot dead in the market, Riverside Police said.")]
    public void A_name_several_countries_bodies_share_is_none_of_them_when_the_country_is_unknown(string text)
    {
        var source = First(text).Source;
        Assert.That(TestData.Reference.SourceNamed(source ?? "")?.Country, Is.Null, $"credited {source}");
    }

    [TestCase("Two men were shot dead at a checkpoint, district police chief Captain Joseph Mwangi said.", "Joseph Mwangi")]
    [TestCase("Two men were shot dead at a checkpoint, the Coastal Union of Journalists said.", "Coastal Union of Journalists")]
    public void A_rank_is_no_part_of_a_name_and_a_peoples_noun_may_end_one(string text, string source) =>
        Assert.That(First(text).Source, Is.EqualTo(source));
}
