using Casualties.Domain.Model;

namespace Casualties.Domain.Tests.Extraction;

/// <summary>
/// A person set off by a role whose words name a known body ("deputy provincial police chief") gives the figure himself
/// (domain.md: "the provincial governor, Ana Sitoe" → Ana Sitoe); a spokesman speaks for the body. Names are made up.
/// </summary>
[Property("Issue", "16")]
public sealed class RoleSourceTests
{
    private static readonly DateOnly Day = new(2018, 5, 18);

    private static Claim Only(string text) => TestData.OnlyClaim(text, Day);

    [TestCase("KABUL, Afghanistan (Wire) - Wahidullah Karimi, deputy provincial police chief, said nine soldiers were killed in Ghazni on Thursday.")]
    [TestCase("KABUL, Afghanistan (Wire) - Wahidullah Karimi, the provincial police chief, said nine soldiers were killed in Ghazni on Thursday.")]
    // Guard: after the verb, the starting code read the person already.
    [TestCase("KABUL, Afghanistan (Wire) - Nine soldiers were killed in Ghazni on Thursday, said Wahidullah Karimi, deputy provincial police chief.")]
    public void A_person_followed_by_a_role_naming_a_body_is_the_person(string text) =>
        Assert.That(Only(text).Source, Is.EqualTo("Wahidullah Karimi"));

    /// <summary>Guard: the body's spokesman, named after his title, speaks for the police (the starting code read it so).</summary>
    [Test]
    public void A_spokesman_named_after_his_title_speaks_for_the_body() =>
        Assert.That(Only("KABUL, Afghanistan (Wire) - The death toll has risen to 15, police spokesman Wahidullah Karimi told reporters in Ghazni on Thursday.").Source,
            Is.Not.EqualTo("Wahidullah Karimi"));
}
