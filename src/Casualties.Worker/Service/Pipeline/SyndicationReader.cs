using System.Globalization;
using System.Net;
using System.Xml;
using System.Xml.Linq;

namespace Casualties.Worker.Service.Pipeline;

/// <summary>Reads the items of an RSS 2.0 or Atom 1.0 feed. No DTDs, no external entities.</summary>
public static class SyndicationReader
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";

    /// <summary>The items; throws <see cref="InvalidDataException"/> naming the line when the XML is malformed or not a feed.</summary>
    public static IReadOnlyList<SyndicationItem> Read(Stream body, string origin)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(body, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new InvalidDataException($"{origin}: line {e.LineNumber}: malformed feed: {e.Message}", e);
        }
        var root = document.Root!;
        if (root.Name.LocalName == "rss")
        {
            return root.Elements("channel").Elements("item").Select(item => new SyndicationItem(
                Text(item.Element("title")) ?? "",
                Text(item.Element("link")),
                RssBody(Text(item.Element(Content + "encoded")) ?? Text(item.Element("description"))),
                Date(Text(item.Element("pubDate"))))).ToList();
        }
        if (root.Name == Atom + "feed")
        {
            return root.Elements(Atom + "entry").Select(entry => new SyndicationItem(
                Text(entry.Element(Atom + "title")) ?? "",
                entry.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate")?.Attribute("href")?.Value,
                AtomBody(entry.Element(Atom + "content") is { } content && Text(content) is not null ? content : entry.Element(Atom + "summary")),
                Date(Text(entry.Element(Atom + "published")) ?? Text(entry.Element(Atom + "updated"))))).ToList();
        }
        throw new InvalidDataException($"{origin}: line {((IXmlLineInfo)root).LineNumber}: not an RSS or Atom feed (root element <{root.Name.LocalName}>).");
    }

    /// <summary>
    /// An RSS body as HTML. RSS does not say whether a description is HTML (escaped or in CDATA) or plain text:
    /// one with markup is HTML, one without is plain text, encoded and with each blank-line paragraph a &lt;p&gt;.
    /// </summary>
    private static string RssBody(string? text) => text is null ? "" : LooksLikeHtml(text) ? text : PlainTextAsHtml(text);

    /// <summary>An Atom text construct as HTML, by its <c>type</c>: text (the default), html, or xhtml (a div).</summary>
    private static string AtomBody(XElement? element)
    {
        if (element is null) return "";
        return ((string?)element.Attribute("type"))?.Trim().ToLowerInvariant() switch
        {
            "html" or "text/html" => element.Value,
            "xhtml" or "application/xhtml+xml" => string.Concat(element.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting))),
            _ => PlainTextAsHtml(element.Value),
        };
    }

    private static bool LooksLikeHtml(string text)
    {
        for (var i = text.IndexOf('<'); i >= 0 && i + 1 < text.Length; i = text.IndexOf('<', i + 1))
            if (char.IsAsciiLetter(text[i + 1]) || text[i + 1] is '/' or '!') return true;
        return false;
    }

    private static string PlainTextAsHtml(string text)
    {
        var html = new System.Text.StringBuilder();
        var paragraph = new List<string>();
        foreach (var line in text.Split('\n').Select(l => l.Trim()).Append(""))
        {
            if (line.Length > 0) { paragraph.Add(line); continue; }
            if (paragraph.Count == 0) continue;
            html.Append("<p>").Append(WebUtility.HtmlEncode(string.Join(' ', paragraph))).Append("</p>");
            paragraph.Clear();
        }
        return html.ToString();
    }

    private static string? Text(XElement? element) => element is null ? null : element.Value.Trim() is { Length: > 0 } v ? v : null;

    private static DateOnly? Date(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? DateOnly.FromDateTime(parsed.UtcDateTime)
            : null;
}
