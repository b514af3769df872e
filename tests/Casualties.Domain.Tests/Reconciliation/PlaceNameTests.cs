using Casualties.Domain.Reconciliation;
using static Casualties.Domain.Tests.Reconciliation.TestClaims;

namespace Casualties.Domain.Tests.Reconciliation;

/// <summary>Places known only by name: normalised spellings, and the key under the nearest known place (issue 14).</summary>
[Property("Issue", "14")]
public sealed class PlaceNameTests
{
    [TestCase("Tell Shihab", "tell shihab")]
    [TestCase("TELL SHIHAB", "tell shihab")]
    [TestCase("Tell-Shihab", "tell shihab")]
    [TestCase("Tell Shihab village", "tell shihab")]
    [TestCase("the town of Tell Shihab", "town of tell shihab")]
    [TestCase("Deir el-Ahmar", "deir al ahmar")]
    [TestCase("Deir al Ahmar town", "deir al ahmar")]
    [TestCase("Deir ash-Shams", "deir al shams")]
    [TestCase("al-Bayda", "bayda")]
    [TestCase("El Bayda", "bayda")]
    [TestCase("Ma'arrat Tinnin", "maarrat tinnin")]
    [TestCase("Maʿarrat Tinnīn", "maarrat tinnin")]
    [TestCase("Krasnohorivka.", "krasnohorivka")]
    [TestCase("Town", "town")]
    public void Spellings_of_one_place_normalise_alike(string name, string normalised) =>
        Assert.That(PlaceNames.Normalise(name), Is.EqualTo(normalised));

    [Test]
    public void Different_places_stay_different() =>
        Assert.That(PlaceNames.Normalise("Deir al Ahmar"), Is.Not.EqualTo(PlaceNames.Normalise("Deir al Ahmad")));

    [Test]
    public void A_name_the_gazetteer_knows_keeps_its_place_and_an_unknown_one_lies_inside_it()
    {
        var places = new PlaceIndex(Gazetteer);
        Assert.That(places.KeyOf("syria.idlib-gov", "Idlib Governorate"), Is.EqualTo("syria.idlib-gov"));
        Assert.That(places.KeyOf("syria.idlib-gov", "Idlib province"), Is.EqualTo("syria.idlib-gov"));
        Assert.That(places.KeyOf("syria.idlib", "Idlib, Syria"), Is.EqualTo("syria.idlib"));
        Assert.That(places.KeyOf(null, null), Is.Null);

        var town = places.KeyOf("syria.idlib-gov", "Tell Shihab, Idlib");
        Assert.That(town, Is.EqualTo(places.KeyOf("syria.idlib-gov", "tell-shihab village, Idlib Governorate")));
        Assert.That(places.KeyOf("syria.aleppo.west", "the government-held west"), Is.EqualTo("syria.aleppo.west"),
            "a name without a parent beside a known place is how the text put that place");
        Assert.That(places.AncestryOf(town!), Is.EqualTo(new[] { town, "syria.idlib-gov", "syria" }));
        Assert.That((places.DepthOf(town), places.CountryOf(town), places.Contains("syria.idlib-gov", town)), Is.EqualTo((2, "syria", true)));
        Assert.That(places.KeyOf("syria.idlib-gov", "Tell Shihab", keepKnown: true), Is.EqualTo("syria.idlib-gov"), "a dataset event keeps its known place");

        var nowhere = places.KeyOf(null, "Tell Shihab");
        Assert.That((places.CountryOf(nowhere), places.DepthOf(nowhere), nowhere == town), Is.EqualTo((PlaceIndex.NoCountry, 0, false)));
    }

    [Test]
    public void Claims_at_a_named_place_group_as_claims_at_a_known_place_and_the_incident_keeps_the_commonest_spelling()
    {
        var places = new PlaceIndex(Gazetteer);
        string? Key(string name) => places.KeyOf(null, name);
        var result = Reconciler().Reconcile([
            Claim(7, place: Key("Tell Shihab"), id: 1, placeName: "Tell Shihab"),
            Claim(9, source: Sana, side: null, place: Key("tell-shihab village"), id: 2, document: "doc-2", placeName: "tell-shihab village"),
            Claim(8, source: "UN", side: null, place: Key("Tell Shihab"), id: 3, document: "doc-3", placeName: "Tell Shihab"),
            Claim(8, source: "UN", side: null, place: Key("Tell Shihab"), start: "2016-12-09", id: 4, document: "doc-4", placeName: "Tell Shihab"),
        ]);
        Assert.That(result.Incidents, Has.Count.EqualTo(2), "the same day is one event, another day another");
        var incident = result.IncidentOf(1);
        Assert.That(incident.Members.Select(m => (m.ClaimId, m.Rule)),
            Is.EqualTo(new[] { (1L, MatchRules.Anchor), (2L, MatchRules.SameEvent), (3L, MatchRules.SameEvent) }));
        Assert.That(incident.PlaceName, Is.EqualTo("Tell Shihab"));
        Assert.That(result.IncidentOf(1).Key, Is.Not.EqualTo(result.IncidentOf(4).Key));
    }
}
