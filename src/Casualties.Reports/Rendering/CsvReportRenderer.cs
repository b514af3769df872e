using System.Globalization;
using System.Text;
using Casualties.Reports.Model;

namespace Casualties.Reports.Rendering;

/// <summary>
/// The report as one CSV table (columns documented in docs/reports.md): one row per source figure of every
/// incident figure, superseded words included; a figure without sources gets one row with the source columns empty.
/// UTF-8 without BOM, CRLF line ends, a header row; cells escaped by <see cref="CsvCell"/>.
/// </summary>
public sealed class CsvReportRenderer : IReportRenderer
{
    /// <summary>The header row: one row per source figure of an incident, in this column order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "incident_id", "kind", "outcome", "place", "place_key", "country", "start", "end", "perpetrator_side", "contained_in",
        "victims", "victim_side", "headline", "low", "best", "high", "has_consensus", "consensus_low", "consensus_high",
        "claim_id", "source", "qualifier", "value", "source_low", "source_high", "reported", "superseded", "document", "rule", "quote",
    ];

    /// <inheritdoc/>
    public async Task Render(ReportData data, Stream output, CancellationToken ct = default)
    {
        await using var w = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        WriteRow(w, Columns);
        var cells = new string?[Columns.Count];
        await foreach (var incident in data.Incidents.WithCancellation(ct))
        {
            foreach (var figure in incident.Figures)
            {
                var sources = figure.Sources.Concat(figure.Superseded).ToList();
                if (sources.Count == 0)
                {
                    Fill(cells, incident, figure, null);
                    WriteRow(w, cells);
                }
                foreach (var source in sources)
                {
                    Fill(cells, incident, figure, source);
                    WriteRow(w, cells);
                }
            }
        }
    }

    private static void Fill(string?[] c, ReportIncident i, ReportFigure f, ReportSourceFigure? s)
    {
        c[0] = N(i.Id); c[1] = i.Kind; c[2] = i.Outcome; c[3] = i.Place; c[4] = i.PlaceKey; c[5] = i.Country;
        c[6] = i.Start?.ToString(); c[7] = i.End?.ToString(); c[8] = i.PerpetratorSide; c[9] = N(i.ContainedIn);
        c[10] = f.Victims; c[11] = f.VictimSide; c[12] = B(f.Headline); c[13] = N(f.Low); c[14] = N(f.Best); c[15] = N(f.High);
        c[16] = B(f.HasConsensus); c[17] = N(f.ConsensusLow); c[18] = N(f.ConsensusHigh);
        c[19] = N(s?.ClaimId); c[20] = s?.Source; c[21] = s?.Qualifier; c[22] = N(s?.Value); c[23] = N(s?.Low); c[24] = N(s?.High);
        c[25] = s is null ? null : ReportText.Date(s.Reported); c[26] = s is null ? null : B(s.Superseded);
        c[27] = s?.Document; c[28] = s?.Rule; c[29] = s?.Quote;
    }

    private static string? N(long? n) => n?.ToString(CultureInfo.InvariantCulture);

    private static string B(bool b) => b ? "true" : "false";

    private static void WriteRow(TextWriter w, IReadOnlyList<string?> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0) w.Write(',');
            w.Write(CsvCell.Escape(cells[i]));
        }
        w.WriteLine();
    }
}
