using Casualties.Domain.Reference;

namespace Casualties.Domain.Tests.Reference;

/// <summary>A state's ministries as sources, generated for every country: one source whatever form the text names it by.</summary>
[Property("Issue", "16")]
public sealed class StateMinistriesTests
{
    private static readonly Place Armenia = new("armenia", "Armenia", null, "country", [], null, null);
    private static readonly Place Yerevan = new("armenia/yerevan", "Yerevan", "armenia", "city", [], null, null);
    private static readonly Demonym[] Demonyms = [new("Armenian", "armenia"), new("Armenians", "armenia")];

    [Test]
    public void Every_form_of_a_countrys_ministry_is_an_alias_of_one_source_named_by_its_nationality()
    {
        var generated = StateMinistries.For([], [Armenia, Yerevan], Demonyms);
        var defence = generated.Single(s => s.Name == "Armenian Ministry of Defence");
        Assert.Multiple(() =>
        {
            Assert.That(generated.Select(s => s.Name), Is.EquivalentTo(new[]
            {
                "Armenian Ministry of Defence", "Armenian Ministry of Health", "Armenian Ministry of Interior", "Armenian Ministry of Foreign Affairs",
            }), "one of each ministry for the country, none for a city");
            Assert.That(defence.Country, Is.EqualTo("armenia"));
            Assert.That(defence.Kind, Is.EqualTo("military"));
            Assert.That(defence.Aliases, Is.SupersetOf(new[]
            {
                "Armenia's Defence Ministry", "Armenian Defense Ministry", "Armenia's Ministry of Defense", "Armenia Ministry of Defence",
                "Armenia Defence Ministry", "Armenian Ministry of National Defence",
            }));
            Assert.That(defence.Aliases, Has.None.StartsWith("Armenians"), "the plural is no adjective");
            Assert.That(defence.Aliases, Has.None.EqualTo("Ministry of Defence").IgnoreCase, "a bare ministry names no country");
        });
    }

    [Test]
    public void A_ministry_the_curated_sources_already_hold_for_the_country_is_left_to_them()
    {
        var curated = new Source("Ministry of Defence of Armenia", "military", 0.45, "armenia", ["Armenian Defence Ministry"]);
        var elsewhere = new Source("Georgian Ministry of Health", "ministry", 0.6, "georgia", ["Armenian Ministry of Health"]);
        var generated = StateMinistries.For([curated, elsewhere], [Armenia], Demonyms);
        Assert.That(generated.Select(s => s.Name), Is.EquivalentTo(new[]
        {
            "Armenian Ministry of Health", "Armenian Ministry of Interior", "Armenian Ministry of Foreign Affairs",
        }), "another country's source with an Armenian alias does not stand for Armenia's");
    }

    [Test]
    public void A_country_without_a_nationality_word_names_its_ministries_by_its_name() =>
        Assert.That(StateMinistries.For([], [Armenia], []).Select(s => s.Name), Has.Member("Armenia Ministry of Defence"));

    [TestCase("Armenia's defence ministry", "the Armenian Ministry of Defence")]
    [TestCase("Azerbaijani Defence Ministry", "Azerbaijan's Ministry of Defence")]
    [TestCase("Kenya's health ministry", "the Kenyan Ministry of Health")]
    [TestCase("Cameroon Ministry of Defence", "Cameroonian defense ministry")]
    public void The_seeds_know_each_form_as_the_same_source(string one, string other) =>
        Assert.That(TestData.Reference.SameSource(one.Replace("the ", ""), other.Replace("the ", "")), Is.True);
}
