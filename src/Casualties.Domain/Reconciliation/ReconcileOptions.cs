using Casualties.Domain.Model;

namespace Casualties.Domain.Reconciliation;

/// <summary>
/// The thresholds of reconciliation (configuration: the "ReconcileOptions" section of appsettings.json, or
/// ReconcileOptions__WideSpreadRatio=2 and the like in the environment).
/// </summary>
/// <remarks>
/// <see cref="MaxPlaceDepthGap"/>: how many gazetteer levels apart two places may be and still describe one
/// incident ("east Aleppo" inside "Aleppo" is one level); a country never merges with a place inside it
/// (a country figure is a whole, its districts are parts). <see cref="CoordinateMatchKm"/>: dataset events whose
/// coordinates lie this close describe the same place even when their gazetteer places differ.
/// <see cref="WideSpreadRatio"/>: overlapping ranges whose highest point value exceeds the lowest by this factor
/// raise <c>wide_spread</c>. <see cref="OutlierZ"/>: robust z-score (median and MAD of the natural log of the
/// sources' point values) above which a source is an <c>outlier</c>; <see cref="OutlierMinScale"/> floors the
/// log-scale spread so that three agreeing sources do not turn a 5 % difference into an outlier.
/// </remarks>
public sealed record ReconcileOptions
{
    public int MaxPlaceDepthGap { get; init; } = 1;
    public double CoordinateMatchKm { get; init; } = 10;
    public double WideSpreadRatio { get; init; } = 1.5;
    public double OutlierZ { get; init; } = 3.5;
    public double OutlierMinScale { get; init; } = 0.1;
    public int OutlierMinSources { get; init; } = 3;

    /// <summary>
    /// Victim groups with their parent (people ⊃ civilians ⊃ children ...). The default is the code's
    /// <see cref="VictimGroups.DefaultParents"/>; a run against the database replaces it with the victim_groups table.
    /// </summary>
    public IReadOnlyDictionary<string, string?> VictimParents { get; init; } = VictimGroups.DefaultParents;

    /// <summary>
    /// How flag explanations name a source: canonical name → the acronym the reference data knows it by
    /// ("Armed Conflict Location &amp; Event Data Project" → "ACLED"); data, not code (<see cref="FlagWording.Name"/>).
    /// </summary>
    public IReadOnlyDictionary<string, string> SourceShortNames { get; init; } = System.Collections.Frozen.FrozenDictionary<string, string>.Empty;

    public static ReconcileOptions Default { get; } = new();
}
