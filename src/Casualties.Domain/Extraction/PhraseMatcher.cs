namespace Casualties.Domain.Extraction;

/// <summary>
/// Finds multi-word phrases (aliases, victim terms, lexicon entries) in token streams, longest first,
/// ignoring case. Phrases are tokenized like the text, so "Syria's army" matches "Syria’s army".
/// </summary>
/// <remarks>
/// Phrases are indexed by their first and second tokens, so a common first word ("the", "Syrian") only
/// tries the phrases that also share the next word of the text.
/// </remarks>
public sealed class PhraseMatcher<T>
{
    private const string Apostrophe = "'";

    /// <summary>The phrases that start with one word: what <see cref="FirstWordBucket"/> hands out for a word looked up once.</summary>
    internal sealed class Bucket
    {
        /// <summary>One-word phrases.</summary>
        public List<T> Single { get; } = [];
        /// <summary>One-word phrases and the short acronyms spelled like them ("WHO", "AA"): what a word in capitals matches.</summary>
        public List<T>? SingleInCapitals { get; set; }
        /// <summary>Longer phrases by their second token, longest first.</summary>
        public Dictionary<string, List<(string[] Tokens, T Value, List<T> Group)>> BySecond { get; } = new(StringComparer.OrdinalIgnoreCase);
        public Dictionary<string, List<(string[] Tokens, T Value, List<T> Group)>>.AlternateLookup<ReadOnlySpan<char>> SecondLookup { get; set; }
    }

    private readonly Dictionary<string, Bucket> byFirstToken = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Bucket>.AlternateLookup<ReadOnlySpan<char>> lookup;

    /// <summary>
    /// The shapes (length, first and last letter) of every phrase's first token: a word of a shape no phrase starts with is
    /// turned away before its hash is computed. Most words are, for the small vocabularies asked at every token (outcome
    /// verbs, qualifiers).
    /// </summary>
    private readonly WordShapes firstShapes = new(16);

    /// <summary>
    /// The shapes of every longer phrase's second token: the word after a first word is hashed only when some phrase may
    /// go on with it (most first words of the name matchers, "the" above all, are followed by a word no phrase has next).
    /// </summary>
    private readonly WordShapes secondShapes = new(16);

    /// <summary>A matcher of the given phrases (words separated by spaces), each standing for its value.</summary>
    public PhraseMatcher(IEnumerable<(string Phrase, T Value)> phrases)
    {
        foreach (var (phrase, value) in phrases)
        {
            var tokens = Tokenizer.Tokenize(phrase).Select(t => phrase.Substring(t.Start, t.Length)).ToArray();
            if (tokens.Length == 0) continue;
            if (!byFirstToken.TryGetValue(tokens[0], out var bucket)) byFirstToken[tokens[0]] = bucket = new Bucket();
            if (tokens.Length == 1)
            {
                if (IsShortAcronym(tokens[0]))
                {
                    bucket.SingleInCapitals ??= [];
                    if (!bucket.SingleInCapitals.Contains(value)) bucket.SingleInCapitals.Add(value);
                }
                else if (!bucket.Single.Contains(value))
                {
                    bucket.Single.Add(value);
                }
                continue;
            }
            var second = KeyOf(tokens[1]);
            secondShapes.Add(second);
            if (!bucket.BySecond.TryGetValue(second, out var list)) bucket.BySecond[second] = list = [];
            if (!list.Any(e => e.Tokens.SequenceEqual(tokens, StringComparer.OrdinalIgnoreCase) && Equals(e.Value, value)))
            {
                list.Add((tokens, value, []));
            }
        }
        foreach (var bucket in byFirstToken.Values)
        {
            if (bucket.SingleInCapitals is { } acronyms) bucket.SingleInCapitals = [.. bucket.Single, .. acronyms.Where(a => !bucket.Single.Contains(a))];
            foreach (var list in bucket.BySecond.Values)
            {
                list.Sort((a, b) => b.Tokens.Length.CompareTo(a.Tokens.Length));
                GroupSameSpellings(list);
            }
            bucket.SecondLookup = bucket.BySecond.GetAlternateLookup<ReadOnlySpan<char>>();
        }
        lookup = byFirstToken.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var first in byFirstToken.Keys) firstShapes.Add(first);
    }

    /// <summary>False only when no phrase can start with the word.</summary>
    private bool MayStart(ReadOnlySpan<char> word) => firstShapes.MayContain(word);

    private bool TryBucket(ReadOnlySpan<char> word, out Bucket bucket)
    {
        if (MayStart(word)) return lookup.TryGetValue(word, out bucket!);
        bucket = null!;
        return false;
    }

    /// <summary>
    /// Each phrase's group: the values of it and of every later phrase spelled the same (the text matches all of
    /// them or none), in list order, so that a match returns them without collecting them again.
    /// </summary>
    private static void GroupSameSpellings(List<(string[] Tokens, T Value, List<T> Group)> list)
    {
        for (var p = 0; p < list.Count; p++)
        {
            for (var q = p; q < list.Count && list[q].Tokens.Length == list[p].Tokens.Length; q++)
            {
                if (SameSpelling(list[p].Tokens, list[q].Tokens)) list[p].Group.Add(list[q].Value);
            }
        }
    }

    /// <summary>Phrases of one list share their first two tokens; the rest compare as <see cref="Matches"/> does.</summary>
    private static bool SameSpelling(string[] a, string[] b)
    {
        for (var k = 2; k < a.Length; k++)
        {
            if (!TokenText.SameToken(a[k], b[k])) return false;
        }
        return true;
    }

    /// <summary>
    /// "WHO", "AA", "AI": a phrase of two or three capital letters is an acronym that matches only a word in capitals, not
    /// the English word spelled the same ("who").
    /// </summary>
    private static bool IsShortAcronym(string token) => token.Length is 2 or 3 && IsCapitals(token);

    private static bool IsCapitals(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsUpper(c)) return false;
        }
        return true;
    }

    /// <summary>The one-word phrases a word matches: in capitals, the acronyms too.</summary>
    private static List<T> SingleFor(Bucket bucket, ReadOnlySpan<char> word) =>
        bucket.SingleInCapitals is { } withAcronyms && IsCapitals(word) ? withAcronyms : bucket.Single;

    /// <summary>Every apostrophe counts as one.</summary>
    private static string KeyOf(string token) => token.Length == 1 && Tokenizer.IsApostrophe(token[0]) ? Apostrophe : token;

    private static ReadOnlySpan<char> KeyOf(ReadOnlySpan<char> token) =>
        token.Length == 1 && Tokenizer.IsApostrophe(token[0]) ? Apostrophe.AsSpan() : token;

    /// <summary>True when some phrase starts with this word: a cheap test before <see cref="TryMatch(TokenText, int, int, out int, List{T})"/>.</summary>
    public bool MayStartWith(ReadOnlySpan<char> word) => MayStart(word) && lookup.ContainsKey(word);

    /// <summary>The first words of all phrases.</summary>
    public IEnumerable<string> FirstWords => byFirstToken.Keys;

    /// <summary>The phrases starting with <paramref name="firstWord"/> (a key of <see cref="FirstWords"/>), or null when none does.</summary>
    internal Bucket? FirstWordBucket(string firstWord) => byFirstToken.TryGetValue(firstWord, out var bucket) ? bucket : null;

    /// <summary>
    /// As <see cref="TryMatchShared(TokenText, int, int, out int, out IReadOnlyList{T})"/>, with the token's first-word look-up
    /// already done (<see cref="FirstWordBucket"/> of the token, null when no phrase starts with it): a caller asking several
    /// matchers about the same word hashes it once.
    /// </summary>
    internal bool TryMatchShared(Bucket? bucket, TokenText text, int index, int end, out int length, out IReadOnlyList<T> values)
    {
        values = [];
        length = 0;
        if (bucket is null || index >= end) return false;
        return TryMatchIn(bucket, text, index, end, out length, out values);
    }

    /// <summary>The phrases of two words or more that start with the two tokens at <paramref name="index"/>, longest first.</summary>
    private List<(string[] Tokens, T Value, List<T> Group)>? Longer(Bucket bucket, TokenText text, int index, int end)
    {
        if (index + 1 >= end || bucket.BySecond.Count == 0) return null;
        var second = KeyOf(text[index + 1]);
        return secondShapes.MayContain(second) && bucket.SecondLookup.TryGetValue(second, out var list) ? list : null;
    }

    /// <summary>Every value of the longest phrase starting at token <paramref name="index"/> (several when shared).</summary>
    public bool TryMatch(TokenText text, int index, int end, out int length, List<T> values)
    {
        values.Clear();
        if (!TryMatchShared(text, index, end, out length, out var found)) return false;
        values.AddRange(found);
        return true;
    }

    /// <summary>
    /// Every value of the longest phrase starting at token <paramref name="index"/> (several when shared), without
    /// copying: a one-word phrase's values are the matcher's own list, which the caller must not change.
    /// </summary>
    public bool TryMatchShared(TokenText text, int index, int end, out int length, out IReadOnlyList<T> values)
    {
        values = [];
        length = 0;
        if (index >= end || !TryBucket(text[index], out var bucket)) return false;
        return TryMatchIn(bucket, text, index, end, out length, out values);
    }

    private bool TryMatchIn(Bucket bucket, TokenText text, int index, int end, out int length, out IReadOnlyList<T> values)
    {
        values = [];
        length = 0;
        if (Longer(bucket, text, index, end) is { } candidates)
        {
            foreach (var (tokens, _, group) in candidates)
            {
                if (index + tokens.Length > end || !Matches(text, index, tokens)) continue;
                length = tokens.Length;
                values = group;
                return true;
            }
        }
        var single = SingleFor(bucket, text[index]);
        if (single.Count == 0) return false;
        length = 1;
        values = single;
        return true;
    }

    /// <summary>The first value of the longest phrase starting at token <paramref name="index"/> and ending before <paramref name="end"/>.</summary>
    public bool TryMatch(TokenText text, int index, int end, out int length, out T value)
    {
        value = default!;
        length = 0;
        if (index >= end || !TryBucket(text[index], out var bucket)) return false;
        if (Longer(bucket, text, index, end) is { } candidates)
        {
            foreach (var (tokens, candidate, _) in candidates)
            {
                if (index + tokens.Length > end || !Matches(text, index, tokens)) continue;
                length = tokens.Length;
                value = candidate;
                return true;
            }
        }
        var single = SingleFor(bucket, text[index]);
        if (single.Count == 0) return false;
        length = 1;
        value = single[0];
        return true;
    }

    /// <summary>The value of a one-word phrase equal to <paramref name="word"/>, ignoring case.</summary>
    public bool TryMatchWord(ReadOnlySpan<char> word, out T value)
    {
        value = default!;
        if (!TryBucket(word, out var bucket) || SingleFor(bucket, word) is not { Count: > 0 } single) return false;
        value = single[0];
        return true;
    }

    /// <summary>Every value of the one-word phrase equal to <paramref name="word"/>, ignoring case (several when shared).</summary>
    public bool TryMatchWord(ReadOnlySpan<char> word, List<T> values)
    {
        values.Clear();
        if (!TryBucket(word, out var bucket)) return false;
        values.AddRange(SingleFor(bucket, word));
        return values.Count > 0;
    }

    private static bool Matches(TokenText text, int index, string[] tokens)
    {
        for (var k = 2; k < tokens.Length; k++)
        {
            if (!TokenText.SameToken(text[index + k], tokens[k])) return false;
        }
        return true;
    }
}
