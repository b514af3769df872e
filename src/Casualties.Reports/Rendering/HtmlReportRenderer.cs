using Casualties.Reports.Model;
using Casualties.Reports.Rendering.Svg;
using static Casualties.Reports.Rendering.ReportText;

namespace Casualties.Reports.Rendering;

/// <summary>
/// One self-contained HTML file: inline CSS (responsive, printable) and inline SVG charts, no script, no external
/// request (a Content-Security-Policy forbids them too). Sections: summary, per-side totals, totals over time,
/// incidents with their charts and quotes, conflict flags, how the numbers were computed.
/// Every string from the data goes through <see cref="Html.Encode"/>.
/// </summary>
public sealed partial class HtmlReportRenderer(TimeProvider clock) : IReportRenderer
{
    private const int MaxTimelines = 8;

    private static void WriteSummary(TextWriter w, ReportData data)
    {
        var s = data.Summary;
        w.WriteLine("<section id=\"summary\"><h2>Summary</h2><div class=\"cards\">");
        Card(w, Number(s.Incidents), "incidents", $"{Number(s.Events)} events · {Number(s.Tallies)} tallies");
        Card(w, Number(s.Sources), "sources", $"{Number(s.Claims)} claims");
        Card(w, Number(s.Flags), "conflict flags", $"{Number(s.HighFlags)} high · {Number(s.MediumFlags)} medium · {Number(s.LowFlags)} low", s.HighFlags > 0 ? "alert" : null);
        Card(w, Number(s.WithoutConsensus), "without consensus", "incidents whose sources' ranges do not meet");
        w.WriteLine("</div>");
        w.WriteLine($"<p>Incidents from <strong>{Html.Encode(s.FirstDate is null ? "—" : Date(s.FirstDate))}</strong> to <strong>{Html.Encode(s.LastDate is null ? "—" : Date(s.LastDate))}</strong>.</p>");
        var headline = Headline(data.Totals).ToList();
        if (headline.Count > 0)
        {
            w.WriteLine("<ul class=\"headline\">");
            foreach (var t in headline)
            {
                w.WriteLine($"<li><span class=\"swatch-inline side-{SideClass(data, t.PerpetratorSide)}\"></span>{Html.Encode(Capitalized(data.Sides.Side(t.PerpetratorSide)))}: " +
                            $"<strong>{Html.Encode(Range(t.Low, t.High))}</strong> {Html.Encode(Victims(t.Victims, t.VictimSide))} {Html.Encode(t.Outcome)} " +
                            $"(best {Html.Encode(Number(t.Best))}) in {Html.Encode(t.Place ?? "unknown place")}, {Html.Encode(Period(t.PeriodStart, t.PeriodEnd))}.</li>");
            }
            w.WriteLine("</ul>");
        }
        w.WriteLine("</section>");
    }

    /// <summary>The widest totals: period 'all' at the top of the hierarchy, killed first.</summary>
    private static IEnumerable<ReportTotal> Headline(IReadOnlyList<ReportTotal> totals)
    {
        var all = totals.Where(t => t.Period == "all").ToList();
        if (all.Count == 0) return [];
        var depth = all.Min(t => t.PlaceDepth ?? int.MaxValue);
        return all.Where(t => (t.PlaceDepth ?? int.MaxValue) == depth)
            .OrderBy(t => t.Place, StringComparer.Ordinal).ThenBy(t => OutcomeOrder(t.Outcome))
            .ThenBy(t => t.PerpetratorSide is null).ThenBy(t => t.PerpetratorSide, StringComparer.Ordinal)
            .ThenBy(t => VictimsOrder(t.Victims)).ThenBy(t => t.Victims, StringComparer.Ordinal).Take(12);
    }

    private static void WriteTotals(TextWriter w, ReportData data, IReadOnlyList<string?> sides)
    {
        w.WriteLine("<section id=\"totals\"><h2>Per-side totals</h2>");
        var all = data.Totals.Where(t => t.Period == "all").ToList();
        if (all.Count == 0)
        {
            w.WriteLine("<p>No totals for these filters.</p></section>");
            return;
        }
        w.WriteLine("<p class=\"note\">Over the whole period of each place: the range is the sum of the incidents' lows to the sum of their highs, never counting a death twice; the method says how places and their parts were combined.</p>");
        w.WriteLine("<div class=\"table-wrap\"><table class=\"totals\"><thead><tr><th>Place</th><th>Perpetrator</th><th>Outcome</th><th>Victims</th><th class=\"num\">Range</th><th class=\"num\">Best</th><th>Period</th><th>Method</th><th class=\"num\">Incidents</th></tr></thead><tbody>");
        foreach (var t in all)
        {
            w.WriteLine($"<tr><td>{Html.Encode(t.Place)}</td><td class=\"side\"><span class=\"swatch-inline side-{TimelineChart.SideIndex(sides, t.PerpetratorSide)}\"></span>{Html.Encode(t.PerpetratorSide is { } side ? data.Sides.Name(side) : "unknown")}</td>" +
                        $"<td>{Html.Encode(t.Outcome)}</td><td>{Html.Encode(Victims(t.Victims, t.VictimSide))}</td>" +
                        $"<td class=\"num\">{Html.Encode(Range(t.Low, t.High))}</td><td class=\"num\"><strong>{Html.Encode(Number(t.Best))}</strong></td>" +
                        $"<td class=\"period\">{Html.Encode(Period(t.PeriodStart, t.PeriodEnd))}</td><td>{Html.Encode(Method(t.Method))}</td><td class=\"num\">{Html.Encode(Number(t.IncidentCount))}</td></tr>");
        }
        w.WriteLine("</tbody></table></div></section>");
    }

    private static void WriteTimelines(TextWriter w, ReportData data, IReadOnlyList<string?> sides)
    {
        w.WriteLine("<section id=\"timeline\"><h2>Totals over time</h2>");
        var months = data.Totals.Where(t => t.Period == "month" && t.PeriodStart is not null).ToList();
        if (months.Count == 0)
        {
            w.WriteLine("<p>No monthly totals for these filters.</p></section>");
            return;
        }
        var depth = months.Min(t => t.PlaceDepth ?? int.MaxValue);
        var groups = months.Where(t => (t.PlaceDepth ?? int.MaxValue) == depth)
            .GroupBy(t => (t.Place, t.PlaceKey, t.Outcome, t.Victims, t.VictimSide))
            .OrderBy(g => OutcomeOrder(g.Key.Outcome)).ThenBy(g => g.Key.Place, StringComparer.Ordinal)
            .ThenBy(g => VictimsOrder(g.Key.Victims)).ThenBy(g => g.Key.Victims, StringComparer.Ordinal)
            .ThenBy(g => g.Key.VictimSide, StringComparer.Ordinal)
            .ToList();
        w.WriteLine("<p class=\"note\">Monthly totals per perpetrator side: the band runs from low to high, the line through the best values.</p>");
        var index = 0;
        foreach (var group in groups.Take(MaxTimelines))
        {
            var title = $"{Capitalized(group.Key.Outcome)}: {Victims(group.Key.Victims, group.Key.VictimSide)} in {group.Key.Place ?? "unknown place"}, by month";
            w.WriteLine($"<figure class=\"timeline-figure\"><figcaption>{Html.Encode(title)}</figcaption>");
            TimelineChart.Write(w, group.ToList(), sides, data.Sides, $"timeline-{index++}", title);
            w.WriteLine("</figure>");
        }
        if (groups.Count > MaxTimelines)
            w.WriteLine($"<p class=\"note\">{groups.Count - MaxTimelines} more monthly series are in the CSV and JSON reports and in v_side_totals.</p>");
        w.WriteLine("</section>");
    }

    private static void WriteIncident(TextWriter w, ReportIncident incident, ReportData data, IncidentLink link)
    {
        var sides = data.Sides;
        w.WriteLine($"<article class=\"incident\" id=\"incident-{incident.Id}\">");
        w.WriteLine($"<h3><span class=\"incident-id\">#{incident.Id}</span> {Html.Encode(IncidentHeading(incident))}</h3>");
        var meta = new List<string>
        {
            Html.Encode(IncidentKind(incident.Kind)),
            Html.Encode(sides.Side(incident.PerpetratorSide)),
            Count(incident.SourceCount, "source"),
            Count(incident.ClaimCount, "claim"),
        };
        if (incident.FlagCount > 0) meta.Add($"<span class=\"flagged\">{Count(incident.FlagCount, "flag")}</span>");
        if (incident.ContainedIn is { } outer) meta.Add("inside " + IncidentRef(outer, incident.Country, link));
        if (incident.Contains.Count > 0) meta.Add("contains " + string.Join(", ", incident.Contains.Select(id => IncidentRef(id, incident.Country, link))));
        if (data.Shown.TryGetValue(incident.Id, out var reasons) && reasons != SelectionReason.None)
            meta.Add($"<span class=\"why\">shown as {Html.Encode(Reasons(reasons))}</span>");
        w.WriteLine($"<p class=\"meta\">{string.Join(" · ", meta)}</p>");
        foreach (var figure in incident.Figures) WriteFigure(w, incident, figure);
        w.WriteLine("</article>");
    }

    /// <summary>"#12" linked to its card when the report shows it, else plain.</summary>
    private static string IncidentRef(long id, string? country, IncidentLink link) =>
        link(id, country) is { } href ? $"<a href=\"{href}\">#{id}</a>" : $"#{id}";

    private static void WriteFigure(TextWriter w, ReportIncident incident, ReportFigure f)
    {
        var chartId = $"chart-{incident.Id}-{Slug(f.Victims)}{(f.VictimSide is null ? "" : "-" + Slug(f.VictimSide))}";
        w.WriteLine($"<div class=\"figure{(f.Headline ? " headline" : "")}\">");
        w.WriteLine($"<h4>{Html.Encode(Capitalized(Victims(f.Victims, f.VictimSide)))}{(f.Headline ? " <span class=\"tag\">headline</span>" : "")}: " +
                    $"<strong>{Html.Encode(Range(f.Low, f.High))}</strong>, best <strong>{Html.Encode(Number(f.Best))}</strong> · " +
                    $"<span class=\"{(f.HasConsensus ? "consensus-text" : "conflict-text")}\">{Html.Encode(Consensus(f.HasConsensus, f.ConsensusLow, f.ConsensusHigh))}</span></h4>");
        IncidentRangeChart.Write(w, f, chartId);
        w.WriteLine("<div class=\"table-wrap\"><table class=\"sources\"><thead><tr><th>Source</th><th>Said</th><th class=\"num\">Bounds</th><th>Reported</th><th>Quote</th></tr></thead><tbody>");
        foreach (var s in f.Sources.Concat(f.Superseded))
        {
            var quote = s.Quote is null ? "<span class=\"none\">no quote (dataset row)</span>" : $"<q>{Html.Encode(s.Quote)}</q>";
            w.WriteLine($"<tr{(s.Superseded ? " class=\"superseded\"" : "")}><td>{Html.Encode(s.Source ?? "unknown source")}{(s.Superseded ? " <span class=\"tag\">superseded</span>" : "")}</td>" +
                        $"<td class=\"said\">{Html.Encode(Stated(s))}</td><td class=\"num\">{Html.Encode(Range(s.Low, s.High))}</td><td class=\"date\">{Html.Encode(Date(s.Reported))}</td>" +
                        $"<td>{quote}<div class=\"provenance\">{Html.Encode(s.Document)} · claim {s.ClaimId}{(s.Rule is null ? "" : " · " + Html.Encode(s.Rule))}</div></td></tr>");
        }
        w.WriteLine("</tbody></table></div></div>");
    }

    private static void WriteFlag(TextWriter w, ReportFlag flag, IncidentLink link)
    {
        var where = flag.IncidentId is { } id
            ? (link(id, flag.Country) is { } href ? $"<a href=\"{href}\">incident #{id}</a>" : $"incident #{id} (not shown)")
            : Html.Encode(flag.Place ?? "");
        w.WriteLine($"<li class=\"flag severity-{Html.Encode(flag.Severity)}\" data-flag=\"{flag.Id}\"><span class=\"severity\">{Html.Encode(flag.Severity)}</span> " +
                    $"<strong>{Html.Encode(FlagKind(flag.Kind))}</strong> · {where}<br>{Html.Encode(flag.Explanation)}" +
                    $"<div class=\"provenance\">sources: {Html.Encode(string.Join("; ", flag.Sources))} · claims {Html.Encode(string.Join(", ", flag.ClaimIds))}</div></li>");
    }

    /// <summary>One line: the incident (linked when shown), the explanation; severity and kind are the list's heading.</summary>
    private static void WriteCompactFlag(TextWriter w, ReportFlag flag, IncidentLink link)
    {
        var where = flag.IncidentId is { } id
            ? (link(id, flag.Country) is { } href ? $"<a href=\"{href}\">#{id}</a>" : $"#{id}")
            : Html.Encode(flag.Place ?? "");
        w.WriteLine($"<li class=\"flag\" data-flag=\"{flag.Id}\">{where}: {Html.Encode(flag.Explanation)}</li>");
    }

    private static void WriteMethod(TextWriter w)
    {
        w.WriteLine("<section id=\"method\"><h2>How every number was computed</h2><dl>");
        foreach (var (term, explanation) in Methodology) w.WriteLine($"<dt>{Html.Encode(term)}</dt><dd>{Html.Encode(explanation)}</dd>");
        w.WriteLine("</dl></section>");
    }

    private static void Card(TextWriter w, string value, string label, string detail, string? cssClass = null) =>
        w.WriteLine($"<div class=\"card{(cssClass is null ? "" : " " + cssClass)}\"><div class=\"value\">{Html.Encode(value)}</div><div class=\"label\">{Html.Encode(label)}</div><div class=\"detail\">{Html.Encode(detail)}</div></div>");

    private static int SideClass(ReportData data, string? side) => TimelineChart.SideIndex(
        data.Totals.Select(t => t.PerpetratorSide).Distinct().OrderBy(s => s is null).ThenBy(s => s, StringComparer.Ordinal).ToList(), side);

    private static int OutcomeOrder(string outcome) => outcome switch
    {
        "killed" => 0, "injured" => 1, "missing" => 2, "detained" => 3, "displaced" => 4, _ => 5,
    };

    private static int VictimsOrder(string victims) => victims switch
    {
        "people" => 0, "civilians" => 1, "combatants" => 2, "children" => 3, "women" => 4, _ => 5,
    };

    /// <summary>An id-safe form of a name: letters and digits kept, the rest as '_'.</summary>
    internal static string Slug(string text) => string.Concat(text.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_'));
}
