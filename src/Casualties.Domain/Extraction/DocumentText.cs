using System.Globalization;

namespace Casualties.Domain.Extraction;

/// <summary>Reads the seed's document header: the text opens with " date YYYY-MM-DD " and the body follows.</summary>
public static class DocumentText
{
    /// <summary>True when <paramref name="text"/> opens with the header, giving its <paramref name="date"/>.</summary>
    public static bool TryReadDateHeader(string text, out DateOnly date) => TryReadDateHeader(text, out date, out _);

    /// <summary>True when <paramref name="text"/> opens with the header, giving its <paramref name="date"/>.</summary>
    /// <param name="text">The document as read.</param>
    /// <param name="date">The header's date (default when there is none).</param>
    /// <param name="bodyStart">Offset of the first character after the header (0 when there is none).</param>
    public static bool TryReadDateHeader(string text, out DateOnly date, out int bodyStart)
    {
        date = default;
        bodyStart = 0;
        var span = text.AsSpan();
        var i = 0;
        if (span.Length > 0 && span[0] == '\uFEFF') i++;
        while (i < span.Length && span[i] is ' ' or '\t') i++;
        if (!span[i..].StartsWith("date ", StringComparison.OrdinalIgnoreCase)) return false;
        i += 5;
        while (i < span.Length && span[i] == ' ') i++;
        if (i + 10 > span.Length) return false;
        if (!DateOnly.TryParseExact(span.Slice(i, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return false;
        }
        i += 10;
        if (i < span.Length && !char.IsWhiteSpace(span[i])) return false;
        bodyStart = i;
        return true;
    }
}
