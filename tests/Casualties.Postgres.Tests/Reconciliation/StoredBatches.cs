using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace Casualties.Postgres.Tests.Reconciliation;

/// <summary>One generated stored claim as small numbers FsCheck can shrink towards an exact one-day figure of people killed.</summary>
internal sealed record StoredClaimSpec(int Document, int Low, int Gap, bool Open, bool Civilians, int Source, int Side, int Place, bool Tally, int Day, bool Injured)
{
    private static readonly string[] Places = ["syria", "syria.aleppo", "syria.aleppo.east", "syria.aleppo.west", "syria.idlib", "iraq.mosul"];
    private static readonly string?[] Sources = ["Syrian Observatory for Human Rights", "Syrian Arab News Agency", "UN", null];
    private static readonly string?[] Sides = ["government", "opposition", null];

    public ClaimRow Row(int batch, int ordinal)
    {
        var day = new DateOnly(2016, 11, 1).AddDays(Day);
        return new ClaimRow($"doc-{batch}-{Document}", ordinal, Low, Open ? null : Low + Gap, Open ? "at_least" : Gap == 0 ? "exact" : "range",
            Victims: Civilians ? "civilians" : "people", Source: Sources[Source], Side: Sides[Side], Place: Places[Place],
            Start: Tally ? "2016-11-01" : Iso(day), End: Tally ? Iso(day.AddDays(5)) : null, Cumulative: Tally,
            Reported: Iso(day.AddDays(6)), Outcome: Injured ? "injured" : "killed");
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static readonly Gen<StoredClaimSpec> Gen =
        from document in FsCheck.Fluent.Gen.Choose(0, 9)
        from low in FsCheck.Fluent.Gen.Choose(1, 300)
        from gap in FsCheck.Fluent.Gen.Frequency((1, FsCheck.Fluent.Gen.Constant(0)), (2, FsCheck.Fluent.Gen.Choose(1, 20)))
        from open in FsCheck.Fluent.Gen.Frequency((1, FsCheck.Fluent.Gen.Constant(true)), (2, FsCheck.Fluent.Gen.Constant(false)))
        from civilians in FsCheck.Fluent.Gen.Frequency((1, FsCheck.Fluent.Gen.Constant(true)), (3, FsCheck.Fluent.Gen.Constant(false)))
        from source in FsCheck.Fluent.Gen.Choose(0, Sources.Length - 1)
        from side in FsCheck.Fluent.Gen.Choose(0, Sides.Length - 1)
        from place in FsCheck.Fluent.Gen.Choose(0, Places.Length - 1)
        from tally in FsCheck.Fluent.Gen.Frequency((1, FsCheck.Fluent.Gen.Constant(true)), (3, FsCheck.Fluent.Gen.Constant(false)))
        from day in FsCheck.Fluent.Gen.Choose(0, 29)
        from injured in FsCheck.Fluent.Gen.Frequency((1, FsCheck.Fluent.Gen.Constant(true)), (4, FsCheck.Fluent.Gen.Constant(false)))
        select new StoredClaimSpec(document, low, gap, open, civilians, source, side, place, tally, day, injured);

    public IEnumerable<StoredClaimSpec> Plainer()
    {
        if (Open) yield return this with { Open = false };
        if (Gap != 0) yield return this with { Gap = 0 };
        if (Low > 1) yield return this with { Low = Low / 2 };
        if (Tally) yield return this with { Tally = false };
        if (Injured) yield return this with { Injured = false };
        if (Civilians) yield return this with { Civilians = false };
        if (Place != 0) yield return this with { Place = 0 };
        if (Source != 0) yield return this with { Source = 0 };
        if (Side != 0) yield return this with { Side = 0 };
        if (Day != 0) yield return this with { Day = Day / 2 };
        if (Document != 0) yield return this with { Document = 0 };
    }
}

/// <summary>Claims stored in batches (a reconcile after each), then the <see cref="Deleted"/> lowest ids deleted.</summary>
internal sealed record StoredBatches(IReadOnlyList<IReadOnlyList<StoredClaimSpec>> Batches, int Deleted)
{
    public IEnumerable<ClaimRow> Rows(int batch) => Batches[batch].Select((spec, ordinal) => spec.Row(batch, ordinal));

    /// <summary>The rows of every batch, in order.</summary>
    public IEnumerable<ClaimRow> AllRows() => Enumerable.Range(0, Batches.Count).SelectMany(Rows);

    public override string ToString() => $"delete {Deleted} after\n" + string.Join("\n", Batches.Select((batch, b) =>
        $"batch {b}:\n  " + string.Join("\n  ", Enumerable.Range(0, batch.Count).Select(i => Rows(b).ElementAt(i)))));

    public static Arbitrary<StoredBatches> Arbitrary() => Arb.From(
        from batchCount in Gen.Choose(1, 3)
        from batches in Gen.Choose(1, 40).SelectMany(count => StoredClaimSpec.Gen.ListOf(count)).ListOf(batchCount)
        from deleted in Gen.Choose(0, 4)
        select new StoredBatches(batches.Select(b => (IReadOnlyList<StoredClaimSpec>)b.ToList()).ToList(), deleted),
        Shrink);

    private static IEnumerable<StoredBatches> Shrink(StoredBatches stored)
    {
        if (stored.Deleted > 0) yield return stored with { Deleted = 0 };
        var batches = stored.Batches;
        for (var b = 0; b < batches.Count; b++)
        {
            if (batches.Count > 1) yield return stored with { Batches = [.. batches.Take(b), .. batches.Skip(b + 1)] };
            var batch = batches[b];
            if (batch.Count <= 1) continue;
            IEnumerable<IReadOnlyList<StoredClaimSpec>> smaller =
            [
                batch.Take(batch.Count / 2).ToList(), batch.Skip(batch.Count / 2).ToList(),
                .. Enumerable.Range(0, batch.Count).Select(i => (IReadOnlyList<StoredClaimSpec>)[.. batch.Take(i), .. batch.Skip(i + 1)]),
            ];
            foreach (var fewer in smaller) yield return stored with { Batches = [.. batches.Take(b), fewer, .. batches.Skip(b + 1)] };
        }
        for (var b = 0; b < batches.Count; b++)
        {
            for (var i = 0; i < batches[b].Count; i++)
            {
                foreach (var plainer in batches[b][i].Plainer())
                {
                    IReadOnlyList<StoredClaimSpec> batch = [.. batches[b].Take(i), plainer, .. batches[b].Skip(i + 1)];
                    yield return stored with { Batches = [.. batches.Take(b), batch, .. batches.Skip(b + 1)] };
                }
            }
        }
    }
}
