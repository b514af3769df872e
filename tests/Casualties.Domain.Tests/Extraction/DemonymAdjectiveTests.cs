using Casualties.Domain.Model;

namespace Casualties.Domain.Tests.Extraction;

/// <summary>
/// Nationality adjectives that differ from the person noun the package of demonyms gives ("Philippine" beside
/// "Filipino", "Azeri" beside "Azerbaijani", "Ecuadorian" beside "Ecuadorean") are reference data too: they name the
/// document's country, so its towns in the generated gazetteer are read, and no other war's place is guessed.
/// </summary>
[Property("Issue", "16")]
public sealed class DemonymAdjectiveTests
{
    private static readonly DateOnly Day = new(2026, 5, 21);

    private static Claim Only(string text) => TestData.OnlyClaim(text, Day);

    // The layer's town, by its own spelling: "Guihulngan City" is the town "Guihulñgan" (BodyNamePlaceTests).
    [TestCase("Philippine troops killed five rebels in Guihulngan City on Tuesday, the army said.", "Guihulñgan")]
    [TestCase("Ecuadorian police said five people were killed in Pasaje on Tuesday.", "Pasaje")]
    public void An_adjective_names_the_documents_country(string text, string place)
        => Assert.That(Only(text).Place, Is.EqualTo(place));

    [Test]
    public void Azeri_and_Armenian_forces_are_two_states()
        => Assert.That(Only("Armenian troops shelled Azeri positions overnight. Azeri artillery killed two Armenian soldiers near Sotk on Tuesday, the Armenian defence ministry said.").PerpetratorSide, Is.EqualTo("azerbaijan"));
}
