using System.Globalization;

namespace Casualties.Reports.Rendering.Svg;

/// <summary>A linear axis from 0 to a "nice" maximum (1, 2 or 5 times a power of ten) with its tick values.</summary>
internal sealed class Axis
{
    public Axis(double largest, double from, double to, int maxTicks = 5)
    {
        From = from;
        To = to;
        var raw = Math.Max(largest, 1) / maxTicks;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1.0, 2.0, 5.0, 10.0 }.Select(m => m * magnitude).First(s => s >= raw);
        Step = Math.Max(1, step);
        Max = Math.Ceiling(Math.Max(largest, 1) / Step) * Step;
    }

    public double From { get; }
    public double To { get; }
    public double Max { get; }
    public double Step { get; }

    /// <summary>Where a value falls between <see cref="From"/> and <see cref="To"/>, clamped to the axis.</summary>
    public double At(double value) => From + (To - From) * Math.Clamp(value / Max, 0, 1);

    public IEnumerable<double> Ticks()
    {
        for (var v = 0.0; v <= Max + Step / 2; v += Step) yield return v;
    }

    /// <summary>Coordinates with two decimals at most, invariant culture: same chart, same text.</summary>
    public static string F(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Tick labels: 1,500 / 25k / 1.2M.</summary>
    public static string Label(double value) => value switch
    {
        >= 1_000_000 => (value / 1_000_000).ToString("0.##", CultureInfo.InvariantCulture) + "M",
        >= 10_000 => (value / 1_000).ToString("0.#", CultureInfo.InvariantCulture) + "k",
        _ => value.ToString("#,0", CultureInfo.InvariantCulture),
    };
}
