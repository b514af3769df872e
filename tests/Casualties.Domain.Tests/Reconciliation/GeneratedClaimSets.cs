using System.Globalization;
using Casualties.Domain.Model;
using Casualties.Domain.Reconciliation;
using FsCheck;
using FsCheck.Fluent;
using static Casualties.Domain.Tests.Reconciliation.TestClaims;

namespace Casualties.Domain.Tests.Reconciliation;

/// <summary>
/// One generated claim as a handful of small numbers, so that FsCheck can shrink it towards the plainest claim:
/// an exact figure of people killed, at the first place, first source and first day.
/// </summary>
/// <remarks>
/// <see cref="ParentBack"/> 0 means no parent, k the claim k places earlier in the set (the subset takes its parent's
/// place, side and window). <see cref="Order"/> is the claim's sort key in a shuffled reading of the set.
/// </remarks>
public sealed record ClaimSpec(
    int Place, int Source, int Side, int Victims, int Qualifier, int Value, int Spread, int Day, bool Tally,
    int ParentBack, int Document, int Position, int Reliability, bool Injured, int Order)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"(place {Place}, source {Source}, side {Side}, victims {Victims}, {(Qualifier)Qualifier} {Value}+{Spread}, day {Day}, " +
        $"{(Tally ? "tally" : "event")}, parent -{ParentBack}, doc {Document}.{Position}, rel {Reliability}, {(Injured ? "injured" : "killed")}, order {Order})");
}

/// <summary>A generated set of claims: events and running tallies, parents and subsets, vague and open-ended figures.</summary>
public sealed record ClaimSet(IReadOnlyList<ClaimSpec> Specs)
{
    private static readonly string[] PlaceKeys = ["syria", "syria.aleppo", "syria.aleppo.east", "syria.aleppo.west", "syria.idlib", "syria.maarat", "iraq.mosul"];
    private static readonly string[] Sources = [Sohr, Sana, "UN", "Airwars", "ACLED"];
    private static readonly string?[] Sides = ["government", "opposition", null];
    private static readonly string[] VictimGroupNames = [VictimGroups.People, VictimGroups.Civilians, VictimGroups.Children];
    private static readonly (string Phrase, int Low, int High)[] Vague = [("several", 3, 9), ("dozens", 24, 99), ("hundreds", 200, 999)];
    private static readonly DateOnly FirstDay = new(2016, 11, 1);

    /// <summary>The claims, with ids from <paramref name="firstId"/> in the order of <see cref="Specs"/>.</summary>
    public List<ClaimRecord> Claims(long firstId = 1)
    {
        var claims = new List<ClaimRecord>(Specs.Count);
        for (var i = 0; i < Specs.Count; i++)
        {
            var spec = Specs[i];
            var parent = spec.ParentBack > 0 && i - spec.ParentBack >= 0 ? claims[i - spec.ParentBack] : null;
            var day = FirstDay.AddDays(spec.Day);
            var qualifier = (Qualifier)spec.Qualifier;
            var quantity = qualifier switch
            {
                Qualifier.Range => Quantity.Between(spec.Value, spec.Value + spec.Spread),
                Qualifier.Vague => Quantity.VagueWords(Vague[spec.Spread % Vague.Length].Phrase, Vague[spec.Spread % Vague.Length].Low, Vague[spec.Spread % Vague.Length].High),
                _ => Quantity.Of(qualifier, spec.Value),
            };
            claims.Add(Claim(quantity.Low, quantity.High, qualifier, value: quantity.Value,
                victims: parent is null ? VictimGroupNames[spec.Victims] : VictimGroups.Children,
                source: Sources[spec.Source], reliability: 0.2 + spec.Reliability * 0.1,
                side: parent is null ? Sides[spec.Side] : parent.Claim.PerpetratorSide,
                place: parent is null ? PlaceKeys[spec.Place] : parent.PlaceKey,
                start: parent?.Claim.Period.Start?.ToString() ?? (spec.Tally ? "2016-11-15" : Iso(day)),
                end: parent?.Claim.Period.End?.ToString() ?? (spec.Tally ? Iso(day.AddDays(10)) : null),
                cumulative: parent?.Claim.Cumulative ?? spec.Tally,
                reported: Iso(day.AddDays(10)), document: $"doc-{spec.Document}", position: spec.Position,
                parent: parent?.Id, id: firstId + i, outcome: spec.Injured ? Model.Outcome.Injured : Model.Outcome.Killed));
        }
        return claims;
    }

    /// <summary>The same claims read in another order: by each spec's <see cref="ClaimSpec.Order"/>, ties as generated.</summary>
    public List<ClaimRecord> Shuffled(long firstId = 1) =>
        Claims(firstId).Select((claim, i) => (claim, i)).OrderBy(p => Specs[p.i].Order).ThenBy(p => p.i).Select(p => p.claim).ToList();

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public override string ToString() => $"{Specs.Count} claims:\n  " + string.Join("\n  ", Specs);

    private static readonly Gen<ClaimSpec> SpecGen =
        from place in Gen.Choose(0, PlaceKeys.Length - 1)
        from source in Gen.Choose(0, Sources.Length - 1)
        from side in Gen.Choose(0, Sides.Length - 1)
        from victims in Gen.Choose(0, VictimGroupNames.Length - 1)
        from qualifier in Gen.Choose(0, Enum.GetValues<Qualifier>().Length - 1)
        from value in Gen.Frequency((3, Gen.Choose(1, 400)), (1, Gen.Choose(0, 5)))
        from spread in Gen.Choose(0, 60)
        from day in Gen.Choose(0, 39)
        from tally in Gen.Frequency((1, Gen.Constant(true)), (3, Gen.Constant(false)))
        from parentBack in Gen.Frequency((5, Gen.Constant(0)), (1, Gen.Choose(1, 20)))
        from document in Gen.Choose(0, 40)
        from position in Gen.Choose(0, 49)
        from reliability in Gen.Choose(0, 8)
        from injured in Gen.Frequency((1, Gen.Constant(true)), (4, Gen.Constant(false)))
        from order in Gen.Choose(0, 1000)
        select new ClaimSpec(place, source, side, victims, qualifier, value, spread, day, tally, parentBack, document, position, reliability, injured, order);

    /// <summary>Up to three claims per unit of FsCheck's size (so up to 300 at the default end size of 100).</summary>
    public static Arbitrary<ClaimSet> Arbitrary() => Arb.From(
        Gen.Sized(size => Gen.Choose(1, Math.Max(1, 3 * size)).SelectMany(count => SpecGen.ListOf(count)))
            .Select(specs => new ClaimSet(specs.ToList())),
        Shrink);

    /// <summary>Smaller sets first (halves, then one claim fewer), then each claim a step plainer.</summary>
    private static IEnumerable<ClaimSet> Shrink(ClaimSet set)
    {
        var specs = set.Specs;
        if (specs.Count > 1)
        {
            yield return new ClaimSet(specs.Take(specs.Count / 2).ToList());
            yield return new ClaimSet(specs.Skip(specs.Count / 2).ToList());
            for (var i = 0; i < specs.Count; i++) yield return new ClaimSet([.. specs.Take(i), .. specs.Skip(i + 1)]);
        }
        for (var i = 0; i < specs.Count; i++)
        {
            foreach (var plainer in Plainer(specs[i])) yield return new ClaimSet([.. specs.Take(i), plainer, .. specs.Skip(i + 1)]);
        }
    }

    private static IEnumerable<ClaimSpec> Plainer(ClaimSpec spec)
    {
        if (spec.ParentBack != 0) yield return spec with { ParentBack = 0 };
        if (spec.Qualifier != 0) yield return spec with { Qualifier = 0 };
        if (spec.Value > 1) yield return spec with { Value = spec.Value / 2 };
        if (spec.Value > 0) yield return spec with { Value = spec.Value - 1 };
        if (spec.Spread != 0) yield return spec with { Spread = spec.Spread / 2 };
        if (spec.Tally) yield return spec with { Tally = false };
        if (spec.Injured) yield return spec with { Injured = false };
        if (spec.Place != 0) yield return spec with { Place = 0 };
        if (spec.Source != 0) yield return spec with { Source = 0 };
        if (spec.Side != 0) yield return spec with { Side = 0 };
        if (spec.Victims != 0) yield return spec with { Victims = 0 };
        if (spec.Day != 0) yield return spec with { Day = spec.Day / 2 };
        if (spec.Document != 0) yield return spec with { Document = 0 };
        if (spec.Position != 0) yield return spec with { Position = 0 };
        if (spec.Reliability != 0) yield return spec with { Reliability = 0 };
        if (spec.Order != 0) yield return spec with { Order = 0 };
    }
}
