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

        w.WriteLine("## Per-side totals");
        w.WriteLine();
        var all = data.Totals.Where(t => t.Period == "all").ToList();
        if (all.Count == 0) w.WriteLine("No totals for these filters.");
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

        w.WriteLine("## Incidents");
        w.WriteLine();
        var incidents = 0;
        await foreach (var incident in data.Incidents.WithCancellation(ct))
        {
            WriteIncident(w, incident, data.Sides);
            incidents++;
        }
        if (incidents == 0) w.WriteLine("No incident matches this report's filters.\n");

        w.WriteLine("## Conflict flags");
        w.WriteLine();
        var flags = 0;
        await foreach (var flag in data.Flags.WithCancellation(ct))
        {
            var where = flag.IncidentId is { } id ? $"incident #{id}" : Markdown.Escape(flag.Place);
            w.WriteLine($"- **{Markdown.Escape(flag.Severity)}**, {Markdown.Escape(FlagKind(flag.Kind))} ({where}): {Markdown.Escape(flag.Explanation)}");
            flags++;
        }
        if (flags == 0) w.WriteLine("No conflicts between figures.");
        w.WriteLine();

        w.WriteLine("## How every number was computed");
        w.WriteLine();
        foreach (var (term, explanation) in Methodology) w.WriteLine($"- **{Markdown.Escape(term)}.** {Markdown.Escape(explanation)}");
    }

    private static void WriteIncident(TextWriter w, ReportIncident incident, SideNames sides)
    {
        w.WriteLine($"### #{incident.Id} {Markdown.Escape(IncidentHeading(incident))}");
        w.WriteLine();
        var meta = $"{IncidentKind(incident.Kind)}, {sides.Side(incident.PerpetratorSide)}, {Count(incident.SourceCount, "source")}";
        if (incident.ContainedIn is { } outer) meta += $", inside #{outer}";
        if (incident.Contains.Count > 0) meta += ", contains " + string.Join(", ", incident.Contains.Select(id => "#" + id));
        if (incident.FlagCount > 0) meta += $", {Count(incident.FlagCount, "flag")}";
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
}
