namespace Casualties.Domain.Reference;

/// <summary>
/// Places with their hierarchy: lookup by key, name or alias, ancestry and containment. The curated places are held
/// here; the generated layer (<see cref="GeneratedPlaces"/>), when given, answers for keys and names they lack.
/// </summary>
public sealed class Gazetteer
{
    private readonly Lazy<GeneratedPlaces>? generated;

    private readonly Dictionary<string, Place> byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Place>> byName = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Each place's ancestry (itself first, its country last), walked once: the extractor asks for it per name.</summary>
    private readonly Dictionary<string, Place[]> ancestries = new(StringComparer.Ordinal);

    private readonly Dictionary<string, List<Place>> children = new(StringComparer.Ordinal);

    /// <summary>A gazetteer of the curated places, over the generated layer when given.</summary>
    public Gazetteer(IEnumerable<Place> places, Lazy<GeneratedPlaces>? generated = null)
    {
        this.generated = generated;
        foreach (var place in places)
        {
            byKey[place.Key] = place;
            foreach (var name in place.Aliases.Append(place.Name))
            {
                if (!byName.TryGetValue(name, out var list)) byName[name] = list = [];
                if (!list.Contains(place)) list.Add(place);
            }
        }
        foreach (var place in byKey.Values)
        {
            ancestries[place.Key] = WalkAncestry(place);
            if (place.Parent is null) continue;
            if (!children.TryGetValue(place.Parent, out var siblings)) children[place.Parent] = siblings = [];
            siblings.Add(place);
        }
    }

    /// <summary>The curated places (and the generated layer's countries); the generated layer is not counted.</summary>
    public int Count => byKey.Count;

    /// <summary>The generated layer (loaded on first use), or null when there is none.</summary>
    public GeneratedPlaces? Generated => generated?.Value;

    /// <summary>A curated place by key, else a generated one (a curated row wins over a generated one with its key).</summary>
    public Place? ByKey(string key) => byKey.TryGetValue(key, out var place) ? place : Generated?.ByKey(key);

    /// <summary>True when the key is a curated place's (or a country's of the generated layer).</summary>
    public bool IsCurated(string key) => byKey.ContainsKey(key);

    /// <summary><see cref="IsCurated"/> as one delegate, made once (a method group converts to a new delegate at every call).</summary>
    public Func<string, bool> IsCuratedTest => isCuratedTest ??= IsCurated;

    private Func<string, bool>? isCuratedTest;

    /// <summary>
    /// Every curated place a name or alias may mean. The generated layer is not asked: its names are read only in place
    /// contexts of free text (<see cref="NamedAnywhere"/>), never to resolve a dataset's or a claim's name.
    /// </summary>
    public IReadOnlyList<Place> Named(string nameOrAlias) =>
        byName.TryGetValue(nameOrAlias.Trim(), out var list) ? list : [];

    /// <summary>Every place a name or alias may mean: the curated places, else the generated layer's.</summary>
    public IReadOnlyList<Place> NamedAnywhere(string nameOrAlias)
    {
        if (byName.TryGetValue(nameOrAlias.Trim(), out var list)) return list;
        if (Generated is not { } layer) return [];
        return layer.Named(nameOrAlias.Trim(), IsCuratedTest);
    }

    /// <summary>The place itself, then its parent, up to the country.</summary>
    public IReadOnlyList<Place> AncestryOf(Place place)
    {
        if (ancestries.TryGetValue(place.Key, out var ancestry) && ReferenceEquals(ancestry[0], place)) return ancestry;
        if (!place.Generated) return WalkAncestry(place);
        // A generated place (made once per row by the layer) keeps its ancestry too: the extractor asks for it per name.
        if (generatedAncestries.TryGetValue(place.Key, out ancestry) && ReferenceEquals(ancestry[0], place)) return ancestry;
        ancestry = WalkAncestry(place);
        generatedAncestries[place.Key] = ancestry;
        return ancestry;
    }

    /// <summary>The ancestries of the generated places asked for so far (extraction runs on several threads at once).</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Place[]> generatedAncestries = new(StringComparer.Ordinal);

    private Place[] WalkAncestry(Place place)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ancestry = new List<Place>();
        for (Place? current = place; current is not null && seen.Add(current.Key);
             current = current.Parent is null ? null : ByKey(current.Parent))
        {
            ancestry.Add(current);
        }
        return [.. ancestry];
    }

    /// <summary>The places whose parent is this one.</summary>
    public IReadOnlyList<Place> ChildrenOf(Place place) => children.TryGetValue(place.Key, out var list) ? list : [];

    /// <summary>True when <paramref name="inner"/> is <paramref name="outer"/> or lies inside it.</summary>
    public bool Contains(Place outer, Place inner)
    {
        var ancestry = AncestryOf(inner);
        for (var k = 0; k < ancestry.Count; k++)
        {
            if (ancestry[k].Key == outer.Key) return true;
        }
        return false;
    }

    /// <summary>The smallest place that holds every one of <paramref name="places"/> (one of them, when it holds the rest); null when they lie in different countries.</summary>
    public Place? SmallestHolding(IReadOnlyList<Place> places)
    {
        if (places.Count == 0) return null;
        foreach (var candidate in AncestryOf(places[0]))
        {
            var holdsAll = true;
            for (var k = 1; k < places.Count && holdsAll; k++) holdsAll = Contains(candidate, places[k]);
            if (holdsAll) return candidate;
        }
        return null;
    }

    /// <summary>The country (root) of a place.</summary>
    public Place CountryOf(Place place) => AncestryOf(place)[^1];

    /// <summary>How many levels below its country a place lies (a country is 0).</summary>
    public int DepthOf(Place place) => AncestryOf(place).Count - 1;

    /// <summary>True when both names denote the same place, by canonical name or alias.</summary>
    public bool SamePlace(string? a, string? b)
    {
        if (a is null || b is null) return a is null && b is null;
        var left = NamedAnywhere(a);
        var right = NamedAnywhere(b);
        return left.Any(l => right.Contains(l));
    }
}
