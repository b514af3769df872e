using Casualties.Domain.Model;

namespace Casualties.Domain.Tests.Extraction;

/// <summary>
/// The issuer of a bulletin or release whose header is written as a sentence rather than a line of its own
/// ("PRESS RELEASE - X (XY), City, date.", "X (XY) - WEEKLY BULLETIN No. 9, covering ..."), shouted in capitals, or a
/// title sentence ("MINISTRY OF X.") before the kind of document; the issuer's acronym or initials stand for it later.
/// Bodies, people and villages here are made up.
/// </summary>
[Property("Issue", "16")]
public sealed class HeaderIssuerTests
{
    private static readonly DateOnly Day = new(2026, 10, 9);

    private static IReadOnlyList<Claim> Read(string text) => TestData.Extract(text, Day);

    [TestCase("PRESS RELEASE - Kivu Lakes Rights Coalition (KLRC), Bukavu, 9 October 2026. The coalition condemns the killing of 12 civilians in Kabuyi on Sunday.")]
    [TestCase("PRESS RELEASE | Kivu Lakes Rights Coalition | Bukavu | 9 October 2026. The coalition condemns the killing of 12 civilians in Kabuyi on Sunday.")]
    [TestCase("KIVU LAKES RIGHTS COALITION (KLRC) - WEEKLY BULLETIN No. 41, covering 1 to 7 October 2026. SUMMARY: Armed men killed 12 civilians in Kabuyi on Sunday.")]
    [TestCase("KIVU LAKES RIGHTS COALITION (Coalition des Droits des Lacs) - Monthly security bulletin, September 2026. KEY FIGURES: In September, 12 civilians were killed in Kabuyi.")]
    public void A_header_written_as_a_sentence_names_the_issuer(string text)
    {
        var claims = Read(text);
        Assert.That(claims, Has.Count.EqualTo(1));
        Assert.That(claims[0].Source, Is.EqualTo("Kivu Lakes Rights Coalition"));
    }

    [TestCase("KIVU LAKES RIGHTS COALITION (KLRC) - WEEKLY BULLETIN No. 41. Armed men killed 12 civilians in Kabuyi on Sunday. Since January, KLRC has documented 301 civilian deaths in the province.")]
    [TestCase("KIVU LAKES RIGHTS COALITION - Monthly bulletin, September 2026. Armed men killed 12 civilians in Kabuyi on Sunday. Since January, KLRC has documented 301 civilian deaths in the province.")]
    public void The_issuers_acronym_or_initials_stand_for_it(string text)
    {
        var claims = Read(text);
        Assert.That(claims.Select(c => c.Source), Is.EqualTo(new[] { "Kivu Lakes Rights Coalition", "Kivu Lakes Rights Coalition" }));
    }

    [TestCase("GOMA (Wire) - At least 12 civilians were killed in Kabuyi on Sunday, according to the Goma-based Centre for Lakes Conflict Studies. CLCS said on Monday that 301 people had been killed in the province since January.", "Centre for Lakes Conflict Studies")]
    [TestCase("GOMA (Wire) - The Inter-Lakes Public Relations (ILPR) said 12 civilians were killed in Kabuyi on Sunday. ILPR said on Monday that 301 people had been killed in the province since January.", "Inter-Lakes Public Relations")]
    public void A_bodys_initials_stand_for_it_after_its_name(string text, string body)
        => Assert.That(Read(text).Select(c => c.Source), Is.EqualTo(new[] { body, body }));

    [Test]
    public void A_title_sentence_before_the_kind_of_document_is_its_issuer()
    {
        var claims = Read("REPUBLIC OF NORLAND - Unity-Work-Progress. MINISTRY OF TERRITORIAL ADMINISTRATION. PRESS RELEASE No. 0217/2026. The Government informs the public that armed men attacked the locality of Kabuyi on Sunday. Eight civilians were killed.");
        Assert.That(claims.Single().Source, Is.EqualTo("Ministry of Territorial Administration"));
    }

    [TestCase("STATEMENT BY THE KIVU LAKES RIGHTS COALITION ON THE KABUYI ATTACK\n\nArmed men killed 12 civilians in Kabuyi on Sunday, a village chief, Amani Bisimwa, said.")]
    [TestCase("KIVU LAKES RIGHTS COALITION HOLDS ITS ANNUAL MEETING - Bukavu. Armed men killed 12 civilians in Kabuyi on Sunday, a village chief, Amani Bisimwa, said.")]
    public void A_shouted_line_that_is_not_a_header_names_no_issuer(string text)
        => Assert.That(Read(text).Single().Source, Is.EqualTo("Amani Bisimwa"));
}
