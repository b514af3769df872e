using System.Text.Json;
using Casualties.Domain.Evaluation;

namespace Casualties.Domain.Tests.Evaluation;

/// <summary>The shape of <c>eval --json</c> (interfaces.md): keys, nesting, nulls and three-decimal scores.</summary>
[Property("Issue", "12")]
public sealed class EvalReportJsonTests
{
    private static readonly EvalReport Report = new(
        Documents: 2, Gold: 5, Predicted: 4, Matched: 3, Precision: 0.75, Recall: 0.6, F1: 2 * 0.75 * 0.6 / 1.35,
        new AttributeAccuracy(Source: 2.0 / 3, PerpetratorSide: 1, Place: 0.3335, Start: null, End: 0.5, Parent: null),
        Missed: [new UnmatchedClaim("doc-1", "killed", "people", 12, null, "at least 12 \"people\" — in Ḥimṣ")],
        Spurious: [new UnmatchedClaim("doc-2", "injured", "civilians", 3, 9, "several civilians")],
        Mismatches: [new AttributeMismatch("doc-1", "place", "Aleppo", null, "in Aleppo <city>")]);

    [Test]
    public void Eval_json_keeps_the_shape_of_interfaces_md()
    {
        Assert.That(Report.ToJson(), Is.EqualTo(
            "{\"documents\":2,\"gold\":5,\"predicted\":4,\"matched\":3,\"precision\":0.75,\"recall\":0.6,\"f1\":0.667," +
            "\"attributes\":{\"source\":0.667,\"perpetrator_side\":1,\"place\":0.334,\"start\":null,\"end\":0.5,\"parent\":null}," +
            "\"missed\":[{\"document\":\"doc-1\",\"outcome\":\"killed\",\"victims\":\"people\",\"low\":12,\"high\":null,\"quote\":\"at least 12 \\\"people\\\" — in Ḥimṣ\"}]," +
            "\"spurious\":[{\"document\":\"doc-2\",\"outcome\":\"injured\",\"victims\":\"civilians\",\"low\":3,\"high\":9,\"quote\":\"several civilians\"}]," +
            "\"mismatches\":[{\"document\":\"doc-1\",\"attribute\":\"place\",\"gold\":\"Aleppo\",\"predicted\":null,\"quote\":\"in Aleppo <city>\"}]}"));
    }

    [Test]
    public void An_empty_report_still_has_every_key()
    {
        var empty = new EvalReport(0, 0, 0, 0, 0, 0, 0, new AttributeAccuracy(null, null, null, null, null, null), [], [], []);
        using var json = JsonDocument.Parse(empty.ToJson());
        Assert.That(json.RootElement.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[]
        {
            "documents", "gold", "predicted", "matched", "precision", "recall", "f1", "attributes", "missed", "spurious", "mismatches",
        }));
        Assert.That(json.RootElement.GetProperty("attributes").EnumerateObject().Select(p => (p.Name, p.Value.ValueKind)), Is.EqualTo(new[]
        {
            ("source", JsonValueKind.Null), ("perpetrator_side", JsonValueKind.Null), ("place", JsonValueKind.Null),
            ("start", JsonValueKind.Null), ("end", JsonValueKind.Null), ("parent", JsonValueKind.Null),
        }));
    }
}
