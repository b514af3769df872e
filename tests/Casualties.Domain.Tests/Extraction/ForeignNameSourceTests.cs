using Casualties.Domain.Model;

namespace Casualties.Domain.Tests.Extraction;

/// <summary>
/// Sources named the way bodies outside the English-speaking world name themselves, and the publisher of a statement:
/// "Defensoría del Pueblo", "Rede de Solidariedade do Norte"; a statement whose header gives its kind before its issuer
/// ("STATEMENT | Rede de ..."), or whose first sentence names the issuer with what it is ("The Rede ..., a network of
/// 34 associations, ..."); "Mr. X" after a comma is X. Bodies, people and villages here are made up.
/// </summary>
[Property("Issue", "16")]
public sealed class ForeignNameSourceTests
{
    private static readonly DateOnly Day = new(2026, 10, 9);

    private static Claim Only(string text) => TestData.OnlyClaim(text, Day);

    [TestCase("BOGOTA (Wire) - The Defensoría del Pueblo de Norte said 14 people were killed in Tibu on Sunday.", "Defensoría del Pueblo de Norte")]
    [TestCase("PEMBA, Mozambique (Wire) - The Rede de Solidariedade do Norte said 14 civilians were killed near Mucojo on Sunday.", "Rede de Solidariedade do Norte")]
    [TestCase("MOPTI, Mali (Wire) - According to the Observatoire pour la Paix au Sahel, 14 civilians were killed near Sevare on Sunday.", "Observatoire pour la Paix au Sahel")]
    public void A_body_with_a_name_in_its_own_language_is_the_source(string text, string source)
        => Assert.That(Only(text).Source, Is.EqualTo(source));

    [TestCase("STATEMENT | Rede de Solidariedade do Norte (RSN) | Pemba, 9 October 2026\n\nCivilians pay the price\n\nIn September alone, our monitors recorded attacks that killed at least 41 civilians across the province.")]
    [TestCase("STATEMENT\n\nThe Rede de Solidariedade do Norte, a network of 34 community associations, is deeply alarmed.\n\nIn September alone, our monitors recorded attacks that killed at least 41 civilians across the province.")]
    [TestCase("Press release: Rede de Solidariedade do Norte\n\nIn September alone, our monitors recorded attacks that killed at least 41 civilians across the province.")]
    public void A_statements_unattributed_figures_are_its_issuers(string text)
        => Assert.That(Only(text).Source, Is.EqualTo("Rede de Solidariedade do Norte"));

    [TestCase("MOPTI, Mali (Wire) - According to the mayor of the commune, Mr. Hamadoun Kassogue, the assault killed 23 people.", "Hamadoun Kassogue")]
    [TestCase("MOPTI, Mali (Wire) - The prefect, Dr. Awa Guindo, said 23 people were killed.", "Awa Guindo")]
    [TestCase("IMPHAL (Wire) - The state's police chief, K. Ranjan Meitei, told reporters that 23 people had been killed since May 3.", "K. Ranjan Meitei")]
    [TestCase("IMPHAL (Wire) - Police superintendent K. Ranjan Meitei said 23 people had been killed since May 3.", "K. Ranjan Meitei")]
    [TestCase("GOMA (Wire) - Lieutenant-Colonel Jean-Paul Mbuyi Kalenga said 23 rebels had been killed in Bihambwe.", "Jean-Paul Mbuyi Kalenga")]
    [TestCase("GOMA (Wire) - Mwami Kalinda Ndabiri, the customary chief, said 23 people were killed in Bihambwe.", "Kalinda Ndabiri")]
    public void An_abbreviated_title_is_not_the_name_and_an_initial_is_part_of_it(string text, string person)
        => Assert.That(Only(text).Source, Is.EqualTo(person));
}
