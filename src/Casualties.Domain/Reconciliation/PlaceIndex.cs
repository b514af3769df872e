using System.Collections.Concurrent;
using Casualties.Domain.Reference;

namespace Casualties.Domain.Reconciliation;

/// <summary>
/// The gazetteer as the reconciler asks it, thousands of times a second: each place's ancestry (itself first,
/// the country last), depth and country, computed once per key. An unknown key is a place of its own at depth 0. A
/// place known only by name (<see cref="PlaceNames"/>) lies inside the gazetteer place its key names, one level below
/// it; one with no known place around it is a place of its own in no country.
/// Safe to share between threads (partitions are reconciled in parallel).
/// </summary>
public sealed class PlaceIndex(Gazetteer gazetteer)
{
    /// <summary>The partition key of claims with no place.</summary>
    public const string NoCountry = "";

    private readonly ConcurrentDictionary<string, string[]> ancestry = new(StringComparer.Ordinal);

    /// <summary>The gazetteer this index answers from.</summary>
    public Gazetteer Gazetteer { get; } = gazetteer;

    /// <summary>The place key itself, then its parent's, up to the country's.</summary>
    public IReadOnlyList<string> AncestryOf(string placeKey)
    {
        if (ancestry.TryGetValue(placeKey, out var keys)) return keys;
        var place = Gazetteer.ByKey(placeKey);
        if (place is null && PlaceNames.IsNamed(placeKey))
        {
            keys = PlaceNames.ParentOf(placeKey) is { } parent ? [placeKey, .. AncestryOf(parent)] : [placeKey];
        }
        else
        {
            keys = place is null ? [placeKey] : Gazetteer.AncestryOf(place).Select(p => string.Intern(p.Key)).ToArray();
        }
        return ancestry.GetOrAdd(placeKey, keys);
    }

    /// <summary>
    /// The key a claim is grouped by: its gazetteer place; with none, the name it gives on its own; or, when the
    /// name is written "Town, Parent" and the town is neither the gazetteer place (the parent, resolved at ingest)
    /// nor around it, the town inside that place. A name without a comma beside a known place is how the text put
    /// it ("the government-held west" of West Aleppo), not another place. A dataset row with its own event id
    /// (<paramref name="keepKnown"/>) keeps a known place: its coordinates and event id group it.
    /// </summary>
    public string? KeyOf(string? placeKey, string? placeName, bool keepKnown = false)
    {
        if (string.IsNullOrWhiteSpace(placeName)) return placeKey;
        if (placeKey is not null && (keepKnown || !placeName.Contains(',', StringComparison.Ordinal))) return placeKey;
        var normalised = PlaceNames.Normalise(PlaceNames.OwnPart(placeName));
        if (normalised.Length == 0) return placeKey;
        if (placeKey is null) return PlaceNames.KeyOf(null, normalised);
        foreach (var key in AncestryOf(placeKey))
        {
            if (Gazetteer.ByKey(key) is not { } known || PlaceNames.Names(known, placeName)) return placeKey;
        }
        return PlaceNames.KeyOf(placeKey, normalised);
    }

    /// <summary>How many levels below its country a place lies (a country, an unknown key and no place are 0).</summary>
    public int DepthOf(string? placeKey) => placeKey is null ? 0 : AncestryOf(placeKey).Count - 1;

    /// <summary>The key of the country a place lies in, <see cref="NoCountry"/> for no place or a name in none.</summary>
    public string CountryOf(string? placeKey)
    {
        if (placeKey is null) return NoCountry;
        var root = AncestryOf(placeKey)[^1];
        return PlaceNames.IsNamed(root) ? NoCountry : root;
    }

    /// <summary>True when <paramref name="inner"/> is <paramref name="outer"/> or lies inside it.</summary>
    public bool Contains(string? outer, string? inner)
    {
        if (outer is null || inner is null) return false;
        var chain = AncestryOf(inner);
        var gap = chain.Count - 1 - DepthOf(outer);
        return gap >= 0 && string.Equals(chain[gap], outer, StringComparison.Ordinal);
    }

    /// <summary>True when <paramref name="outer"/> lies strictly around <paramref name="inner"/>.</summary>
    public bool StrictlyContains(string? outer, string? inner) =>
        !string.Equals(outer, inner, StringComparison.Ordinal) && Contains(outer, inner);

    /// <summary>A place's name for people: the gazetteer's, a named place's normalised name, else the key itself.</summary>
    public string? NameOf(string? placeKey) => placeKey is null ? null
        : Gazetteer.ByKey(placeKey)?.Name ?? (PlaceNames.IsNamed(placeKey) ? PlaceNames.NormalisedOf(placeKey) : placeKey);
}
