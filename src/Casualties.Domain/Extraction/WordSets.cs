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
/// a text away before hashing them: one bit per (length, first letter, last letter) some member has. The rules ask a
/// small vocabulary about nearly every token, and nearly every token has a shape none of its words has.
/// </summary>
/// <remarks>
/// Fill it by <see cref="Add"/> on this type (a collection initializer does) or by the constructor: an item added
/// through the <see cref="HashSet{T}"/> base escapes the filter. The vocabularies are filled once and only read.
/// </remarks>
internal sealed class WordSet : HashSet<string>
{
    private readonly WordShapes shapes = new(12);
    private readonly AlternateLookup<ReadOnlySpan<char>> lookup;

    public WordSet() : base(StringComparer.OrdinalIgnoreCase) => lookup = GetAlternateLookup<ReadOnlySpan<char>>();

    public WordSet(IEnumerable<string> words) : this()
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
/// The shapes of a set of words — one bit per (length, first letter, last letter) with ASCII case folded, several
/// shapes to a bit — so that a word of another shape is known absent without hashing it.
/// </summary>
internal sealed class WordShapes(int log2Bits)
{
    private readonly ulong[] bits = new ulong[Math.Max(1, (1 << log2Bits) / 64)];
    private readonly int shift = 32 - log2Bits;

    public void Add(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty) return;
        // A character outside ASCII may equal an ASCII one ignoring case ("ſ" and "s"): its ASCII cases count too.
        foreach (var first in (ReadOnlySpan<char>)[word[0], char.ToUpperInvariant(word[0]), char.ToLowerInvariant(word[0])])
        {
            foreach (var last in (ReadOnlySpan<char>)[word[^1], char.ToUpperInvariant(word[^1]), char.ToLowerInvariant(word[^1])])
            {
                if (first >= 0x80 || last >= 0x80) continue;
                var shape = Shape(word.Length, first, last);
                bits[shape >> 6] |= 1UL << (int)(shape & 63);
            }
        }
    }

    /// <summary>False only when no word of the set can equal this one ignoring case (its first and last letters are ASCII).</summary>
    public bool MayContain(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty) return false;
        var first = word[0];
        var last = word[^1];
        if ((first | last) >= 0x80) return true;
        var shape = Shape(word.Length, first, last);
        return (bits[shape >> 6] & (1UL << (int)(shape & 63))) != 0;
    }

    private uint Shape(int length, char first, char last) =>
        ((uint)Math.Min(length, 31) * 0x9E3779B1u ^ (uint)(first | 0x20) * 0x85EBCA77u ^ (uint)(last | 0x20) * 0xC2B2AE3Du) >> shift;
}
