using Casualties.Reports.Model;
using static Casualties.Reports.Rendering.ReportText;

namespace Casualties.Reports.Rendering;

/// <summary>The "what changed since run R" section: incidents new, changed and gone, flags raised and cleared, totals moved.</summary>
public sealed partial class HtmlReportRenderer
{
    /// <summary>At most this many rows of each list of changes; the counts and the JSON report give the rest.</summary>
    public const int MaxChangesShown = 200;

    private static async Task WriteChanges(TextWriter w, ReportData data, ReportChanges changes, IncidentLink link, CancellationToken ct)
    {
        var c = changes.Counts;
        w.WriteLine($"<section id=\"changes\"><h2>What changed since run {changes.FromRun}</h2>");
        w.WriteLine($"<p class=\"changes-summary\">From reconciliation run {changes.FromRun} to run {changes.ToRun}: " +
                    $"{Html.Encode(Count(c.NewIncidents, "new incident"))}, {Number(c.ChangedIncidents)} changed, {Number(c.GoneIncidents)} gone; " +
                    $"{Html.Encode(Count(c.RaisedFlags, "flag"))} raised, {Number(c.ClearedFlags)} cleared; {Html.Encode(Count(c.NewTotals + c.ChangedTotals + c.GoneTotals, "per-side total"))} moved.</p>");
        if (c.Incidents + c.Flags + c.Totals == 0)
        {
            w.WriteLine("<p>Nothing changed.</p></section>");
            return;
        }

        if (c.Incidents > 0)
        {
            w.WriteLine("<h3>Incidents</h3><div class=\"table-wrap\"><table class=\"changes incident-changes\"><thead><tr><th>Change</th><th>Incident</th><th>Before</th><th>After</th></tr></thead><tbody>");
            var shown = 0;
            await foreach (var change in changes.Incidents.WithCancellation(ct))
            {
                var incident = (change.After ?? change.Before)!;
                var reference = change.After is not null && link(incident.Id, incident.Country) is { } href
                    ? $"<a href=\"{href}\">#{incident.Id}</a>" : $"#{incident.Id}";
                w.WriteLine($"<tr class=\"change-{change.Status}\" data-incident=\"{incident.Id}\" data-key=\"{Html.Encode(change.Key)}\"><td><span class=\"tag status\">{Html.Encode(change.Status)}</span></td>" +
                            $"<td>{reference} {Html.Encode(IncidentHeading(incident))}</td>" +
                            $"<td class=\"before\">{IncidentState(change.Before)}</td><td class=\"after\">{IncidentState(change.After)}</td></tr>");
                if (++shown == MaxChangesShown) break;
            }
            w.WriteLine("</tbody></table></div>");
            LeftOut(w, data, changes, c.Incidents - shown, "incident change");
        }

        if (c.Flags > 0)
        {
            w.WriteLine("<h3>Flags</h3><ul class=\"flags flag-changes\">");
            var shown = 0;
            await foreach (var change in changes.Flags.WithCancellation(ct))
            {
                var f = change.Flag;
                var where = f.IncidentId is { } id ? $"incident #{id}{(f.Place is null ? "" : " in " + f.Place)}" : f.Place ?? "";
                w.WriteLine($"<li class=\"flag severity-{Html.Encode(f.Severity)} flag-{change.Status}\" data-flag=\"{f.Id}\"><span class=\"tag status\">{Html.Encode(change.Status)}</span> " +
                            $"<span class=\"severity\">{Html.Encode(f.Severity)}</span> <strong>{Html.Encode(FlagKind(f.Kind))}</strong> · {Html.Encode(where)}<br>{Html.Encode(f.Explanation)}</li>");
                if (++shown == MaxChangesShown) break;
            }
            w.WriteLine("</ul>");
            LeftOut(w, data, changes, c.Flags - shown, "flag change");
        }

        if (c.Totals > 0)
        {
            w.WriteLine("<h3>Per-side totals that moved</h3><div class=\"table-wrap\"><table class=\"changes total-changes\"><thead><tr><th>Change</th><th>Total</th><th class=\"num\">Before</th><th class=\"num\">After</th><th class=\"num\">Best moved</th></tr></thead><tbody>");
            var shown = 0;
            await foreach (var change in changes.Totals.WithCancellation(ct))
            {
                var t = change.Total;
                var moved = Delta(change.Before?.Best ?? 0, change.After?.Best ?? 0);
                w.WriteLine($"<tr class=\"change-{change.Status}\"><td><span class=\"tag status\">{Html.Encode(change.Status)}</span></td><td>{Html.Encode(TotalHeading(t, data.Sides))}</td>" +
                            $"<td class=\"num before\">{TotalState(change.Before)}</td><td class=\"num after\">{TotalState(change.After)}</td><td class=\"num\">{Html.Encode(moved)}</td></tr>");
                if (++shown == MaxChangesShown) break;
            }
            w.WriteLine("</tbody></table></div>");
            LeftOut(w, data, changes, c.Totals - shown, "total change");
        }
        w.WriteLine("</section>");
    }

    private static string IncidentState(ReportIncident? incident) => incident is null ? "<span class=\"none\">—</span>"
        : $"{Html.Encode(Range(incident.Low, incident.High))}, best <strong>{Html.Encode(Number(incident.Best))}</strong>, {Html.Encode(Count(incident.SourceCount, "source"))}" +
          (incident.FlagCount > 0 ? $", <span class=\"flagged\">{Html.Encode(Count(incident.FlagCount, "flag"))}</span>" : "");

    private static string TotalState(ReportTotal? total) => total is null ? "<span class=\"none\">—</span>"
        : $"{Html.Encode(Range(total.Low, total.High))} (best {Html.Encode(Number(total.Best))})";

    private static void LeftOut(TextWriter w, ReportData data, ReportChanges changes, int leftOut, string noun)
    {
        if (leftOut <= 0) return;
        w.WriteLine($"<p class=\"left-out\">{Html.Encode(Count(leftOut, noun))} more: <code>{Html.Encode(SinceCommand(data, changes.FromRun))}</code>, " +
                    $"or in SQL <code>{Html.Encode($"SELECT * FROM changes({changes.FromRun}, {changes.ToRun})")}</code>.</p>");
    }
}
