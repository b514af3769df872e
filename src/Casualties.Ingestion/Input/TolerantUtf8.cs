using System.Buffers;
using System.Text;

namespace Casualties.Ingestion.Input;

/// <summary>
/// UTF-8 that reads stray Latin-1 bytes (an "é" saved by an older tool into a UTF-8 export) as the Latin-1
/// characters they stand for, instead of failing or losing them, and counts how many it had to.
/// One instance per input: <see cref="FallbackBytes"/> is that input's count.
/// </summary>
public sealed class TolerantUtf8
{
    private readonly Latin1Fallback fallback = new();

    /// <summary>A decoding for one input, its count at zero.</summary>
    public TolerantUtf8()
    {
        Encoding = Encoding.GetEncoding("utf-8", EncoderFallback.ReplacementFallback, fallback);
    }

    /// <summary>The decoding to hand a <see cref="StreamReader"/>; a UTF-8 byte-order mark is skipped.</summary>
    public Encoding Encoding { get; }

    /// <summary>Bytes that were not valid UTF-8 and were read as Latin-1.</summary>
    public long FallbackBytes => fallback.Count;

    /// <summary>A reader of <paramref name="stream"/> with this decoding; a byte-order mark for UTF-16 or UTF-32 is obeyed.</summary>
    public StreamReader Reader(Stream stream, int bufferSize = 1 << 16, bool leaveOpen = false) =>
        new(stream, Encoding, detectEncodingFromByteOrderMarks: true, bufferSize, leaveOpen);

    /// <summary>
    /// Reads a whole small input (a document) as a <see cref="StreamReader"/> over <see cref="Reader"/> would — a
    /// UTF-8 byte-order mark skipped, a UTF-16 or UTF-32 one obeyed — without that reader's buffers: with this
    /// fallback a 64 KB reader holds a 512 KB char array per input, the large-object allocation that made every
    /// document ingested cost a full collection (issue 18).
    /// </summary>
    public string ReadAll(Stream stream, long? length = null)
    {
        byte[] bytes;
        if (length is { } known && known <= Array.MaxLength)
        {
            bytes = new byte[known];
            var read = 0;
            while (read < bytes.Length)
            {
                var n = stream.Read(bytes, read, bytes.Length - read);
                if (n == 0) break;
                read += n;
            }
            if (read < bytes.Length)
            {
                Array.Resize(ref bytes, read);
            }
            else if (stream.ReadByte() is var extra and >= 0)
            {
                // The file grew since its length was taken: read the rest too.
                using var rest = new MemoryStream();
                rest.Write(bytes);
                rest.WriteByte((byte)extra);
                stream.CopyTo(rest);
                bytes = rest.ToArray();
            }
        }
        else
        {
            using var all = new MemoryStream();
            stream.CopyTo(all);
            bytes = all.ToArray();
        }
        return Decode(bytes);
    }

    /// <summary>Decodes bytes as <see cref="ReadAll"/> does.</summary>
    public string Decode(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xEF, 0xBB, 0xBF, ..] => DecodeUtf8(bytes[3..]),
        [0xFF, 0xFE, 0, 0, ..] => new UTF32Encoding(bigEndian: false, byteOrderMark: true).GetString(bytes[4..]),
        [0, 0, 0xFE, 0xFF, ..] => new UTF32Encoding(bigEndian: true, byteOrderMark: true).GetString(bytes[4..]),
        [0xFF, 0xFE, ..] => System.Text.Encoding.Unicode.GetString(bytes[2..]),
        [0xFE, 0xFF, ..] => System.Text.Encoding.BigEndianUnicode.GetString(bytes[2..]),
        _ => DecodeUtf8(bytes),
    };

    // One pass of a decoder: Encoding.GetString counts, then decodes, and would count each stray byte twice. UTF-8
    // and a Latin-1 byte each give at most one char per byte.
    private string DecodeUtf8(ReadOnlySpan<byte> bytes)
    {
        var chars = ArrayPool<char>.Shared.Rent(bytes.Length + 4);
        try
        {
            var count = Encoding.GetDecoder().GetChars(bytes, chars, flush: true);
            return new string(chars, 0, count);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>A warning for the summary, or null when every byte was UTF-8.</summary>
    public string? Warning(string origin) => FallbackBytes == 0 ? null
        : $"{origin}: {FallbackBytes} byte(s) were not valid UTF-8 and were read as Latin-1.";

    private sealed class Latin1Fallback : DecoderFallback
    {
        private long count;

        public long Count => Interlocked.Read(ref count);

        public override int MaxCharCount => 4;

        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

        private sealed class Buffer(Latin1Fallback owner) : DecoderFallbackBuffer
        {
            private byte[] bytes = [];
            private int next;

            public override int Remaining => bytes.Length - next;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                bytes = bytesUnknown;
                next = 0;
                Interlocked.Add(ref owner.count, bytesUnknown.Length);
                return bytesUnknown.Length > 0;
            }

            public override char GetNextChar() => next < bytes.Length ? (char)bytes[next++] : '\0';

            public override bool MovePrevious()
            {
                if (next == 0) return false;
                next--;
                return true;
            }

            public override void Reset()
            {
                bytes = [];
                next = 0;
            }
        }
    }
}
