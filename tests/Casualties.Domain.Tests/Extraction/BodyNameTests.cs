using Casualties.Domain.Model;

namespace Casualties.Domain.Tests.Extraction;

/// <summary>
/// A body the reference data lacks, named the ways wire copy names it: after its kind ("the rights group Voix du Kivu"),
/// and as an apposition with its short name in brackets before the verb ("The army's media wing, Inter-Services Public
/// Relations (ISPR), says"). A role before a person's name still gives the person.
/// </summary>
[Property("Issue", "16")]
public sealed class BodyNameTests
{
    private static readonly DateOnly Day = new(2025, 10, 8);

    private static Claim Only(string text) => TestData.OnlyClaim(text, Day);

    [TestCase("The rights group Voix du Kivu said 11 civilians were killed in Orakzai district on Tuesday night.", "Voix du Kivu")]
    [TestCase("Eleven civilians were killed in Orakzai district on Tuesday, according to the monitoring group Conflict Watch Pakistan.", "Conflict Watch Pakistan")]
    [TestCase("The aid agency Mercy Relief said 11 civilians were killed in a village of Orakzai district on Tuesday.", "Mercy Relief")]
    [TestCase("Eleven civilians were wounded in Orakzai district on Tuesday, the charity Hands of Hope said.", "Hands of Hope")]
    public void A_body_named_after_its_kind_is_the_source(string text, string source) => Assert.That(Only(text).Source, Is.EqualTo(source));

    [TestCase("The army's media wing, Inter-Services Public Relations (ISPR), says 11 soldiers were killed in Orakzai district on Tuesday.", "Inter-Services Public Relations")]
    [TestCase("A local monitor, the Kivu Peace Network (KPN), said 11 civilians were killed in a village of Orakzai district on Tuesday.", "Kivu Peace Network")]
    public void A_named_apposition_with_its_short_name_before_the_verb_is_the_source(string text, string source) =>
        Assert.That(Only(text).Source, Is.EqualTo(source));

    [TestCase("Eleven civilians were killed in Orakzai district on Tuesday, police spokesman Aziz Khan said.", "Aziz Khan")]
    [TestCase("Council chairman Peter Lodu said 11 civilians were killed in a village of Orakzai district on Tuesday.", "Peter Lodu")]
    public void A_role_before_a_persons_name_still_gives_the_person(string text, string source) =>
        Assert.That(Only(text).Source, Is.EqualTo(source));

    [TestCase("The death toll in the Bannu blast has climbed to nine, Dr. Imran Wazir, the medical superintendent of the district hospital, said.", "Imran Wazir")]
    [TestCase("Nine people were killed in the Bannu blast, said Dr. Imran Wazir, the superintendent of the district hospital.", "Imran Wazir")]
    [TestCase("Gen. Ali Musa said nine soldiers were killed in an ambush in Bannu district on Tuesday.", "Ali Musa")]
    public void An_abbreviated_title_with_its_stop_is_no_end_of_the_name(string text, string source) =>
        Assert.That(Only(text).Source, Is.EqualTo(source));
}
