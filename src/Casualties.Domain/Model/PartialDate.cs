using System.Globalization;

namespace Casualties.Domain.Model;

public enum DatePrecision
{
    Day,
    Month,
    Year,
}

/// <summary>A date known to the day, the month or the year ("2016-12-06", "2016-11", "2011").</summary>
/// <remarks><see cref="Date"/> is the first day of the known unit.</remarks>
public readonly record struct PartialDate(DateOnly Date, DatePrecision Precision) : IComparable<PartialDate>
{
    public static PartialDate Day(DateOnly date) => new(date, DatePrecision.Day);
    public static PartialDate Month(int year, int month) => new(new DateOnly(year, month, 1), DatePrecision.Month);
    public static PartialDate Year(int year) => new(new DateOnly(year, 1, 1), DatePrecision.Year);

    /// <summary>First day this date may stand for.</summary>
    public DateOnly First => Date;

    /// <summary>Last day this date may stand for.</summary>
    public DateOnly Last => Precision switch
    {
        DatePrecision.Day => Date,
        DatePrecision.Month => Date.AddMonths(1).AddDays(-1),
        _ => Date.AddYears(1).AddDays(-1),
    };

    public override string ToString() => Precision switch
    {
        DatePrecision.Day => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DatePrecision.Month => Date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => Date.ToString("yyyy", CultureInfo.InvariantCulture),
    };

    public static bool TryParse(string? text, out PartialDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        var inv = CultureInfo.InvariantCulture;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", inv, DateTimeStyles.None, out var day)) { date = Day(day); return true; }
        if (DateOnly.TryParseExact(text, "yyyy-MM", inv, DateTimeStyles.None, out var month)) { date = new(month, DatePrecision.Month); return true; }
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, inv, out var year) && year is >= 1 and <= 9999) { date = Year(year); return true; }
        return false;
    }

    public static PartialDate Parse(string text) => TryParse(text, out var date)
        ? date
        : throw new FormatException($"'{text}' is not a date: expected YYYY-MM-DD, YYYY-MM or YYYY.");

    /// <summary>True when this date, at the coarser of both precisions, equals the other.</summary>
    public bool AgreesWith(PartialDate other)
    {
        var coarser = (DatePrecision)Math.Max((int)Precision, (int)other.Precision);
        return Truncate(coarser) == other.Truncate(coarser);
    }

    public PartialDate Truncate(DatePrecision precision) => precision switch
    {
        DatePrecision.Day when Precision == DatePrecision.Day => this,
        DatePrecision.Day or DatePrecision.Month when Precision != DatePrecision.Year => Month(Date.Year, Date.Month),
        _ => Year(Date.Year),
    };

    public int CompareTo(PartialDate other)
    {
        var byDate = Date.CompareTo(other.Date);
        return byDate != 0 ? byDate : Precision.CompareTo(other.Precision);
    }
}

/// <summary>The period a figure covers. Both ends inclusive; either may be unknown (null).</summary>
public sealed record DatePeriod(PartialDate? Start, PartialDate? End)
{
    public static readonly DatePeriod Unknown = new(null, null);

    public static DatePeriod OnDay(DateOnly day) => new(PartialDate.Day(day), PartialDate.Day(day));
}
