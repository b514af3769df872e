using Casualties.Domain.Reference;

namespace Casualties.Domain.Extraction;

/// <summary>
/// The nationality words of the reference data (<see cref="Demonym"/>), looked up by the word a token holds. A word that
/// ends a longer demonym ("Sudanese" in "South Sudanese", "Guinean" in "Equatorial Guinean") names the longer one's
/// country when the words before it match, and no country when they are only its first word ("South").
/// </summary>
internal sealed class Demonyms
{
    private readonly Dictionary<string, string> single = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<(string[] Before, string Country)>> qualified = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> qualifiers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> singleLookup;
    private readonly Dictionary<string, List<(string[] Before, string Country)>>.AlternateLookup<ReadOnlySpan<char>> qualifiedLookup;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> qualifierLookup;

    /// <summary>
    /// The shapes of the words in <see cref="single"/> and <see cref="qualified"/>, and of <see cref="qualifiers"/>: the
    /// reader asks at every capitalised word, and most words are turned away by their shape before they are hashed.
    /// </summary>
    private readonly WordShapes demonymShapes = new(12);
    private readonly WordShapes qualifierShapes = new(12);

    public Demonyms(IEnumerable<Demonym> demonyms)
    {
        foreach (var demonym in demonyms)
        {
            var words = demonym.Word.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0) continue;
            if (words.Length == 1)
            {
                single.TryAdd(words[0], demonym.Country);
                continue;
            }
            if (!qualified.TryGetValue(words[^1], out var list)) qualified[words[^1]] = list = [];
            list.Add((words[..^1], demonym.Country));
            foreach (var word in words[..^1]) qualifiers.Add(word);
        }
        foreach (var word in single.Keys.Concat(qualified.Keys)) demonymShapes.Add(word);
        foreach (var word in qualifiers) qualifierShapes.Add(word);
        singleLookup = single.GetAlternateLookup<ReadOnlySpan<char>>();
        qualifiedLookup = qualified.GetAlternateLookup<ReadOnlySpan<char>>();
        qualifierLookup = qualifiers.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>True when the word alone is a demonym ("Syrian", "Haitians").</summary>
    public bool Contains(ReadOnlySpan<char> word) => demonymShapes.MayContain(word) && (singleLookup.ContainsKey(word) || qualifiedLookup.ContainsKey(word));

    /// <summary>The country a word alone names, without looking at the words before it.</summary>
    public bool TryGetCountry(ReadOnlySpan<char> word, out string country)
    {
        if (demonymShapes.MayContain(word)) return singleLookup.TryGetValue(word, out country!);
        country = null!;
        return false;
    }

    /// <summary>
    /// The country the demonym at <paramref name="index"/> names, read with the words before it: "South Sudanese" is
    /// South Sudan's, "Sudanese" Sudan's, and "Equatorial Sudanese" no country's.
    /// </summary>
    public string? CountryAt(TokenText text, int index)
    {
        if (!text.IsWord(index) || !demonymShapes.MayContain(text[index])) return null;
        if (qualifiedLookup.TryGetValue(text[index], out var longer))
        {
            foreach (var (before, country) in longer)
            {
                var start = index - before.Length;
                var same = start >= 0;
                for (var k = 0; same && k < before.Length; k++) same = text.IsWord(start + k) && TokenText.SameToken(text[start + k], before[k]);
                if (same) return country;
            }
        }
        if (!singleLookup.TryGetValue(text[index], out var alone)) return null;
        return text.IsWord(index - 1) && text.IsCapitalized(index - 1) && qualifierShapes.MayContain(text[index - 1]) && qualifierLookup.Contains(text[index - 1])
            ? null : alone;
    }
}
