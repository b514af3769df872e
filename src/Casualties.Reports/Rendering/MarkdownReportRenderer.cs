using System.Text;
using Casualties.Reports.Model;
using static Casualties.Reports.Rendering.ReportText;

namespace Casualties.Reports.Rendering;

/// <summary>
/// A Markdown report for pasting into a newsroom note: summary, per-side totals, each incident with its sources'
/// figures and quotes, the flags and the method. Text from the data goes through <see cref="Markdown.Escape"/>.
/// </summary>
public sealed class MarkdownReportRenderer(TimeProvider clock) : IReportRenderer
{
    /// <inheritdoc/>
    public async Task Render(ReportData data, Stream output, CancellationToken ct = default)
    {
        await using var w = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        var s = data.Summary;
        w.WriteLine($"# {Title}");
        w.WriteLine();
        w.WriteLine($"As of {Markdown.Escape(RunText(data.Run))}. Covers {Markdown.Escape(FilterText(data))}. Generated {Timestamp(clock.GetUtcNow())}.");
        w.WriteLine();
        w.WriteLine("## Summary");
        w.WriteLine();
        w.WriteLine($"- **{Number(s.Incidents)} incidents** ({Number(s.Events)} events, {Number(s.Tallies)} running tallies), {Date(s.FirstDate)} to {Date(s.LastDate)}");
        w.WriteLine($"- **{Number(s.Sources)} sources**, {Number(s.Claims)} claims");
        w.WriteLine($"- **{Number(s.Flags)} conflict flags** ({Number(s.HighFlags)} high, {Number(s.MediumFlags)} medium, {Number(s.LowFlags)} low); {Number(s.WithoutConsensus)} incidents without consensus");
        w.WriteLine();

        if (data.Changes is { } changes) await WriteChanges(w, data, changes, ct);

        w.WriteLine("## Per-side totals");
        w.WriteLine();
        var all = data.Totals.Where(t => t.Period == "all").ToList();
        if (all.Count == 0)
        {
            w.WriteLine("No totals for these filters.");
        }
        else
        {
            w.WriteLine("| Place | Perpetrator | Outcome | Victims | Range | Best | Period | Method | Incidents |");
            w.WriteLine("| --- | --- | --- | --- | ---: | ---: | --- | --- | ---: |");
            foreach (var t in all)
            {
                w.WriteLine($"| {Markdown.Escape(t.Place)} | {Markdown.Escape(data.Sides.Side(t.PerpetratorSide))} | {Markdown.Escape(t.Outcome)} | " +
                            $"{Markdown.Escape(Victims(t.Victims, t.VictimSide))} | {Range(t.Low, t.High)} | {Number(t.Best)} | " +
                            $"{Markdown.Escape(Period(t.PeriodStart, t.PeriodEnd))} | {Markdown.Escape(Method(t.Method))} | {Number(t.IncidentCount)} |");
            }
        }
        w.WriteLine();

        w.WriteLine("## Conflict flags");
        w.WriteLine();
        var flags = 0;
        await foreach (var flag in data.SelectedFlags.WithCancellation(ct))
        {
            var where = flag.IncidentId is { } id ? $"incident #{id}" : Markdown.Escape(flag.Place);
            w.WriteLine($"- **{Markdown.Escape(flag.Severity)}**, {Markdown.Escape(FlagKind(flag.Kind))} ({where}): {Markdown.Escape(flag.Explanation)}");
            flags++;
        }
        if (flags == 0) w.WriteLine("No conflicts between figures.");
        if (data.FlagsLeftOut > 0)
        {
            w.WriteLine();
            w.WriteLine($"{Count(data.FlagsLeftOut, "low-severity flag")} left out. All of them: `{AllCommand(data, "md", null, wholeReport: true)}`, or in SQL `{LowFlagsSql}`.");
        }
        w.WriteLine();

        w.WriteLine("## Incidents");
        w.WriteLine();
        w.WriteLine(Markdown.Escape(SelectionText(data.Selection)));
        w.WriteLine();
        if (data.Countries.Count > 0)
        {
            w.WriteLine("| Country | Incidents | Shown | Left out | Flagged, left out |");
            w.WriteLine("| --- | ---: | ---: | ---: | ---: |");
            foreach (var c in data.Countries)
                w.WriteLine($"| {Markdown.Escape(c.Country ?? "No country")} | {Number(c.Incidents)} | {Number(c.Shown)} | {Number(c.LeftOut)} | {Number(c.FlaggedLeftOut)} |");
            w.WriteLine();
        }
        var incidents = 0;
        string? country = null;
        await foreach (var incident in data.SelectedIncidents.WithCancellation(ct))
        {
            if (incidents == 0 || incident.Country != country)
            {
                country = incident.Country;
                w.WriteLine($"### {Markdown.Escape(country ?? "No country")}");
                w.WriteLine();
                var c = data.Countries.FirstOrDefault(x => x.Country == country);
                if (c is { LeftOut: > 0 })
                {
                    w.WriteLine($"Showing {Number(c.Shown)} of {Number(c.Incidents)} incidents; {Count(c.LeftOut, "incident")} left out ({Number(c.FlaggedLeftOut)} of them flagged). " +
                                $"All of them: `{AllCommand(data, "md", country)}`, or in SQL `{CountrySql(country)}`.");
                    w.WriteLine();
                }
            }
            WriteIncident(w, incident, data);
            incidents++;
        }
        if (incidents == 0) w.WriteLine("No incident matches this report's filters.\n");

        w.WriteLine("## How every number was computed");
        w.WriteLine();
        foreach (var (term, explanation) in Methodology) w.WriteLine($"- **{Markdown.Escape(term)}.** {Markdown.Escape(explanation)}");
    }

    private static void WriteIncident(TextWriter w, ReportIncident incident, ReportData data)
    {
        var sides = data.Sides;
        w.WriteLine($"#### #{incident.Id} {Markdown.Escape(IncidentHeading(incident))}");
        w.WriteLine();
        var meta = $"{IncidentKind(incident.Kind)}, {sides.Side(incident.PerpetratorSide)}, {Count(incident.SourceCount, "source")}";
        if (incident.ContainedIn is { } outer) meta += $", inside #{outer}";
        if (incident.Contains.Count > 0) meta += ", contains " + string.Join(", ", incident.Contains.Select(id => "#" + id));
        if (incident.FlagCount > 0) meta += $", {Count(incident.FlagCount, "flag")}";
        if (data.Shown.TryGetValue(incident.Id, out var reasons) && reasons != SelectionReason.None) meta += $"; shown as {Reasons(reasons)}";
        w.WriteLine($"*{Markdown.Escape(meta)}*");
        w.WriteLine();
        foreach (var f in incident.Figures)
        {
            w.WriteLine($"- **{Markdown.Escape(Capitalized(Victims(f.Victims, f.VictimSide)))}{(f.Headline ? " (headline)" : "")}: {Range(f.Low, f.High)}**, " +
                        $"best {Number(f.Best)}, {Markdown.Escape(Consensus(f.HasConsensus, f.ConsensusLow, f.ConsensusHigh))}");
            foreach (var s in f.Sources.Concat(f.Superseded))
            {
                var quote = s.Quote is null ? "" : $": “{Markdown.Escape(s.Quote)}”";
                w.WriteLine($"  - {Markdown.Escape(s.Source ?? "unknown source")}{(s.Superseded ? " (superseded)" : "")}, {Markdown.Escape(Date(s.Reported))}: " +
                            $"{Markdown.Escape(Stated(s))}{quote} ({Markdown.Escape(s.Document)})");
            }
        }
        w.WriteLine();
    }

    private static async Task WriteChanges(TextWriter w, ReportData data, ReportChanges changes, CancellationToken ct)
    {
        var c = changes.Counts;
        w.WriteLine($"## What changed since run {changes.FromRun}");
        w.WriteLine();
        w.WriteLine($"From reconciliation run {changes.FromRun} to run {changes.ToRun}: {Count(c.NewIncidents, "new incident")}, {Number(c.ChangedIncidents)} changed, {Number(c.GoneIncidents)} gone; " +
                    $"{Count(c.RaisedFlags, "flag")} raised, {Number(c.ClearedFlags)} cleared; {Count(c.Totals, "per-side total")} moved.");
        w.WriteLine();
        var max = HtmlReportRenderer.MaxChangesShown;
        if (c.Incidents > 0)
        {
            w.WriteLine("### Incidents");
            w.WriteLine();
            w.WriteLine("| Change | Incident | Before | After |");
            w.WriteLine("| --- | --- | --- | --- |");
            var shown = 0;
            await foreach (var change in changes.Incidents.WithCancellation(ct))
            {
                var incident = (change.After ?? change.Before)!;
                w.WriteLine($"| {change.Status} | #{incident.Id} {Markdown.Escape(IncidentHeading(incident))} | {State(change.Before)} | {State(change.After)} |");
                if (++shown == max) break;
            }
            w.WriteLine();
            LeftOut(w, data, changes, c.Incidents - shown, "incident change");
        }
        if (c.Flags > 0)
        {
            w.WriteLine("### Flags");
            w.WriteLine();
            var shown = 0;
            await foreach (var change in changes.Flags.WithCancellation(ct))
            {
                var f = change.Flag;
                var where = f.IncidentId is { } id ? $"incident #{id}{(f.Place is null ? "" : " in " + Markdown.Escape(f.Place))}" : Markdown.Escape(f.Place);
                w.WriteLine($"- **{change.Status}**: {Markdown.Escape(f.Severity)}, {Markdown.Escape(FlagKind(f.Kind))} ({where}): {Markdown.Escape(f.Explanation)}");
                if (++shown == max) break;
            }
            w.WriteLine();
            LeftOut(w, data, changes, c.Flags - shown, "flag change");
        }
        if (c.Totals > 0)
        {
            w.WriteLine("### Per-side totals that moved");
            w.WriteLine();
            w.WriteLine("| Change | Total | Before | After | Best moved |");
            w.WriteLine("| --- | --- | ---: | ---: | ---: |");
            var shown = 0;
            await foreach (var change in changes.Totals.WithCancellation(ct))
            {
                w.WriteLine($"| {change.Status} | {Markdown.Escape(TotalHeading(change.Total, data.Sides))} | {TotalState(change.Before)} | {TotalState(change.After)} | " +
                            $"{Delta(change.Before?.Best ?? 0, change.After?.Best ?? 0)} |");
                if (++shown == max) break;
            }
            w.WriteLine();
            LeftOut(w, data, changes, c.Totals - shown, "total change");
        }
        if (c.Incidents + c.Flags + c.Totals == 0)
        {
            w.WriteLine("Nothing changed.");
            w.WriteLine();
        }
    }

    private static string State(ReportIncident? incident) => incident is null ? "—"
        : Figures(incident) + (incident.FlagCount > 0 ? $", {Count(incident.FlagCount, "flag")}" : "");

    private static string TotalState(ReportTotal? total) => total is null ? "—" : $"{Range(total.Low, total.High)} (best {Number(total.Best)})";

    private static void LeftOut(TextWriter w, ReportData data, ReportChanges changes, int leftOut, string noun)
    {
        if (leftOut <= 0) return;
        w.WriteLine($"{Count(leftOut, noun)} more: `{SinceCommand(data, changes.FromRun)}`, or in SQL `SELECT * FROM changes({changes.FromRun}, {changes.ToRun})`.");
        w.WriteLine();
    }
}
