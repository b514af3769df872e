using System.Globalization;
using Casualties.Domain.Model;

namespace Casualties.Ingestion.Feeds;

/// <summary>Cell values to typed values; a value that does not parse rejects the row naming the column.</summary>
public static class FieldParsing
{
    private static readonly string[] DayFormats =
    [
        "yyyy-MM-dd", "d-MMM-yy", "dd-MMM-yy", "d-MMM-yyyy", "dd-MMM-yyyy", "d MMMM yyyy", "dd MMMM yyyy",
        "d MMM yyyy", "dd MMM yyyy", "MMMM d, yyyy", "yyyy/MM/dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.fff",
        "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssZ",
    ];

    /// <summary><paramref name="value"/>; null (an empty cell) rejects the row naming <paramref name="column"/>.</summary>
    public static string Required(string? value, string column) =>
        value ?? throw new RowRejectedException($"{column} is empty");

    /// <summary>
    /// A number of people: a non-negative whole number, with thousands separators or written as a float without a
    /// fraction ("12.0"); null when the cell is empty. Anything else rejects the row.
    /// </summary>
    public static int? Count(string? value, string column)
    {
        if (value is null) return null;
        if (int.TryParse(value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) && n >= 0) return n;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= 0 && d == Math.Floor(d) && d <= int.MaxValue)
            return (int)d;
        throw new RowRejectedException($"{column} '{value}' is not a whole number of people");
    }

    /// <summary>As <see cref="Count"/>, but an empty cell rejects the row.</summary>
    public static int RequiredCount(string? value, string column) => Count(Required(value, column), column)!.Value;

    /// <summary>
    /// A latitude or longitude in degrees, at most <paramref name="limit"/> either side of 0; null when the cell is empty.
    /// </summary>
    public static double? Coordinate(string? value, string column, double limit)
    {
        if (value is null) return null;
        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && Math.Abs(d) <= limit ? d
            : throw new RowRejectedException($"{column} '{value}' is not a coordinate");
    }

    /// <summary>A latitude (<see cref="Coordinate"/> within 90 degrees); null when the cell is empty.</summary>
    public static double? Latitude(string? value, string column) => Coordinate(value, column, 90);

    /// <summary>A longitude (<see cref="Coordinate"/> within 180 degrees); null when the cell is empty.</summary>
    public static double? Longitude(string? value, string column) => Coordinate(value, column, 180);

    /// <summary>A day in the formats real exports use: ISO, ACLED's older "9-May-20" and "09 May 2020", GED's "2016-12-06 00:00:00.000".</summary>
    public static DateOnly Day(string? value, string column)
    {
        var text = Required(value, column);
        if (DateOnly.TryParseExact(text, DayFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var day)) return day;
        if (text.Length > 10 && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day)) return day;
        throw new RowRejectedException($"{column} '{text}' is not a date");
    }

    /// <summary>A date at day, month or year precision ("2016-12-06", "2016-11", "2011").</summary>
    public static PartialDate? Partial(string? value, string column)
    {
        if (value is null) return null;
        if (PartialDate.TryParse(value, out var date)) return date;
        return PartialDate.Day(Day(value, column));
    }

    /// <summary>The outcome a name means (killed, injured, displaced, missing, detained); empty or unknown rejects the row.</summary>
    public static Outcome Outcome(string? value)
    {
        var text = Required(value, "outcome");
        return OutcomeNames.TryParse(text, out var outcome) ? outcome
            : throw new RowRejectedException($"unknown outcome '{text}' (expected killed, injured, displaced, missing or detained)");
    }

    /// <summary>
    /// A yes/no cell: empty, 0, false, no, f or n is false; 1, true, yes, t or y is true (any case); else the row is rejected.
    /// </summary>
    public static bool Flag(string? value, string column) => value?.ToLowerInvariant() switch
    {
        null or "" or "0" or "false" or "no" or "f" or "n" => false,
        "1" or "true" or "yes" or "t" or "y" => true,
        _ => throw new RowRejectedException($"{column} '{value}' is not true or false"),
    };

    /// <summary>Seconds since 1970 (ACLED timestamps).</summary>
    public static DateTimeOffset UnixTime(string value, string column) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and < 253402300800
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : throw new RowRejectedException($"{column} '{value}' is not a Unix timestamp");
}
