namespace Casualties.Domain.Reconciliation;

/// <summary>
/// The outlines of a large partition's claims (<see cref="ClaimOutline"/>) in id order, field by field in arrays: about
/// 25 bytes a claim (and 12 more for one with a parent) instead of 48 in a list of outlines, and nothing per claim beside them (issue 14: the split of a
/// dense partition of 1.5 million claims is the largest thing a run holds). Used up by <see cref="PartitionRuns.SplitChunks(ClaimOutlines, Func{long, bool}, int)"/>.
/// </summary>
public sealed class ClaimOutlines
{
    private const byte TallyFlag = 1;
    private const byte EventKeyFlag = 2;

    private long[] ids;
    private List<int> withParent = [];
    private List<long> parents = [];
    private long[] hashes;
    private int[] firsts;
    private int[] lasts;
    private byte[] flags;

    /// <summary>Room for <paramref name="capacity"/> outlines (more grow the arrays).</summary>
    public ClaimOutlines(int capacity)
    {
        capacity = Math.Max(capacity, 1);
        (ids, hashes) = (new long[capacity], new long[capacity]);
        (firsts, lasts, flags) = (new int[capacity], new int[capacity], new byte[capacity]);
    }

    /// <summary>How many outlines were added.</summary>
    public int Count { get; private set; }

    /// <summary>Adds the outline of the claim with the next larger id (or an equal one).</summary>
    public void Add(in ClaimOutline outline)
    {
        if (Count > 0 && outline.Id < ids[Count - 1]) throw new ArgumentException($"Outlines come in id order: {outline.Id} after {ids[Count - 1]}.", nameof(outline));
        if (Count == ids.Length) Grow();
        var i = Count++;
        (ids[i], hashes[i]) = (outline.Id, outline.EventKeyHash);
        if (outline.ParentId is { } parentId)
        {
            withParent.Add(i);
            parents.Add(parentId);
        }
        (firsts[i], lasts[i]) = (outline.Window.First.DayNumber, outline.Window.Last.DayNumber);
        flags[i] = (byte)((outline.Tally ? TallyFlag : 0) | (outline.HasEventKey ? EventKeyFlag : 0));
    }

    internal long[] Ids => ids;

    internal int[] Firsts => firsts;

    internal int[] Lasts => lasts;

    internal long[] EventKeyHashes => hashes;

    internal long? ParentOf(int i)
    {
        var at = withParent.BinarySearch(i);
        return at >= 0 ? parents[at] : null;
    }

    internal bool HasEventKey(int i) => (flags[i] & EventKeyFlag) != 0;

    /// <summary>Whether each claim is a tally, as an array of its own; the flags are let go of.</summary>
    internal bool[] TakeTallies()
    {
        var tallies = new bool[Count];
        for (var i = 0; i < Count; i++) tallies[i] = (flags[i] & TallyFlag) != 0;
        (flags, withParent, parents, hashes) = ([], [], [], []);
        return tallies;
    }

    /// <summary>Lets go of everything but the ids (the split holds what it still reads).</summary>
    internal void Release() => (firsts, lasts, withParent, parents, hashes, flags) = ([], [], [], [], [], []);

    private void Grow()
    {
        var capacity = ids.Length * 2;
        Array.Resize(ref ids, capacity);
        Array.Resize(ref hashes, capacity);
        Array.Resize(ref firsts, capacity);
        Array.Resize(ref lasts, capacity);
        Array.Resize(ref flags, capacity);
    }
}
