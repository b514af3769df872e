using System.Text.Json.Serialization;
using Casualties.Reports.Model;

namespace Casualties.Reports.Rendering;

/// <summary>
/// The JSON report as records: each property is a key of interfaces.md and docs/reports.md, in their order, named by
/// the snake_case policy of <see cref="JsonReportRenderer"/>. Dates are already text (ISO days, or YYYY-MM / YYYY as
/// precise as known). Incidents, flags and changes stay streams.
/// </summary>
internal sealed record ReportJson(
    int SchemaVersion, string GeneratedAt, long? ReconciliationRun, FiltersJson Filters,
    IAsyncEnumerable<IncidentJson> Incidents, TotalJson[] Totals, IAsyncEnumerable<FlagJson> Flags,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ChangesJson? Changes)
{
    /// <summary>The report of <paramref name="data"/> generated at <paramref name="now"/>; <c>changes</c> only with --since.</summary>
    public static ReportJson Of(ReportData data, DateTimeOffset now) => new(
        JsonReportRenderer.SchemaVersion, ReportText.Timestamp(now), data.Run?.RunId, FiltersJson.Of(data.Filter),
        data.Incidents.Select(IncidentJson.Of), [.. data.Totals.Select(TotalJson.Of)], data.Flags.Select(FlagJson.Of),
        data.Changes is { } changes ? ChangesJson.Of(changes) : null);
}

/// <summary>The report's filters, each null when not restricted; dates as days.</summary>
internal sealed record FiltersJson(string? Place, string? From, string? To, string? Side, string? Outcome)
{
    public static FiltersJson Of(ReportFilter filter) => new(
        filter.Place, filter.From is { } from ? ReportText.Date(from) : null, filter.To is { } to ? ReportText.Date(to) : null,
        filter.Side, filter.Outcome);
}

/// <summary>An incident with its figures per victim group, headline first.</summary>
internal sealed record IncidentJson(
    long Id, string Kind, string Outcome, string? Place, string? PlaceKey, string? Start, string? End, string? PerpetratorSide,
    long? ContainedIn, IReadOnlyList<long> Contains, FigureJson[] Figures)
{
    public static IncidentJson Of(ReportIncident i) => new(
        i.Id, i.Kind, i.Outcome, i.Place, i.PlaceKey, i.Start?.ToString(), i.End?.ToString(), i.PerpetratorSide,
        i.ContainedIn, i.Contains, [.. i.Figures.Select(FigureJson.Of)]);
}

/// <summary>One victim group's figures; <see cref="Consensus"/> null when the sources' ranges have no common part.</summary>
internal sealed record FigureJson(
    string Victims, string? VictimSide, bool Headline, int Low, int Best, int High, ConsensusJson? Consensus,
    SourceJson[] Sources, SourceJson[] Superseded)
{
    public static FigureJson Of(ReportFigure f) => new(
        f.Victims, f.VictimSide, f.Headline, f.Low, f.Best, f.High,
        f.HasConsensus && f.ConsensusLow is { } low ? new ConsensusJson(low, f.ConsensusHigh) : null,
        [.. f.Sources.Select(SourceJson.Of)], [.. f.Superseded.Select(SourceJson.Of)]);
}

/// <summary>The consensus interval; <see cref="High"/> null = unbounded (every claim open-ended).</summary>
internal sealed record ConsensusJson(int Low, int? High);

/// <summary>A source's own figure (in sources or superseded); <see cref="High"/> null = unbounded above.</summary>
internal sealed record SourceJson(
    string? Source, string Qualifier, int? Value, int Low, int? High, string Reported, string? Quote, string? Document,
    long Claim, string? Rule)
{
    public static SourceJson Of(ReportSourceFigure s) => new(
        s.Source, s.Qualifier, s.Value, s.Low, s.High, ReportText.Date(s.Reported), s.Quote, s.Document, s.ClaimId, s.Rule);
}

/// <summary>A per-side total over a place and period; its days null when the period is all time.</summary>
internal sealed record TotalJson(
    string? PerpetratorSide, string Outcome, string Victims, string? VictimSide, string? Place, string? PlaceKey,
    string Period, string? Start, string? End, long Low, long Best, long High, string Method, int Incidents)
{
    public static TotalJson Of(ReportTotal t) => new(
        t.PerpetratorSide, t.Outcome, t.Victims, t.VictimSide, t.Place, t.PlaceKey, t.Period,
        t.PeriodStart is { } start ? ReportText.Date(start) : null, t.PeriodEnd is { } end ? ReportText.Date(end) : null,
        t.Low, t.Best, t.High, t.Method, t.IncidentCount);
}

/// <summary>A conflict flag; <see cref="Incident"/> null for flags about places or periods.</summary>
internal sealed record FlagJson(
    long Id, string Kind, string Severity, long? Incident, string? Place, IReadOnlyList<long> Claims,
    IReadOnlyList<string> Sources, string Explanation)
{
    public static FlagJson Of(ReportFlag f) => new(f.Id, f.Kind, f.Severity, f.IncidentId, f.Place, f.ClaimIds, f.Sources, f.Explanation);
}

/// <summary>"changes" (report --since): incidents, flags and totals that changed between two runs.</summary>
internal sealed record ChangesJson(
    long FromRun, long ToRun, IAsyncEnumerable<IncidentChangeJson> Incidents, IAsyncEnumerable<FlagChangeJson> Flags,
    IAsyncEnumerable<TotalChangeJson> Totals)
{
    public static ChangesJson Of(ReportChanges c) => new(
        c.FromRun, c.ToRun,
        c.Incidents.Select(i => new IncidentChangeJson(
            i.Id, i.Key, i.Status, i.Before is { } before ? IncidentJson.Of(before) : null, i.After is { } after ? IncidentJson.Of(after) : null)),
        c.Flags.Select(f => new FlagChangeJson(f.Status, FlagJson.Of(f.Flag))),
        c.Totals.Select(t => new TotalChangeJson(
            t.Status, t.Before is { } before ? TotalJson.Of(before) : null, t.After is { } after ? TotalJson.Of(after) : null)));
}

/// <summary>An incident new, changed or gone, as it was before and is after (null on the side where it does not exist).</summary>
internal sealed record IncidentChangeJson(long Incident, string Key, string Status, IncidentJson? Before, IncidentJson? After);

/// <summary>A flag raised or cleared.</summary>
internal sealed record FlagChangeJson(string Status, FlagJson Flag);

/// <summary>A per-side total new, moved or gone, before and after.</summary>
internal sealed record TotalChangeJson(string Status, TotalJson? Before, TotalJson? After);

/// <summary>
/// The serializer's code for the records above, generated at build time: snake_case names, indented, every null
/// written (only <see cref="ReportJson.Changes"/> is left out when null), the serializer's default escaping
/// (non-ASCII letters and HTML characters as \u escapes, so the file is ASCII), flushed each time its 64 KiB buffer fills.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true, DefaultBufferSize = 1 << 16)]
[JsonSerializable(typeof(ReportJson))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
