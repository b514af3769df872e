namespace Casualties.Domain.Extraction;

/// <summary>What a token is.</summary>
public enum TokenKind : byte
{
    /// <summary>Letters, with any hyphenated parts ("pro-regime").</summary>
    Word,
    /// <summary>Starts with a digit ("341", "20-30", "12-year-old").</summary>
    Number,
    /// <summary>One character that is neither a letter, a digit nor a space (a surrogate pair counts as one).</summary>
    Punctuation,
}

/// <summary>A word, a number or one punctuation character at [Start, Start + Length) of a text.</summary>
/// <param name="Start">The offset of the token's first character.</param>
/// <param name="Length">The number of characters.</param>
/// <param name="Kind">What the token is.</param>
/// <param name="Hyphenated">
/// True when hyphens join parts of the token ("pro-regime", "20-30"): a token without it holds none of the hyphens
/// <see cref="Tokenizer.IsHyphen"/> knows, so the rules need not search it for one.
/// </param>
public readonly record struct Token(int Start, int Length, TokenKind Kind, bool Hyphenated = false)
{
    /// <summary>The offset just past the token.</summary>
    public int End => Start + Length;
}
