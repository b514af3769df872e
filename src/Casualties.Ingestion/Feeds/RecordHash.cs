using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Casualties.Ingestion.Feeds;

/// <summary>
/// The content hash of a feed row: SHA-256 over its fields (UTF-16 bytes, each followed by a unit separator),
/// first 16 bytes, hex. The fields are gathered in a reused buffer and hashed in one call: a call per field into
/// the crypto library cost as much as reading the row.
/// </summary>
public sealed class RecordHash
{
    private static ReadOnlySpan<byte> Separator => "\u001f"u8;

    private readonly byte[] digest = new byte[32];
    private byte[] buffer = new byte[1024];
    private int length;

    /// <summary>Appends one field (its UTF-16 bytes, then the separator) to the row being hashed.</summary>
    public void Add(ReadOnlySpan<char> field)
    {
        var bytes = MemoryMarshal.AsBytes(field);
        var needed = length + bytes.Length + Separator.Length;
        if (needed > buffer.Length) Array.Resize(ref buffer, Math.Max(needed, buffer.Length * 2));
        bytes.CopyTo(buffer.AsSpan(length));
        Separator.CopyTo(buffer.AsSpan(length + bytes.Length));
        length = needed;
    }

    /// <summary>The hash of the fields added since the last call, as 32 lower-case hex digits; starts the next row empty.</summary>
    public string Finish()
    {
        SHA256.HashData(buffer.AsSpan(0, length), digest);
        length = 0;
        return Convert.ToHexStringLower(digest.AsSpan(0, 16));
    }

    /// <summary>The hash of a row of one field, <paramref name="text"/>.</summary>
    public static string Of(string text)
    {
        var one = new RecordHash();
        one.Add(text);
        return one.Finish();
    }
}
