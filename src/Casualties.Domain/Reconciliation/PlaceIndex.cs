using System.Collections.Concurrent;
using Casualties.Domain.Reference;

namespace Casualties.Domain.Reconciliation;

/// <summary>
/// The gazetteer as the reconciler asks it, thousands of times a second: each place's ancestry (itself first,
/// the country last), depth and country, computed once per key. An unknown key is a place of its own at depth 0.
/// Safe to share between threads (partitions are reconciled in parallel).
/// </summary>
public sealed class PlaceIndex(Gazetteer gazetteer)
{
    /// <summary>The partition key of claims with no place.</summary>
    public const string NoCountry = "";

    private readonly ConcurrentDictionary<string, string[]> ancestry = new(StringComparer.Ordinal);

    public Gazetteer Gazetteer { get; } = gazetteer;

    /// <summary>The place key itself, then its parent's, up to the country's.</summary>
    public IReadOnlyList<string> AncestryOf(string placeKey)
    {
        if (ancestry.TryGetValue(placeKey, out var keys)) return keys;
        var place = Gazetteer.ByKey(placeKey);
        keys = place is null ? [placeKey] : Gazetteer.AncestryOf(place).Select(p => string.Intern(p.Key)).ToArray();
        return ancestry.GetOrAdd(placeKey, keys);
    }

    public int DepthOf(string? placeKey) => placeKey is null ? 0 : AncestryOf(placeKey).Count - 1;

    public string CountryOf(string? placeKey) => placeKey is null ? NoCountry : AncestryOf(placeKey)[^1];

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

    public string? NameOf(string? placeKey) => placeKey is null ? null : Gazetteer.ByKey(placeKey)?.Name ?? placeKey;
}
