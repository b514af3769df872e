namespace Casualties.Domain.Reference;

/// <summary>
/// All reference data (seeds/): handed to the extractor and the reconciler as plain values.
/// Lookups are built once here; nothing in it changes after construction.
/// </summary>
public sealed class ReferenceData
{
    public IReadOnlyList<Conflict> Conflicts { get; }
    public IReadOnlyList<Source> Sources { get; }
    public IReadOnlyList<Actor> Actors { get; }
    public IReadOnlyList<Place> Places { get; }
    public IReadOnlyList<LexiconEntry> Lexicon { get; }
    public IReadOnlyList<VictimTerm> VictimTerms { get; }
    /// <summary>Means of attack only one side of a conflict uses (empty when the reference data has none).</summary>
    public IReadOnlyList<SideCue> SideCues { get; }
    /// <summary>Nationality words and their countries (empty when the reference data has none).</summary>
    public IReadOnlyList<Demonym> Demonyms { get; }
    public Gazetteer Gazetteer { get; }

    /// <summary>
    /// The gazetteer's generated layer (GeoNames divisions and towns, <see cref="Reference.GeneratedPlaces"/>), built on
    /// first use; not in <see cref="Places"/>, which holds the curated places and the layer's countries.
    /// </summary>
    public Lazy<GeneratedPlaces>? GeneratedPlaces { get; }

    private readonly Dictionary<string, Source> sourcesByName;
    private readonly Dictionary<string, List<Source>> sourcesByAlias;

    public ReferenceData(
        IReadOnlyList<Conflict> conflicts, IReadOnlyList<Source> sources, IReadOnlyList<Actor> actors,
        IReadOnlyList<Place> places, IReadOnlyList<LexiconEntry> lexicon, IReadOnlyList<VictimTerm> victimTerms,
        IReadOnlyList<SideCue>? sideCues = null, Lazy<GeneratedPlaces>? generatedPlaces = null, IReadOnlyList<Demonym>? demonyms = null)
    {
        Conflicts = conflicts;
        Sources = sources;
        Actors = actors;
        Places = places;
        Lexicon = lexicon;
        VictimTerms = victimTerms;
        SideCues = sideCues ?? [];
        Demonyms = demonyms ?? [];
        Gazetteer = new Gazetteer(places, generatedPlaces);
        GeneratedPlaces = generatedPlaces;
        sourcesByName = new(StringComparer.OrdinalIgnoreCase);
        sourcesByAlias = new(StringComparer.OrdinalIgnoreCase);
        foreach (var source in sources)
        {
            sourcesByName.TryAdd(source.Name, source);
            foreach (var name in source.Aliases.Append(source.Name))
            {
                if (!sourcesByAlias.TryGetValue(name, out var list)) sourcesByAlias[name] = list = [];
                list.Add(source);
            }
        }
    }

    public static ReferenceData Empty { get; } = new([], [], [], [], [], []);

    public Source? SourceNamed(string name) => sourcesByName.GetValueOrDefault(name);

    /// <summary>The sources a name or alias may mean; several when an alias is shared across countries.</summary>
    public IReadOnlyList<Source> SourcesCalled(string nameOrAlias) =>
        sourcesByAlias.TryGetValue(nameOrAlias.Trim(), out var list) ? list : [];

    /// <summary>True when both names denote the same source (equal ignoring case, or one an alias of the other's source).</summary>
    public bool SameSource(string? a, string? b)
    {
        if (a is null || b is null) return a is null && b is null;
        if (string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase)) return true;
        var left = SourcesCalled(a);
        var right = SourcesCalled(b);
        return left.Any(l => right.Contains(l));
    }
}
