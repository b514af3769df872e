using System.Globalization;
using Casualties.Domain.Model;

namespace Casualties.Ingestion.Mappings;

/// <summary>
/// Dates as a mapping says they are written: its own formats first (.NET custom formats; a format without a day
/// gives a month, one without a month a year), else ISO days, months and years, numeric days in the order
/// <c>day_first</c> says ("06/12/2016"), and the written-out forms ("6 Dec 2016", "December 6, 2016", "Dec 2016").
/// </summary>
public static class MappedDates
{
    private static readonly string[] Written =
    [
        "yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssZ", "yyyy/MM/dd", "d MMM yyyy", "d MMMM yyyy",
        "d-MMM-yyyy", "d-MMM-yy", "MMM d, yyyy", "MMMM d, yyyy", "ddd d MMM yyyy", "dddd d MMMM yyyy", "MMM yyyy", "MMMM yyyy", "yyyy-MM", "M/yyyy", "M.yyyy", "yyyy",
    ];

    private static readonly string[] DayFirst = ["d/M/yyyy", "d.M.yyyy", "d-M-yyyy", "d/M/yy"];
    private static readonly string[] MonthFirst = ["M/d/yyyy", "M-d-yyyy", "M/d/yy"];

    /// <summary>
    /// Throws <see cref="MappingException"/> naming <paramref name="origin"/> when <paramref name="format"/> is not a .NET date format.
    /// </summary>
    public static void CheckFormat(string format, string origin)
    {
        try
        {
            _ = new DateTime(2016, 12, 6).ToString(format, CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            throw new MappingException($"{origin}: 'dates.formats' has '{format}', which is not a date format (e.g. \"d MMM yyyy\", \"dd/MM/yyyy\", \"yyyy-MM\").");
        }
        if (!format.Contains('y')) throw new MappingException($"{origin}: 'dates.formats' has '{format}', which has no year (yyyy).");
    }

    /// <summary>The date in <paramref name="text"/>, or null when no format reads it.</summary>
    public static PartialDate? Parse(string text, DatasetMapping mapping)
    {
        var trimmed = text.Trim();
        foreach (var format in mapping.DateFormats.Concat(mapping.DayFirst ? DayFirst : MonthFirst).Concat(Written))
        {
            if (DateTime.TryParseExact(trimmed, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
            {
                return Precision(format) switch
                {
                    DatePrecision.Year => PartialDate.Year(parsed.Year),
                    DatePrecision.Month => PartialDate.Month(parsed.Year, parsed.Month),
                    _ => PartialDate.Day(DateOnly.FromDateTime(parsed)),
                };
            }
        }
        return null;
    }

    private static DatePrecision Precision(string format)
    {
        var unquoted = format.Replace("ddd", "", StringComparison.Ordinal);
        if (unquoted.Contains('d')) return DatePrecision.Day;
        return unquoted.Contains('M') ? DatePrecision.Month : DatePrecision.Year;
    }
}
