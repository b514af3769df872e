using Casualties.Domain.Model;

namespace Casualties.Domain.Reconciliation;

/// <summary>
/// The thresholds of reconciliation (configuration: the "ReconcileOptions" section of appsettings.json, or
/// ReconcileOptions__WideSpreadRatio=2 and the like in the environment).
/// </summary>
public sealed record ReconcileOptions
{
    /// <summary>
    /// How many gazetteer levels apart two places may be and still describe one incident ("east Aleppo" inside
    /// "Aleppo" is one level); a country never merges with a place inside it (a country figure is a whole, its
    /// districts are parts).
    /// </summary>
    public int MaxPlaceDepthGap { get; init; } = 1;

    /// <summary>Dataset events whose coordinates lie this close describe the same place even when their gazetteer places differ.</summary>
    public double CoordinateMatchKm { get; init; } = 10;

    /// <summary>Overlapping ranges whose highest point value exceeds the lowest by this factor raise <c>wide_spread</c>.</summary>
    public double WideSpreadRatio { get; init; } = 1.5;

    /// <summary>
    /// The robust z-score (median and MAD of the natural log of the sources' point values) above which a source is
    /// an <c>outlier</c>.
    /// </summary>
    public double OutlierZ { get; init; } = 3.5;

    /// <summary>A floor under the log-scale spread, so that three agreeing sources do not turn a 5 % difference into an outlier.</summary>
    public double OutlierMinScale { get; init; } = 0.1;

    /// <summary>The fewest current figures of one victim group among which an outlier is looked for (never below 3).</summary>
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

    /// <summary>The thresholds as shipped, with the code's victim groups and no source short names.</summary>
    public static ReconcileOptions Default { get; } = new();
}
