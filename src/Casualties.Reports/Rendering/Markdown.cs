using System.Text;

namespace Casualties.Reports.Rendering;

/// <summary>Text from the data made inert in Markdown: punctuation that would format or link is backslash-escaped,
/// &lt; &gt; &amp; become entities (no raw HTML reaches a renderer), and line breaks become spaces.</summary>
public static class Markdown
{
    private const string Special = "\\`*_[]()<>#|~!{}";

    /// <summary>The text made inert, empty for null.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '\r' or '\n' or '\t': sb.Append(' '); break;
                default:
                    if (Special.Contains(c)) sb.Append('\\');
                    sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }
}
