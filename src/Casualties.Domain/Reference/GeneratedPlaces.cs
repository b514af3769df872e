using System.Text;
using Casualties.Domain.Extraction;

namespace Casualties.Domain.Reference;

/// <summary>
/// The gazetteer's generated layer (GeoNames, ~200,000 divisions and towns) held compactly: one UTF-8 pool for the
/// keys, names and aliases, flat arrays per column, and two sorted hash indexes (name → places, key → place). A
/// <see cref="Place"/> is made only for a place the text names or a key a claim carries, and kept for reuse.
/// </summary>
/// <remarks>
/// The layer is built once per process for a checksum (<see cref="Shared"/>), lazily: a process that never reads a
/// place context (or a database whose claims name no generated place) never loads it. Its countries are not here:
/// they are ordinary rows of <see cref="ReferenceData.Places"/>.
/// </remarks>
public sealed class GeneratedPlaces
{
    /// <summary>One row of the layer as its sources give it (the seed file or the places table).</summary>
    public readonly record struct Row(
        string Key, string Name, string Parent, string Kind, string Aliases, double? Latitude, double? Longitude);

    private static readonly string[] Kinds = ["city", "area", "region", "district", "country"];

    private readonly byte[] pool;
    private readonly int[] keyStart, nameStart, aliasStart, aliasEnd;
    private readonly int[] parent; // >= 0: a row of the layer; < 0: ~index into externalParents
    private readonly byte[] kind;
    private readonly float[] latitude, longitude;
    private readonly string[] externalParents;
    private readonly string[] extraKinds;
    private readonly ulong[] nameHashes;
    private readonly int[] nameRows;
    private readonly ulong[] keyHashes;
    private readonly int[] keyRows;
    private readonly Dictionary<int, Place> made = [];
    private readonly Lock gate = new();

    /// <summary>The most tokens of any name: how far a match looks ahead.</summary>
    private readonly int longestName;

    /// <summary>Identifies the layer's content (a hash of the seed file): what the database and the cache compare.</summary>
    public string Checksum { get; }

    public int Count => kind.Length;

    private GeneratedPlaces(Builder b, string checksum)
    {
        Checksum = checksum;
        pool = b.Pool.ToArray();
        keyStart = [.. b.KeyStart];
        nameStart = [.. b.NameStart];
        aliasStart = [.. b.AliasStart];
        aliasEnd = [.. b.AliasEnd];
        kind = [.. b.Kind];
        latitude = [.. b.Latitude];
        longitude = [.. b.Longitude];
        extraKinds = [.. b.ExtraKinds];
        keyHashes = [.. b.KeyHashes];
        keyRows = [.. Enumerable.Range(0, keyHashes.Length)];
        Array.Sort(keyHashes, keyRows);
        var external = new Dictionary<string, int>(StringComparer.Ordinal);
        parent = new int[kind.Length];
        for (var row = 0; row < parent.Length; row++)
        {
            var parentKey = b.Parents[row];
            var found = FindKey(parentKey);
            if (found >= 0) parent[row] = found;
            else
            {
                if (!external.TryGetValue(parentKey, out var index)) external[parentKey] = index = external.Count;
                parent[row] = ~index;
            }
        }
        externalParents = new string[external.Count];
        foreach (var (key, index) in external) externalParents[index] = key;
        nameHashes = [.. b.NameHashes];
        nameRows = [.. b.NameRows];
        Array.Sort(nameHashes, nameRows);
        longestName = b.LongestName;
    }

    /// <summary>Builds a layer row by row: strings go to the pool at once, nothing per row stays allocated.</summary>
    public sealed class Builder
    {
        internal readonly List<byte> Pool = [];
        internal readonly List<int> KeyStart = [], NameStart = [], AliasStart = [], AliasEnd = [];
        internal readonly List<string> Parents = [];
        internal readonly List<byte> Kind = [];
        internal readonly List<float> Latitude = [], Longitude = [];
        internal readonly List<string> ExtraKinds = [];
        internal readonly List<ulong> KeyHashes = [], NameHashes = [];
        internal readonly List<int> NameRows = [];
        internal int LongestName;
        private readonly Dictionary<string, string> parentNames = new(StringComparer.Ordinal);
        private readonly List<Token> tokens = [];

        /// <summary>Adds a division or town; a row without a parent (a country) is not the layer's and is refused.</summary>
        public void Add(Row row)
        {
            if (string.IsNullOrEmpty(row.Parent)) throw new ArgumentException($"Generated place '{row.Key}' has no parent.", nameof(row));
            var index = Kind.Count;
            KeyStart.Add(Pool.Count);
            Append(row.Key);
            NameStart.Add(Pool.Count);
            Append(row.Name);
            AliasStart.Add(Pool.Count);
            Append(row.Aliases);
            AliasEnd.Add(Pool.Count);
            // Parents repeat (a region has thousands of towns): one string each.
            if (!parentNames.TryGetValue(row.Parent, out var parentKey)) parentNames[row.Parent] = parentKey = row.Parent;
            Parents.Add(parentKey);
            var k = Array.IndexOf(Kinds, row.Kind);
            if (k < 0)
            {
                k = ExtraKinds.IndexOf(row.Kind);
                if (k < 0) { ExtraKinds.Add(row.Kind); k = ExtraKinds.Count - 1; }
                k += Kinds.Length;
            }
            Kind.Add((byte)k);
            Latitude.Add(row.Latitude is { } lat ? (float)lat : float.NaN);
            Longitude.Add(row.Longitude is { } lon ? (float)lon : float.NaN);
            KeyHashes.Add(HashKey(row.Key));
            AddName(row.Name, index);
            foreach (var alias in row.Aliases.Split('|', StringSplitOptions.RemoveEmptyEntries)) AddName(alias, index);
        }

        private void AddName(string name, int row)
        {
            tokens.Clear();
            Tokenizer.Tokenize(name, 0, name.Length, tokens);
            if (tokens.Count == 0) return;
            LongestName = Math.Max(LongestName, tokens.Count);
            var hash = Offset;
            for (var t = 0; t < tokens.Count; t++) hash = HashToken(hash, name.AsSpan(tokens[t].Start, tokens[t].Length));
            NameHashes.Add(hash);
            NameRows.Add(row);
        }

        private void Append(string value)
        {
            var count = Encoding.UTF8.GetByteCount(value);
            Span<byte> bytes = count <= 512 ? stackalloc byte[count] : new byte[count];
            Encoding.UTF8.GetBytes(value, bytes);
            foreach (var b in bytes) Pool.Add(b);
        }

        public GeneratedPlaces Build(string checksum) => new(this, checksum);
    }

    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>A name's hash over its tokens as the matcher compares them: case folded, every apostrophe one, tokens apart.</summary>
    private static ulong HashToken(ulong hash, ReadOnlySpan<char> token)
    {
        if (token.Length == 1 && Tokenizer.IsApostrophe(token[0])) token = "'";
        foreach (var c in token) hash = (hash ^ char.ToLowerInvariant(c)) * Prime;
        return (hash ^ 0x1F) * Prime;
    }

    private static ulong HashKey(ReadOnlySpan<char> key)
    {
        var hash = Offset;
        foreach (var c in key) hash = (hash ^ c) * Prime;
        return hash;
    }

    private string PoolString(int start, int end) => Encoding.UTF8.GetString(pool, start, end - start);

    private string KeyAt(int row) => PoolString(keyStart[row], nameStart[row]);

    private int FindKey(string key)
    {
        var hash = HashKey(key);
        var at = Array.BinarySearch(keyHashes, hash);
        if (at < 0) return -1;
        while (at > 0 && keyHashes[at - 1] == hash) at--;
        for (; at < keyHashes.Length && keyHashes[at] == hash; at++)
        {
            if (KeyAt(keyRows[at]) == key) return keyRows[at];
        }
        return -1;
    }

    /// <summary>The place of a row, made once.</summary>
    private Place PlaceAt(int row)
    {
        lock (gate)
        {
            if (made.TryGetValue(row, out var place)) return place;
            var p = parent[row];
            var aliases = PoolString(aliasStart[row], aliasEnd[row]);
            var k = kind[row];
            place = new Place(KeyAt(row), PoolString(nameStart[row], aliasStart[row]), p >= 0 ? KeyAt(p) : externalParents[~p],
                k < Kinds.Length ? Kinds[k] : extraKinds[k - Kinds.Length],
                aliases.Length == 0 ? [] : aliases.Split('|', StringSplitOptions.RemoveEmptyEntries),
                float.IsNaN(latitude[row]) ? null : Math.Round(latitude[row], 3), float.IsNaN(longitude[row]) ? null : Math.Round(longitude[row], 3),
                Generated: true);
            made[row] = place;
            return place;
        }
    }

    public Place? ByKey(string key) => FindKey(key) is var row and >= 0 ? PlaceAt(row) : null;

    /// <summary>Every place a name or alias may mean (case and apostrophes aside), but those <paramref name="isShadowed"/> refuses.</summary>
    public IReadOnlyList<Place> Named(string name, Func<string, bool> isShadowed)
    {
        var tokens = Tokenizer.Tokenize(name);
        if (tokens.Count == 0 || tokens.Count > longestName) return [];
        var hash = Offset;
        foreach (var t in tokens) hash = HashToken(hash, name.AsSpan(t.Start, t.Length));
        return RowsOf(hash, candidate => SameName(candidate, name, tokens), isShadowed);
    }

    /// <summary>
    /// The places of the longest name starting at token <paramref name="index"/> (before <paramref name="end"/>), as
    /// <see cref="Extraction.PhraseMatcher{T}"/> matches: case folded, tokens compared one by one. A place whose key
    /// <paramref name="isShadowed"/> (a curated row with its key wins) is not the layer's.
    /// </summary>
    public bool TryMatch(TokenText text, int index, int end, Func<string, bool> isShadowed, out int length, out IReadOnlyList<Place> places)
    {
        places = [];
        length = 0;
        if (index >= end || !text.IsWord(index)) return false;
        Span<ulong> hashes = stackalloc ulong[Math.Max(1, longestName)];
        var hash = Offset;
        var count = 0;
        for (var k = index; k < end && count < longestName; k++, count++)
        {
            hash = HashToken(hash, text[k]);
            hashes[count] = hash;
        }
        for (var n = count; n >= 1; n--)
        {
            var first = index;
            var tokenCount = n;
            var found = RowsOf(hashes[n - 1], candidate => SameName(candidate, text, first, tokenCount), isShadowed);
            if (found.Count == 0) continue;
            length = n;
            places = found;
            return true;
        }
        return false;
    }

    private List<Place> RowsOf(ulong hash, Func<string, bool> sameName, Func<string, bool> isShadowed)
    {
        var at = Array.BinarySearch(nameHashes, hash);
        if (at < 0) return [];
        while (at > 0 && nameHashes[at - 1] == hash) at--;
        var found = new List<Place>();
        for (; at < nameHashes.Length && nameHashes[at] == hash; at++)
        {
            var place = PlaceAt(nameRows[at]);
            if (found.Contains(place) || isShadowed(place.Key)) continue;
            if (sameName(place.Name) || place.Aliases.Any(sameName)) found.Add(place);
        }
        return found;
    }

    /// <summary>A hash match confirmed token by token (64-bit hashes rarely collide, but a wrong place must never be read).</summary>
    private static bool SameName(string candidate, TokenText text, int first, int count)
    {
        var tokens = Tokenizer.Tokenize(candidate);
        if (tokens.Count != count) return false;
        for (var t = 0; t < count; t++)
        {
            if (!TokenText.SameToken(candidate.AsSpan(tokens[t].Start, tokens[t].Length), text[first + t])) return false;
        }
        return true;
    }

    private static bool SameName(string candidate, string name, List<Token> nameTokens)
    {
        var tokens = Tokenizer.Tokenize(candidate);
        if (tokens.Count != nameTokens.Count) return false;
        for (var t = 0; t < tokens.Count; t++)
        {
            if (!TokenText.SameToken(candidate.AsSpan(tokens[t].Start, tokens[t].Length),
                    name.AsSpan(nameTokens[t].Start, nameTokens[t].Length))) return false;
        }
        return true;
    }

    /// <summary>Every row, as <see cref="Row"/> (for loading the layer into the database).</summary>
    public IEnumerable<Row> Rows()
    {
        for (var row = 0; row < kind.Length; row++)
        {
            var p = parent[row];
            var k = kind[row];
            yield return new Row(KeyAt(row), PoolString(nameStart[row], aliasStart[row]), p >= 0 ? KeyAt(p) : externalParents[~p],
                k < Kinds.Length ? Kinds[k] : extraKinds[k - Kinds.Length], PoolString(aliasStart[row], aliasEnd[row]),
                float.IsNaN(latitude[row]) ? null : Math.Round(latitude[row], 3), float.IsNaN(longitude[row]) ? null : Math.Round(longitude[row], 3));
        }
    }

    private static readonly Lock SharedGate = new();
    private static readonly Dictionary<string, Lazy<GeneratedPlaces>> SharedLayers = new(StringComparer.Ordinal);

    /// <summary>
    /// The layer with this checksum, built by <paramref name="rows"/> the first time anything asks for it and shared by
    /// every reader in the process (tests and ingestion build many extractors over the same reference data).
    /// </summary>
    public static Lazy<GeneratedPlaces> Shared(string checksum, Func<IEnumerable<Row>> rows)
    {
        lock (SharedGate)
        {
            if (SharedLayers.TryGetValue(checksum, out var layer)) return layer;
            layer = new Lazy<GeneratedPlaces>(() =>
            {
                var builder = new Builder();
                foreach (var row in rows()) builder.Add(row);
                return builder.Build(checksum);
            }, LazyThreadSafetyMode.ExecutionAndPublication);
            SharedLayers[checksum] = layer;
            return layer;
        }
    }
}
