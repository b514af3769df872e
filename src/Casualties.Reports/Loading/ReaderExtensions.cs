using Casualties.Domain.Model;
using Npgsql;

namespace Casualties.Reports.Loading;

/// <summary>Null-aware column reads by ordinal, so streamed rows are mapped without reflection.</summary>
internal static class ReaderExtensions
{
    public static string? Text(this NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public static int? Int(this NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);

    public static long? Long(this NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);

    public static DateOnly? Date(this NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);

    public static T[] Array<T>(this NpgsqlDataReader r, int i) => r.IsDBNull(i) ? [] : r.GetFieldValue<T[]>(i);

    /// <summary>A date column with its precision column ('day', 'month', 'year') as a partial date.</summary>
    public static PartialDate? PartialDate(this NpgsqlDataReader r, int dateColumn, int precisionColumn)
    {
        if (r.IsDBNull(dateColumn)) return null;
        var precision = r.Text(precisionColumn) switch
        {
            "month" => DatePrecision.Month,
            "year" => DatePrecision.Year,
            _ => DatePrecision.Day,
        };
        return new PartialDate(r.GetFieldValue<DateOnly>(dateColumn), precision);
    }
}
