namespace Casualties.Worker.Service.Pipeline;

/// <summary>One article of an RSS or Atom feed.</summary>
/// <param name="Title">The item's title as text; empty when it has none.</param>
/// <param name="Link">The item's link (Atom: the alternate one), which names the stored document; null when absent.</param>
/// <param name="Body">
/// The item's content as HTML (RSS: content:encoded, else description; Atom: content, else summary); plain text is
/// wrapped as HTML.
/// </param>
/// <param name="Published">The item's date; null when the feed gives none.</param>
public sealed record SyndicationItem(string Title, string? Link, string Body, DateOnly? Published);
