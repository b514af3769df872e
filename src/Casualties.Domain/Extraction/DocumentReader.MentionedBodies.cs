using Casualties.Domain.Reference;

namespace Casualties.Domain.Extraction;

/// <summary>
/// Bodies the text names before they speak. "Soldiers of the National Defence Secretariat repelled an attack …, the
/// secretariat said": the bare noun refers back to the last body the document named with it as its proper name's head,
/// whether or not that body had spoken yet ("The Ituri Health Directorate opened a clinic … the directorate said"). Only
/// a body credited before (<see cref="SourceHistory"/>) comes first; a noun a state's own office answers to on its own
/// ("the army", "the police", "the ministry", "the government") is left to the document's country.
/// </summary>
internal sealed partial class DocumentReader
{
    /// <summary>The last body named in the document with each noun as its head ("secretariat" → "National Defence Secretariat").</summary>
    private readonly Dictionary<string, string> mentionedBodies = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Nouns that head a body's proper name and that the text may later use alone for it: "the directorate", "the platform".</summary>
    private static readonly HashSet<string> MentionHeads = new WordSet()
    {
        "directorate", "secretariat", "office", "department", "division", "command", "platform", "commission", "committee",
        "council", "agency", "authority", "administration", "bureau", "mission", "network", "observatory", "foundation",
        "institute", "centre", "center", "association", "union", "league", "forum", "coordination", "collective",
        "initiative", "tracker", "monitor",
    };

    /// <summary>Before a sentence's claims are read: remembers each body it names by a capitalised head noun ("the Kivu Relief Platform").</summary>
    private void RememberMentionedBodies(TokenText text, int from, int to)
    {
        for (var k = from + 1; k < to; k++)
        {
            if (!text.IsWord(k) || !text.IsCapitalized(k) || !MentionHeads.Contains(text[k])) continue;
            var first = k;
            // "the Sinaloa State Attorney General's Office": capitalised words and possessives before the head.
            while (true)
            {
                if (first - 1 >= from && text.IsWord(first - 1) && text.IsCapitalized(first - 1)) first--;
                else if (first - 3 >= from && text.IsPossessive(first - 2) && text.IsCapitalized(first - 3)) first -= 3;
                else break;
            }
            // "The Ituri Health Directorate", "In the ...": a capitalised article or preposition opening the sentence is no part of it.
            while (first < k && (text.IsAny(first, "the", "a", "an") || AttributionVocabulary.Prepositions.Contains(text[first]))) first++;
            var last = k;
            // "the Directorate of Health of Ituri": "of" and capitalised words after the head.
            while (text.IsAny(last + 1, "of", "for") && last + 2 < to && text.IsCapitalized(last + 2))
            {
                last += 2;
                while (last + 1 < to && text.IsWord(last + 1) && text.IsCapitalized(last + 1)) last++;
            }
            if (first == last) continue;
            mentionedBodies[text[k].ToString()] = text.Slice(first, last);
        }
    }

    /// <summary>"the secretariat said": the body the document named last with that head noun, when the office is the bare noun.</summary>
    private IReadOnlyList<Source>? MentionedBodyBack(SourceCandidate office) =>
        office.Head is { } head && office.Name.Equals(head, StringComparison.OrdinalIgnoreCase) && mentionedBodies.TryGetValue(head, out var name)
            ? Canonicaliser.Named(new SourceCandidate(office.First, office.Last, name, head, SourceForm.ProperName), LeadingCountry(), surnames)
            : null;
}
