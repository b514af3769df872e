using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Casualties.Domain.Evaluation;

/// <summary>
/// Accuracy of each attribute over matched pairs (gold-format.md, step 2); null when no pair could be
/// scored (start is scored only where gold has one).
/// </summary>
public sealed record AttributeAccuracy(
    double? Source, double? PerpetratorSide, double? Place, double? Start, double? End, double? Parent);

/// <summary>A gold claim no prediction matched, or a prediction no gold claim matched.</summary>
public sealed record UnmatchedClaim(string Document, string Outcome, string Victims, int Low, int? High, string? Quote);

/// <summary>A matched pair that disagrees on one attribute.</summary>
public sealed record AttributeMismatch(string Document, string Attribute, string? Gold, string? Predicted, string Quote);

/// <summary>The score of the extractor on a gold file; <see cref="ToJson"/> is the `eval --json` shape of interfaces.md.</summary>
public sealed record EvalReport(
    int Documents,
    int Gold,
    int Predicted,
    int Matched,
    double Precision,
    double Recall,
    double F1,
    AttributeAccuracy Attributes,
    IReadOnlyList<UnmatchedClaim> Missed,
    IReadOnlyList<UnmatchedClaim> Spurious,
    IReadOnlyList<AttributeMismatch> Mismatches)
{
    /// <summary>
    /// snake_case names over the records, every null written, three decimals for every score, and text as written
    /// (no \u escapes for non-ASCII letters or HTML characters: the output is for a terminal and a file, not a page).
    /// </summary>
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new ThreeDecimals() },
    };

    /// <summary>{"documents","gold","predicted","matched","precision","recall","f1","attributes":{...}} plus the missed, spurious and mismatched claims.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>A report for people: the scores, then every missed, spurious and mismatched claim with its quote.</summary>
    public string ToText()
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(inv, $"documents {Documents}, gold {Gold}, predicted {Predicted}, matched {Matched}");
        text.AppendLine(inv, $"precision {Precision:0.000}  recall {Recall:0.000}  F1 {F1:0.000}");
        text.AppendLine("attributes:");
        foreach (var (name, value) in AttributeList())
        {
            text.AppendLine(inv, $"  {name,-17}{(value is { } v ? v.ToString("0.000", inv) : "n/a")}");
        }
        AppendUnmatched(text, "missed", Missed);
        AppendUnmatched(text, "spurious", Spurious);
        if (Mismatches.Count > 0)
        {
            text.AppendLine(inv, $"attribute mismatches ({Mismatches.Count}):");
            foreach (var m in Mismatches)
            {
                text.AppendLine(inv, $"  [{m.Document}] {m.Attribute}: gold {m.Gold ?? "null"}, predicted {m.Predicted ?? "null"} — \"{m.Quote}\"");
            }
        }
        return text.ToString();
    }

    private IEnumerable<(string Name, double? Value)> AttributeList() =>
    [
        ("source", Attributes.Source), ("perpetrator_side", Attributes.PerpetratorSide), ("place", Attributes.Place),
        ("start", Attributes.Start), ("end", Attributes.End), ("parent", Attributes.Parent),
    ];

    private static void AppendUnmatched(StringBuilder text, string title, IReadOnlyList<UnmatchedClaim> claims)
    {
        if (claims.Count == 0) return;
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"{title} ({claims.Count}):");
        foreach (var c in claims)
        {
            text.AppendLine(inv, $"  [{c.Document}] {c.Outcome} {c.Victims} {c.Low}..{c.High?.ToString(inv) ?? ""} — \"{c.Quote}\"");
        }
    }

    /// <summary>Scores rounded to three decimals (0.6667 → 0.667), half away from zero.</summary>
    private sealed class ThreeDecimals : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(Math.Round(value, 3, MidpointRounding.AwayFromZero));
    }
}
