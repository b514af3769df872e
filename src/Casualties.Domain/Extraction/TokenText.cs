using Casualties.Domain.Model;

namespace Casualties.Domain.Extraction;

/// <summary>A text with its tokens: word tests by index, case-insensitive, without allocating.</summary>
public sealed class TokenText(string text, List<Token> tokens)
{
    public string Text { get; } = text;
    public List<Token> Tokens { get; } = tokens;
    public int Count => Tokens.Count;

    public static TokenText Of(string text) => new(text, Tokenizer.Tokenize(text));

    /// <summary>The characters of a token; outside the text, empty (no word there).</summary>
    public ReadOnlySpan<char> this[int index] =>
        InRange(index) ? Text.AsSpan(Tokens[index].Start, Tokens[index].Length) : ReadOnlySpan<char>.Empty;

    public Token Token(int index) => Tokens[index];

    /// <summary>The kind of a token; outside the text, punctuation (no word there).</summary>
    public TokenKind Kind(int index) => InRange(index) ? Tokens[index].Kind : TokenKind.Punctuation;

    public bool InRange(int index) => index >= 0 && index < Tokens.Count;

    public bool Is(int index, string word) =>
        InRange(index) && this[index].Equals(word, StringComparison.OrdinalIgnoreCase);

    public bool IsAny(int index, params ReadOnlySpan<string> words)
    {
        if (!InRange(index)) return false;
        var token = this[index];
        foreach (var word in words)
        {
            if (token.Equals(word, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    public bool IsWord(int index) => InRange(index) && Tokens[index].Kind == TokenKind.Word;

    public bool IsPunctuation(int index, char c) =>
        InRange(index) && Tokens[index].Kind == TokenKind.Punctuation && Text[Tokens[index].Start] == c;

    public bool IsComma(int index) => IsPunctuation(index, ',');

    public bool IsApostrophe(int index) =>
        InRange(index) && Tokens[index].Kind == TokenKind.Punctuation && Tokenizer.IsApostrophe(Text[Tokens[index].Start]);

    public bool IsCapitalized(int index) => InRange(index) && char.IsUpper(Text[Tokens[index].Start]);

    /// <summary>True when the tokens are the same ignoring case, counting every apostrophe as one.</summary>
    public static bool SameToken(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Equals(b, StringComparison.OrdinalIgnoreCase)) return true;
        return a.Length == 1 && b.Length == 1 && Tokenizer.IsApostrophe(a[0]) && Tokenizer.IsApostrophe(b[0]);
    }

    public string Slice(int firstToken, int lastToken) =>
        Text[Tokens[firstToken].Start..Tokens[lastToken].End];

    public TextSpan SpanOf(int firstToken, int lastToken) => new(Tokens[firstToken].Start, Tokens[lastToken].End);
}
