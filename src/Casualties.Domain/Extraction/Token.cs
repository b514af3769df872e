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
public readonly record struct Token(int Start, int Length, TokenKind Kind)
{
    /// <summary>The offset just past the token.</summary>
    public int End => Start + Length;
}
