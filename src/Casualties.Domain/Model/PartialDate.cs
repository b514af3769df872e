using System.Globalization;

namespace Casualties.Domain.Model;

/// <summary>How much of a date is known; ordered from finest to coarsest.</summary>
public enum DatePrecision
{
    /// <summary>The day ("2016-12-06").</summary>
    Day,
    /// <summary>The month ("2016-11").</summary>
    Month,
    /// <summary>The year ("2011").</summary>
    Year,
}

/// <summary>A date known to the day, the month or the year ("2016-12-06", "2016-11", "2011").</summary>
/// <remarks><see cref="Date"/> is the first day of the known unit.</remarks>
public readonly record struct PartialDate(DateOnly Date, DatePrecision Precision) : IComparable<PartialDate>
{
    /// <summary>A date known to the day.</summary>
    public static PartialDate Day(DateOnly date) => new(date, DatePrecision.Day);
    /// <summary>A date known to the month.</summary>
    public static PartialDate Month(int year, int month) => new(new DateOnly(year, month, 1), DatePrecision.Month);
    /// <summary>A date known to the year.</summary>
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

    /// <summary>"2016-12-06", "2016-11" or "2011", as stored and written in gold files.</summary>
    public override string ToString() => Precision switch
    {
        DatePrecision.Day => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DatePrecision.Month => Date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => Date.ToString("yyyy", CultureInfo.InvariantCulture),
    };

    /// <summary>Reads YYYY-MM-DD, YYYY-MM or YYYY (outer spaces ignored), keeping the precision written.</summary>
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

    /// <summary>As <see cref="TryParse"/>; throws <see cref="FormatException"/> naming the accepted forms.</summary>
    public static PartialDate Parse(string text) => TryParse(text, out var date)
        ? date
        : throw new FormatException($"'{text}' is not a date: expected YYYY-MM-DD, YYYY-MM or YYYY.");

    /// <summary>True when this date, at the coarser of both precisions, equals the other.</summary>
    public bool AgreesWith(PartialDate other)
    {
        var coarser = (DatePrecision)Math.Max((int)Precision, (int)other.Precision);
        return Truncate(coarser) == other.Truncate(coarser);
    }

    /// <summary>This date at a precision no finer than <paramref name="precision"/> (a day truncated to its month).</summary>
    public PartialDate Truncate(DatePrecision precision) => precision switch
    {
        DatePrecision.Day when Precision == DatePrecision.Day => this,
        DatePrecision.Day or DatePrecision.Month when Precision != DatePrecision.Year => Month(Date.Year, Date.Month),
        _ => Year(Date.Year),
    };

    /// <summary>By first day, then the finer precision first.</summary>
    public int CompareTo(PartialDate other)
    {
        var byDate = Date.CompareTo(other.Date);
        // As integers: an enum's CompareTo takes an object, a box a call (issue 14: millions in a run's sorts).
        return byDate != 0 ? byDate : ((int)Precision).CompareTo((int)other.Precision);
    }
}

/// <summary>The period a figure covers. Both ends inclusive; either may be unknown (null).</summary>
public sealed record DatePeriod(PartialDate? Start, PartialDate? End)
{
    /// <summary>Neither end known.</summary>
    public static readonly DatePeriod Unknown = new(null, null);

    /// <summary>One day, both ends on it.</summary>
    public static DatePeriod OnDay(DateOnly day) => new(PartialDate.Day(day), PartialDate.Day(day));
}
