using Casualties.Domain.Model;

namespace Casualties.Domain.Extraction;

/// <summary>
/// A running tally's start stated after it: "The death toll from the offensive has risen to 112, the monitor said." and
/// then "The offensive began on 16 December." or "The count runs from 16 December." A cumulative figure of the last two
/// sentences that has no start takes the start the next sentence gives its campaign (named in the figure's own words)
/// or its count.
/// </summary>
internal sealed partial class DocumentReader
{
    /// <summary>How many sentences back a stated start may reach.</summary>
    private const int TallyStartReach = 2;

    private static readonly HashSet<string> CountNouns = new WordSet()
    {
        "count", "toll", "tally", "figure", "figures", "total",
    };

    /// <summary>After a sentence is read: gives its campaign start or count start to the earlier tallies that lack one.</summary>
    private void StartEarlierTallies(TokenText text, int from, int to)
    {
        foreach (var expression in times)
        {
            if (expression.Start is not { } start) continue;
            string? campaign = null;
            if (TimeExpressions.CampaignLaunchedAt(text, from, expression) is { } noun) campaign = text[noun].ToString();
            else if (!(expression.Kind == TimeKind.Since || text.IsAny(expression.Token - 1, "from", "since")) || !SentenceHas(text, from, to, CountNouns)) continue;
            // Only the last sentences' figures, walked back from the newest: no pass over the whole document per sentence.
            for (var k = drafts.Count - 1; k >= 0 && sentence - drafts[k].Sentence <= TallyStartReach; k--)
            {
                var draft = drafts[k];
                if (draft.Sentence >= sentence || !draft.Cumulative || draft.Rejected) continue;
                if (draft.Period.Start is not null || draft.Period.End is { } end && end.Date < start.Date) continue;
                if (campaign is not null && !SourceCanonicaliser.ContainsWord(draft.Quote, campaign)) continue;
                draft.Period = new DatePeriod(start, draft.Period.End);
            }
        }
    }
}
