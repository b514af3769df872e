using System.Globalization;
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
                Text(item.Element(Content + "encoded")) ?? Text(item.Element("description")) ?? "",
                Date(Text(item.Element("pubDate"))))).ToList();
        }
        if (root.Name == Atom + "feed")
        {
            return root.Elements(Atom + "entry").Select(entry => new SyndicationItem(
                Text(entry.Element(Atom + "title")) ?? "",
                entry.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate")?.Attribute("href")?.Value,
                Text(entry.Element(Atom + "content")) ?? Text(entry.Element(Atom + "summary")) ?? "",
                Date(Text(entry.Element(Atom + "published")) ?? Text(entry.Element(Atom + "updated"))))).ToList();
        }
        throw new InvalidDataException($"{origin}: line {((IXmlLineInfo)root).LineNumber}: not an RSS or Atom feed (root element <{root.Name.LocalName}>).");
    }

    private static string? Text(XElement? element) => element is null ? null : element.Value.Trim() is { Length: > 0 } v ? v : null;

    private static DateOnly? Date(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? DateOnly.FromDateTime(parsed.UtcDateTime)
            : null;
}
