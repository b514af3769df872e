using System.Buffers.Binary;
using System.Text;
using Npgsql;

namespace Casualties.Postgres;

/// <summary>
/// Writes rows in PostgreSQL's binary COPY format into a buffer and sends it in chunks through a raw binary COPY:
/// for millions of rows, NpgsqlBinaryImporter (which binds a parameter per field) costs more than the COPY itself.
/// </summary>
/// <remarks>
/// Types written: int4, int8, bool, float4, float8, text (UTF-8), jsonb (version 1 and its UTF-8 text), text[], date (days
/// since 2000-01-01), timestamptz (microseconds since 2000-01-01 UTC). Each row starts with
/// <see cref="StartRow"/> and its field count, and ends with <see cref="EndRow"/>, which sends the buffer once it is
/// full. <see cref="Complete"/> ends the COPY; disposing without completing cancels it, so nothing is written.
/// </remarks>
internal sealed class BinaryCopyWriter : IAsyncDisposable
{
    private const int ChunkSize = 1 << 16;

    private static readonly byte[] Header = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];

    private static readonly int PostgresEpoch = new DateOnly(2000, 1, 1).DayNumber;
    private static readonly long PostgresEpochTicks = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;
    private const int TextOid = 25;

    private readonly NpgsqlRawCopyStream stream;
    private byte[] buffer = new byte[ChunkSize + 1024];
    private int position;
    private bool completed;

    private BinaryCopyWriter(NpgsqlRawCopyStream stream)
    {
        this.stream = stream;
        Header.CopyTo(buffer, 0);
        position = Header.Length;
    }

    /// <summary>Starts <paramref name="copyFromStdinSql"/> (a <c>COPY ... FROM STDIN (FORMAT BINARY)</c>).</summary>
    public static async Task<BinaryCopyWriter> Begin(NpgsqlConnection conn, string copyFromStdinSql, CancellationToken ct) =>
        new(await conn.BeginRawBinaryCopyAsync(copyFromStdinSql, ct));

    public void StartRow(short fields)
    {
        Ensure(2);
        BinaryPrimitives.WriteInt16BigEndian(buffer.AsSpan(position), fields);
        position += 2;
    }

    /// <summary>Ends a row: sends what is buffered once it fills a chunk.</summary>
    public ValueTask EndRow(CancellationToken ct) => position >= ChunkSize ? Flush(ct) : ValueTask.CompletedTask;

    public void WriteNull()
    {
        Ensure(4);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(position), -1);
        position += 4;
    }

    public void Write(int value)
    {
        Ensure(8);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(position), 4);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(position + 4), value);
        position += 8;
    }

    public void Write(int? value)
    {
        if (value is { } v) Write(v); else WriteNull();
    }

    public void Write(long value)
    {
        Ensure(12);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(position), 8);
        BinaryPrimitives.WriteInt64BigEndian(buffer.AsSpan(position + 4), value);
        position += 12;
    }

    public void Write(bool value)
    {
        Ensure(5);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(position), 1);
        buffer[position + 4] = value ? (byte)1 : (byte)0;
        position += 5;
    }

    public void Write(string? value)
    {
        if (value is null)
        {
            WriteNull();
            return;
        }
        Ensure(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
        var length = Encoding.UTF8.GetBytes(value, buffer.AsSpan(position + 4));
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(position), length);
        position += 4 + length;
    }

    public void Write(long? value)
    {
        if (value is { } v) Write(v); else WriteNull();
    }

    public void Write(double value)
    {
        Ensure(12);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(position), 8);
        BinaryPrimitives.WriteDoubleBigEndian(buffer.AsSpan(position + 4), value);
        position += 12;
    }

    public void Write(double? value)
    {
        if (value is { } v) Write(v); else WriteNull();
    }

    /// <summary>A real (float4).</summary>
    public void Write(float value)
    {
        Ensure(8);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(position), 4);
        BinaryPrimitives.WriteSingleBigEndian(buffer.AsSpan(position + 4), value);
        position += 8;
    }

    /// <summary>A timestamptz from a UTC instant.</summary>
    public void Write(DateTimeOffset? value)
    {
        if (value is not { } v)
        {
            WriteNull();
            return;
        }
        Ensure(12);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(position), 8);
        BinaryPrimitives.WriteInt64BigEndian(buffer.AsSpan(position + 4), (v.UtcTicks - PostgresEpochTicks) / TimeSpan.TicksPerMicrosecond);
        position += 12;
    }

    /// <summary>A jsonb value from its JSON text in UTF-8, as it is.</summary>
    public void WriteJsonb(byte[]? json)
    {
        if (json is null)
        {
            WriteNull();
            return;
        }
        Ensure(5 + json.Length);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(position), json.Length + 1);
        buffer[position + 4] = 1;
        json.CopyTo(buffer, position + 5);
        position += 5 + json.Length;
    }

    /// <summary>A one-dimensional text[] without nulls (empty when there are no items).</summary>
    public void Write(IReadOnlyList<string> items)
    {
        var start = position;
        Ensure(4 + 20);
        position += 4;
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(position), items.Count == 0 ? 0 : 1);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(position + 4), 0);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(position + 8), TextOid);
        position += 12;
        if (items.Count > 0)
        {
            BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(position), items.Count);
            BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(position + 4), 1);
            position += 8;
            foreach (var item in items) Write(item);
        }
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(start), position - start - 4);
    }

    public void Write(DateOnly value)
    {
        Ensure(8);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(position), 4);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(position + 4), value.DayNumber - PostgresEpoch);
        position += 8;
    }

    public void Write(DateOnly? value)
    {
        if (value is { } v) Write(v); else WriteNull();
    }

    /// <summary>Sends what is buffered now, the COPY staying open.</summary>
    public ValueTask Send(CancellationToken ct) => Flush(ct);

    /// <summary>Sends the rest and ends the COPY.</summary>
    public async Task Complete(CancellationToken ct)
    {
        Ensure(2);
        BinaryPrimitives.WriteInt16BigEndian(buffer.AsSpan(position), -1);
        position += 2;
        await Flush(ct);
        completed = true;
        await stream.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (completed) return;
        completed = true;
        await stream.CancelAsync();
        await stream.DisposeAsync();
    }

    private async ValueTask Flush(CancellationToken ct)
    {
        await stream.WriteAsync(buffer.AsMemory(0, position), ct);
        position = 0;
    }

    private void Ensure(int bytes)
    {
        if (position + bytes > buffer.Length) Array.Resize(ref buffer, Math.Max(2 * buffer.Length, position + bytes));
    }
}
