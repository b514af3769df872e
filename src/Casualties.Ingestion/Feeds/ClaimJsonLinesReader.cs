using System.Text.Json;
using Casualties.Postgres.Ingest;

namespace Casualties.Ingestion.Feeds;

/// <summary>
/// Our own feed format as JSON Lines: one object per line with the fields of <see cref="ClaimRowMapper"/>
/// (numbers as numbers or strings, null or absent for unknown). Blank lines are skipped; a line that is not a
/// JSON object is quarantined with the parser's reason.
/// </summary>
public static class ClaimJsonLinesReader
{
    /// <summary>The quarantine format name of a rejected line.</summary>
    public const string Format = "claims-jsonl";

    /// <summary>
    /// One item per non-blank line of <paramref name="text"/>, lazily; <paramref name="firstLine"/> is the first line's
    /// number in the file (a retried line is read alone), so rejections name the line where it stands.
    /// </summary>
    public static IEnumerable<FeedItem> Read(TextReader text, FeedContext context, int firstLine = 1)
    {
        var lineNumber = firstLine - 1;
        while (text.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            FeedItem item;
            try
            {
                item = Parse(line, context, lineNumber);
            }
            catch (RowRejectedException e)
            {
                item = FeedItem.Rejected(new QuarantineEntry(context.Origin, lineNumber, line, e.Message, Format));
            }
            yield return item;
        }
    }

    private static FeedItem Parse(string line, FeedContext context, int lineNumber)
    {
        Dictionary<string, string?> fields;
        try
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind != JsonValueKind.Object) throw new RowRejectedException("line is not a JSON object");
            fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                fields[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString() is { Length: > 0 } s ? s.Trim() : null,
                    JsonValueKind.Number => property.Value.GetRawText(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    JsonValueKind.Null => null,
                    _ => throw new RowRejectedException($"field '{property.Name}' must be a string, number, boolean or null"),
                };
            }
        }
        catch (JsonException e)
        {
            throw new RowRejectedException($"not valid JSON: {e.Message}");
        }
        var missing = ClaimRowMapper.RequiredFields.FirstOrDefault(f => !fields.ContainsKey(f));
        if (missing is not null) throw new RowRejectedException($"missing required field '{missing}'");
        return ClaimRowMapper.Map(name => fields.GetValueOrDefault(name), context, lineNumber,
            RecordHash.Of(line.Trim()));
    }
}
