using Casualties.Domain.Model;

namespace Casualties.Domain.Extraction;

/// <summary>
/// A quantity found in a text: its bounds, and where it was read, from the first word of its qualifier
/// (<see cref="FirstToken"/>) over the number itself (<see cref="NumberToken"/>) to its last word
/// (<see cref="LastToken"/>, inclusive).
/// </summary>
public sealed record QuantityMention(Quantity Quantity, int FirstToken, int NumberToken, int LastToken, TextSpan Span);
