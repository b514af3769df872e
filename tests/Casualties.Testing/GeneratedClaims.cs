using System.Globalization;
using System.Text;

namespace Casualties.Testing;

/// <summary>Rows of our own CSV format, generated deterministically (the same rows for the same arguments).</summary>
public static class GeneratedClaims
{
    public const string Header = "dataset,record_id,version,date,outcome,victims,qualifier,value,source,place,start,end,quote";

    public static string Row(int i)
    {
        var day = new DateOnly(2016, 1, 1).AddDays(i % 365);
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var victims = (i % 3) switch { 0 => "people", 1 => "civilians", _ => "children" };
        var qualifier = (i % 4) switch { 0 => "exact", 1 => "at_least", 2 => "more_than", _ => "about" };
        return string.Create(CultureInfo.InvariantCulture,
            $"generated,r{i},1,{date},killed,{victims},{qualifier},{i % 500 + 1},Syrian Observatory for Human Rights,Syria,{date},{date},\"row {i}, as reported\"");
    }

    public static string Csv(int rows, IReadOnlyDictionary<int, string>? replacements = null)
    {
        var builder = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < rows; i++)
        {
            builder.Append(replacements is not null && replacements.TryGetValue(i, out var replaced) ? replaced : Row(i)).Append('\n');
        }
        return builder.ToString();
    }

    public static void WriteFile(string path, int rows)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        writer.Write(Header);
        writer.Write('\n');
        for (var i = 0; i < rows; i++)
        {
            writer.Write(Row(i));
            writer.Write('\n');
        }
    }
}
