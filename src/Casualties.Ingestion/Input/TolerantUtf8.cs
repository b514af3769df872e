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

    public TolerantUtf8()
    {
        Encoding = Encoding.GetEncoding("utf-8", EncoderFallback.ReplacementFallback, fallback);
    }

    /// <summary>The decoding to hand a <see cref="StreamReader"/>; a UTF-8 byte-order mark is skipped.</summary>
    public Encoding Encoding { get; }

    /// <summary>Bytes that were not valid UTF-8 and were read as Latin-1.</summary>
    public long FallbackBytes => fallback.Count;

    public StreamReader Reader(Stream stream, int bufferSize = 1 << 16, bool leaveOpen = false) =>
        new(stream, Encoding, detectEncodingFromByteOrderMarks: true, bufferSize, leaveOpen);

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
