namespace Casualties.Domain.Reference;

/// <summary>Places with their hierarchy: lookup by key, name or alias, ancestry and containment.</summary>
public sealed class Gazetteer
{
    private readonly Dictionary<string, Place> byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Place>> byName = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Each place's ancestry (itself first, its country last), walked once: the extractor asks for it per name.</summary>
    private readonly Dictionary<string, Place[]> ancestries = new(StringComparer.Ordinal);

    private readonly Dictionary<string, List<Place>> children = new(StringComparer.Ordinal);

    public Gazetteer(IEnumerable<Place> places)
    {
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

    public int Count => byKey.Count;

    public Place? ByKey(string key) => byKey.GetValueOrDefault(key);

    /// <summary>Every place a name or alias may mean.</summary>
    public IReadOnlyList<Place> Named(string nameOrAlias) =>
        byName.TryGetValue(nameOrAlias.Trim(), out var list) ? list : [];

    /// <summary>The place itself, then its parent, up to the country.</summary>
    public IReadOnlyList<Place> AncestryOf(Place place) =>
        ancestries.TryGetValue(place.Key, out var ancestry) && ReferenceEquals(ancestry[0], place) ? ancestry : WalkAncestry(place);

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
        foreach (var place in AncestryOf(inner))
        {
            if (place.Key == outer.Key) return true;
        }
        return false;
    }

    /// <summary>The country (root) of a place.</summary>
    public Place CountryOf(Place place) => AncestryOf(place)[^1];

    public int DepthOf(Place place) => AncestryOf(place).Count - 1;

    /// <summary>True when both names denote the same place, by canonical name or alias.</summary>
    public bool SamePlace(string? a, string? b)
    {
        if (a is null || b is null) return a is null && b is null;
        var left = Named(a);
        var right = Named(b);
        return left.Any(l => right.Contains(l));
    }
}
