using System.Text;
using static Casualties.Reports.Rendering.ReportText;

namespace Casualties.Reports.Rendering;

/// <summary>
/// The pages of the HTML report: one file (<see cref="Render"/>), or the folder form (<see cref="RenderFolder"/>): an
/// index.html and a page per country, each self-contained under the same Content-Security-Policy, linked both ways.
/// Both show what <see cref="ReportData.Selection"/> selects and say what they left out.
/// </summary>
public sealed partial class HtmlReportRenderer
{
    /// <summary>Where an incident's card is, seen from the page being written: null when the report does not show it.</summary>
    private delegate string? IncidentLink(long incidentId, string? country);

    /// <summary>The file name of the first page of the HTML folder form.</summary>
    public const string IndexPage = "index.html";

    private const string ChartNote = "<p class=\"note\">Each chart shows the reported range (light band), the consensus every source allows (dark band, when there is one), the best value (dashed line) and every source's figure: its bounds as a bar, an arrow when open-ended, and a dot at its value; hollow dots are earlier words a later one superseded.</p>";

    /// <summary>One file: everything the selection shows, the incidents by country.</summary>
    public async Task Render(ReportData data, Stream output, CancellationToken ct = default)
    {
        await using var w = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        string? Link(long id, string? country) => data.IsShown(id) ? $"#incident-{id}" : null;
        await WriteIndex(w, data, Link, ct);
        await w.WriteLineAsync("<section id=\"incidents\"><h2>Incidents</h2>");
        await w.WriteLineAsync(ChartNote);
        WriteCountryTable(w, data, folder: false);
        var incidents = 0;
        string? country = null;
        await foreach (var incident in data.SelectedIncidents.WithCancellation(ct))
        {
            if (incidents == 0 || incident.Country != country)
            {
                if (incidents > 0) await w.WriteLineAsync("</section>");
                country = incident.Country;
                await w.WriteLineAsync($"<section class=\"country\" id=\"{CountryAnchor(country)}\"><h3>{Html.Encode(country ?? "No country")}</h3>");
                WriteLeftOut(w, data, country);
            }
            WriteIncident(w, incident, data, Link);
            incidents++;
        }
        if (incidents > 0) await w.WriteLineAsync("</section>");
        else await w.WriteLineAsync("<p>No incident matches this report's filters.</p>");
        await w.WriteLineAsync("</section>");
        await WriteEnd(w, data);
    }

    /// <summary>
    /// The folder form: index.html (summary, changes, totals, flags, the countries with what each page shows) and one
    /// page per country with its incidents. <paramref name="open"/> creates a file of the folder by name.
    /// </summary>
    public async Task RenderFolder(ReportData data, Func<string, Stream> open, CancellationToken ct = default)
    {
        string? Link(long id, string? country) => data.IsShown(id) ? $"{CountryPage(country)}#incident-{id}" : null;
        await using (var index = open(IndexPage))
        await using (var w = new StreamWriter(index, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" })
        {
            await WriteIndex(w, data, Link, ct);
            await w.WriteLineAsync("<section id=\"incidents\"><h2>Incidents by country</h2>");
            WriteCountryTable(w, data, folder: true);
            await w.WriteLineAsync("</section>");
            await WriteEnd(w, data);
        }

        string? SamePage(long id, string? country) => data.IsShown(id) ? $"#incident-{id}" : null;
        StreamWriter? page = null;
        string? current = null;
        try
        {
            await foreach (var incident in data.SelectedIncidents.WithCancellation(ct))
            {
                if (page is null || incident.Country != current)
                {
                    if (page is not null) await EndCountryPage(page, data);
                    current = incident.Country;
                    page = new StreamWriter(open(CountryPage(current)), new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
                    StartCountryPage(page, data, current);
                }
                WriteIncident(page, incident, data, SamePage);
            }
            if (page is not null) await EndCountryPage(page, data);
            page = null;
        }
        finally
        {
            if (page is not null) await page.DisposeAsync();
        }
    }

    /// <summary>The file of a country's page in the folder form: country-syria.html; country-none.html for no country.</summary>
    public static string CountryPage(string? country) => CountryAnchor(country) + ".html";

    private static string CountryAnchor(string? country) => "country-" + (country is null ? "none" : Slug(country).ToLowerInvariant());

    /// <summary>Everything before the incidents: head, summary, changes, totals, timelines, flags.</summary>
    private async Task WriteIndex(TextWriter w, ReportData data, IncidentLink link, CancellationToken ct)
    {
        var sides = data.Totals.Select(t => t.PerpetratorSide).Distinct().OrderBy(s => s is null).ThenBy(s => s, StringComparer.Ordinal).ToList();
        WriteHead(w, data, Title, data.Changes is not null, countryPage: false);
        WriteSummary(w, data);
        if (data.Changes is { } changes) await WriteChanges(w, data, changes, link, ct);
        WriteTotals(w, data, sides);
        WriteTimelines(w, data, sides);
        await w.WriteLineAsync("<section id=\"flags\"><h2>Conflict flags</h2>");
        await w.WriteLineAsync("<p class=\"note\">Flags are about figures, never about who is right: each shows both sides.</p>");
        var flags = 0;
        (string Severity, string Kind)? group = null;
        await foreach (var flag in data.SelectedFlags.WithCancellation(ct))
        {
            if (data.Selection.All)
            {
                if (flags == 0) await w.WriteLineAsync("<ul class=\"flags\">");
                WriteFlag(w, flag, link);
            }
            else
            {
                // Compact, one line each under a heading per severity and kind: every high and medium flag of a large
                // report is listed, so each costs little more than its explanation.
                if (group != (flag.Severity, flag.Kind))
                {
                    if (group is not null) await w.WriteLineAsync("</ul>");
                    group = (flag.Severity, flag.Kind);
                    await w.WriteLineAsync($"<h3 class=\"severity-{Html.Encode(flag.Severity)}\"><span class=\"severity\">{Html.Encode(flag.Severity)}</span> {Html.Encode(FlagKind(flag.Kind))}</h3><ul class=\"flags compact severity-{Html.Encode(flag.Severity)}\">");
                }
                WriteCompactFlag(w, flag, link);
            }
            flags++;
        }
        await w.WriteLineAsync(flags == 0 ? "<p>No conflicts between figures.</p>" : "</ul>");
        if (data.FlagsLeftOut > 0)
        {
            await w.WriteLineAsync($"<p class=\"left-out flags-left-out\" data-count=\"{data.FlagsLeftOut}\">{Html.Encode(Count(data.FlagsLeftOut, "low-severity flag"))} left out. " +
                                   $"All of them: <code>{Html.Encode(AllCommand(data, "html", null, wholeReport: true))}</code>, or in SQL <code>{Html.Encode(LowFlagsSql)}</code>.</p>");
        }
        await w.WriteLineAsync("</section>");
    }

    private async Task WriteEnd(TextWriter w, ReportData data)
    {
        WriteMethod(w);
        await w.WriteLineAsync($"<footer>{Html.Encode(Title)} · {Html.Encode(RunText(data.Run))} · generated {Html.Encode(Timestamp(clock.GetUtcNow()))}</footer>");
        await w.WriteLineAsync("</main></body></html>");
    }

    /// <summary>The countries: incidents, how many are shown, how many left out, with a link to each.</summary>
    private static void WriteCountryTable(TextWriter w, ReportData data, bool folder)
    {
        w.WriteLine($"<p class=\"note selection\">{Html.Encode(SelectionText(data.Selection))}</p>");
        if (data.Countries.Count == 0) return;
        w.WriteLine("<div class=\"table-wrap\"><table class=\"countries\"><thead><tr><th>Country</th><th class=\"num\">Incidents</th><th class=\"num\">Shown</th><th class=\"num\">Left out</th><th class=\"num\">Flagged, left out</th></tr></thead><tbody>");
        foreach (var c in data.Countries)
        {
            var name = Html.Encode(c.Country ?? "No country");
            var href = folder ? CountryPage(c.Country) : "#" + CountryAnchor(c.Country);
            var cell = c.Shown > 0 ? $"<a href=\"{href}\">{name}</a>" : name;
            w.WriteLine($"<tr class=\"country-row\" data-country=\"{name}\"><td>{cell}</td><td class=\"num incidents\">{Number(c.Incidents)}</td><td class=\"num shown\">{Number(c.Shown)}</td>" +
                        $"<td class=\"num left-out\">{Number(c.LeftOut)}</td><td class=\"num flagged-left-out\">{Number(c.FlaggedLeftOut)}</td></tr>");
        }
        w.WriteLine("</tbody></table></div>");
    }

    /// <summary>What a country's section or page leaves out, and the command and SQL that show all of it.</summary>
    private static void WriteLeftOut(TextWriter w, ReportData data, string? country)
    {
        var c = data.Countries.FirstOrDefault(x => x.Country == country);
        if (c is null || c.LeftOut == 0) return;
        w.WriteLine($"<p class=\"left-out\">Showing {Number(c.Shown)} of {Number(c.Incidents)} incidents; {Html.Encode(Count(c.LeftOut, "incident"))} left out " +
                    $"({Number(c.FlaggedLeftOut)} of them flagged). All of them: <code>{Html.Encode(AllCommand(data, "html", country))}</code>, " +
                    $"or in SQL <code>{Html.Encode(CountrySql(country))}</code>.</p>");
    }

    private void StartCountryPage(TextWriter w, ReportData data, string? country)
    {
        WriteHead(w, data, $"{Title}: {country ?? "no country"}", hasChanges: false, countryPage: true);
        w.WriteLine($"<section id=\"incidents\" class=\"country\"><h2>Incidents in {Html.Encode(country ?? "no country")}</h2>");
        w.WriteLine($"<p><a class=\"back\" href=\"{IndexPage}\">← Back to the summary, totals, flags and the other countries</a></p>");
        WriteLeftOut(w, data, country);
        w.WriteLine(ChartNote);
    }

    private async Task EndCountryPage(StreamWriter w, ReportData data)
    {
        await w.WriteLineAsync($"<p><a class=\"back\" href=\"{IndexPage}\">← Back to the summary</a></p></section>");
        await WriteEnd(w, data);
        await w.DisposeAsync();
    }

    private void WriteHead(TextWriter w, ReportData data, string title, bool hasChanges, bool countryPage)
    {
        w.WriteLine("<!DOCTYPE html>");
        w.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        w.WriteLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        w.WriteLine("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">");
        w.WriteLine("<meta name=\"referrer\" content=\"no-referrer\">");
        w.WriteLine($"<title>{Html.Encode(title)}</title>");
        w.WriteLine($"<style>{Styles}</style></head><body><main>");
        w.WriteLine($"<header><h1>{Html.Encode(title)}</h1>");
        w.WriteLine($"<p class=\"meta\">As of {Html.Encode(RunText(data.Run))}. Covers {Html.Encode(FilterText(data))}. Generated {Html.Encode(Timestamp(clock.GetUtcNow()))}.</p></header>");
        if (countryPage)
            w.WriteLine($"<nav><a href=\"{IndexPage}\">Summary</a><a href=\"{IndexPage}#totals\">Totals</a><a href=\"{IndexPage}#flags\">Flags</a><a href=\"{IndexPage}#incidents\">Countries</a></nav>");
        else
            w.WriteLine($"<nav><a href=\"#summary\">Summary</a>{(hasChanges ? "<a href=\"#changes\">Changes</a>" : "")}<a href=\"#totals\">Totals</a><a href=\"#timeline\">Over time</a><a href=\"#flags\">Flags</a><a href=\"#incidents\">Incidents</a><a href=\"#method\">Method</a></nav>");
    }
}
