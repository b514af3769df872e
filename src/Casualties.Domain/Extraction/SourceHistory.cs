using System.Collections;
using Casualties.Domain.Reference;

namespace Casualties.Domain.Extraction;

/// <summary>
/// The sources a document credited so far, most recent last, with what anaphora ask of them indexed as they are
/// added: the nearest entry of a kind ("the monitor said") and the nearest with an office's noun ("the governor
/// added"). Each answer is the one a backward scan over every entry gives, found without the scan, so that a long
/// document costs the same per sentence at its end as at its start.
/// </summary>
internal sealed class SourceHistory : IReadOnlyList<IReadOnlyList<Source>>
{
    private readonly List<IReadOnlyList<Source>> entries = [];
    private readonly Dictionary<string, int> lastOfKind = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, NounIndex> byNoun = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>For one office noun: the entries read so far, the last whose sources have the noun, and by the first five letters of each word of such a source's name, the last entry that has it.</summary>
    private sealed class NounIndex
    {
        public int Read;
        public int Last = -1;
        public Dictionary<string, int> LastByStem { get; } = new(StringComparer.OrdinalIgnoreCase);
    }

    public int Count => entries.Count;

    public IReadOnlyList<Source> this[int index] => entries[index];

    public void Add(IReadOnlyList<Source> sources)
    {
        var index = entries.Count;
        entries.Add(sources);
        for (var k = 0; k < sources.Count; k++) lastOfKind[sources[k].Kind] = index;
    }

    /// <summary>The last entry with a source of one of the kinds ("monitor|ngo"); with no kinds, the last entry.</summary>
    public IReadOnlyList<Source>? LastOfKinds(string kinds)
    {
        if (kinds.Length == 0) return entries.Count > 0 ? entries[^1] : null;
        var last = -1;
        var lookup = lastOfKind.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var range in kinds.AsSpan().Split('|'))
        {
            if (lookup.TryGetValue(kinds.AsSpan()[range], out var at) && at > last) last = at;
        }
        return last >= 0 ? entries[last] : null;
    }

    /// <summary>
    /// The last entry with a source that has <paramref name="head"/> and shares a qualifying word's stem with
    /// <paramref name="phrase"/> (<see cref="SourceCanonicaliser.SharesQualifier"/>), else the last with a source that has
    /// the noun (<see cref="SourceCanonicaliser.HasNoun"/>), else null.
    /// </summary>
    public IReadOnlyList<Source>? LastWithNoun(string phrase, string head, bool qualifierMustMatch = false)
    {
        if (!byNoun.TryGetValue(head, out var index)) byNoun[head] = index = new NounIndex();
        for (; index.Read < entries.Count; index.Read++)
        {
            var read = entries[index.Read];
            for (var k = 0; k < read.Count; k++)
            {
                var source = read[k];
                if (!SourceCanonicaliser.HasNoun(source, head)) continue;
                index.Last = index.Read;
                foreach (var word in source.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (word.Length >= SourceCanonicaliser.StemLength) index.LastByStem[word[..SourceCanonicaliser.StemLength]] = index.Read;
                }
            }
        }
        if (index.Last < 0) return null;
        var shared = -1;
        var stems = index.LastByStem.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var word in phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!SourceCanonicaliser.IsQualifier(word, head)) continue;
            if (stems.TryGetValue(word.AsSpan(0, SourceCanonicaliser.StemLength), out var at) && at > shared) shared = at;
        }
        if (shared < 0 && qualifierMustMatch) return null;
        return entries[shared >= 0 ? shared : index.Last];
    }

    public IEnumerator<IReadOnlyList<Source>> GetEnumerator() => entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
