using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Casualties.Ingestion.Documents;

/// <summary>
/// An HTML article, read with a real HTML parser (AngleSharp): every text node of &lt;article&gt;, else &lt;main&gt;,
/// else &lt;body&gt;, as blocks (headings, paragraphs, list items, cells, divisions, and the bare text between them)
/// separated by blank lines; scripts, navigation, asides, headers, footers, figures and forms left out. Title from
/// og:title, &lt;title&gt; or the first &lt;h1&gt;; date from article:published_time and the other usual meta
/// tags, else a &lt;time datetime&gt;; carrier from og:site_name.
/// </summary>
public static class HtmlDocumentReader
{
    private static readonly string[] DateMeta =
    [
        "article:published_time", "og:published_time", "datePublished", "date", "pubdate", "publishdate", "publish-date",
        "dc.date.issued", "dc.date", "dcterms.created", "sailthru.date", "parsely-pub-date",
    ];

    private static readonly string[] Skipped = ["script", "style", "noscript", "nav", "aside", "header", "footer", "form", "figure", "template", "svg"];

    /// <summary>
    /// The title (og:title, else the title element, else the first h1), the carrier (og:site_name), the date (the first
    /// published-date meta tag that parses) and the text of <paramref name="html"/>.
    /// </summary>
    public static ParsedDocument Read(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var title = Meta(document, "og:title") ?? document.Title?.Trim() ?? document.QuerySelector("h1")?.TextContent.Trim();
        var carrier = Meta(document, "og:site_name");
        var date = DateMeta.Select(name => Meta(document, name)).Select(ParseDate).FirstOrDefault(d => d is not null)
            ?? document.QuerySelectorAll("time[datetime]").Select(t => ParseDate(t.GetAttribute("datetime"))).FirstOrDefault(d => d is not null);

        foreach (var element in document.QuerySelectorAll(string.Join(", ", Skipped)).ToList()) element.Remove();
        var container = document.QuerySelector("article") ?? document.QuerySelector("main") ?? document.Body;
        var body = container is null ? "" : BlockText(container);
        return new ParsedDocument("html", body, string.IsNullOrEmpty(title) ? null : title, carrier, date, null);
    }

    private static string? Meta(IDocument document, string name)
    {
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase) && meta.GetAttribute("content") is { Length: > 0 } content)
                return content.Trim();
        }
        return null;
    }

    private static DateOnly? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var stamp))
            return DateOnly.FromDateTime(stamp.Date);
        return text.Length >= 10 && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day : null;
    }

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main", "ol", "p", "pre", "section",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    };

    /// <summary>
    /// Every text node under the container, once, in document order: an element that starts a block (a heading,
    /// paragraph, list item, cell, division, line break, ...) closes the block before it and opens a new one, so
    /// text outside any block ("&lt;h1&gt;Title&lt;/h1&gt; Air strikes killed 12 ...") is read as a block of its own and
    /// sentences of two blocks are never run together; inline markup (links, emphasis, spans) stays within its block.
    /// </summary>
    private static string BlockText(IElement container)
    {
        var blocks = new StringBuilder();
        var current = new StringBuilder();
        Walk(container);
        Flush();
        return blocks.ToString();

        void Walk(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                switch (child)
                {
                    case IText text:
                        current.Append(text.Data);
                        break;
                    case IElement element when BlockElements.Contains(element.LocalName):
                        Flush();
                        Walk(element);
                        Flush();
                        break;
                    case IElement element:
                        Walk(element);
                        break;
                }
            }
        }

        void Flush()
        {
            var text = Collapse(current.ToString());
            current.Clear();
            if (text.Length == 0) return;
            if (blocks.Length > 0) blocks.Append("\n\n");
            blocks.Append(text);
        }
    }

    private static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) { space = builder.Length > 0; continue; }
            if (space) builder.Append(' ');
            space = false;
            builder.Append(c);
        }
        return builder.ToString();
    }
}
