namespace Casualties.Domain.Model;

/// <summary>
/// The single number a figure stands for (its point value), used by reconciliation for the weighted median, the
/// spread and outlier tests, and by the reports for a source's point on the chart and in v_source_coverage.
/// </summary>
/// <remarks>
/// A dataset's own best estimate when it gives one; the value of an exact figure; the middle of a range, "about" or
/// "nearly" (rounded up); the low of an open-ended or vague figure (at least, more than, "dozens": the conservative
/// reading); the high of "up to" and "fewer than". Always inside the figure's bounds. The SQL function
/// <c>point_value</c> (db/migrations/0014_point_value_and_claim_parent.sql) is the same rule, and a test holds the two equal.
/// </remarks>
public static class FigurePoint
{
    /// <summary>The point value of a figure; <paramref name="best"/> is a dataset's own best estimate, clamped into the bounds.</summary>
    public static int Of(Qualifier qualifier, int? value, int low, int? high, int? best = null)
    {
        var point = best ?? qualifier switch
        {
            Qualifier.Exact => value ?? low,
            Qualifier.Range or Qualifier.About or Qualifier.Nearly when high is { } h => (int)(((long)low + h + 1) / 2),
            Qualifier.AtMost or Qualifier.LessThan => high ?? low,
            _ => low,
        };
        return Math.Clamp(point, low, high ?? int.MaxValue);
    }

    /// <summary>The point value of a quantity; <paramref name="best"/> is a dataset's own best estimate, clamped into the bounds.</summary>
    public static int Of(Quantity quantity, int? best = null) => Of(quantity.Qualifier, quantity.Value, quantity.Low, quantity.High, best);
}
