using System.Text.Json;

namespace Casualties.Reports.Rendering;

/// <summary>
/// The JSON report, schema_version 1, exactly in the shape of interfaces.md ("report --format json"), with the
/// additions listed in docs/reports.md: System.Text.Json over the records of ReportJson.cs, whose properties are the
/// report's keys in order, with the options and generated code of <see cref="ReportJsonContext"/> (not the options of
/// eval --json and extract --json, which write text unescaped for a terminal). The incidents, flags and changes are
/// streams, serialized as they are read and flushed as the buffer fills, so memory stays flat however many incidents
/// there are.
/// </summary>
public sealed class JsonReportRenderer(TimeProvider clock) : IReportRenderer
{
    /// <summary>The report's schema_version; raised when a field changes meaning or goes away.</summary>
    public const int SchemaVersion = 1;

    /// <inheritdoc/>
    public Task Render(ReportData data, Stream output, CancellationToken ct = default) =>
        JsonSerializer.SerializeAsync(output, ReportJson.Of(data, clock.GetUtcNow()), ReportJsonContext.Default.ReportJson, ct);
}
