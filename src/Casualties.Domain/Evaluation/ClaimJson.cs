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
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions IndentedOptions = new(Options) { WriteIndented = true };

    /// <summary>The claims as one JSON array, indented for people unless <paramref name="indented"/> is false.</summary>
    public static string Write(IReadOnlyList<Claim> claims, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(claims);
        return JsonSerializer.Serialize(claims.Select(Row), indented ? IndentedOptions : Options);
    }

    /// <summary>One claim in the order and with the names of the array's objects; nulls are written.</summary>
    private sealed record ClaimRow(
        string Outcome, string Victims, string? VictimSide, string Qualifier, int? Value, int Low, int? High, int? Parent,
        string? Source, string? Perpetrator, string? PerpetratorSide, string? Place, string? Start, string? End,
        bool Cumulative, string? Phrase, string? Quote, int[]? Span, double Confidence);

    private static ClaimRow Row(Claim claim) => new(
        claim.Outcome.ToName(), claim.Victims, claim.VictimSide, claim.Quantity.Qualifier.ToName(), claim.Quantity.Value,
        claim.Quantity.Low, claim.Quantity.High, claim.Parent, claim.Source, claim.Perpetrator, claim.PerpetratorSide,
        claim.Place, claim.Period.Start?.ToString(), claim.Period.End?.ToString(), claim.Cumulative, claim.Quantity.Phrase,
        claim.Quote, claim.Span is { } span ? [span.Start, span.End] : null, Math.Round(claim.Confidence, 2));
}
