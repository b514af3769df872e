namespace Casualties.Domain.Extraction;

/// <summary>Looks words up in case-insensitive sets by span, without allocating a string per token.</summary>
internal static class WordSets
{
    public static bool Contains(this HashSet<string> words, ReadOnlySpan<char> word) =>
        words is WordSet set ? set.Contains(word) : !word.IsEmpty && words.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
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
    private const int Bits = 4096;
    private readonly ulong[] shapes = new ulong[Bits / 64];
    private readonly AlternateLookup<ReadOnlySpan<char>> lookup;

    public WordSet() : base(StringComparer.OrdinalIgnoreCase) => lookup = GetAlternateLookup<ReadOnlySpan<char>>();

    public WordSet(IEnumerable<string> words) : this()
    {
        foreach (var word in words) Add(word);
    }

    public new bool Add(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length > 0)
        {
            // A character outside ASCII may equal an ASCII one ignoring case ("ſ" and "s"): its ASCII cases count too.
            foreach (var first in (ReadOnlySpan<char>)[word[0], char.ToUpperInvariant(word[0]), char.ToLowerInvariant(word[0])])
            {
                foreach (var last in (ReadOnlySpan<char>)[word[^1], char.ToUpperInvariant(word[^1]), char.ToLowerInvariant(word[^1])])
                {
                    if (first < 0x80 && last < 0x80) Mark(Shape(word.Length, first, last));
                }
            }
        }
        return base.Add(word);
    }

    /// <summary>True when the set holds the word ignoring case (ordinal).</summary>
    public bool Contains(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty) return false;
        var first = word[0];
        var last = word[^1];
        // Only a word of ASCII first and last letters can be told absent by its shape.
        if ((first | last) < 0x80 && (shapes[Shape(word.Length, first, last) >> 6] & (1UL << (Shape(word.Length, first, last) & 63))) == 0) return false;
        return lookup.Contains(word);
    }

    /// <summary>(length, first, last) with ASCII case folded, as one of <see cref="Bits"/> bits (shapes may share a bit).</summary>
    private static int Shape(int length, char first, char last) =>
        (int)(((uint)Math.Min(length, 31) * 0x9E3779B1u ^ (uint)(first | 0x20) * 0x85EBCA77u ^ (uint)(last | 0x20) * 0xC2B2AE3Du) >> 20) & (Bits - 1);

    private void Mark(int shape) => shapes[shape >> 6] |= 1UL << (shape & 63);
}
