namespace Casualties.Domain.Reference;

/// <summary>
/// All reference data (seeds/): handed to the extractor and the reconciler as plain values.
/// Lookups are built once here; nothing in it changes after construction.
/// </summary>
public sealed class ReferenceData
{
    /// <summary>The conflicts, each with its countries and sides.</summary>
    public IReadOnlyList<Conflict> Conflicts { get; }
    /// <summary>The known sources with their aliases and reliability.</summary>
    public IReadOnlyList<Source> Sources { get; }
    /// <summary>Armed actors with their aliases and the side they belong to.</summary>
    public IReadOnlyList<Actor> Actors { get; }
    /// <summary>The curated places and the generated layer's countries (<see cref="GeneratedPlaces"/> holds the rest).</summary>
    public IReadOnlyList<Place> Places { get; }
    /// <summary>Vague quantity words ("dozens") with their bounds.</summary>
    public IReadOnlyList<LexiconEntry> Lexicon { get; }
    /// <summary>Words for victims and the victim group each names.</summary>
    public IReadOnlyList<VictimTerm> VictimTerms { get; }
    /// <summary>Means of attack only one side of a conflict uses (empty when the reference data has none).</summary>
    public IReadOnlyList<SideCue> SideCues { get; }
    /// <summary>Nationality words and their countries (empty when the reference data has none).</summary>
    public IReadOnlyList<Demonym> Demonyms { get; }
    /// <summary>All places, curated and generated, looked up by key, name and ancestry.</summary>
    public Gazetteer Gazetteer { get; }

    /// <summary>
    /// The gazetteer's generated layer (GeoNames divisions and towns, <see cref="Reference.GeneratedPlaces"/>), built on
    /// first use; not in <see cref="Places"/>, which holds the curated places and the layer's countries.
    /// </summary>
    public Lazy<GeneratedPlaces>? GeneratedPlaces { get; }

    private readonly Dictionary<string, Source> sourcesByName;
    private readonly Dictionary<string, List<Source>> sourcesByAlias;

    /// <summary>Reference data from its lists; the lookups are built here.</summary>
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

    /// <summary>No reference data at all: every name is unknown.</summary>
    public static ReferenceData Empty { get; } = new([], [], [], [], [], []);

    /// <summary>The source whose canonical name this is (case ignored), else null; aliases are <see cref="SourcesCalled"/>.</summary>
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
