namespace Casualties.Domain.Extraction;

/// <summary>Looks words up in case-insensitive sets by span, without allocating a string per token.</summary>
internal static class WordSets
{
    public static bool Contains(this HashSet<string> words, ReadOnlySpan<char> word) =>
        !word.IsEmpty && words.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
}
