using Casualties.Domain.Reference;

namespace Casualties.Domain.Extraction;

/// <summary>
/// Stage two of open-vocabulary attribution: turns a reporting clause's source (<see cref="SourceCandidate"/>) into the
/// source a claim is credited to. A name the reference data knows (name or alias, of the document's country or
/// international) is that source; a body's common noun ("the agency", "the governor", "a ministry spokesman") is the
/// nearest earlier source of that noun, else the document country's one body of that kind ("the ministry"), else the
/// office as written ("provincial governor"); any other name is a source the reference data does not know, kept by the
/// name the text gives it. Never a body of another country: unknown beats wrong.
/// </summary>
/// <param name="reference">The reference data.</param>
/// <param name="sourcesNamed">The known sources a name or alias means.</param>
/// <param name="countryOf">The country key a source belongs to (null: international).</param>
internal sealed class SourceCanonicaliser(ReferenceData reference, Func<string, IReadOnlyList<Source>> sourcesNamed, Func<Source, string?> countryOf)
{
    /// <summary>Reliability given to a source the reference data does not know (as reconciliation assumes for one).</summary>
    public const double UnknownReliability = 0.5;

    /// <summary>Kind given to a source the reference data does not know, when its noun says none.</summary>
    public const string UnknownKind = "unknown";

    /// <summary>The known sources of each country, in reference order: built once, not searched per office.</summary>
    private readonly Dictionary<string, List<Source>> sourcesByCountry = ByCountry(reference.Sources, countryOf);

    private static Dictionary<string, List<Source>> ByCountry(IEnumerable<Source> sources, Func<Source, string?> countryOf)
    {
        var index = new Dictionary<string, List<Source>>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            if (countryOf(source) is not { } country) continue;
            if (!index.TryGetValue(country, out var list)) index[country] = list = [];
            list.Add(source);
        }
        return index;
    }

    /// <summary>The source a person or a proper name is: the known one it names, a person named in full before, or a new one.</summary>
    /// <param name="candidate">The reporting clause's source (not an office).</param>
    /// <param name="documentCountry">The key of the country the document is about, if known.</param>
    /// <param name="surnames">People named in full so far, by surname ("Sitoe" → Ana Sitoe).</param>
    public IReadOnlyList<Source> Named(SourceCandidate candidate, string? documentCountry, IReadOnlyDictionary<string, IReadOnlyList<Source>> surnames)
    {
        if (Known(candidate.Name, documentCountry) is { Count: > 0 } known) return known;
        if (!candidate.Name.Contains(' ', StringComparison.Ordinal) && surnames.TryGetValue(candidate.Name, out var person)) return person;
        return [Unknown(candidate.Name, candidate.Head)];
    }

    /// <summary>
    /// "the governor added": the nearest earlier credited source that has the office's noun, if any; "the Azerbaijani
    /// ministry added" after both countries' ministries spoke: the nearest one its qualifier names first.
    /// </summary>
    /// <param name="candidate">The reporting clause's office.</param>
    /// <param name="history">The sources credited so far, most recent last.</param>
    public static IReadOnlyList<Source>? ReferBack(SourceCandidate candidate, SourceHistory history) =>
        candidate.Head is { } head
            // "Azerbaijan's defence ministry" after Armenia's spoke: a name's own qualifier makes it another body.
            ? history.LastWithNoun(candidate.Name, head, qualifierMustMatch: candidate.Form == SourceForm.Office && HasProperQualifier(candidate.Name, head))
            : null;

    /// <summary>
    /// An office nothing earlier answers to: the known body it names ("the provincial health directorate"), the document
    /// country's one body of its noun ("the ministry"), or the office as written when it is worth keeping ("provincial
    /// governor"); null for a bare noun that says nothing ("the group").
    /// </summary>
    /// <param name="candidate">The reporting clause's office.</param>
    /// <param name="documentCountry">The key of the country the document is about, if known.</param>
    public IReadOnlyList<Source>? Office(SourceCandidate candidate, string? documentCountry)
    {
        var head = candidate.Head!;
        if (Known(candidate.Name, documentCountry) is { Count: > 0 } named) return named;
        // "the ministry", "the army": a state office is the document's country's body of that noun. "the network", "the
        // group" with nothing named before is no one in particular: unknown beats a guess among the country's NGOs.
        if (documentCountry is not null && AttributionVocabulary.BodyKinds.TryGetValue(head, out var kinds) && IsStateOffice(kinds))
        {
            var local = sourcesByCountry.TryGetValue(documentCountry, out var ofCountry)
                ? ofCountry.Where(s => KindFits(kinds, s.Kind) && ContainsWord(s.Name, head)).ToList() : [];
            if (local.Count > 1 || HasProperQualifier(candidate.Name, head)) local = local.Where(s => QualifiersFit(candidate.Name, head, s.Name)).ToList();
            if (local.Count == 1) return local;
        }
        return AttributionVocabulary.NamedByOffice.Contains(head) ? [Unknown(candidate.Name, head)] : null;
    }

    private static bool IsStateOffice(string kinds) =>
        kinds.StartsWith("ministry", StringComparison.Ordinal) || kinds.StartsWith("government", StringComparison.Ordinal)
        || kinds.StartsWith("military", StringComparison.Ordinal);

    /// <summary>A source the reference data does not know, by the name the text gives it.</summary>
    public static Source Unknown(string name, string? head)
    {
        var kind = head is not null && AttributionVocabulary.BodyKinds.TryGetValue(head, out var kinds) ? kinds.Split('|')[0] : UnknownKind;
        return new Source(Tidy(name), kind, UnknownReliability, null, head is null ? [] : [head]);
    }

    /// <summary>A name as stored: single spaces, no line breaks, no trailing stop.</summary>
    private static string Tidy(string name)
    {
        var words = name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var first = 0;
        // "Islamabad-based Centre for Conflict Monitoring", "the military's Operation Safe Haven": where a body is based, or
        // the common noun it belongs to, is no part of its proper name. ("Armenia's defence ministry" keeps its country:
        // two countries' ministries speak in one text.)
        while (words.Length - first >= 3 && (words[first].EndsWith("-based", StringComparison.OrdinalIgnoreCase)
            || IsPossessive(words[first]) && char.IsLower(words[first][0]) && char.IsUpper(words[first + 1][0])))
        {
            first++;
        }
        return string.Join(' ', words, first, words.Length - first).TrimEnd('.', ',');
    }

    private static bool IsPossessive(string word) =>
        word.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || word.EndsWith("\u2019s", StringComparison.OrdinalIgnoreCase);

    private IReadOnlyList<Source>? Known(string name, string? documentCountry)
    {
        var found = sourcesNamed(Tidy(name));
        // "United Nations Human Rights Monitoring Mission in Ukraine" is the reference data's "UN Human Rights Monitoring Mission …".
        if (found.Count == 0 && name.StartsWith("United Nations ", StringComparison.OrdinalIgnoreCase)) found = sourcesNamed("UN " + Tidy(name)["United Nations ".Length..]);
        if (found.Count == 0) return null;
        // A body of one country is never credited on a document about another, nor on one whose country is unknown.
        var fitting = found.Where(s => countryOf(s) is not { } country || country == documentCountry).ToList();
        return fitting.Count > 0 ? fitting : null;
    }

    /// <summary>"the governor" refers back to Ana Sitoe, named as the provincial governor, or to the "Kherson governor" of the reference data.</summary>
    /// <remarks>Loops, not <c>Any</c> over lambdas: the source history asks it for every source it reads (dozens for a shared noun's
    /// candidates), and each lambda over <paramref name="head"/> cost a closure and a delegate per call.</remarks>
    internal static bool HasNoun(Source source, string head)
    {
        var aliases = source.Aliases;
        for (var k = 0; k < aliases.Count; k++)
        {
            if (aliases[k].Equals(head, StringComparison.OrdinalIgnoreCase)) return true;
        }
        if (ContainsWord(source.Name, head)) return true;
        for (var k = 0; k < aliases.Count; k++)
        {
            if (ContainsWord(aliases[k], head)) return true;
        }
        return false;
    }

    /// <summary>"health ministry" fits the Ministry of Health, not the Ministry of Defence.</summary>
    private static bool QualifiersFit(string phrase, string head, string name)
    {
        foreach (var word in phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Equals(head, StringComparison.OrdinalIgnoreCase) || word.Length < 4) continue;
            if (!ContainsWord(name, word)) return false;
        }
        return true;
    }

    /// <summary>Letters of a word that make its stem: "Azerbaijani" and "Azerbaijan's" share "Azerb".</summary>
    internal const int StemLength = 5;

    /// <summary>A word of an office's phrase that may name whose office it is: capitalised, long enough for a stem, not the noun.</summary>
    internal static bool IsQualifier(string word, string head) =>
        word.Length >= StemLength && !word.Equals(head, StringComparison.OrdinalIgnoreCase) && char.IsUpper(word[0]);

    /// <summary>True when a qualifying word of the phrase ("Azerbaijani") shares its stem with a word of the name ("Azerbaijan's").</summary>
    internal static bool SharesQualifier(string phrase, string head, string name)
    {
        foreach (var word in phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!IsQualifier(word, head)) continue;
            foreach (var other in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (other.Length >= StemLength && string.Compare(word, 0, other, 0, StemLength, StringComparison.OrdinalIgnoreCase) == 0) return true;
            }
        }
        return false;
    }

    /// <summary>True when the phrase has a capitalised qualifier besides its noun: "Azerbaijan's defence ministry".</summary>
    private static bool HasProperQualifier(string phrase, string head)
    {
        foreach (var word in phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Length >= 4 && char.IsUpper(word[0]) && !word.Equals(head, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    internal static bool ContainsWord(string name, string word)
    {
        var at = name.IndexOf(word, StringComparison.OrdinalIgnoreCase);
        while (at >= 0)
        {
            var end = at + word.Length;
            if ((at == 0 || !char.IsLetter(name[at - 1])) && (end == name.Length || !char.IsLetter(name[end]))) return true;
            at = name.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase);
        }
        return false;
    }

    internal static bool KindFits(string kinds, string kind)
    {
        foreach (var range in kinds.AsSpan().Split('|'))
        {
            if (kinds.AsSpan()[range].Equals(kind, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
