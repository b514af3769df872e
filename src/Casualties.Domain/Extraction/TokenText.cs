using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Casualties.Domain.Model;

namespace Casualties.Domain.Extraction;

/// <summary>A text with its tokens: word tests by index, case-insensitive, without allocating.</summary>
/// <remarks>
/// The rules ask these questions many times per token, so they read the tokens from an array kept beside
/// <see cref="Tokens"/> (<see cref="Refresh"/> after changing the list) and reject a word by its first letter
/// before comparing it whole.
/// </remarks>
public sealed class TokenText
{
    private Token[] items = [];
    private int count;

    /// <summary>A text with tokens already made from it.</summary>
    public TokenText(string text, List<Token> tokens)
    {
        Text = text;
        Tokens = tokens;
        Refresh();
    }

    /// <summary>The text the tokens point into.</summary>
    public string Text { get; private set; }

    /// <summary>Empties the tokens and takes another text, keeping the buffers (the sentence splitter reuses one per thread).</summary>
    internal TokenText Reset(string text)
    {
        Text = text;
        Tokens.Clear();
        count = 0;
        return this;
    }
    /// <summary>The tokens; call <see cref="Refresh"/> after changing them.</summary>
    public List<Token> Tokens { get; }
    /// <summary>The number of tokens as of the last <see cref="Refresh"/>.</summary>
    public int Count => count;

    /// <summary>A text with its tokens made by <see cref="Tokenizer"/>.</summary>
    public static TokenText Of(string text) => new(text, Tokenizer.Tokenize(text));

    /// <summary>Takes in the tokens of <see cref="Tokens"/> after they changed (the sentence splitter reuses the list).</summary>
    public void Refresh()
    {
        count = Tokens.Count;
        if (items.Length < count) items = new Token[Math.Max(count, items.Length * 2)];
        Tokens.CopyTo(items);
    }

    /// <summary>
    /// The token at an index <see cref="InRange"/> has accepted, read without a second bounds check: the rules ask about
    /// every token dozens of times (about 66 questions a token), and <see cref="Refresh"/> keeps the array at least
    /// <see cref="Count"/> long.
    /// </summary>
    private ref readonly Token At(int index) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(items), index);

    /// <summary>The characters of a token; outside the text, empty (no word there).</summary>
    public ReadOnlySpan<char> this[int index]
    {
        get
        {
            if (!InRange(index)) return ReadOnlySpan<char>.Empty;
            ref readonly var token = ref At(index);
            return Text.AsSpan(token.Start, token.Length);
        }
    }

    /// <summary>The token at an index; throws outside the text.</summary>
    public Token Token(int index) => InRange(index) ? At(index) : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>The kind of a token; outside the text, punctuation (no word there).</summary>
    public TokenKind Kind(int index) => InRange(index) ? At(index).Kind : TokenKind.Punctuation;

    /// <summary>True when a token is at that index.</summary>
    public bool InRange(int index) => (uint)index < (uint)count;

    /// <summary>True when the token at <paramref name="index"/> is <paramref name="word"/>, ignoring case.</summary>
    public bool Is(int index, string word)
    {
        if (!InRange(index)) return false;
        ref readonly var token = ref At(index);
        return token.Length == word.Length && word.Length > 0 && MayEqual(Text[token.Start], word[0])
            && EqualsIgnoreCase(Text.AsSpan(token.Start, token.Length), word);
    }

    /// <summary>True when the token at <paramref name="index"/> is one of <paramref name="words"/>, ignoring case.</summary>
    public bool IsAny(int index, params ReadOnlySpan<string> words)
    {
        if (!InRange(index)) return false;
        ref readonly var token = ref At(index);
        var first = Text[token.Start];
        foreach (var word in words)
        {
            if (token.Length == word.Length && MayEqual(first, word[0])
                && EqualsIgnoreCase(Text.AsSpan(token.Start, token.Length), word))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// As <c>a.Equals(b, StringComparison.OrdinalIgnoreCase)</c>, comparing ASCII in line: the rules compare a token with a
    /// short word many times per token, and the library's comparison costs a call and its set-up per word. Where a
    /// character that differs is not ASCII, the whole comparison goes to the library, which alone knows its cases.
    /// </summary>
    public static bool EqualsIgnoreCase(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length != b.Length) return false;
        for (var k = 0; k < a.Length; k++)
        {
            var x = a[k];
            var y = b[k];
            if (x == y) continue;
            if ((x | y) >= 0x80) return a.Equals(b, StringComparison.OrdinalIgnoreCase);
            // Two different ASCII characters are equal ignoring case only as the two cases of one letter.
            var folded = (uint)(x | 0x20);
            if (folded != (uint)(y | 0x20) || folded - 'a' > 'z' - 'a') return false;
        }
        return true;
    }

    /// <summary>False only when two characters cannot be equal ignoring case: both ASCII and different as letters of either case.</summary>
    private static bool MayEqual(char a, char b) => (a | b) >= 0x80 || (a | 0x20) == (b | 0x20);

    /// <summary>
    /// True when hyphens join parts of the token at <paramref name="index"/> ("US-Saudi", "20-30"); false outside the text.
    /// A token without them holds no hyphen at all: a rule looking for one inside a word asks this first.
    /// </summary>
    public bool IsHyphenated(int index) => InRange(index) && At(index).Hyphenated;

    /// <summary>True when the token at <paramref name="index"/> is a word.</summary>
    public bool IsWord(int index) => InRange(index) && At(index).Kind == TokenKind.Word;

    /// <summary>True when the token at <paramref name="index"/> is the punctuation <paramref name="c"/>.</summary>
    public bool IsPunctuation(int index, char c) =>
        InRange(index) && At(index).Kind == TokenKind.Punctuation && Text[At(index).Start] == c;

    /// <summary>True when the token at <paramref name="index"/> is a comma.</summary>
    public bool IsComma(int index) => IsPunctuation(index, ',');

    /// <summary>True when the token at <paramref name="index"/> is an apostrophe, straight or curly.</summary>
    public bool IsApostrophe(int index) =>
        InRange(index) && At(index).Kind == TokenKind.Punctuation && Tokenizer.IsApostrophe(Text[At(index).Start]);

    /// <summary>True when a possessive "'s" starts at <paramref name="index"/>: an apostrophe, then "s".</summary>
    public bool IsPossessive(int index) => IsApostrophe(index) && Is(index + 1, "s");

    /// <summary>True when the token at <paramref name="index"/> starts with an upper-case letter.</summary>
    public bool IsCapitalized(int index) => InRange(index) && char.IsUpper(Text[At(index).Start]);

    /// <summary>True when the tokens are the same ignoring case, counting every apostrophe as one.</summary>
    public static bool SameToken(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (EqualsIgnoreCase(a, b)) return true;
        return a.Length == 1 && b.Length == 1 && Tokenizer.IsApostrophe(a[0]) && Tokenizer.IsApostrophe(b[0]);
    }

    /// <summary>The text from the first token's start to the last token's end.</summary>
    public string Slice(int firstToken, int lastToken) =>
        Text[Token(firstToken).Start..Token(lastToken).End];

    /// <summary>The offsets from the first token's start to the last token's end.</summary>
    public TextSpan SpanOf(int firstToken, int lastToken) => new(Token(firstToken).Start, Token(lastToken).End);
}
