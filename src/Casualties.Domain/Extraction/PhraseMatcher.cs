namespace Casualties.Domain.Extraction;

/// <summary>
/// Finds multi-word phrases (aliases, victim terms, lexicon entries) in token streams, longest first,
/// ignoring case. Phrases are tokenized like the text, so "Syria's army" matches "Syria’s army".
/// </summary>
public sealed class PhraseMatcher<T>
{
    private readonly Dictionary<string, List<(string[] Tokens, T Value)>> byFirstToken =
        new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<(string[] Tokens, T Value)>>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public PhraseMatcher(IEnumerable<(string Phrase, T Value)> phrases)
    {
        foreach (var (phrase, value) in phrases)
        {
            var tokens = Tokenizer.Tokenize(phrase).Select(t => phrase.Substring(t.Start, t.Length)).ToArray();
            if (tokens.Length == 0) continue;
            if (!byFirstToken.TryGetValue(tokens[0], out var list)) byFirstToken[tokens[0]] = list = [];
            if (!list.Any(e => e.Tokens.SequenceEqual(tokens, StringComparer.OrdinalIgnoreCase) && Equals(e.Value, value)))
            {
                list.Add((tokens, value));
            }
        }
        foreach (var list in byFirstToken.Values) list.Sort((a, b) => b.Tokens.Length.CompareTo(a.Tokens.Length));
        lookup = byFirstToken.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>True when some phrase starts with this word: a cheap test before <see cref="TryMatch(TokenText, int, int, out int, List{T})"/>.</summary>
    public bool MayStartWith(ReadOnlySpan<char> word) => lookup.ContainsKey(word);

    /// <summary>The first words of all phrases.</summary>
    public IEnumerable<string> FirstWords => byFirstToken.Keys;

    /// <summary>Every value of the longest phrase starting at token <paramref name="index"/> (several when shared).</summary>
    public bool TryMatch(TokenText text, int index, int end, out int length, List<T> values)
    {
        values.Clear();
        length = 0;
        if (index >= end || !lookup.TryGetValue(text[index], out var candidates)) return false;
        foreach (var (tokens, value) in candidates)
        {
            if (length > tokens.Length) break;
            if (index + tokens.Length > end || !Matches(text, index, tokens)) continue;
            length = tokens.Length;
            values.Add(value);
        }
        return length > 0;
    }

    public bool TryMatch(TokenText text, int index, int end, out int length, out T value)
    {
        value = default!;
        length = 0;
        if (index >= end || !lookup.TryGetValue(text[index], out var candidates)) return false;
        foreach (var (tokens, candidate) in candidates)
        {
            if (index + tokens.Length > end || !Matches(text, index, tokens)) continue;
            length = tokens.Length;
            value = candidate;
            return true;
        }
        return false;
    }

    /// <summary>The value of a one-word phrase equal to <paramref name="word"/>, ignoring case.</summary>
    public bool TryMatchWord(ReadOnlySpan<char> word, out T value)
    {
        value = default!;
        if (!lookup.TryGetValue(word, out var candidates)) return false;
        foreach (var (tokens, candidate) in candidates)
        {
            if (tokens.Length != 1) continue;
            value = candidate;
            return true;
        }
        return false;
    }

    private static bool Matches(TokenText text, int index, string[] tokens)
    {
        for (var k = 1; k < tokens.Length; k++)
        {
            if (!TokenText.SameToken(text[index + k], tokens[k])) return false;
        }
        return true;
    }
}
