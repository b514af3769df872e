namespace Casualties.Domain.Reconciliation;

/// <summary>
/// What the split of a partition into runs reads of a claim (<see cref="PartitionRuns.Split"/>): its id, parent, window,
/// whether it is a tally, and a 64-bit hash of its dataset event id (<see cref="HasEventKey"/> false for none).
/// </summary>
public readonly record struct ClaimOutline(long Id, long? ParentId, DayWindow Window, bool Tally, bool HasEventKey, long EventKeyHash)
{
    /// <summary>The outline of a claim.</summary>
    public static ClaimOutline Of(ClaimRecord claim) => new(claim.Id, claim.ParentId, claim.Window(), claim.IsTally(),
        claim.EventKey is not null, claim.EventKey is null ? 0 : HashOf(claim.EventKey));

    /// <summary>
    /// FNV-1a over the id's UTF-16 code units, 64 bits: two ids with one hash gather two events' days into one run (still
    /// exact, but larger), which a 32-bit hash does about once among 70,000 events of a dense partition.
    /// </summary>
    public static long HashOf(string eventKey)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in eventKey)
        {
            hash = (hash ^ (byte)c) * 1099511628211UL;
            hash = (hash ^ (byte)(c >> 8)) * 1099511628211UL;
        }
        return unchecked((long)hash);
    }
}

/// <summary>
/// A chunk of a partition's runs (<see cref="PartitionRuns.SplitChunks(ClaimOutlines, Func{long, bool}, int)"/>): its claims' ids in id order, and the first day
/// (<see cref="DateOnly.DayNumber"/>) of its events' units (<see cref="int.MinValue"/> for the first chunk).
/// </summary>
public sealed record PartitionChunk(long[] Ids, int FirstDay)
{
    /// <summary>
    /// Of <see cref="Ids"/>, how many are claims of tallies' units (the first chunk only): the partition keeps its tallies
    /// whole to its end (<see cref="PartitionReconciliation"/>), so a reader counts them in memory until then.
    /// </summary>
    public int TallyClaims { get; init; }
}

/// <summary>
/// Splits one partition's claims into runs that <see cref="PartitionReconciliation"/> reconciles one after another with
/// the result of reconciling them at once (issue 14; why it is exact: <see cref="PartitionReconciliation"/>).
/// </summary>
/// <remarks>
/// Claims are gathered into units as the grouper gathers them, or coarser: a claim with the top of its subset chain
/// inside the partition (at most 16 hops, as the grouper follows it); the tops holding one dataset event id (by a
/// 64-bit hash of the id, whatever the dataset: two ids with one hash only make a larger run). A unit spans the days of all its claims. Units
/// whose top is a tally go to the first run; units of events whose spans overlap, chained, form a run of their own,
/// and consecutive runs are gathered into chunks of about <c>claimsPerChunk</c> claims (a run larger than that is
/// a chunk alone). Two copies of one statement (which the grouper gathers into one unit) have the same window, so
/// they land in one run. A partition with a claim a user's correction names is one chunk.
/// </remarks>
public static class PartitionRuns
{
    private const int MaxHops = 16;

    /// <summary>The claim ids of each chunk, in the order to reconcile them (tallies in the first), each in id order.</summary>
    public static List<long[]> Split(IReadOnlyList<ClaimOutline> claims, Func<long, bool> overridden, int claimsPerChunk) =>
        SplitChunks(claims, overridden, claimsPerChunk).ConvertAll(c => c.Ids);

    /// <summary>
    /// <see cref="Split"/>, each chunk with the first day of its events: every claim of a chunk after the first lies
    /// (its window's first day) on or after its chunk's first day and before the next chunk's, so a chunk after the
    /// first can be read from the partition's claims in day order (the first holds the tallies, of any day).
    /// </summary>
    public static List<PartitionChunk> SplitChunks(IReadOnlyList<ClaimOutline> claims, Func<long, bool> overridden, int claimsPerChunk)
    {
        var outlines = new ClaimOutlines(claims.Count);
        foreach (var claim in claims.OrderBy(c => c.Id)) outlines.Add(claim);
        return SplitChunks(outlines, overridden, claimsPerChunk);
    }

    /// <summary>
    /// <see cref="SplitChunks(IReadOnlyList{ClaimOutline}, Func{long, bool}, int)"/> of outlines read in id order, in
    /// about 38 bytes a claim at most, 12 more for one with a parent (issue 14: a dense partition of 1.5 million claims);
    /// the outlines are used up.
    /// </summary>
    public static List<PartitionChunk> SplitChunks(ClaimOutlines outlines, Func<long, bool> overridden, int claimsPerChunk)
    {
        var (n, ids, first, last) = (outlines.Count, outlines.Ids, outlines.Firsts, outlines.Lasts);
        if (n == 0) return [];
        for (var i = 0; i < n; i++)
        {
            if (overridden(ids[i])) return [new PartitionChunk(Distinct(ids.AsSpan(0, n).ToArray()), int.MinValue)];
        }

        // The unit of each claim (by the position of its representative in id order): the top of its chain, or the
        // first top holding the same event id.
        var unit = new int[n];
        var byEventKey = new Dictionary<long, int>();
        for (var i = 0; i < n; i++)
        {
            var top = i;
            for (var hops = 0; hops < MaxHops; hops++)
            {
                if (outlines.ParentOf(top) is not { } parentId || parentId == ids[top]) break;
                var parent = Array.BinarySearch(ids, 0, n, parentId);
                if (parent < 0) break;
                // Of equal ids (none in a table with a primary key) the grouper keeps the first.
                while (parent > 0 && ids[parent - 1] == parentId) parent--;
                top = parent;
            }
            if (outlines.HasEventKey(top))
            {
                if (!byEventKey.TryGetValue(outlines.EventKeyHashes[top], out var firstTop)) byEventKey[outlines.EventKeyHashes[top]] = firstTop = top;
                top = firstTop;
            }
            unit[i] = top;
        }
        byEventKey = null!;
        var tallies = outlines.TakeTallies();

        // Each unit's span and size; a unit is a tally's when its top is a tally (an event id's rows never are).
        var spanFirst = new int[n];
        var spanLast = new int[n];
        var size = new int[n];
        for (var i = 0; i < n; i++)
        {
            var u = unit[i];
            if (size[u]++ == 0) (spanFirst[u], spanLast[u]) = (first[i], last[i]);
            else (spanFirst[u], spanLast[u]) = (Math.Min(spanFirst[u], first[i]), Math.Max(spanLast[u], last[i]));
        }
        (first, last) = (null!, null!);
        outlines.Release();
        var tallyClaims = 0;
        var eventUnits = new List<int>();
        for (var u = 0; u < n; u++)
        {
            if (size[u] == 0) continue;
            if (tallies[u]) tallyClaims += size[u];
            else eventUnits.Add(u);
        }

        // Runs of overlapping spans, swept in order of their first day, gathered into chunks; a unit's chunk is noted in
        // the place of its span's last day once its run is made (it is not read again).
        eventUnits.Sort((a, b) => spanFirst[a] != spanFirst[b] ? spanFirst[a].CompareTo(spanFirst[b]) : a.CompareTo(b));
        var chunkOf = spanLast;
        var chunkFirstDays = new List<int> { int.MinValue };
        var chunkSizes = new List<int> { tallyClaims };
        var (chunk, chunkClaims) = (0, tallyClaims);
        for (var k = 0; k < eventUnits.Count;)
        {
            // One run: units from k while they overlap the days reached so far.
            var (end, reached, runClaims) = (k, int.MinValue, 0);
            while (end < eventUnits.Count && (end == k || spanFirst[eventUnits[end]] <= reached))
            {
                reached = Math.Max(reached, spanLast[eventUnits[end]]);
                runClaims += size[eventUnits[end]];
                end++;
            }
            if (chunkClaims > 0 && chunkClaims + runClaims > claimsPerChunk)
            {
                (chunk, chunkClaims) = (chunk + 1, 0);
                // Units are swept in order of their first day: this run's first is the chunk's.
                chunkFirstDays.Add(spanFirst[eventUnits[k]]);
                chunkSizes.Add(0);
            }
            for (var j = k; j < end; j++) chunkOf[eventUnits[j]] = chunk;
            chunkClaims += runClaims;
            chunkSizes[chunk] += runClaims;
            k = end;
        }
        eventUnits = null!;

        var chunks = new long[chunk + 1][];
        var filled = new int[chunk + 1];
        for (var c = 0; c < chunks.Length; c++) chunks[c] = new long[chunkSizes[c]];
        for (var i = 0; i < n; i++)
        {
            var u = unit[i];
            var c = tallies[u] ? 0 : chunkOf[u];
            chunks[c][filled[c]++] = ids[i];
        }
        var result = new List<PartitionChunk>(chunks.Length);
        for (var c = 0; c < chunks.Length; c++)
        {
            // Equal ids (none in a table with a primary key) once.
            var distinct = Distinct(chunks[c]);
            if (distinct.Length > 0) result.Add(new PartitionChunk(distinct, chunkFirstDays[c]) { TallyClaims = c == 0 ? Math.Min(tallyClaims, distinct.Length) : 0 });
        }
        return result;
    }

    private static long[] Distinct(long[] sorted)
    {
        var repeated = 0;
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] == sorted[i - 1]) repeated++;
        }
        if (repeated == 0) return sorted;
        var distinct = new long[sorted.Length - repeated];
        for (int i = 0, d = 0; i < sorted.Length; i++)
        {
            if (i == 0 || sorted[i] != sorted[i - 1]) distinct[d++] = sorted[i];
        }
        return distinct;
    }
}
