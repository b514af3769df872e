using System.Numerics;

namespace Casualties.Domain.Extraction;

/// <summary>Looks words up in case-insensitive sets by span, without allocating a string per token.</summary>
internal static class WordSets
{
    public static bool Contains(this HashSet<string> words, ReadOnlySpan<char> word) =>
        words is WordSet set ? set.Contains(word) : !word.IsEmpty && words.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    /// <summary>A word (span) as a key of a string-keyed map, without making a string of it (the map's own comparer).</summary>
    public static bool ContainsKey<TValue>(this Dictionary<string, TValue> map, ReadOnlySpan<char> key) =>
        map.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(key);

    /// <summary>The value of a word (span) in a string-keyed map, without making a string of it.</summary>
    public static bool TryGetValue<TValue>(this Dictionary<string, TValue> map, ReadOnlySpan<char> key,
        [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TValue value) =>
        map.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out value);

    /// <summary>
    /// As <c>Enumerable.Contains(list, value, StringComparer.Ordinal)</c>, by index: that overload enumerates an
    /// <see cref="IReadOnlyList{T}"/> through a boxed enumerator, and the rules ask a conflict's countries at every name.
    /// </summary>
    public static bool ContainsOrdinal(this IReadOnlyList<string> list, string? value) => IndexOf(list, value, StringComparison.Ordinal) >= 0;

    /// <summary>As <c>Enumerable.Contains(list, value, StringComparer.OrdinalIgnoreCase)</c>, by index.</summary>
    public static bool ContainsIgnoreCase(this IReadOnlyList<string> list, string? value) => IndexOf(list, value, StringComparison.OrdinalIgnoreCase) >= 0;

    private static int IndexOf(IReadOnlyList<string> list, string? value, StringComparison comparison)
    {
        for (var k = 0; k < list.Count; k++)
        {
            if (string.Equals(list[k], value, comparison)) return k;
        }
        return -1;
    }
}

/// <summary>
/// A case-insensitive set of words (ordinal, as <see cref="StringComparer.OrdinalIgnoreCase"/>) that turns most words of
/// a text away before hashing them: one bit per (length, first, second and last letter) some member has. The rules ask a
/// small vocabulary about nearly every token, and nearly every token has a shape none of its words has.
/// </summary>
/// <remarks>
/// Fill it by <see cref="Add"/> on this type (a collection initializer does) or by the constructor: an item added
/// through the <see cref="HashSet{T}"/> base escapes the filter. The vocabularies are filled once and only read.
/// </remarks>
internal sealed class WordSet : HashSet<string>
{
    private readonly WordShapes shapes;
    private readonly AlternateLookup<ReadOnlySpan<char>> lookup;

    public WordSet() : this(12)
    {
    }

    private WordSet(int log2Bits) : base(StringComparer.OrdinalIgnoreCase)
    {
        shapes = new WordShapes(log2Bits);
        lookup = GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// A set of the words, its filter sized to them: sixteen bits per word, from 4,096 up to 65,536 bits (8 KB). The names'
    /// first words (thousands, asked at every word of a text) filled the small filter's bits, and a word turned away there
    /// costs a look-up in a table too large to stay in the cache.
    /// </summary>
    public WordSet(IEnumerable<string> words) : this(words as IReadOnlyCollection<string> ?? [.. words])
    {
    }

    private WordSet(IReadOnlyCollection<string> words) : this(WordShapes.Log2BitsFor(words.Count))
    {
        foreach (var word in words) Add(word);
    }

    public new bool Add(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        shapes.Add(word);
        return base.Add(word);
    }

    /// <summary>True when the set holds the word ignoring case (ordinal).</summary>
    public bool Contains(ReadOnlySpan<char> word) => !word.IsEmpty && shapes.MayContain(word) && lookup.Contains(word);
}

/// <summary>
/// The shapes of a set of words — one bit per (length, first, second and last letter) with ASCII case folded, several
/// shapes to a bit — so that a word of another shape is known absent without hashing it.
/// </summary>
internal sealed class WordShapes(int log2Bits)
{
    /// <summary>The filter's size for a vocabulary of <paramref name="count"/> words: sixteen bits a word, from 4,096 up to 65,536 bits.</summary>
    public static int Log2BitsFor(int count) => Math.Clamp(BitOperations.Log2((uint)Math.Max(count, 1) - 1) + 1 + 4, 12, 16);

    private readonly ulong[] bits = new ulong[Math.Max(1, (1 << log2Bits) / 64)];
    private readonly int shift = 32 - log2Bits;

    public void Add(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty) return;
        var second = SecondOf(word);
        // A character outside ASCII may equal an ASCII one ignoring case ("ſ" and "s"): its ASCII cases count too.
        foreach (var first in Cases(word[0]))
        {
            foreach (var next in Cases(second))
            {
                foreach (var last in Cases(word[^1]))
                {
                    if ((first | next | last) >= 0x80) continue;
                    var shape = Shape(word.Length, first, next, last);
                    bits[shape >> 6] |= 1UL << (int)(shape & 63);
                }
            }
        }
    }

    private static ReadOnlySpan<char> Cases(char c) => (char[])[c, char.ToUpperInvariant(c), char.ToLowerInvariant(c)];

    /// <summary>The second character, or for a word of one character its first (the same position in any word equal to it).</summary>
    private static char SecondOf(ReadOnlySpan<char> word) => word.Length > 1 ? word[1] : word[0];

    /// <summary>False only when no word of the set can equal this one ignoring case (its first and last letters are ASCII).</summary>
    public bool MayContain(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty) return false;
        var first = word[0];
        var second = SecondOf(word);
        var last = word[^1];
        if ((first | second | last) >= 0x80) return true;
        var shape = Shape(word.Length, first, second, last);
        return (bits[shape >> 6] & (1UL << (int)(shape & 63))) != 0;
    }

    private uint Shape(int length, char first, char second, char last) =>
        ((uint)Math.Min(length, 31) * 0x9E3779B1u ^ (uint)(first | 0x20) * 0x85EBCA77u ^ (uint)(second | 0x20) * 0x27D4EB2Fu
            ^ (uint)(last | 0x20) * 0xC2B2AE3Du) >> shift;
}

/// <summary>
/// A case-insensitive map from words to values (ordinal, as <see cref="StringComparer.OrdinalIgnoreCase"/>), asked by span,
/// that turns a word of a shape none of its keys has away before hashing it, as <see cref="WordSet"/> does. The month,
/// weekday and direction words are asked at every capitalised word or name, and nearly every word is none of them.
/// </summary>
internal sealed class WordMap<TValue>
{
    private readonly Dictionary<string, TValue>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private readonly WordShapes shapes;

    /// <summary>
    /// A map of the entries of <paramref name="map"/>, whose comparer must be <see cref="StringComparer.OrdinalIgnoreCase"/>;
    /// its filter sized to the keys as <see cref="WordSet"/>'s is (the names' first words are thousands).
    /// </summary>
    public WordMap(Dictionary<string, TValue> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (!ReferenceEquals(map.Comparer, StringComparer.OrdinalIgnoreCase)) throw new ArgumentException("The map must ignore case as OrdinalIgnoreCase does.", nameof(map));
        shapes = new WordShapes(WordShapes.Log2BitsFor(map.Count));
        foreach (var key in map.Keys) shapes.Add(key);
        lookup = map.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>True when a key equals the word ignoring case.</summary>
    public bool ContainsKey(ReadOnlySpan<char> word) => shapes.MayContain(word) && lookup.ContainsKey(word);

    /// <summary>The value of the key equal to the word ignoring case.</summary>
    public bool TryGetValue(ReadOnlySpan<char> word, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TValue value)
    {
        if (shapes.MayContain(word)) return lookup.TryGetValue(word, out value);
        value = default;
        return false;
    }

    /// <summary>The value of the key equal to the word ignoring case; throws when there is none.</summary>
    public TValue this[ReadOnlySpan<char> word] => TryGetValue(word, out var value) ? value : throw new KeyNotFoundException();
}
