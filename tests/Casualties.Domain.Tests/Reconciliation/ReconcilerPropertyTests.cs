using Casualties.Domain.Reconciliation;
using FsCheck;
using FsCheck.Fluent;
using static Casualties.Domain.Tests.PropertyChecks;
using static Casualties.Domain.Tests.Reconciliation.TestClaims;

namespace Casualties.Domain.Tests.Reconciliation;

/// <summary>
/// Properties over generated claims (FsCheck, <see cref="ClaimSet"/>): a failure prints the smallest set of claims
/// it shrank to, and the seed that replays it. Bounds, order, duplicates, partitions and totals.
/// </summary>
[Property("Issue", "8")]
[Property("Issue", "12")]
public sealed class ReconcilerPropertyTests
{
    private const int Cases = 60;

    private static string Canonical(ReconciliationResult result) => string.Join('\n',
        result.Incidents.Select(i => $"{i.Key} {i.Kind} {i.PlaceKey} {i.Start} {i.End} {i.PerpetratorSide} {i.ContainedIn} [{string.Join(',', i.Contains)}] " +
            string.Join(';', i.Figures.Select(f => $"{f.Victims}/{f.Low}/{f.Best}/{f.High}/{f.ConsensusLow}/{f.ConsensusHigh}/{string.Join(',', f.Sources.Select(s => s.ClaimId))}")) +
            string.Join(';', i.Members.Select(m => $"{m.ClaimId}:{m.Rule}:{m.Superseded}"))))
        + "\n" + Totals(result) + "\n" + string.Join('\n', result.Flags.Select(f => $"{f.Kind} {f.IncidentKey} {string.Join(',', f.ClaimIds)} {f.Explanation}"));

    private static string Totals(ReconciliationResult result) => string.Join('\n',
        result.Totals.Select(t => $"{t.PerpetratorSide} {t.Outcome} {t.Victims} {t.VictimSide} {t.PlaceKey} {t.Period} {t.Start} {t.Low} {t.Best} {t.High} {t.Method}"));

    [Test]
    public void Low_never_exceeds_best_nor_best_high() => Check(ClaimSet.Arbitrary(), set =>
    {
        var result = Reconciler().Reconcile(set.Claims());
        return None(result.Incidents.SelectMany(i => i.Figures.Select(f => (i.Key, f)))
                .Where(p => !(p.f.Low <= p.f.Best && p.f.Best <= p.f.High)).Select(p => $"{p.Key} {p.f.Victims}: {p.f.Low} {p.f.Best} {p.f.High}"), "figures out of order")
            .And(None(result.Totals.Where(t => !(t.Low <= t.Best && t.Best <= t.High)).Select(t => t.ToString()), "totals out of order"));
    }, Cases);

    [Test]
    public void The_same_claims_in_any_order_give_the_same_result() => Check(ClaimSet.Arbitrary(), set =>
    {
        var claims = set.Claims();
        var expected = Canonical(Reconciler().Reconcile(claims));
        return Same(Canonical(Reconciler().Reconcile(set.Shuffled())), expected, "shuffled")
            .And(Same(Canonical(Reconciler().Reconcile(claims.AsEnumerable().Reverse().ToList())), expected, "reversed"));
    }, Cases);

    [Test]
    public void Ingesting_the_same_claims_again_leaves_the_totals_unchanged() => Check(ClaimSet.Arbitrary(), set =>
    {
        var claims = set.Claims();
        var offset = claims.Max(c => c.Id);
        var again = claims.Select(c => c with { Id = c.Id + offset, ParentId = c.ParentId + offset });
        return Same(Totals(Reconciler().Reconcile(claims.Concat(again).ToList())), Totals(Reconciler().Reconcile(claims)), "totals");
    }, Cases);

    /// <summary>What makes an incremental run (recompute only the partitions whose claims changed) equal to a full one.</summary>
    [Test]
    public void Each_partition_reconciled_alone_gives_what_the_whole_run_gives() => Check(ClaimSet.Arbitrary(), set =>
    {
        var claims = set.Claims();
        var reconciler = Reconciler();
        var whole = reconciler.Reconcile(claims);
        var pieces = claims.GroupBy(reconciler.PartitionOf).OrderBy(g => g.Key).Select(g => reconciler.ReconcilePartition(g.ToList())).ToList();
        var joined = new ReconciliationResult(pieces.SelectMany(p => p.Incidents).ToList(), pieces.SelectMany(p => p.Totals).ToList(), pieces.SelectMany(p => p.Flags).ToList());
        return Same(Canonical(joined), Canonical(whole), "partitions alone");
    }, Cases);

    /// <summary>
    /// A per-side total over a place (in any period) never exceeds the sum of the highs of the incidents it may
    /// count — those of its outcome and side at the place or inside it, each at its largest figure — nor counts
    /// more incidents than there are.
    /// </summary>
    [Test]
    public void A_total_never_exceeds_the_sum_of_its_incidents_highs() => Check(ClaimSet.Arbitrary(), set =>
    {
        var reconciler = Reconciler();
        var result = reconciler.Reconcile(set.Claims());
        return None(result.Totals.Select(total =>
        {
            var counted = result.Incidents.Where(i => i.Outcome == total.Outcome && i.PerpetratorSide == total.PerpetratorSide
                && (total.PlaceKey is null ? i.PlaceKey is null : i.PlaceKey is not null && reconciler.Places.AncestryOf(i.PlaceKey).Contains(total.PlaceKey)))
                .ToList();
            var highs = counted.Sum(i => (long)i.Figures.Max(f => f.High));
            return total.High <= highs && total.Incidents <= counted.Count ? null
                : $"{total.PerpetratorSide} {total.Victims} {total.PlaceKey} {total.Period} {total.Start}: high {total.High} of {total.Incidents} incidents > {highs} of {counted.Count}";
        }).OfType<string>(), "totals above their incidents");
    }, Cases);
}
