using System.Buffers;
using System.Text.Json;
using Casualties.Ingestion.Input;

namespace Casualties.Ingestion.Feeds;

/// <summary>Dataset-specific columns of a row kept as published, as a JSON object (feed_records.details); empty cells left out.</summary>
public sealed class DetailsJson
{
    private readonly (string Name, int Ordinal)[] columns;
    private readonly ArrayBufferWriter<byte> buffer = new(1024);

    /// <summary>Keeps the columns among <paramref name="names"/> that <paramref name="csv"/>'s header has, in the order named.</summary>
    public DetailsJson(CsvInput csv, IEnumerable<string> names)
    {
        columns = names.Select(n => (n, csv.Ordinal(n))).Where(c => c.Item2 >= 0).ToArray();
    }

    /// <summary>The current row's kept columns as a JSON object of strings (UTF-8); null when every one of them is empty.</summary>
    public byte[]? Of(CsvInput csv)
    {
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, ordinal) in columns)
            {
                var value = csv.Span(ordinal);
                if (!value.IsEmpty) writer.WriteString(name, value);
            }
            writer.WriteEndObject();
        }
        return buffer.WrittenCount <= 2 ? null : buffer.WrittenSpan.ToArray();
    }
}
