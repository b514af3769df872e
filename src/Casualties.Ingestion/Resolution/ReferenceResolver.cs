using System.Collections.Concurrent;
using Casualties.Domain.Reference;

namespace Casualties.Ingestion.Resolution;

/// <summary>
/// Resolves the names a feed or article uses to reference data: sources (canonical name or alias), places
/// (gazetteer name or alias, finest first, inside the row's country when one is known) and actors (with their
/// side in the conflict fought in that country). Results are memoised: a dataset repeats its names a lot. Thread-safe:
/// documents are extracted and resolved on all cores.
/// </summary>
public sealed class ReferenceResolver(ReferenceData reference)
{
    private static readonly string[] PlaceSuffixes = [" governorate", " province", " district", " region", " city", " town", " village", " county", " oblast", " municipality"];

    private readonly ConcurrentDictionary<(string, string?), string?> sources = new();
    private readonly ConcurrentDictionary<(string, string?), Place?> places = new();
    private readonly ConcurrentDictionary<(string, string?), Actor?> actors = new();

    /// <summary>The reference data names are resolved against.</summary>
    public ReferenceData Reference => reference;

    /// <summary>The canonical name of the source a name or alias means, or null when none (or no single one) does.</summary>
    public string? Source(string? name, string? countryKey = null)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var key = (name.Trim(), countryKey);
        if (sources.TryGetValue(key, out var known)) return known;
        var byName = reference.SourceNamed(key.Item1);
        string? resolved;
        if (byName is not null)
        {
            resolved = byName.Name;
        }
        else
        {
            var candidates = reference.SourcesCalled(key.Item1);
            if (candidates.Count > 1 && countryKey is not null)
                candidates = candidates.Where(s => s.Country == countryKey || s.Country is null).ToList();
            resolved = candidates.Count >= 1 ? candidates[0].Name : null;
        }
        sources[key] = resolved;
        return resolved;
    }

    /// <summary>The place for the first name that the gazetteer knows, inside the country when given.</summary>
    public Place? Place(IEnumerable<string?> namesFinestFirst, string? countryName = null)
    {
        var country = countryName is null ? null : Country(countryName);
        foreach (var name in namesFinestFirst)
        {
            if (string.IsNullOrWhiteSpace(name)) continue;
            if (PlaceNamed(name.Trim(), country?.Key) is { } place) return place;
        }
        return country;
    }

    /// <summary>A country (a root of the gazetteer) by name or alias.</summary>
    public Place? Country(string name)
    {
        var key = (name.Trim(), "<country>");
        if (places.TryGetValue(key, out var known)) return known;
        var found = Candidates(key.Item1).FirstOrDefault(p => p.Parent is null);
        places[key] = found;
        return found;
    }

    /// <summary>An actor by name or alias, preferring the conflict fought in the given country.</summary>
    public Actor? Actor(string? name, string? countryKey = null)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var key = (name.Trim(), countryKey);
        if (actors.TryGetValue(key, out var known)) return known;
        var resolved = FindActor(key.Item1, countryKey) ?? FindActor(WithoutParentheses(key.Item1), countryKey);
        actors[key] = resolved;
        return resolved;
    }

    private Place? PlaceNamed(string name, string? countryKey)
    {
        var key = (name, countryKey);
        if (places.TryGetValue(key, out var known)) return known;
        var candidates = Candidates(name);
        if (candidates.Count == 0)
        {
            var bare = PlaceSuffixes.FirstOrDefault(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase)) is { } suffix
                ? name[..^suffix.Length].Trim() : null;
            if (bare is { Length: > 0 }) candidates = Candidates(bare);
        }
        if (countryKey is not null && reference.Gazetteer.ByKey(countryKey) is { } country)
            candidates = candidates.Where(p => reference.Gazetteer.Contains(country, p)).ToList();
        // Several places share a name (Aleppo the city and the governorate): the coarser one is the safer claim.
        var found = candidates.OrderBy(p => reference.Gazetteer.DepthOf(p)).ThenBy(p => p.Key, StringComparer.Ordinal).FirstOrDefault();
        places[key] = found;
        return found;
    }

    private IReadOnlyList<Place> Candidates(string name) => reference.Gazetteer.Named(name);

    private Actor? FindActor(string name, string? countryKey)
    {
        if (name.Length == 0) return null;
        var matches = reference.Actors.Where(a =>
            string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase) ||
            a.Aliases.Any(alias => string.Equals(alias, name, StringComparison.OrdinalIgnoreCase))).ToList();
        if (matches.Count <= 1 || countryKey is null) return matches.FirstOrDefault();
        var fought = reference.Conflicts.Where(c => c.Countries.Contains(countryKey)).Select(c => c.Key).ToHashSet();
        return matches.FirstOrDefault(a => fought.Contains(a.Conflict)) ?? matches[0];
    }

    /// <summary>ACLED names carry a period: "Military Forces of Syria (2000-)" is "Military Forces of Syria".</summary>
    private static string WithoutParentheses(string name)
    {
        var open = name.IndexOf('(', StringComparison.Ordinal);
        return open > 0 ? name[..open].Trim() : "";
    }
}
