using System.Globalization;
using System.Text;
using Casualties.Domain.Extraction;

namespace Casualties.Domain.Reference;

/// <summary>
/// The gazetteer's generated layer (GeoNames, ~200,000 divisions and towns) held compactly: the layer's CSV text as one
/// UTF-8 array (the file's own bytes, ~16 MB), where each line starts, and two sorted hash indexes (name → line, key →
/// line). Nothing is allocated per place until the text names it or a claim carries its key: then its line is parsed
/// into a <see cref="Place"/>, kept for reuse.
/// </summary>
/// <remarks>
/// The layer is built once per process for a checksum (<see cref="Shared"/>, while anything holds it), lazily: a process
/// that never reads a place context (or a database whose claims name no generated place) never loads it. Its countries are not here:
/// they are ordinary rows of <see cref="ReferenceData.Places"/>; lines without a parent are skipped.
/// </remarks>
public sealed class GeneratedPlaces
{
    /// <summary>One row of the layer (for loading it into the database).</summary>
    public readonly record struct Row(
        string Key, string Name, string Parent, string Kind, string Aliases, double? Latitude, double? Longitude);

    /// <summary>The CSV columns, in this order: the seed file's header (<c>key,name,parent,kind,aliases,latitude,longitude</c>).</summary>
    public const string Header = "key,name,parent,kind,aliases,latitude,longitude";

    private const int Columns = 7;

    private readonly byte[] csv;
    private readonly int[] lineStart;
    private readonly ulong[] nameHashes;
    private readonly int[] nameLines;
    private readonly ulong[] keyHashes;
    private readonly int[] keyLines;
    private readonly Dictionary<int, Place> made = [];

    /// <summary>Bits of a filter over 64-bit name hashes (2^23 bits, 1 MB): a clear bit proves no name has that hash.</summary>
    private const int FilterBits = 23;

    /// <summary>
    /// One bit per hash of every name's first k tokens (k = 1 … its length): a text whose first k tokens hash to a clear
    /// bit starts no name of k tokens or more, so a match stops reading there (most words start none).
    /// </summary>
    private readonly ulong[] prefixFilter = new ulong[(1 << FilterBits) / 64];

    /// <summary>One bit per whole name's hash: only a set bit is worth the binary search of <see cref="nameHashes"/>.</summary>
    private readonly ulong[] nameFilter = new ulong[(1 << FilterBits) / 64];
    private readonly Lock gate = new();

    /// <summary>The most tokens of any name: how far a match looks ahead.</summary>
    private readonly int longestName;

    /// <summary>Identifies the layer's content (a hash of the seed file): what the database and the cache compare.</summary>
    public string Checksum { get; }

    /// <summary>The number of places in the layer.</summary>
    public int Count => lineStart.Length;

    /// <summary>
    /// The layer from its CSV text (UTF-8, a header line first, columns as <see cref="Header"/>): the array is kept, not copied.
    /// </summary>
    public GeneratedPlaces(byte[] csvText, string checksum)
    {
        Checksum = checksum;
        csv = csvText;
        var starts = new List<int>(csvText.Length / 64);
        var keys = new List<ulong>(csvText.Length / 64);
        var names = new List<ulong>(csvText.Length / 48);
        var nameRows = new List<int>(csvText.Length / 48);
        Span<Range> fields = stackalloc Range[Columns];
        var tokens = new List<Token>();
        var at = Array.IndexOf(csvText, (byte)'\n') + 1; // past the header
        if (at == 0 || !csvText.AsSpan(0, at - 1).TrimEnd((byte)'\r').SequenceEqual(Encoding.UTF8.GetBytes(Header)))
            throw new FormatException($"The generated places start with a header other than '{Header}'.");
        while (at > 0 && at < csvText.Length)
        {
            var end = Array.IndexOf(csvText, (byte)'\n', at);
            if (end < 0) end = csvText.Length;
            var line = csvText.AsSpan(at, end - at);
            if (line.Length > 0 && line[^1] == '\r') line = line[..^1];
            if (line.Length > 0 && Split(line, fields) == Columns && fields[2].GetOffsetAndLength(line.Length).Length > 0)
            {
                var row = starts.Count;
                starts.Add(at);
                keys.Add(HashKey(Text(line, fields[0])));
                foreach (var name in Text(line, fields[4]).Split('|', StringSplitOptions.RemoveEmptyEntries).Prepend(Text(line, fields[1])))
                {
                    tokens.Clear();
                    Tokenizer.Tokenize(name, 0, name.Length, tokens);
                    if (tokens.Count == 0) continue;
                    longestName = Math.Max(longestName, tokens.Count);
                    var hash = Offset;
                    foreach (var t in tokens)
                    {
                        hash = HashToken(hash, name.AsSpan(t.Start, t.Length));
                        Set(prefixFilter, hash);
                    }
                    Set(nameFilter, hash);
                    names.Add(hash);
                    nameRows.Add(row);
                }
            }
            at = end + 1;
        }
        lineStart = [.. starts];
        keyHashes = [.. keys];
        keyLines = [.. Enumerable.Range(0, keyHashes.Length)];
        Array.Sort(keyHashes, keyLines);
        nameHashes = [.. names];
        nameLines = [.. nameRows];
        Array.Sort(nameHashes, nameLines);
    }

    /// <summary>The fields of a CSV line (quotes as RFC 4180); returns how many.</summary>
    private static int Split(ReadOnlySpan<byte> line, Span<Range> fields)
    {
        var count = 0;
        var i = 0;
        while (count < fields.Length)
        {
            var start = i;
            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (i < line.Length && !(line[i] == '"' && (i + 1 == line.Length || line[i + 1] != '"'))) i += line[i] == '"' ? 2 : 1;
                i++;
            }
            else
            {
                while (i < line.Length && line[i] != ',') i++;
            }
            fields[count++] = new Range(start, Math.Min(i, line.Length));
            if (i >= line.Length) break;
            i++; // the comma
        }
        return count;
    }

    private static string Text(ReadOnlySpan<byte> line, Range field)
    {
        var bytes = line[field];
        if (bytes.Length >= 2 && bytes[0] == '"' && bytes[^1] == '"')
            return Encoding.UTF8.GetString(bytes[1..^1]).Replace("\"\"", "\"", StringComparison.Ordinal);
        return Encoding.UTF8.GetString(bytes);
    }

    private static double? Number(ReadOnlySpan<byte> line, Range field) =>
        double.TryParse(line[field], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private ReadOnlySpan<byte> Line(int row)
    {
        var start = lineStart[row];
        var end = Array.IndexOf(csv, (byte)'\n', start);
        var line = csv.AsSpan(start, (end < 0 ? csv.Length : end) - start);
        return line.Length > 0 && line[^1] == '\r' ? line[..^1] : line;
    }

    private Row RowAt(int row)
    {
        var line = Line(row);
        Span<Range> fields = stackalloc Range[Columns];
        Split(line, fields);
        return new Row(Text(line, fields[0]), Text(line, fields[1]), Text(line, fields[2]), Text(line, fields[3]),
            Text(line, fields[4]), Number(line, fields[5]), Number(line, fields[6]));
    }

    private string KeyAt(int row)
    {
        var line = Line(row);
        Span<Range> fields = stackalloc Range[Columns];
        Split(line, fields);
        return Text(line, fields[0]);
    }

    private static void Set(ulong[] filter, ulong hash)
    {
        var bit = hash >> (64 - FilterBits);
        filter[bit >> 6] |= 1UL << (int)(bit & 63);
    }

    private static bool MayHold(ulong[] filter, ulong hash)
    {
        var bit = hash >> (64 - FilterBits);
        return (filter[bit >> 6] & (1UL << (int)(bit & 63))) != 0;
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

    private int FindKey(string key)
    {
        var hash = HashKey(key);
        var at = Array.BinarySearch(keyHashes, hash);
        if (at < 0) return -1;
        while (at > 0 && keyHashes[at - 1] == hash) at--;
        for (; at < keyHashes.Length && keyHashes[at] == hash; at++)
        {
            if (KeyAt(keyLines[at]) == key) return keyLines[at];
        }
        return -1;
    }

    /// <summary>The place of a row, made once.</summary>
    private Place PlaceAt(int row)
    {
        lock (gate)
        {
            if (made.TryGetValue(row, out var place)) return place;
            var r = RowAt(row);
            place = new Place(r.Key, r.Name, r.Parent, r.Kind, r.Aliases.Split('|', StringSplitOptions.RemoveEmptyEntries),
                r.Latitude, r.Longitude, Generated: true);
            made[row] = place;
            return place;
        }
    }

    /// <summary>The layer's place with this key, else null.</summary>
    public Place? ByKey(string key) => FindKey(key) is var row and >= 0 ? PlaceAt(row) : null;

    /// <summary>Every place a name or alias may mean (case and apostrophes aside), but those <paramref name="isShadowed"/> refuses.</summary>
    public IReadOnlyList<Place> Named(string name, Func<string, bool> isShadowed)
    {
        var tokens = Tokenizer.Tokenize(name);
        if (tokens.Count == 0 || tokens.Count > longestName) return [];
        var hash = Offset;
        foreach (var t in tokens) hash = HashToken(hash, name.AsSpan(t.Start, t.Length));
        return Lookup(hash, candidate => SameName(candidate, name, tokens), isShadowed);
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
            // No name starts with these tokens: none of this many tokens or more can match (the hashes chain).
            if (!MayHold(prefixFilter, hash)) break;
            hashes[count] = hash;
        }
        for (var n = count; n >= 1; n--)
        {
            if (!MayHold(nameFilter, hashes[n - 1])) continue;
            var found = LookupTokens(hashes[n - 1], text, index, n, isShadowed);
            if (found.Count == 0) continue;
            length = n;
            places = found;
            return true;
        }
        return false;
    }

    private List<Place> LookupTokens(ulong hash, TokenText text, int first, int tokenCount, Func<string, bool> isShadowed)
    {
        // The same walk as Lookup, without a closure per call: this runs for every capitalised word in a place context.
        var at = Array.BinarySearch(nameHashes, hash);
        if (at < 0) return NoPlaces;
        while (at > 0 && nameHashes[at - 1] == hash) at--;
        List<Place>? found = null;
        for (; at < nameHashes.Length && nameHashes[at] == hash; at++)
        {
            var place = PlaceAt(nameLines[at]);
            if ((found is not null && found.Contains(place)) || isShadowed(place.Key)) continue;
            if (SameName(place.Name, text, first, tokenCount) || AnyAliasSameName(place.Aliases, text, first, tokenCount)) (found ??= []).Add(place);
        }
        return found ?? NoPlaces;
    }

    /// <summary>An empty result no caller changes (they read it as a read-only list).</summary>
    private static readonly List<Place> NoPlaces = [];

    private static bool AnyAliasSameName(IReadOnlyList<string> aliases, TokenText text, int first, int tokenCount)
    {
        for (var a = 0; a < aliases.Count; a++)
        {
            if (SameName(aliases[a], text, first, tokenCount)) return true;
        }
        return false;
    }

    private List<Place> Lookup(ulong hash, Func<string, bool> sameName, Func<string, bool> isShadowed)
    {
        var at = Array.BinarySearch(nameHashes, hash);
        if (at < 0) return [];
        while (at > 0 && nameHashes[at - 1] == hash) at--;
        var found = new List<Place>();
        for (; at < nameHashes.Length && nameHashes[at] == hash; at++)
        {
            var place = PlaceAt(nameLines[at]);
            if (found.Contains(place) || isShadowed(place.Key)) continue;
            if (sameName(place.Name) || place.Aliases.Any(sameName)) found.Add(place);
        }
        return found;
    }

    [ThreadStatic] private static List<Token>? candidateTokens;

    /// <summary>A hash match confirmed token by token (64-bit hashes rarely collide, but a wrong place must never be read).</summary>
    private static bool SameName(string candidate, TokenText text, int first, int count)
    {
        var tokens = candidateTokens ??= new List<Token>(8);
        tokens.Clear();
        Tokenizer.Tokenize(candidate, 0, candidate.Length, tokens);
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
                    name.AsSpan(nameTokens[t].Start, nameTokens[t].Length)))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Every row, as <see cref="Row"/> (for loading the layer into the database).</summary>
    public IEnumerable<Row> Rows()
    {
        for (var row = 0; row < lineStart.Length; row++) yield return RowAt(row);
    }

    private static readonly Lock SharedGate = new();

    /// <summary>
    /// The layers handed out, held weakly: shared while any reference data holds one (an ingest's snapshot, an extractor),
    /// collected once none does. A process that seeded the layer (migrate, seed, demo, the benchmarks' scratch databases)
    /// and then ingests a dataset, which never reads it, no longer keeps its ~22 MB for the rest of its life (issue 18).
    /// </summary>
    private static readonly Dictionary<string, WeakReference<SharedLayer>> SharedLayers = new(StringComparer.Ordinal);

    /// <summary>
    /// A layer from <see cref="Shared"/>: its checksum is known before (and without) building it, and until it is built it
    /// reads its text from the source that asked for it last. Any source of one checksum gives the same text, and the last
    /// one is the one still open: a process that seeded one scratch database, dropped it and opened another (the
    /// benchmarks' <c>ingest-acled ingest</c>) was handed the layer of the first, whose data source was disposed.
    /// </summary>
    private sealed class SharedLayer : Lazy<GeneratedPlaces>
    {
        private readonly LayerText text;

        public SharedLayer(string checksum, Func<byte[]> csvText)
            : this(checksum, new LayerText(csvText))
        {
        }

        private SharedLayer(string checksum, LayerText text)
            : base(() => new GeneratedPlaces(text.Read(), checksum), LazyThreadSafetyMode.ExecutionAndPublication)
        {
            Checksum = checksum;
            this.text = text;
        }

        public string Checksum { get; }

        /// <summary>Reads the text from <paramref name="csvText"/> when the layer is built (a no-op once it is).</summary>
        public void ReadFrom(Func<byte[]> csvText) => text.Source = csvText;
    }

    /// <summary>Where a shared layer not yet built reads its text: the last source that asked for it.</summary>
    private sealed class LayerText(Func<byte[]> source)
    {
        public Func<byte[]> Source { get; set; } = source;

        public byte[] Read() => Source();
    }

    /// <summary>
    /// The layer with this checksum, built by <paramref name="csvText"/> the first time anything asks for it and shared by
    /// every reader in the process while one holds it (tests and ingestion build many extractors over the same reference data).
    /// A layer handed out before and not built yet reads from <paramref name="csvText"/> from now on.
    /// </summary>
    public static Lazy<GeneratedPlaces> Shared(string checksum, Func<byte[]> csvText)
    {
        lock (SharedGate)
        {
            if (SharedLayers.TryGetValue(checksum, out var held) && held.TryGetTarget(out var layer))
            {
                if (!layer.IsValueCreated) layer.ReadFrom(csvText);
                return layer;
            }
            layer = new SharedLayer(checksum, csvText);
            SharedLayers[checksum] = new WeakReference<SharedLayer>(layer);
            return layer;
        }
    }

    /// <summary>
    /// The checksum of a layer: for one from <see cref="Shared"/> without building it (seeding an unchanged layer compares
    /// checksums only), else the built layer's.
    /// </summary>
    public static string ChecksumOf(Lazy<GeneratedPlaces> layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        return layer is SharedLayer shared ? shared.Checksum : layer.Value.Checksum;
    }
}
