using System.Text.Json;
using System.Text.Json.Serialization;

namespace Casualties.Reports.Rendering;

/// <summary>
/// The JSON report, schema_version 1, exactly in the shape of interfaces.md ("report --format json"), with the
/// additions listed in docs/reports.md: System.Text.Json over the records below, whose properties are the report's
/// keys in order. The incidents, flags and changes are streams, serialized as they are read and flushed as the
/// buffer fills, so memory stays flat however many incidents there are.
/// </summary>
public sealed class JsonReportRenderer(TimeProvider clock) : IReportRenderer
{
    /// <summary>The report's schema_version; raised when a field changes meaning or goes away.</summary>
    public const int SchemaVersion = 1;

    /// <summary>
    /// snake_case names, every key written (null when unknown: <c>changes</c> alone is left out when null, see
    /// <see cref="ReportJson"/>), indented, and the serializer's default escaping (non-ASCII letters and HTML characters
    /// as \u escapes, so the file is ASCII). The buffer is flushed to the stream each time it passes 64 KiB.
    /// Not the options of eval --json and extract --json, which write text unescaped for a terminal.
    /// </summary>
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = true,
        DefaultBufferSize = 1 << 16,
    };

    /// <inheritdoc/>
    public Task Render(ReportData data, Stream output, CancellationToken ct = default) =>
        JsonSerializer.SerializeAsync(output, ReportJson.Of(data, clock.GetUtcNow()), Options, ct);
}
