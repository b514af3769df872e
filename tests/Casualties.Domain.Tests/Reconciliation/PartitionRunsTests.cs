using Casualties.Domain.Model;
using Casualties.Domain.Reconciliation;

using FsCheck.Fluent;
using static Casualties.Domain.Tests.PropertyChecks;
using static Casualties.Domain.Tests.Reconciliation.TestClaims;

namespace Casualties.Domain.Tests.Reconciliation;

/// <summary>
/// A partition split into runs (<see cref="PartitionRuns"/>) and reconciled run by run (<see cref="PartitionReconciliation"/>)
/// gives exactly what it gives reconciled whole (issue 14): every incident with its members, figures, containers and
/// what it contains, every total and every flag.
/// </summary>
[Property("Issue", "14")]
public sealed class PartitionRunsTests
{
    private const int Cases = 80;

    private static string Canonical(ReconciliationResult result) => string.Join('\n',
        result.Incidents.Select(i => $"{i.Key} {i.Kind} {i.PlaceKey} {i.PlaceName} {i.Start} {i.End} {i.PerpetratorSide} {i.ContainedIn} [{string.Join(',', i.Contains)}] " +
            string.Join(';', i.Figures.Select(f => $"{f.Victims}/{f.VictimSide}/{f.Headline}/{f.Low}/{f.Best}/{f.High}/{f.HasConsensus}/{f.ConsensusLow}/{f.ConsensusHigh}/{string.Join(',', f.Sources.Select(s => $"{s.ClaimId}:{s.Low}:{s.High}"))}")) + " " +
            string.Join(';', i.Members.Select(m => $"{m.ClaimId}:{m.Rule}:{m.Superseded}:{m.Victims}:{m.VictimSide}"))))
        + "\n" + string.Join('\n', result.Totals.Select(t => $"{t.PerpetratorSide} {t.Outcome} {t.Victims} {t.VictimSide} {t.PlaceKey} {t.Period} {t.Start} {t.End} {t.Low} {t.Best} {t.High} {t.Method} {t.Incidents}"))
        + "\n" + string.Join('\n', result.Flags.Select(f => $"{f.Kind} {f.Severity} {f.IncidentKey} {f.PlaceKey} {string.Join(',', f.ClaimIds)} {string.Join(',', f.Sources)} {f.Explanation}"));

    /// <summary>
    /// Generated claims made denser in what crosses days: a fifth of the events become rows of four dataset events
    /// whose rows are dated apart (one to three days), some events last two or three days, two share coordinates.
    /// </summary>
    private static List<ClaimRecord> WithDatasetEvents(List<ClaimRecord> claims) => claims.ConvertAll(c =>
    {
        if (c.ParentId is not null || c.Claim.Cumulative) return c;
        var day = c.Claim.Period.Start!.Value.Date;
        return (c.Id % 5) switch
        {
            0 => c with
            {
                EventKey = $"ev{c.Id % 20 / 5}", Document = $"ged:{c.Id}", Best = c.Claim.Quantity.Low,
                Claim = c.Claim with
                {
                    Period = new DatePeriod(PartialDate.Day(day.AddDays((int)(c.Id % 3))), PartialDate.Day(day.AddDays((int)(c.Id % 3) + (int)(c.Id % 2)))),
                },
            },
            1 when c.Id % 3 == 0 => c with
            {
                Claim = c.Claim with { Period = c.Claim.Period with { End = PartialDate.Day(day.AddDays(2)) } }, EventKey = $"long{c.Id}", Document = $"acled:{c.Id}",
            },
            2 when c.Id % 4 == 0 => c with { Latitude = 36.2, Longitude = 37.15 },
            _ => c,
        };
    });

    /// <summary>The partition reconciled in the runs <see cref="PartitionRuns.Split"/> makes, ordered as <see cref="Reconciler.ReconcilePartition"/> orders.</summary>
    private static (ReconciliationResult Result, int Chunks) InRuns(Reconciler reconciler, List<ClaimRecord> claims, int claimsPerChunk)
    {
        var chunks = PartitionRuns.Split(claims.ConvertAll(ClaimOutline.Of), reconciler.IsOverridden, claimsPerChunk);
        var byId = claims.ToDictionary(c => c.Id);
        var partition = new PartitionReconciliation(reconciler, claims[0].Claim.Outcome);
        var (incidents, flags) = (new List<Incident>(), new List<ConflictFlag>());
        foreach (var chunk in chunks)
        {
            var run = partition.Add(chunk.Select(id => byId[id]).ToList());
            incidents.AddRange(run.Incidents);
            flags.AddRange(run.Flags);
        }
        var end = partition.Finish();
        incidents.AddRange(end.Incidents);
        flags.AddRange(end.Flags);
        return (new ReconciliationResult(
            incidents.OrderBy(i => i.Key, StringComparer.Ordinal).ToList(),
            end.Totals,
            flags.OrderBy(f => f.IncidentKey, StringComparer.Ordinal).ThenBy(f => f.Kind).ThenBy(f => string.Join(',', f.ClaimIds), StringComparer.Ordinal).ToList()),
            chunks.Count);
    }

    [Test]
    public void A_partition_in_runs_gives_what_it_gives_whole() => Check(ClaimSet.Arbitrary(), set =>
    {
        var reconciler = Reconciler();
        var property = Same("", "", "nothing");
        foreach (var partition in WithDatasetEvents(set.Claims()).GroupBy(reconciler.PartitionOf))
        {
            var claims = partition.ToList();
            var whole = Canonical(reconciler.ReconcilePartition(claims));
            // One claim a chunk: every run of overlapping events alone (the tallies with the first).
            var (runs, _) = InRuns(reconciler, claims, claimsPerChunk: 1);
            var (chunked, _) = InRuns(reconciler, claims, claimsPerChunk: 7);
            property = property.And(Same(Canonical(runs), whole, $"{partition.Key} in runs")).And(Same(Canonical(chunked), whole, $"{partition.Key} in chunks of 7"));
        }
        return property;
    }, Cases);

    [Test]
    public void The_runs_hold_every_claim_once_with_the_tallies_first() => Check(ClaimSet.Arbitrary(), set =>
    {
        var claims = WithDatasetEvents(set.Claims());
        var chunks = PartitionRuns.Split(claims.ConvertAll(ClaimOutline.Of), _ => false, 1);
        var ids = chunks.SelectMany(c => c).ToList();
        var tallies = claims.Where(c => c.ParentId is null && c.IsTally()).Select(c => c.Id).ToList();
        return Same(string.Join(',', ids.Order()), string.Join(',', claims.Select(c => c.Id).Order()), "every claim once")
            .And(None(tallies.Where(id => !chunks[0].Contains(id)).Select(id => $"tally {id} outside the first run"), "tallies"));
    }, Cases);

    /// <summary>
    /// A chunk after the first is read from the partition's claims in day order, each claim to the chunk whose days it
    /// lies in (issue 14): every claim of such a chunk starts on or after its first day and before the next chunk's.
    /// </summary>
    [Test]
    public void Each_claim_of_a_chunk_after_the_first_starts_in_its_chunks_days() => Check(ClaimSet.Arbitrary(), set =>
    {
        var claims = WithDatasetEvents(set.Claims());
        var byId = claims.ToDictionary(c => c.Id);
        var chunks = PartitionRuns.SplitChunks(claims.ConvertAll(ClaimOutline.Of), _ => false, 2);
        var outside = new List<string>();
        for (var c = 1; c < chunks.Count; c++)
        {
            var end = c + 1 < chunks.Count ? chunks[c + 1].FirstDay : int.MaxValue;
            foreach (var id in chunks[c].Ids)
            {
                var day = byId[id].Window().First.DayNumber;
                if (day < chunks[c].FirstDay || day >= end) outside.Add($"claim {id} (day {day}) outside chunk {c} [{chunks[c].FirstDay}, {end})");
            }
        }
        return None(outside, "claims outside their chunk's days");
    }, Cases);

    [Test]
    public void Events_on_days_apart_are_runs_apart_and_a_dataset_event_spans_its_rows_days()
    {
        var claims = new List<ClaimRecord>
        {
            Claim(5, id: 1, start: "2020-01-01"),
            Claim(6, id: 2, start: "2020-01-03", eventKey: "e1", document: "ged:1"),
            Claim(7, id: 3, start: "2020-01-05", eventKey: "e1", document: "ged:2"),
            Claim(8, id: 4, start: "2020-01-04"),
            Claim(9, id: 5, start: "2020-01-09"),
            Claim(3, id: 6, start: "2020-01-10", parent: 5),
            Claim(4, id: 7, start: "2020-01-10"),
            Claim(40, id: 8, start: "2020-01-01", end: "2020-01-31", cumulative: true, place: "syria"),
        };
        var chunks = PartitionRuns.Split(claims.ConvertAll(ClaimOutline.Of), _ => false, 1);
        // The tally first, alone (a chunk is full at one claim); the event id's rows (days 3 and 5) hold day 4's event in their run;
        // claim 5's subset dated day 10 holds day 10's event in its run.
        Assert.That(chunks.Select(c => string.Join(',', c)), Is.EqualTo(new[] { "8", "1", "2,3,4", "5,6,7" }));
        var reconciler = Reconciler();
        Assert.That(Canonical(InRuns(reconciler, claims, 1).Result), Is.EqualTo(Canonical(reconciler.ReconcilePartition(claims))));
    }

    /// <summary>
    /// A dense partition's shape (issue 14): 70,000 dataset events of three rows over a year, a day each. Two event ids
    /// taken for one would gather the days between them into one run, as a 32-bit hash of the ids did.
    /// </summary>
    [Test]
    public void Seventy_thousand_events_of_a_day_each_split_into_chunks_no_larger_than_asked()
    {
        var first = new DateOnly(2020, 1, 1);
        var outlines = new List<ClaimOutline>();
        for (var g = 0; g < 70_000; g++)
        {
            var day = first.AddDays(g % 365);
            for (var k = 0; k < 3; k++)
            {
                outlines.Add(new ClaimOutline(3L * g + k, null, new DayWindow(day, day), Tally: false, HasEventKey: true, ClaimOutline.HashOf("ev" + g)));
            }
        }
        var chunks = PartitionRuns.Split(outlines, _ => false, 15_000);
        Assert.That(chunks.Max(c => c.Length), Is.LessThanOrEqualTo(15_000));
        Assert.That(chunks.Sum(c => c.Length), Is.EqualTo(210_000));
    }

    /// <summary>
    /// The first chunk says how many of its claims are tallies' (issue 14, session 14): the partition keeps its tallies to
    /// its end, and a reader counts them in memory until then. A subset of a tally is a tally's claim; an event is not.
    /// </summary>
    [Test]
    public void The_first_chunk_counts_its_tallies_claims_and_no_other_chunk_does()
    {
        var first = new DateOnly(2020, 1, 1);
        var month = new DayWindow(first, first.AddDays(30));
        var outlines = new List<ClaimOutline>
        {
            new(1, null, month, Tally: true, HasEventKey: false, 0),
            new(2, 1, month, Tally: true, HasEventKey: false, 0),
            new(3, null, month, Tally: true, HasEventKey: false, 0),
        };
        for (var e = 0; e < 10; e++)
        {
            var day = first.AddDays(2 * e);
            outlines.Add(new ClaimOutline(10 + e, null, new DayWindow(day, day), Tally: false, HasEventKey: false, 0));
        }

        var chunks = PartitionRuns.SplitChunks(outlines, _ => false, 4);

        Assert.That(chunks.Select(c => c.TallyClaims), Is.EqualTo(new[] { 3 }.Concat(Enumerable.Repeat(0, chunks.Count - 1))));
        Assert.That(chunks[0].Ids, Has.Length.EqualTo(4), "the tallies and one event");
    }

    [Test]
    public void A_partition_with_a_users_correction_is_one_run()
    {
        var claims = new List<ClaimRecord> { Claim(5, id: 1, start: "2020-01-01"), Claim(6, id: 2, start: "2020-03-01") };
        var reconciler = Reconciler(overrides: [new IncidentOverride(2, OverrideAction.Pin, "killed-1", null)]);
        var chunks = PartitionRuns.Split(claims.ConvertAll(ClaimOutline.Of), reconciler.IsOverridden, 1);
        Assert.That(chunks, Has.Count.EqualTo(1));
        Assert.That(Canonical(InRuns(reconciler, claims, 1).Result), Is.EqualTo(Canonical(reconciler.ReconcilePartition(claims))));
    }

    [Test]
    public void A_tally_after_the_first_run_is_refused()
    {
        var partition = new PartitionReconciliation(Reconciler(), Model.Outcome.Killed);
        partition.Add([Claim(5, id: 1, start: "2020-01-01")]);
        Assert.Throws<InvalidOperationException>(() => partition.Add([Claim(40, id: 2, start: "2020-01-01", end: "2020-01-31", cumulative: true)]));
    }
}
