namespace Casualties.Worker.Service.Pipeline;

/// <summary>One article of an RSS or Atom feed.</summary>
/// <param name="Published">The item's date; null when the feed gives none.</param>
public sealed record SyndicationItem(string Title, string? Link, string Body, DateOnly? Published);
