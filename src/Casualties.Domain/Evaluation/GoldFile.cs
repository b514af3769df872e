using System.Text.Json;
using Casualties.Domain.Model;

namespace Casualties.Domain.Evaluation;

/// <summary>A document of a gold file with its expected claims (gold-format.md).</summary>
public sealed record GoldDocument(string Id, DateOnly Date, string Text, IReadOnlyList<GoldClaim> Claims);

/// <summary>
/// One expected claim. <see cref="Parent"/> indexes the document's claims; null fields mean "not stated"
/// and are only matched by null.
/// </summary>
public sealed record GoldClaim(
    string Outcome,
    string Victims,
    string? VictimSide,
    string? Qualifier,
    int? Value,
    int Low,
    int? High,
    int? Parent,
    string? Source,
    string? PerpetratorSide,
    string? Place,
    PartialDate? Start,
    PartialDate? End,
    string? Phrase,
    string Quote);

/// <summary>Reads gold files: JSON Lines, one document per line; blank lines are skipped.</summary>
public static class GoldFile
{
    /// <summary>The documents of a gold file's text; a malformed line throws naming its line number.</summary>
    public static IReadOnlyList<GoldDocument> Parse(string jsonl)
    {
        ArgumentNullException.ThrowIfNull(jsonl);
        var documents = new List<GoldDocument>();
        var lineNumber = 0;
        foreach (var line in jsonl.Split('\n'))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                using var json = JsonDocument.Parse(line);
                documents.Add(ReadDocument(json.RootElement));
            }
            catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
            {
                throw new FormatException($"Gold line {lineNumber}: {e.Message}", e);
            }
        }
        return documents;
    }

    private static GoldDocument ReadDocument(JsonElement root)
    {
        var id = root.GetProperty("id").GetString() ?? throw new FormatException("'id' is null.");
        var date = DateOnly.ParseExact(root.GetProperty("date").GetString() ?? "", "yyyy-MM-dd");
        var text = root.GetProperty("text").GetString() ?? "";
        var claims = root.TryGetProperty("claims", out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Select(ReadClaim).ToList()
            : [];
        return new GoldDocument(id, date, text, claims);
    }

    private static GoldClaim ReadClaim(JsonElement claim) => new(
        String(claim, "outcome") ?? throw new FormatException("A claim has no 'outcome'."),
        String(claim, "victims") ?? throw new FormatException("A claim has no 'victims'."),
        String(claim, "victim_side"),
        String(claim, "qualifier"),
        Int(claim, "value"),
        Int(claim, "low") ?? throw new FormatException("A claim has no 'low'."),
        Int(claim, "high"),
        Int(claim, "parent"),
        String(claim, "source"),
        String(claim, "perpetrator_side"),
        String(claim, "place"),
        Date(claim, "start"),
        Date(claim, "end"),
        String(claim, "phrase"),
        String(claim, "quote") ?? "");

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.ToString() : null;

    private static int? Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    private static PartialDate? Date(JsonElement element, string name) =>
        String(element, name) is { } text ? PartialDate.Parse(text) : null;
}
