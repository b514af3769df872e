using System.Net;

namespace Casualties.Reports.Rendering;

/// <summary>
/// The one way text enters the HTML report: every string that came from a document, a dataset or the database
/// goes through <see cref="Encode"/> (element content and double-quoted attribute values alike).
/// </summary>
public static class Html
{
    /// <summary>Encodes &amp;, &lt;, &gt;, &quot; and &#39;, so no tag or attribute can be opened by data.</summary>
    public static string Encode(string? text) => text is null ? "" : WebUtility.HtmlEncode(text);
}
