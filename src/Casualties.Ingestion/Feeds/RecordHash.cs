using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Casualties.Ingestion.Feeds;

/// <summary>The content hash of a feed row: SHA-256 over its fields (first 16 bytes, hex).</summary>
public sealed class RecordHash : IDisposable
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] digest = new byte[32];

    public IncrementalHash Sink => hash;

    public void Add(ReadOnlySpan<char> field)
    {
        hash.AppendData(MemoryMarshal.AsBytes(field));
        hash.AppendData("\u001f"u8);
    }

    public string Finish()
    {
        hash.GetHashAndReset(digest);
        return Convert.ToHexStringLower(digest.AsSpan(0, 16));
    }

    public static string Of(string text)
    {
        using var one = new RecordHash();
        one.Add(text);
        return one.Finish();
    }

    public void Dispose() => hash.Dispose();
}
