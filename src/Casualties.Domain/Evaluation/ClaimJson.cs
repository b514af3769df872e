using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Casualties.Domain.Model;

namespace Casualties.Domain.Evaluation;

/// <summary>
/// Writes claims as the `extract --json` array of interfaces.md: gold-format.md's field names, plus
/// victim_side, perpetrator, cumulative, span [start, end) and confidence. <c>parent</c> indexes the array.
/// </summary>
public static class ClaimJson
{
    public static string Write(IReadOnlyList<Claim> claims, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(claims);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions
               { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var claim in claims) WriteClaim(json, claim);
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteClaim(Utf8JsonWriter json, Claim claim)
    {
        var quantity = claim.Quantity;
        json.WriteStartObject();
        json.WriteString("outcome", claim.Outcome.ToName());
        json.WriteString("victims", claim.Victims);
        json.WriteString("victim_side", claim.VictimSide);
        json.WriteString("qualifier", quantity.Qualifier.ToName());
        WriteNumber(json, "value", quantity.Value);
        json.WriteNumber("low", quantity.Low);
        WriteNumber(json, "high", quantity.High);
        WriteNumber(json, "parent", claim.Parent);
        json.WriteString("source", claim.Source);
        json.WriteString("perpetrator", claim.Perpetrator);
        json.WriteString("perpetrator_side", claim.PerpetratorSide);
        json.WriteString("place", claim.Place);
        json.WriteString("start", claim.Period.Start?.ToString());
        json.WriteString("end", claim.Period.End?.ToString());
        json.WriteBoolean("cumulative", claim.Cumulative);
        json.WriteString("phrase", quantity.Phrase);
        json.WriteString("quote", claim.Quote);
        json.WriteStartArray("span");
        json.WriteNumberValue(claim.Span.Start);
        json.WriteNumberValue(claim.Span.End);
        json.WriteEndArray();
        json.WriteNumber("confidence", Math.Round(claim.Confidence, 2));
        json.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v) json.WriteNumber(name, v); else json.WriteNull(name);
    }
}
