using Casualties.Domain.Extraction;
using Casualties.Domain.Model;

namespace Casualties.Domain.Tests.Extraction;

/// <summary>
/// Sources named the way wire copy and releases name them: a body's bare noun referring back to the body named earlier
/// (spoken or not), the issuer of a report or figures after "according to", an office a place's name makes one body, a
/// toll "put at" a figure, an office kept whole, and a French or Spanish title before a name. Phrasings written for the
/// rules, none taken from a corpus.
/// </summary>
[Property("Issue", "16")]
public sealed class BodyAnaphoraTests
{
    private static readonly DateOnly Saturday = new(2026, 3, 14);

    private static IReadOnlyList<Claim> Extract(string text) => new ClaimExtractor(TestData.Reference).Extract(text, Saturday);

    private static Claim Last(string text)
    {
        var claims = Extract(text);
        Assert.That(claims, Is.Not.Empty);
        return claims[^1];
    }

    [TestCase("HERMOSILLO - Soldiers of the National Defence Secretariat repelled an attack near the town of El Alamo on Sunday and killed three gunmen, the secretariat said in a statement.",
        "National Defence Secretariat")]
    [TestCase("BUNIA - The Ituri Health Directorate opened a clinic in Bunia on Sunday. Twelve civilians were killed in Djugu on Saturday, the directorate said.",
        "Ituri Health Directorate")]
    [TestCase("BUNIA - Fighters attacked Djugu on Sunday. Twelve civilians were killed, the Kivu Relief Platform said. Four more died in hospital, the platform said on Monday.",
        "Kivu Relief Platform")]
    [TestCase("MAIDUGURI - The Damboa Disaster Response Agency sent trucks to the town. Nine people were killed there overnight, the agency said.",
        "Damboa Disaster Response Agency")]
    public void A_bare_noun_refers_back_to_the_body_the_text_named_with_it(string text, string source) =>
        Assert.That(Last(text).Source, Is.EqualTo(source));

    [TestCase("CULIACAN - A weekend of shootouts left at least 14 people dead, according to the daily report of the Sinaloa State Attorney General's Office.",
        "Sinaloa State Attorney General's Office")]
    [TestCase("CULIACAN - A weekend of shootouts left at least 14 people dead, according to figures from the Mexican Red Cross.", "Mexican Red Cross")]
    [TestCase("GOMA - At least 17 people were killed in Goma on Sunday, according to the latest tally by the Kivu Relief Platform.", "Kivu Relief Platform")]
    public void According_to_a_bodys_report_or_figures_is_that_body(string text, string source) =>
        Assert.That(Last(text).Source, Is.EqualTo(source));

    [TestCase("GOMA - At least 17 people have been killed in Goma since Sunday, the North Kivu provincial health secretariat said.",
        "North Kivu provincial health secretariat")]
    [TestCase("BENI - Twenty-two people were killed in Oicha on Friday, the Lubero territorial health bureau said.", "Lubero territorial health bureau")]
    public void An_office_a_named_place_qualifies_is_kept_as_written(string text, string source) =>
        Assert.That(Last(text).Source, Is.EqualTo(source));

    [TestCase("OUAGADOUGOU - Gunmen killed 27 civilians in Dablo on Wednesday. The prefect on Friday put the toll at 31 dead.", "prefect")]
    [TestCase("OUAGADOUGOU - Gunmen killed 27 civilians in Dablo on Wednesday. Issouf Sawadogo, the prefect, put the death toll at 31 on Friday.", "Issouf Sawadogo")]
    [TestCase("OUAGADOUGOU - Gunmen killed 27 civilians in Dablo on Wednesday. The regional hospital places the number of dead at 31.", "regional hospital")]
    public void Who_puts_the_toll_at_a_figure_is_its_source(string text, string source) =>
        Assert.That(Last(text).Source, Is.EqualTo(source));

    [Test]
    public void A_toll_put_at_a_figure_on_a_later_day_counts_the_event_told_before()
    {
        var claim = Last("OUAGADOUGOU - Gunmen killed 27 civilians in Dablo on Wednesday. The prefect on Friday put the toll at 31 dead.");
        Assert.That(claim.Period.Start?.ToString(), Is.EqualTo("2026-03-11"));
    }

    [TestCase("BENI - Fighters attacked the village of Mayikengo on Tuesday. According to the territorial administrator, at least 38 civilians were killed.",
        "territorial administrator")]
    [TestCase("BENI - Fighters attacked the village of Mayikengo on Tuesday. At least 38 civilians were killed, the chiefdom administrator said.",
        "chiefdom administrator")]
    public void An_office_that_names_no_body_without_its_role_is_kept_whole(string text, string source) =>
        Assert.That(Last(text).Source, Is.EqualTo(source));

    [TestCase("BENI - A separate attack killed seven people, the mayor of Beni, Commissaire Narcisse Muteba Kashale, said.", "Narcisse Muteba Kashale")]
    [TestCase("CULIACAN - Gunmen killed four people at a party on Saturday, said the police chief, Comandante Luis Ortega.", "Luis Ortega")]
    public void A_french_or_spanish_title_is_no_part_of_the_name(string text, string source) =>
        Assert.That(Last(text).Source, Is.EqualTo(source));
}
