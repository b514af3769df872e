using Casualties.Domain.Reference;

namespace Casualties.Domain.Extraction;

/// <summary>Attribution: a source named in the sentence, or an anaphor ("it says", "the monitor said") for the last one named.</summary>
internal sealed partial class DocumentReader
{
    private IReadOnlyList<Source> SourcesFor(TokenText text, int from, int to, ClaimDraft draft)
    {
        if (sourcesHere.Count > 0)
        {
            var anchor = draft.Mention.NumberToken;
            return sourcesHere.MinBy(s => Distance(s.First, s.Last, anchor)).Candidates;
        }
        return HasAnaphoricAttribution(text, from, to) ? lastNamedSource ?? [] : [];
    }

    /// <summary>"it says", "It said", "the monitor said", "said the group", "according to the ministry".</summary>
    private static bool HasAnaphoricAttribution(TokenText text, int from, int to)
    {
        var matched = new List<bool>(1);
        for (var i = from; i < to; i++)
        {
            if (!text.IsWord(i)) continue;
            if (!ExtractionVocabulary.Anaphora.TryMatch(text, i, to, out var length, matched)) continue;
            var after = i + length;
            if (IsSpeech(text, after) || (text.IsAny(after, "also", "has", "have", "had", "later", "further") && IsSpeech(text, after + 1)))
            {
                return true;
            }
            if (IsSpeech(text, i - 1) || (text.Is(i - 1, "to") && text.Is(i - 2, "according")))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsSpeech(TokenText text, int index) =>
        text.IsWord(index) && ExtractionVocabulary.SpeechVerbs.Contains(text[index]);
}
