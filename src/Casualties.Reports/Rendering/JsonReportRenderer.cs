using System.Text.Json;
using Casualties.Reports.Model;

namespace Casualties.Reports.Rendering;

/// <summary>
/// The JSON report, schema_version 1, exactly in the shape of interfaces.md ("report --format json"), with the
/// additions listed in docs/reports.md. Written with a <see cref="Utf8JsonWriter"/> straight to the stream,
/// flushed as it goes, so memory stays flat however many incidents there are. Property names are snake_case.
/// </summary>
public sealed class JsonReportRenderer(TimeProvider clock) : IReportRenderer
{
    /// <summary>The report's schema_version; raised when a field changes meaning or goes away.</summary>
    public const int SchemaVersion = 1;
    private const int FlushAt = 1 << 16;

    /// <inheritdoc/>
    public async Task Render(ReportData data, Stream output, CancellationToken ct = default)
    {
        await using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteNumber("schema_version", SchemaVersion);
        w.WriteString("generated_at", ReportText.Timestamp(clock.GetUtcNow()));
        if (data.Run is null) w.WriteNull("reconciliation_run");
        else w.WriteNumber("reconciliation_run", data.Run.RunId);

        w.WriteStartObject("filters");
        StringOrNull(w, "place", data.Filter.Place);
        StringOrNull(w, "from", data.Filter.From is { } from ? ReportText.Date(from) : null);
        StringOrNull(w, "to", data.Filter.To is { } to ? ReportText.Date(to) : null);
        StringOrNull(w, "side", data.Filter.Side);
        StringOrNull(w, "outcome", data.Filter.Outcome);
        w.WriteEndObject();

        w.WriteStartArray("incidents");
        await foreach (var incident in data.Incidents.WithCancellation(ct))
        {
            WriteIncident(w, incident);
            if (w.BytesPending > FlushAt) await w.FlushAsync(ct);
        }
        w.WriteEndArray();

        w.WriteStartArray("totals");
        foreach (var total in data.Totals) WriteTotal(w, total);
        w.WriteEndArray();

        w.WriteStartArray("flags");
        await foreach (var flag in data.Flags.WithCancellation(ct))
        {
            WriteFlag(w, flag);
            if (w.BytesPending > FlushAt) await w.FlushAsync(ct);
        }
        w.WriteEndArray();
        if (data.Changes is { } changes) await WriteChanges(w, changes, ct);
        w.WriteEndObject();
        await w.FlushAsync(ct);
    }

    /// <summary>"changes" (report --since): incidents new, changed and gone with the incident before and after, flags
    /// raised and cleared, per-side totals new, moved and gone with before and after; documented in docs/reports.md.</summary>
    private static async Task WriteChanges(Utf8JsonWriter w, ReportChanges changes, CancellationToken ct)
    {
        w.WriteStartObject("changes");
        w.WriteNumber("from_run", changes.FromRun);
        w.WriteNumber("to_run", changes.ToRun);
        w.WriteStartArray("incidents");
        await foreach (var change in changes.Incidents.WithCancellation(ct))
        {
            w.WriteStartObject();
            w.WriteNumber("incident", change.Id);
            w.WriteString("key", change.Key);
            w.WriteString("status", change.Status);
            w.WritePropertyName("before");
            if (change.Before is null) w.WriteNullValue();
            else WriteIncident(w, change.Before);
            w.WritePropertyName("after");
            if (change.After is null) w.WriteNullValue();
            else WriteIncident(w, change.After);
            w.WriteEndObject();
            if (w.BytesPending > FlushAt) await w.FlushAsync(ct);
        }
        w.WriteEndArray();
        w.WriteStartArray("flags");
        await foreach (var change in changes.Flags.WithCancellation(ct))
        {
            w.WriteStartObject();
            w.WriteString("status", change.Status);
            w.WritePropertyName("flag");
            WriteFlag(w, change.Flag);
            w.WriteEndObject();
            if (w.BytesPending > FlushAt) await w.FlushAsync(ct);
        }
        w.WriteEndArray();
        w.WriteStartArray("totals");
        await foreach (var change in changes.Totals.WithCancellation(ct))
        {
            w.WriteStartObject();
            w.WriteString("status", change.Status);
            w.WritePropertyName("before");
            if (change.Before is null) w.WriteNullValue();
            else WriteTotal(w, change.Before);
            w.WritePropertyName("after");
            if (change.After is null) w.WriteNullValue();
            else WriteTotal(w, change.After);
            w.WriteEndObject();
            if (w.BytesPending > FlushAt) await w.FlushAsync(ct);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteIncident(Utf8JsonWriter w, ReportIncident i)
    {
        w.WriteStartObject();
        w.WriteNumber("id", i.Id);
        w.WriteString("kind", i.Kind);
        w.WriteString("outcome", i.Outcome);
        StringOrNull(w, "place", i.Place);
        StringOrNull(w, "place_key", i.PlaceKey);
        StringOrNull(w, "start", i.Start?.ToString());
        StringOrNull(w, "end", i.End?.ToString());
        StringOrNull(w, "perpetrator_side", i.PerpetratorSide);
        NumberOrNull(w, "contained_in", i.ContainedIn);
        w.WriteStartArray("contains");
        foreach (var id in i.Contains) w.WriteNumberValue(id);
        w.WriteEndArray();
        w.WriteStartArray("figures");
        foreach (var f in i.Figures) WriteFigure(w, f);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteFigure(Utf8JsonWriter w, ReportFigure f)
    {
        w.WriteStartObject();
        w.WriteString("victims", f.Victims);
        StringOrNull(w, "victim_side", f.VictimSide);
        w.WriteBoolean("headline", f.Headline);
        w.WriteNumber("low", f.Low);
        w.WriteNumber("best", f.Best);
        w.WriteNumber("high", f.High);
        if (f.HasConsensus && f.ConsensusLow is { } consensusLow)
        {
            w.WriteStartObject("consensus");
            w.WriteNumber("low", consensusLow);
            NumberOrNull(w, "high", f.ConsensusHigh);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("consensus");
        }
        w.WriteStartArray("sources");
        foreach (var s in f.Sources) WriteSource(w, s);
        w.WriteEndArray();
        w.WriteStartArray("superseded");
        foreach (var s in f.Superseded) WriteSource(w, s);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteSource(Utf8JsonWriter w, ReportSourceFigure s)
    {
        w.WriteStartObject();
        StringOrNull(w, "source", s.Source);
        w.WriteString("qualifier", s.Qualifier);
        NumberOrNull(w, "value", s.Value);
        w.WriteNumber("low", s.Low);
        NumberOrNull(w, "high", s.High);
        w.WriteString("reported", ReportText.Date(s.Reported));
        StringOrNull(w, "quote", s.Quote);
        StringOrNull(w, "document", s.Document);
        w.WriteNumber("claim", s.ClaimId);
        StringOrNull(w, "rule", s.Rule);
        w.WriteEndObject();
    }

    private static void WriteTotal(Utf8JsonWriter w, ReportTotal t)
    {
        w.WriteStartObject();
        StringOrNull(w, "perpetrator_side", t.PerpetratorSide);
        w.WriteString("outcome", t.Outcome);
        w.WriteString("victims", t.Victims);
        StringOrNull(w, "victim_side", t.VictimSide);
        StringOrNull(w, "place", t.Place);
        StringOrNull(w, "place_key", t.PlaceKey);
        w.WriteString("period", t.Period);
        StringOrNull(w, "start", t.PeriodStart is { } start ? ReportText.Date(start) : null);
        StringOrNull(w, "end", t.PeriodEnd is { } end ? ReportText.Date(end) : null);
        w.WriteNumber("low", t.Low);
        w.WriteNumber("best", t.Best);
        w.WriteNumber("high", t.High);
        w.WriteString("method", t.Method);
        w.WriteNumber("incidents", t.IncidentCount);
        w.WriteEndObject();
    }

    private static void WriteFlag(Utf8JsonWriter w, ReportFlag f)
    {
        w.WriteStartObject();
        w.WriteNumber("id", f.Id);
        w.WriteString("kind", f.Kind);
        w.WriteString("severity", f.Severity);
        NumberOrNull(w, "incident", f.IncidentId);
        StringOrNull(w, "place", f.Place);
        w.WriteStartArray("claims");
        foreach (var id in f.ClaimIds) w.WriteNumberValue(id);
        w.WriteEndArray();
        w.WriteStartArray("sources");
        foreach (var s in f.Sources) w.WriteStringValue(s);
        w.WriteEndArray();
        w.WriteString("explanation", f.Explanation);
        w.WriteEndObject();
    }

    private static void StringOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }

    private static void NumberOrNull(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }
}
