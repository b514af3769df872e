using Casualties.Domain.Model;
using Casualties.Domain.Reconciliation;
using NUnit.Framework;
using static Casualties.Domain.Tests.Reconciliation.TestClaims;

namespace Casualties.Domain.Tests.Reconciliation;

/// <summary>Properties over generated claims (seeded, so a failure replays): bounds, order and duplicates.</summary>
[Property("Issue", "8")]
public sealed class ReconcilerPropertyTests
{
    private static readonly string[] PlaceKeys = ["syria", "syria.aleppo", "syria.aleppo.east", "syria.aleppo.west", "syria.idlib", "syria.maarat", "iraq.mosul"];
    private static readonly string[] Sources = [Sohr, Sana, "UN", "Airwars", "ACLED"];
    private static readonly string?[] Sides = ["government", "opposition", null];
    private static readonly string[] Victims = [VictimGroups.People, VictimGroups.Civilians, VictimGroups.Children];

    /// <summary>A realistic jumble: events and running tallies, parents and subsets, vague and open-ended figures.</summary>
    public static List<ClaimRecord> Generate(int seed, int count)
    {
        var random = new Random(seed);
        var claims = new List<ClaimRecord>(count);
        for (var i = 0; i < count; i++)
        {
            var id = seed * 100000L + i + 1;
            var day = new DateOnly(2016, 11, 1).AddDays(random.Next(40));
            var tally = random.Next(4) == 0;
            var low = random.Next(0, 400);
            var qualifier = (Qualifier)random.Next(Enum.GetValues<Qualifier>().Length);
            int? high = qualifier switch
            {
                Qualifier.AtLeast or Qualifier.MoreThan => null,
                Qualifier.Exact => low,
                _ => low + random.Next(0, 60),
            };
            var parent = claims.Count > 0 && random.Next(6) == 0 ? claims[random.Next(claims.Count)] : null;
            claims.Add(Claim(low, high, qualifier,
                victims: parent is null ? Victims[random.Next(Victims.Length)] : VictimGroups.Children,
                source: Sources[random.Next(Sources.Length)], reliability: 0.2 + random.NextDouble() * 0.8,
                side: parent?.PerpetratorSide ?? Sides[random.Next(Sides.Length)],
                place: parent?.PlaceKey ?? PlaceKeys[random.Next(PlaceKeys.Length)],
                start: parent?.Start?.ToString() ?? (tally ? "2016-11-15" : day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                end: parent?.End?.ToString() ?? (tally ? day.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null),
                cumulative: parent?.Cumulative ?? tally,
                reported: day.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                document: $"doc-{random.Next(count / 3 + 1)}", position: random.Next(50), parent: parent?.Id, id: id,
                outcome: random.Next(5) == 0 ? Outcome.Injured : Outcome.Killed));
        }
        return claims;
    }

    private static string Canonical(ReconciliationResult result) => string.Join('\n',
        result.Incidents.Select(i => $"{i.Key} {i.Kind} {i.PlaceKey} {i.Start} {i.End} {i.PerpetratorSide} {i.ContainedIn} [{string.Join(',', i.Contains)}] " +
            string.Join(';', i.Figures.Select(f => $"{f.Victims}/{f.Low}/{f.Best}/{f.High}/{f.ConsensusLow}/{f.ConsensusHigh}/{string.Join(',', f.Sources.Select(s => s.ClaimId))}")) +
            string.Join(';', i.Members.Select(m => $"{m.ClaimId}:{m.Rule}:{m.Superseded}"))))
        + "\n" + Totals(result) + "\n" + string.Join('\n', result.Flags.Select(f => $"{f.Kind} {f.IncidentKey} {string.Join(',', f.ClaimIds)} {f.Explanation}"));

    private static string Totals(ReconciliationResult result) => string.Join('\n',
        result.Totals.Select(t => $"{t.PerpetratorSide} {t.Outcome} {t.Victims} {t.VictimSide} {t.PlaceKey} {t.Period} {t.Start} {t.Low} {t.Best} {t.High} {t.Method}"));

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    [TestCase(5)]
    public void Low_never_exceeds_best_nor_best_high(int seed)
    {
        var result = Reconciler().Reconcile(Generate(seed, 400));
        Assert.That(result.Incidents.SelectMany(i => i.Figures).Where(f => !(f.Low <= f.Best && f.Best <= f.High)), Is.Empty);
        Assert.That(result.Totals.Where(t => !(t.Low <= t.Best && t.Best <= t.High)), Is.Empty);
    }

    [TestCase(11)]
    [TestCase(12)]
    [TestCase(13)]
    public void The_same_claims_in_any_order_give_the_same_result(int seed)
    {
        var claims = Generate(seed, 400);
        var expected = Canonical(Reconciler().Reconcile(claims));
        var shuffled = claims.ToArray();
        new Random(seed).Shuffle(shuffled);
        Assert.That(Canonical(Reconciler().Reconcile(shuffled)), Is.EqualTo(expected));
        Assert.That(Canonical(Reconciler().Reconcile(claims.AsEnumerable().Reverse().ToList())), Is.EqualTo(expected));
    }

    [TestCase(21)]
    [TestCase(22)]
    public void Ingesting_the_same_claims_again_leaves_the_totals_unchanged(int seed)
    {
        var claims = Generate(seed, 300);
        var offset = claims.Max(c => c.Id);
        var again = claims.Select(c => c with { Id = c.Id + offset, ParentId = c.ParentId + offset });
        var expected = Totals(Reconciler().Reconcile(claims));
        Assert.That(Totals(Reconciler().Reconcile(claims.Concat(again).ToList())), Is.EqualTo(expected));
    }

    [TestCase(31)]
    [TestCase(32)]
    public void Each_partition_reconciled_alone_gives_what_the_whole_run_gives(int seed)
    {
        var claims = Generate(seed, 400);
        var reconciler = Reconciler();
        var whole = reconciler.Reconcile(claims);
        var pieces = claims.GroupBy(reconciler.PartitionOf).OrderBy(g => g.Key).Select(g => reconciler.ReconcilePartition(g.ToList())).ToList();
        var joined = new ReconciliationResult(pieces.SelectMany(p => p.Incidents).ToList(), pieces.SelectMany(p => p.Totals).ToList(), pieces.SelectMany(p => p.Flags).ToList());
        Assert.That(Canonical(joined), Is.EqualTo(Canonical(whole)));
    }
}
