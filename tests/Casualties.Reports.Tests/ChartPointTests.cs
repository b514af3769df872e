using Casualties.Domain.Model;
using Casualties.Reports.Model;
using Casualties.Reports.Rendering.Svg;
using NUnit.Framework;

namespace Casualties.Reports.Tests;

/// <summary>The chart puts a source's point where reconciliation counts it (<see cref="FigurePoint"/>).</summary>
[Property("Issue", "12")]
public sealed class ChartPointTests
{
    private static ReportSourceFigure Figure(string qualifier, int? value, int low, int? high, int? best = null) =>
        new(1, "SOHR", qualifier, value, low, high, new DateOnly(2016, 12, 7), false, null, null, null, best);

    [TestCase("vague", null, 24, 99, null, 24)]
    [TestCase("more_than", 341, 342, null, null, 342)]
    [TestCase("range", null, 20, 31, null, 26)]
    [TestCase("about", 100, 90, 110, null, 100)]
    [TestCase("less_than", 50, 0, 49, null, 49)]
    [TestCase("range", null, 12, 20, 15, 15)]
    public void A_sources_point_on_the_chart_is_its_point_value(string qualifier, int? value, int low, int? high, int? best, int expected)
    {
        var figure = Figure(qualifier, value, low, high, best);
        Assert.That(IncidentRangeChart.Point(figure), Is.EqualTo(expected));
        Assert.That(IncidentRangeChart.Point(figure), Is.EqualTo(FigurePoint.Of(
            QualifierNames.TryParse(qualifier, out var q) ? q : throw new ArgumentException(qualifier), value, low, high, best)));
    }
}
