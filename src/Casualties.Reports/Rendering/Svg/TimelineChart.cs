using Casualties.Reports.Model;
using static Casualties.Reports.Rendering.Svg.Axis;

namespace Casualties.Reports.Rendering.Svg;

/// <summary>
/// Monthly totals of one place, outcome and victim group over time: per perpetrator side a band from low to high
/// and a line through the best values, gaps where a month has no total. Side colours come from the order of
/// <c>sides</c>, so one side keeps its colour in every chart of a report.
/// </summary>
public static class TimelineChart
{
    private const double Width = 640, Height = 270, Left = 58, Right = 596, Top = 40, Bottom = 232;

    /// <summary>Writes the chart of <paramref name="months"/> under <paramref name="title"/>; <paramref name="id"/> makes its element ids unique in the page.</summary>
    public static void Write(TextWriter w, IReadOnlyList<ReportTotal> months, IReadOnlyList<string?> sides, SideNames names, string id, string title)
    {
        var starts = months.Select(t => t.PeriodStart!.Value).Distinct().Order().ToList();
        var first = starts[0];
        var count = MonthIndex(first, starts[^1]) + 1;
        double X(DateOnly month) => count == 1 ? (Left + Right) / 2 : Left + (Right - Left) * MonthIndex(first, month) / (count - 1);
        var axis = new Axis(months.Max(t => (double)t.High) * 1.05, Bottom, Top);

        w.Write($"<svg class=\"chart timeline\" viewBox=\"0 0 {F(Width)} {F(Height)}\" role=\"img\" aria-labelledby=\"{id}-t\">");
        w.Write($"<title id=\"{id}-t\">{Html.Encode(title)}</title>");
        foreach (var tick in axis.Ticks())
        {
            var y = axis.At(tick);
            w.Write($"<line class=\"grid\" x1=\"{F(Left)}\" y1=\"{F(y)}\" x2=\"{F(Right)}\" y2=\"{F(y)}\"/>");
            w.Write($"<text class=\"tick-label\" x=\"{F(Left - 6)}\" y=\"{F(y + 4)}\" text-anchor=\"end\">{Html.Encode(Label(tick))}</text>");
        }
        var every = Math.Max(1, (int)Math.Ceiling(count / 8.0));
        for (var i = 0; i < count; i += every)
        {
            var month = first.AddMonths(i);
            w.Write($"<text class=\"tick-label\" x=\"{F(X(month))}\" y=\"{F(Bottom + 18)}\" text-anchor=\"middle\">{month:yyyy-MM}</text>");
        }
        w.Write($"<line class=\"axis\" x1=\"{F(Left)}\" y1=\"{F(Bottom)}\" x2=\"{F(Right)}\" y2=\"{F(Bottom)}\"/>");

        var legendX = Left;
        foreach (var side in sides)
        {
            var series = months.Where(t => t.PerpetratorSide == side).OrderBy(t => t.PeriodStart).ToList();
            if (series.Count == 0) continue;
            var css = $"side-{SideIndex(sides, side)}";
            foreach (var run in Runs(series))
            {
                var upper = string.Join(" ", run.Select(t => $"{F(X(t.PeriodStart!.Value))},{F(axis.At(t.High))}"));
                var lower = string.Join(" ", run.AsEnumerable().Reverse().Select(t => $"{F(X(t.PeriodStart!.Value))},{F(axis.At(t.Low))}"));
                if (run.Count > 1) w.Write($"<polygon class=\"band {css}\" points=\"{upper} {lower}\"/>");
                w.Write($"<polyline class=\"line {css}\" points=\"{string.Join(" ", run.Select(t => $"{F(X(t.PeriodStart!.Value))},{F(axis.At(t.Best))}"))}\"/>");
                foreach (var t in run)
                {
                    var x = X(t.PeriodStart!.Value);
                    w.Write($"<g class=\"{css}\"><title>{Html.Encode($"{names.Side(side)}, {t.PeriodStart:yyyy-MM}: {ReportText.Range(t.Low, t.High)}, best {ReportText.Number(t.Best)} ({ReportText.Method(t.Method)})")}</title>");
                    w.Write($"<line class=\"whisker\" x1=\"{F(x)}\" y1=\"{F(axis.At(t.Low))}\" x2=\"{F(x)}\" y2=\"{F(axis.At(t.High))}\"/>");
                    w.Write($"<circle class=\"dot\" cx=\"{F(x)}\" cy=\"{F(axis.At(t.Best))}\" r=\"3.5\"/></g>");
                }
            }
            w.Write($"<rect class=\"swatch {css}\" x=\"{F(legendX)}\" y=\"10\" width=\"12\" height=\"12\"/>");
            var name = names.Side(side);
            w.Write($"<text class=\"legend\" x=\"{F(legendX + 17)}\" y=\"20\">{Html.Encode(name)}</text>");
            legendX += 30 + name.Length * 7;
        }
        w.Write("</svg>");
    }

    /// <summary>The colour class of a side: its position in the report's side list (five colours), grey when unknown.</summary>
    public static int SideIndex(IReadOnlyList<string?> sides, string? side)
    {
        if (side is null) return 5;
        for (var i = 0; i < sides.Count; i++) if (sides[i] == side) return i % 5;
        return 5;
    }

    private static int MonthIndex(DateOnly first, DateOnly month) => (month.Year - first.Year) * 12 + month.Month - first.Month;

    /// <summary>Consecutive months as separate runs, so a gap breaks the line instead of bridging it.</summary>
    private static IEnumerable<List<ReportTotal>> Runs(List<ReportTotal> series)
    {
        var run = new List<ReportTotal>();
        foreach (var t in series)
        {
            if (run.Count > 0 && MonthIndex(run[^1].PeriodStart!.Value, t.PeriodStart!.Value) > 1)
            {
                yield return run;
                run = [];
            }
            run.Add(t);
        }
        if (run.Count > 0) yield return run;
    }
}
