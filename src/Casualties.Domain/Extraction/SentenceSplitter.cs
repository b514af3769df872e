namespace Casualties.Domain.Extraction;

/// <summary>
/// Splits a text into sentences over its tokens: a sentence ends at a line break, or at '.', '!' or '?'
/// (and any closing quotes) before a capital, a digit or an opening quote — unless the period closes an
/// abbreviation ("Nov.", "U.S.", "Dr.").
/// </summary>
public static class SentenceSplitter
{
    /// <summary>Longest stretch of one line tokenized at once, so that a huge line needs bounded memory.</summary>
    private const int MaxChunk = 1 << 16;

    private static readonly HashSet<string> Abbreviations = new WordSet(
    [
        "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "capt", "maj", "gov", "sen", "rep", "pres",
        .. CalendarWords.MonthAbbreviations,
        "no", "nos", "vs", "etc", "inc", "co", "corp", "ltd", "jr", "sr", "prof", "rev", "approx", "est", "al",
        "ft", "mt", "fig", "adm", "brig", "cpl", "pvt", "messrs",
    ]);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup =
        Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Calls <paramref name="onSentence"/> with each sentence as tokens [first, end) of a shared
    /// <see cref="TokenText"/>; the tokens are reused after the call returns.
    /// </summary>
    public static void Split(string text, int start, Action<TokenText, int, int> onSentence) =>
        Split(text, start, text.Length, onSentence);

    /// <summary>Splits the characters [start, end) of <paramref name="text"/> as if the text ended at <paramref name="end"/>.</summary>
    public static void Split(string text, int start, int end, Action<TokenText, int, int> onSentence)
    {
        // The token buffers of the last split on this thread, taken while in use (a nested split would get its own): a
        // document's two splits (lead preview, reading) allocated 12 KB of token arrays, more than its text.
        var tokens = spare?.Reset(text) ?? new TokenText(text, new List<Token>(256));
        spare = null;
        try
        {
            SplitLines(tokens, text, start, end, onSentence);
        }
        finally
        {
            spare = tokens;
        }
    }

    [ThreadStatic] private static TokenText? spare;

    private static void SplitLines(TokenText tokens, string text, int start, int end, Action<TokenText, int, int> onSentence)
    {
        var lineStart = start;
        while (lineStart < end)
        {
            var newline = text.AsSpan(lineStart, end - lineStart).IndexOfAny('\n', '\r');
            var lineEnd = newline < 0 ? end : lineStart + newline;
            var chunkStart = lineStart;
            while (chunkStart < lineEnd)
            {
                var chunkEnd = ChunkEnd(text, chunkStart, lineEnd);
                tokens.Tokens.Clear();
                Tokenizer.Tokenize(text, chunkStart, chunkEnd, tokens.Tokens);
                tokens.Refresh();
                SplitTokens(tokens, onSentence);
                chunkStart = chunkEnd;
            }
            lineStart = lineEnd + 1;
        }
    }

    private static int ChunkEnd(string text, int start, int lineEnd)
    {
        if (lineEnd - start <= MaxChunk) return lineEnd;
        var limit = start + MaxChunk;
        var window = text.AsSpan(start + MaxChunk / 2, MaxChunk / 2);
        var stop = window.LastIndexOf(". ");
        if (stop >= 0) return start + MaxChunk / 2 + stop + 1;
        var space = window.LastIndexOfAny(' ', '\t');
        return space >= 0 ? start + MaxChunk / 2 + space : limit;
    }

    private static void SplitTokens(TokenText tokens, Action<TokenText, int, int> onSentence)
    {
        var first = 0;
        var count = tokens.Count;
        for (var i = 0; i < count; i++)
        {
            if (!EndsSentence(tokens, i, out var last)) continue;
            onSentence(tokens, first, last + 1);
            first = last + 1;
            i = last;
        }
        if (first < count) onSentence(tokens, first, count);
    }

    private static bool EndsSentence(TokenText tokens, int i, out int last)
    {
        last = i;
        var token = tokens.Token(i);
        if (token.Kind != TokenKind.Punctuation || token.Length != 1) return false;
        var c = tokens.Text[token.Start];
        if (c is not ('.' or '!' or '?')) return false;
        while (last + 1 < tokens.Count && IsCloser(tokens, last + 1)) last++;
        if (last + 1 >= tokens.Count) return true;
        var next = tokens.Token(last + 1);
        if (next.Start == tokens.Token(last).End && next.Kind != TokenKind.Punctuation) return false;
        var nextChar = tokens.Text[next.Start];
        if (!(char.IsUpper(nextChar) || char.IsAsciiDigit(nextChar) || Tokenizer.IsQuote(nextChar) || nextChar == '(')) return false;
        if (c == '.' && i > 0 && tokens.Token(i - 1).End == token.Start && tokens.Kind(i - 1) == TokenKind.Word)
        {
            var previous = tokens[i - 1];
            if (AbbreviationLookup.Contains(previous)) return false;
            if (previous.Length == 1 && char.IsUpper(previous[0])) return false;
        }
        return true;
    }

    private static bool IsCloser(TokenText tokens, int index)
    {
        var token = tokens.Token(index);
        if (token.Kind != TokenKind.Punctuation) return false;
        var c = tokens.Text[token.Start];
        return c is '\u201D' or '\u2019' or ')' or ']' || (c is '"' or '\'' && (index + 1 >= tokens.Count
            || tokens.Token(index + 1).Start > token.End));
    }
}
