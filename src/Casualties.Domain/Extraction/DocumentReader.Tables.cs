using Casualties.Domain.Model;
using Casualties.Domain.Reference;

namespace Casualties.Domain.Extraction;

/// <summary>
/// Tables and lists: a lead-in ending with a colon ("Civilian casualties in March, by region:", "Alleged civilian
/// deaths (minimum – maximum):") gives its outcome and victims to the rows under it ("Donetsk region: 41 killed",
/// "West Mosul: 1,018 – 1,694", "Russian forces: 87 civilians"); the rows last while lines carry a colon.
/// </summary>
internal sealed partial class DocumentReader
{
    private Outcome? tableOutcome;
    private string? tableVictims;
    private bool inTable;

    /// <summary>Called for every sentence before its claims are read: opens, continues or closes a table.</summary>
    private void ReadTableLine(TokenText text, int from, int to)
    {
        var colon = ColonAt(text, from, to);
        if (colon == to - 1 || colon == to - 2 && text.Kind(to - 1) == TokenKind.Punctuation)
        {
            var outcome = LeadInOutcome(text, from, colon);
            var victims = LeadInVictims(text, from, colon);
            if (outcome is not null || victims is not null || !inTable)
            {
                tableOutcome = outcome ?? tableOutcome;
                tableVictims = victims ?? tableVictims;
            }
            inTable = tableOutcome is not null || tableVictims is not null;
            return;
        }
        if (colon < 0 && !IsListMarker(text, from, to)) inTable = false;
    }

    /// <summary>True when the sentence is a row of the open table: a label and a colon before the figure.</summary>
    private bool IsTableRow(TokenText text, int from, QuantityMention mention) =>
        inTable && ColonAt(text, from, mention.FirstToken) is var colon && colon >= from && colon < mention.FirstToken;

    /// <summary>The row's own label is its perpetrator when it names an actor ("Russian forces: 87 civilians").</summary>
    private IReadOnlyList<Actor>? RowActor(TokenText text, int from, ClaimDraft draft)
    {
        if (!IsTableRow(text, from, draft.Mention)) return null;
        var colon = ColonAt(text, from, draft.Mention.FirstToken);
        foreach (var actor in actorsHere)
        {
            if (actor.Last < colon && !InsideVictimPhrase(actor.First)) return actor.Candidates;
        }
        return null;
    }

    /// <summary>Gives a row's figure the table's outcome and victims where the row does not say them.</summary>
    private void FillFromTable(TokenText text, int from, ClaimDraft draft)
    {
        if (!IsTableRow(text, from, draft.Mention)) return;
        draft.Outcome ??= tableOutcome;
        if (tableVictims is not null && (draft.Victims is null || draft.Victims == VictimGroups.People && draft.VictimEnd == draft.Mention.LastToken))
        {
            draft.Victims = tableVictims;
        }
    }

    private static int ColonAt(TokenText text, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (text.IsPunctuation(k, ':')) return k;
        }
        return -1;
    }

    private static bool IsListMarker(TokenText text, int from, int to) =>
        to - from <= 2 && (text.Kind(from) == TokenKind.Number || text.IsWord(from) && text[from].Length == 1);

    private static Outcome? LeadInOutcome(TokenText text, int from, int colon)
    {
        for (var k = from; k < colon; k++)
        {
            if (text.IsAny(k, "toll", "tally") && text.IsAny(k - 1, "death", "the")) return Outcome.Killed;
            if (ExtractionVocabulary.OutcomeNouns.TryMatch(text, k, colon, out _, out Outcome outcome)) return outcome;
        }
        return null;
    }

    private string? LeadInVictims(TokenText text, int from, int colon)
    {
        for (var k = from; k < colon; k++)
        {
            if (text.IsWord(k) && TryVictimAt(text, k, colon, out _, out var term, singularToo: true) && term.Victims != VictimGroups.People) return term.Victims;
        }
        return null;
    }

    /// <summary>
    /// A row is a part of the document's first whole figure of the same outcome ("recorded 604 civilian casualties:
    /// 126 killed ..." above "Donetsk region: 41 killed"); a row labelled "Total" is that whole itself.
    /// </summary>
    private ClaimDraft? TableParent(TokenText text, int from, ClaimDraft draft)
    {
        if (draft.IsSubset || !IsTableRow(text, from, draft.Mention)) return null;
        for (var k = from; k < draft.Mention.FirstToken; k++)
        {
            if (text.IsAny(k, "total", "overall", "all")) return null;
        }
        var whole = drafts.FirstOrDefault(d => !d.Rejected && !d.IsSubset && d.Parent is null && d.Outcome == draft.Outcome && d.Sentence < draft.Sentence);
        if (whole is null) return null;
        var wholeHigh = whole.Mention.Quantity.High ?? int.MaxValue;
        return draft.Mention.Quantity.Low <= wholeHigh ? whole : null;
    }
}
