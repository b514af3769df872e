namespace Casualties.Domain.Extraction;

public enum TokenKind : byte
{
    Word,
    Number,
    Punctuation,
}

/// <summary>A word, a number or one punctuation character at [Start, Start + Length) of a text.</summary>
public readonly record struct Token(int Start, int Length, TokenKind Kind)
{
    public int End => Start + Length;
}
