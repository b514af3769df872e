using NUnit.Framework;

namespace Casualties.Ingestion.Tests;

/// <summary>A place the gazetteer lacks is stored as written, with the nearest known place the text puts it in.</summary>
[Property("Issue", "16")]
public sealed class UnresolvedPlaceTests : IngestFixture
{
    [TestCase("Government shelling killed six civilians in Umm Xaldir, in Hama province, the Syrian Observatory for Human Rights said.", "Umm Xaldir", "syria/hama-governorate")]
    [TestCase("Six civilians were killed in the village of Tal Zarqun in Idlib province on Monday, activists in Syria said.", "Tal Zarqun", "syria/idlib-governorate")]
    public async Task An_unknown_place_keeps_its_name_and_its_nearest_known_parent(string text, string name, string parentKey)
    {
        var path = Write("village.txt", text);

        await Ingest(new IngestOptions { Date = new DateOnly(2019, 5, 6) }, path);

        var rows = await Rows<(string PlaceName, string? PlaceKey, string? ParentKey)>("""
            SELECT c.place_name, pl.key, p.key FROM claims c LEFT JOIN places pl ON pl.id = c.place_id
            LEFT JOIN places p ON p.id = c.place_parent_id ORDER BY c.ordinal
            """);
        Assert.That(rows, Is.Not.Empty);
        Assert.That(rows[0].PlaceName, Is.EqualTo(name));
        // The reconciler groups the name inside the place the claim is stored at (issue 14): the parent.
        Assert.That(rows[0].PlaceKey, Is.EqualTo(parentKey));
        Assert.That(rows[0].ParentKey, Is.EqualTo(parentKey));
    }

    [Test]
    public async Task A_known_place_has_its_id_and_no_parent_of_its_own()
    {
        var path = Write("known.txt", "Government shelling killed six civilians in Douma, the Syrian Observatory for Human Rights said.");

        await Ingest(new IngestOptions { Date = new DateOnly(2019, 5, 6) }, path);

        var rows = await Rows<(long? PlaceId, long? ParentId)>("SELECT place_id, place_parent_id FROM claims");
        Assert.That(rows, Is.Not.Empty);
        Assert.That(rows[0].PlaceId, Is.Not.Null);
        Assert.That(rows[0].ParentId, Is.Null);
    }
}
