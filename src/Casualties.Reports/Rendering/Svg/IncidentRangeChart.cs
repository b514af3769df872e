using Casualties.Domain.Model;
using Casualties.Reports.Model;
using static Casualties.Reports.Rendering.Svg.Axis;

namespace Casualties.Reports.Rendering.Svg;

/// <summary>
/// One incident figure as a horizontal chart: the reported range as a band, the consensus as a darker band, the
/// best value as a line, and one row per source with its bounds (an arrow when open-ended) and its point
/// (hollow for superseded words). Hand-written SVG, styled by the report's CSS; every label is HTML-encoded.
/// </summary>
public static class IncidentRangeChart
{
    private const double Width = 640, LabelWidth = 206, PlotLeft = 216, PlotRight = 620, Top = 26, RowHeight = 20;
    private const int LabelChars = 32;

    /// <summary>The single number that stands for a source's figure: the domain's point value
    /// (<see cref="FigurePoint"/>), as reconciliation and v_source_coverage compute it.</summary>
    public static int Point(ReportSourceFigure s) =>
        FigurePoint.Of(QualifierNames.TryParse(s.Qualifier, out var qualifier) ? qualifier : Qualifier.Exact,
            s.Value, s.Low, s.High, s.Best);

    /// <summary>Writes the chart of one figure's sources; <paramref name="id"/> makes its element ids unique in the page.</summary>
    public static void Write(TextWriter w, ReportFigure figure, string id)
    {
        var rows = figure.Sources.Concat(figure.Superseded).ToList();
        var largest = new[] { figure.High, figure.ConsensusLow ?? 0, figure.ConsensusHigh ?? 0 }
            .Concat(rows.Select(s => s.High ?? s.Low)).Max();
        var axis = new Axis(largest * 1.05, PlotLeft, PlotRight);
        var plotBottom = Top + Math.Max(rows.Count, 1) * RowHeight;
        var height = plotBottom + 30;

        w.Write($"<svg class=\"chart range-chart\" viewBox=\"0 0 {F(Width)} {F(height)}\" role=\"img\" aria-labelledby=\"{id}-t\">");
        w.Write($"<title id=\"{id}-t\">{Html.Encode(Summary(figure))}</title>");

        // The reported range, the consensus, and the best value.
        Rect(w, "range", axis.At(figure.Low), Top - 6, axis.At(figure.High), plotBottom + 2);
        if (figure.HasConsensus && figure.ConsensusLow is { } consensusLow)
        {
            var right = figure.ConsensusHigh is { } consensusHigh ? axis.At(consensusHigh) : PlotRight;
            Rect(w, figure.ConsensusHigh is null ? "consensus open" : "consensus", axis.At(consensusLow), Top - 6, right, plotBottom + 2);
        }
        var bestX = axis.At(figure.Best);
        w.Write($"<line class=\"best\" x1=\"{F(bestX)}\" y1=\"{F(Top - 10)}\" x2=\"{F(bestX)}\" y2=\"{F(plotBottom + 4)}\"/>");
        var anchor = bestX > PlotRight - 60 ? "end" : bestX < PlotLeft + 60 ? "start" : "middle";
        w.Write($"<text class=\"best-label\" x=\"{F(bestX)}\" y=\"{F(Top - 13)}\" text-anchor=\"{anchor}\">best {Html.Encode(ReportText.Number(figure.Best))}</text>");

        for (var i = 0; i < rows.Count; i++) Row(w, rows[i], axis, Top + i * RowHeight + RowHeight / 2);
        if (rows.Count == 0)
        {
            w.Write($"<text class=\"label\" x=\"{F(LabelWidth)}\" y=\"{F(Top + RowHeight / 2 + 4)}\" text-anchor=\"end\">no source figures</text>");
        }

        // The axis.
        w.Write($"<line class=\"axis\" x1=\"{F(PlotLeft)}\" y1=\"{F(plotBottom + 6)}\" x2=\"{F(PlotRight)}\" y2=\"{F(plotBottom + 6)}\"/>");
        foreach (var tick in axis.Ticks())
        {
            var x = axis.At(tick);
            w.Write($"<line class=\"tick\" x1=\"{F(x)}\" y1=\"{F(plotBottom + 6)}\" x2=\"{F(x)}\" y2=\"{F(plotBottom + 10)}\"/>");
            w.Write($"<text class=\"tick-label\" x=\"{F(x)}\" y=\"{F(plotBottom + 22)}\" text-anchor=\"middle\">{Html.Encode(Label(tick))}</text>");
        }
        w.Write("</svg>");
    }

    private static void Row(TextWriter w, ReportSourceFigure s, Axis axis, double y)
    {
        var name = s.Source ?? "unknown source";
        var label = name.Length > LabelChars ? name[..(LabelChars - 1)] + "…" : name;
        var kind = s.Superseded ? "source superseded" : "source";
        w.Write($"<g class=\"{kind}\"><title>{Html.Encode($"{name}: {ReportText.Stated(s)} ({ReportText.Bounds(s)}), reported {ReportText.Date(s.Reported)}{(s.Superseded ? ", superseded by a later word" : "")}")}</title>");
        w.Write($"<text class=\"label\" x=\"{F(LabelWidth)}\" y=\"{F(y + 4)}\" text-anchor=\"end\">{Html.Encode(label)}</text>");
        var x1 = axis.At(s.Low);
        var x2 = s.High is { } high ? axis.At(high) : PlotRight;
        w.Write($"<line class=\"bounds\" x1=\"{F(x1)}\" y1=\"{F(y)}\" x2=\"{F(x2)}\" y2=\"{F(y)}\"/>");
        if (s.High is null)
        {
            w.Write($"<path class=\"open-end\" d=\"M{F(x2 - 7)} {F(y - 4)}L{F(x2)} {F(y)}L{F(x2 - 7)} {F(y + 4)}\"/>");
        }
        else
        {
            w.Write($"<line class=\"bounds\" x1=\"{F(x2)}\" y1=\"{F(y - 4)}\" x2=\"{F(x2)}\" y2=\"{F(y + 4)}\"/>");
        }
        w.Write($"<line class=\"bounds\" x1=\"{F(x1)}\" y1=\"{F(y - 4)}\" x2=\"{F(x1)}\" y2=\"{F(y + 4)}\"/>");
        w.Write($"<circle class=\"point\" cx=\"{F(axis.At(Point(s)))}\" cy=\"{F(y)}\" r=\"4.5\"/></g>");
    }

    private static void Rect(TextWriter w, string cssClass, double x1, double y1, double x2, double y2) =>
        w.Write($"<rect class=\"{cssClass}\" x=\"{F(x1)}\" y=\"{F(y1)}\" width=\"{F(Math.Max(x2 - x1, 2))}\" height=\"{F(y2 - y1)}\"/>");

    private static string Summary(ReportFigure f) =>
        $"{ReportText.Victims(f.Victims, f.VictimSide)}: range {ReportText.Range(f.Low, f.High)}, best {ReportText.Number(f.Best)}, " +
        $"{ReportText.Consensus(f.HasConsensus, f.ConsensusLow, f.ConsensusHigh)}, {f.Sources.Count} source figures";
}
