using Casualties.Domain.Model;
using Casualties.Domain.Reference;

namespace Casualties.Domain.Extraction;

/// <summary>
/// Reads casualty claims (domain.md, "A claim") out of a news text by rules over its sentences: figures
/// with their outcome and victims, subsets, source, perpetrator side, place and period. Deterministic,
/// no I/O; everything named (sources, actors, places, victims, vague words) comes from the reference data.
/// </summary>
/// <remarks>
/// Text is scanned forward once per sentence, without regular expressions, so run time grows linearly
/// with the input and no input can make it backtrack. Thread-safe: <see cref="Extract"/> keeps its state
/// per call.
/// </remarks>
public sealed class ClaimExtractor
{
    private static readonly (string Term, string Victims)[] GenericVictimTerms =
    [
        ("people", VictimGroups.People), ("persons", VictimGroups.People), ("others", VictimGroups.People),
        ("individuals", VictimGroups.People), ("person", VictimGroups.People), ("citizens", VictimGroups.People),
    ];

    internal ReferenceData Reference { get; }
    internal NumberParser Numbers { get; }
    internal PhraseMatcher<VictimTerm> Victims { get; }
    internal PhraseMatcher<Source> Sources { get; }
    internal PhraseMatcher<Actor> Actors { get; }
    /// <summary>The curated places, and the generated layer's countries: names read wherever the text has them.</summary>
    internal PhraseMatcher<Place> Places { get; }
    /// <summary>The words of the side cues (seeds/side-cues.csv): "air strike" → every conflict's cue of aircraft.</summary>
    internal PhraseMatcher<SideCue> SideCues { get; }

    /// <summary>The nationality words of the reference data (seeds/demonyms.csv).</summary>
    internal Demonyms Demonyms { get; }

    /// <summary>Turns the sources reporting clauses give into sources; stateless, built once for every document.</summary>
    internal SourceCanonicaliser Canonicaliser { get; }

    /// <summary>
    /// The generated layer's divisions and towns (a curated key wins): names read only in place contexts ("in X", "the
    /// village of X"). The layer loads the first time a place context asks.
    /// </summary>
    internal bool TryMatchGenerated(TokenText text, int index, int end, out int length, out IReadOnlyList<Place> places)
    {
        places = [];
        length = 0;
        var gazetteer = Reference.Gazetteer;
        return gazetteer.Generated is { } layer && layer.TryMatch(text, index, end, gazetteer.IsCuratedTest, out length, out places);
    }

    /// <summary>
    /// Every word a source, actor or place name may start with, and the source, actor and place phrases that start with it:
    /// the reader asks the three matchers about every such word, and one look-up here does for all of them.
    /// </summary>
    internal WordMap<NameStart> NameStarts { get; }

    /// <summary>The source, actor and place phrases starting with one word (null: none), as <see cref="NameStarts"/> holds them.</summary>
    internal sealed record NameStart(PhraseMatcher<Source>.Bucket? Sources, PhraseMatcher<Actor>.Bucket? Actors, PhraseMatcher<Place>.Bucket? Places);

    private readonly Lazy<Dictionary<string, List<Source>>> sourcesByName;

    /// <summary>The sources whose name or an alias is exactly <paramref name="name"/>, ignoring case.</summary>
    internal IReadOnlyList<Source> SourcesNamed(string name) =>
        sourcesByName.Value.TryGetValue(name, out var found) ? found : [];

    /// <summary>The sources named by the parts joined, without making the joined string (most names asked for are no source's).</summary>
    internal IReadOnlyList<Source> SourcesNamed(params ReadOnlySpan<string> parts) => Named(sourcesByName.Value, parts);

    /// <summary>The actors named by the parts joined, without making the joined string.</summary>
    internal IReadOnlyList<Actor> ActorsNamed(params ReadOnlySpan<string> parts) => Named(actorsByName.Value, parts);

    private static IReadOnlyList<T> Named<T>(Dictionary<string, List<T>> index, ReadOnlySpan<string> parts)
    {
        var length = 0;
        foreach (var part in parts) length += part.Length;
        if (length > 256) return index.TryGetValue(string.Concat(parts), out var named) ? named : [];
        Span<char> joined = stackalloc char[length];
        var at = 0;
        foreach (var part in parts)
        {
            part.CopyTo(joined[at..]);
            at += part.Length;
        }
        return index.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(joined, out var found) ? found : [];
    }

    private readonly Lazy<Dictionary<string, List<Actor>>> actorsByName;

    /// <summary>The actors whose name or an alias is exactly <paramref name="name"/>, ignoring case.</summary>
    internal IReadOnlyList<Actor> ActorsNamed(string name) =>
        actorsByName.Value.TryGetValue(name, out var found) ? found : [];

    private static Dictionary<string, List<T>> IndexByName<T>(IEnumerable<T> items, Func<T, IEnumerable<string>> names)
    {
        var index = new Dictionary<string, List<T>>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            foreach (var name in names(item))
            {
                if (!index.TryGetValue(name, out var list)) index[name] = list = [];
                if (!list.Contains(item)) list.Add(item);
            }
        }
        return index;
    }

    /// <summary>
    /// The indexes in <see cref="ReferenceData.Conflicts"/> of the conflicts fought in a country (ordinal key), once for
    /// each time the conflict lists it; none for a country no conflict lists.
    /// </summary>
    internal int[] ConflictsOfCountry(string country) => conflictsByCountry.TryGetValue(country, out var found) ? found : [];

    private readonly Dictionary<string, int[]> conflictsByCountry;

    private static Dictionary<string, int[]> IndexConflicts(IReadOnlyList<Conflict> conflicts)
    {
        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var c = 0; c < conflicts.Count; c++)
        {
            foreach (var country in conflicts[c].Countries)
            {
                if (!index.TryGetValue(country, out var list)) index[country] = list = [];
                list.Add(c);
            }
        }
        return index.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The key of the country a place lies in.</summary>
    internal string CountryKeyOf(Place place) => Reference.Gazetteer.CountryOf(place).Key;

    /// <summary>
    /// The key of the country of the place keyed <paramref name="key"/> (a source's country), or null when the gazetteer
    /// knows no such place. The rules ask it for every candidate of a shared name ("police": a body per country) at every
    /// mention; a curated place's answer is kept (the curated places never change and are few).
    /// </summary>
    internal string? CountryKeyOf(string key)
    {
        if (countryOfKey.TryGetValue(key, out var kept)) return kept;
        if (Reference.Gazetteer.ByKey(key) is not { } place) return null;
        var country = CountryKeyOf(place);
        if (!place.Generated) countryOfKey.TryAdd(key, country);
        return country;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> countryOfKey = new(StringComparer.Ordinal);

    /// <summary>An extractor reading names, places, actors and vague words against this reference data.</summary>
    public ClaimExtractor(ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        Reference = reference;
        sourcesByName = new(() => IndexByName(reference.Sources, s => s.Aliases.Append(s.Name)), LazyThreadSafetyMode.ExecutionAndPublication);
        actorsByName = new(() => IndexByName(reference.Actors, a => a.Aliases.Append(a.Name)), LazyThreadSafetyMode.ExecutionAndPublication);
        conflictsByCountry = IndexConflicts(reference.Conflicts);
        Numbers = new NumberParser(reference.Lexicon);
        var terms = reference.VictimTerms.ToList();
        foreach (var (term, victims) in GenericVictimTerms)
        {
            if (!terms.Any(t => string.Equals(t.Term, term, StringComparison.OrdinalIgnoreCase))) terms.Add(new VictimTerm(term, victims, null));
        }
        Victims = new PhraseMatcher<VictimTerm>(terms.Select(t => (t.Term, t)));
        Sources = new PhraseMatcher<Source>(reference.Sources.SelectMany(s => WithAbbreviatedUn(s.Aliases.Append(s.Name)).Select(a => (a, s))));
        Actors = new PhraseMatcher<Actor>(reference.Actors.Concat(UnseededParties.Actors).SelectMany(a => a.Aliases.Append(a.Name).Select(n => (n, a))));
        Places = new PhraseMatcher<Place>(reference.Places.Where(p => !p.Generated || p.Parent is null)
            .SelectMany(p => p.Aliases.Append(p.Name).Select(n => (n, p))));
        Demonyms = new Demonyms(reference.Demonyms);
        SideCues = new PhraseMatcher<SideCue>(reference.SideCues.SelectMany(c => c.Words.Select(w => (w, c))));
        var nameStarts = new Dictionary<string, NameStart>(StringComparer.OrdinalIgnoreCase);
        foreach (var word in Sources.FirstWords.Concat(Actors.FirstWords).Concat(Places.FirstWords)
            .Concat(["east", "eastern", "west", "western", "north", "northern", "south", "southern", "the"]))
        {
            nameStarts.TryAdd(word, new NameStart(Sources.FirstWordBucket(word), Actors.FirstWordBucket(word), Places.FirstWordBucket(word)));
        }
        NameStarts = new WordMap<NameStart>(nameStarts);
        Canonicaliser = new SourceCanonicaliser(reference, SourcesNamed,
            s => s.Country is { } key ? CountryKeyOf(key) : null);
    }

    /// <summary>Names with "UN" also as wire copy spells them, "U.N.".</summary>
    private static IEnumerable<string> WithAbbreviatedUn(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            yield return name;
            if (name.StartsWith("UN ", StringComparison.Ordinal) || name.Contains(" UN ", StringComparison.Ordinal))
            {
                yield return name.Replace("UN ", "U.N. ", StringComparison.Ordinal);
            }
        }
    }

    /// <summary>Every casualty claim of a document, in text order; parents come before their subsets.</summary>
    /// <param name="text">The document as read; a leading " date YYYY-MM-DD " header is skipped.</param>
    /// <param name="documentDate">Publication date: relative dates resolve against it.</param>
    public IReadOnlyList<Claim> Extract(string text, DateOnly documentDate)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bodyStart = DocumentText.TryReadDateHeader(text, out _, out var afterHeader) ? afterHeader : 0;
        var reader = new DocumentReader(this, documentDate);
        reader.PreviewLead(text, bodyStart);
        SentenceSplitter.Split(text, bodyStart, reader.ReadSentence);
        return reader.Finish();
    }

    /// <summary>Extracts a document in the seed's format, dated by its own header or else by <paramref name="fallbackDate"/>.</summary>
    public IReadOnlyList<Claim> ExtractDated(string text, DateOnly? fallbackDate = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (DocumentText.TryReadDateHeader(text, out var date)) return Extract(text, date);
        return fallbackDate is { } fallback ? Extract(text, fallback)
            : throw new ArgumentException("The document has no ' date YYYY-MM-DD ' header; pass its date.", nameof(fallbackDate));
    }
}
