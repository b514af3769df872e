using Casualties.Domain.Model;
using Casualties.Domain.Reference;

namespace Casualties.Domain.Evaluation;

/// <summary>
/// Scores predicted claims against gold exactly as gold-format.md says: a prediction matches a gold claim
/// of the same document with equal outcome, victims, low and high, each gold claim at most once; among
/// equally keyed claims the pairing that agrees on most attributes is chosen, so attributes are compared
/// on the best pairing.
/// </summary>
public sealed class ExtractionScorer(ReferenceData reference)
{
    private static readonly string[] DroppedPlaceWords = ["governorate", "province", "city", "district", "the"];

    /// <summary>Runs <paramref name="extract"/> on every gold document and scores the whole set.</summary>
    public EvalReport Score(IReadOnlyList<GoldDocument> documents, Func<GoldDocument, IReadOnlyList<Claim>> extract)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(extract);
        var tally = new Tally();
        foreach (var document in documents) ScoreDocument(document, extract(document), tally);
        return tally.ToReport(documents.Count);
    }

    private void ScoreDocument(GoldDocument document, IReadOnlyList<Claim> predicted, Tally tally)
    {
        var gold = document.Claims;
        tally.Gold += gold.Count;
        tally.Predicted += predicted.Count;
        var goldToPredicted = new int?[gold.Count];
        var predictedMatched = new bool[predicted.Count];
        foreach (var group in Enumerable.Range(0, gold.Count).GroupBy(g => Key(gold[g])))
        {
            var goldIndexes = group.ToList();
            var predictedIndexes = Enumerable.Range(0, predicted.Count)
                .Where(p => !predictedMatched[p] && Key(predicted[p]) == group.Key).ToList();
            foreach (var (g, p) in BestPairing(goldIndexes, predictedIndexes, (g, p) => Agreement(gold[g], predicted[p])))
            {
                goldToPredicted[g] = p;
                predictedMatched[p] = true;
            }
        }

        for (var g = 0; g < gold.Count; g++)
        {
            if (goldToPredicted[g] is not { } p)
            {
                tally.Missed.Add(new UnmatchedClaim(document.Id, gold[g].Outcome, gold[g].Victims, gold[g].Low, gold[g].High, gold[g].Quote));
                continue;
            }
            tally.Matched++;
            var (goldClaim, claim) = (gold[g], predicted[p]);
            tally.Count("source", reference.SameSource(goldClaim.Source, claim.Source), document.Id, goldClaim.Source, claim.Source, goldClaim.Quote);
            tally.Count("perpetrator_side", string.Equals(goldClaim.PerpetratorSide, claim.PerpetratorSide, StringComparison.OrdinalIgnoreCase),
                document.Id, goldClaim.PerpetratorSide, claim.PerpetratorSide, goldClaim.Quote);
            tally.Count("place", SamePlace(goldClaim.Place, claim.Place), document.Id, goldClaim.Place, claim.Place, goldClaim.Quote);
            tally.Count("end", SameDate(goldClaim.End, claim.Period.End), document.Id, goldClaim.End?.ToString(), claim.Period.End?.ToString(), goldClaim.Quote);
            if (goldClaim.Start is not null)
            {
                tally.Count("start", SameDate(goldClaim.Start, claim.Period.Start), document.Id, goldClaim.Start?.ToString(), claim.Period.Start?.ToString(), goldClaim.Quote);
            }
            var parentAgrees = goldClaim.Parent is null
                ? claim.Parent is null
                : claim.Parent is { } predictedParent && goldClaim.Parent < gold.Count && goldToPredicted[goldClaim.Parent.Value] == predictedParent;
            tally.Count("parent", parentAgrees, document.Id, goldClaim.Parent?.ToString(), claim.Parent?.ToString(), goldClaim.Quote);
        }
        for (var p = 0; p < predicted.Count; p++)
        {
            if (predictedMatched[p]) continue;
            var claim = predicted[p];
            tally.Spurious.Add(new UnmatchedClaim(document.Id, claim.Outcome.ToName(), claim.Victims, claim.Quantity.Low, claim.Quantity.High, claim.Quote));
        }
    }

    private static (string, string, int, int?) Key(GoldClaim claim) =>
        (claim.Outcome.ToLowerInvariant(), claim.Victims.ToLowerInvariant(), claim.Low, claim.High);

    private static (string, string, int, int?) Key(Claim claim) =>
        (claim.Outcome.ToName(), claim.Victims.ToLowerInvariant(), claim.Quantity.Low, claim.Quantity.High);

    private int Agreement(GoldClaim gold, Claim claim) =>
        (reference.SameSource(gold.Source, claim.Source) ? 1 : 0)
        + (string.Equals(gold.PerpetratorSide, claim.PerpetratorSide, StringComparison.OrdinalIgnoreCase) ? 1 : 0)
        + (SamePlace(gold.Place, claim.Place) ? 1 : 0)
        + (SameDate(gold.End, claim.Period.End) ? 1 : 0)
        + (gold.Start is not null && SameDate(gold.Start, claim.Period.Start) ? 1 : 0);

    /// <summary>The pairing of as many claims as possible with the most agreement; exhaustive for small groups, greedy beyond.</summary>
    private static List<(int Gold, int Predicted)> BestPairing(List<int> gold, List<int> predicted, Func<int, int, int> agreement)
    {
        if (gold.Count == 0 || predicted.Count == 0) return [];
        if (gold.Count <= 6 && predicted.Count <= 6)
        {
            var best = new List<(int, int)>();
            var bestScore = -1;
            var current = new List<(int, int)>();
            var used = new bool[predicted.Count];
            void Search(int g, int score)
            {
                if (g == gold.Count)
                {
                    var total = current.Count * 1000 + score;
                    if (total > bestScore) { bestScore = total; best = [.. current]; }
                    return;
                }
                for (var p = 0; p < predicted.Count; p++)
                {
                    if (used[p]) continue;
                    used[p] = true;
                    current.Add((gold[g], predicted[p]));
                    Search(g + 1, score + agreement(gold[g], predicted[p]));
                    current.RemoveAt(current.Count - 1);
                    used[p] = false;
                }
                Search(g + 1, score);
            }
            Search(0, 0);
            return best;
        }
        var pairs = new List<(int, int)>();
        var taken = new HashSet<int>();
        foreach (var (g, p, _) in gold.SelectMany(g => predicted.Select(p => (g, p, agreement(g, p)))).OrderByDescending(t => t.Item3))
        {
            if (pairs.Any(x => x.Item1 == g) || taken.Contains(p)) continue;
            pairs.Add((g, p));
            taken.Add(p);
        }
        return pairs;
    }

    /// <summary>Equal after case-folding and dropping "governorate", "province", "city", "district" and "the", or a known alias.</summary>
    public bool SamePlace(string? gold, string? predicted)
    {
        if (gold is null || predicted is null) return gold is null && predicted is null;
        if (NormalizePlace(gold) == NormalizePlace(predicted)) return true;
        return reference.Gazetteer.SamePlace(gold, predicted);
    }

    private static string NormalizePlace(string place)
    {
        var words = place.ToLowerInvariant().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !DroppedPlaceWords.Contains(w));
        return string.Join(' ', words);
    }

    /// <summary>Equal at gold's precision: gold "2011" matches any day of 2011; a null in gold only matches null.</summary>
    public static bool SameDate(PartialDate? gold, PartialDate? predicted)
    {
        if (gold is null || predicted is null) return gold is null && predicted is null;
        var g = gold.Value;
        var p = predicted.Value;
        return p.Precision <= g.Precision && p.Truncate(g.Precision) == g.Truncate(g.Precision);
    }

    private sealed class Tally
    {
        private readonly Dictionary<string, (int Correct, int Total)> attributes = new(StringComparer.Ordinal);
        public int Gold { get; set; }
        public int Predicted { get; set; }
        public int Matched { get; set; }
        public List<UnmatchedClaim> Missed { get; } = [];
        public List<UnmatchedClaim> Spurious { get; } = [];
        public List<AttributeMismatch> Mismatches { get; } = [];

        public void Count(string attribute, bool correct, string document, string? gold, string? predicted, string quote)
        {
            var (c, t) = attributes.GetValueOrDefault(attribute);
            attributes[attribute] = (c + (correct ? 1 : 0), t + 1);
            if (!correct) Mismatches.Add(new AttributeMismatch(document, attribute, gold, predicted, quote));
        }

        public EvalReport ToReport(int documents)
        {
            var precision = Predicted == 0 ? (Gold == 0 ? 1 : 0) : (double)Matched / Predicted;
            var recall = Gold == 0 ? 1 : (double)Matched / Gold;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            return new EvalReport(documents, Gold, Predicted, Matched, precision, recall, f1,
                new AttributeAccuracy(Of("source"), Of("perpetrator_side"), Of("place"), Of("start"), Of("end"), Of("parent")),
                Missed, Spurious, Mismatches);
        }

        private double? Of(string attribute) =>
            attributes.TryGetValue(attribute, out var counts) && counts.Total > 0 ? (double)counts.Correct / counts.Total : null;
    }
}
