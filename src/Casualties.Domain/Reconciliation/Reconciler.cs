using Casualties.Domain.Model;
using Casualties.Domain.Reference;

namespace Casualties.Domain.Reconciliation;

/// <summary>Claims of one outcome in one country (<see cref="PlaceIndex.NoCountry"/> for claims with no place).</summary>
/// <remarks>
/// Nothing crosses a partition: incidents, containment, totals (whose places roll up to the country at most) and
/// flags of one partition depend on its claims alone, so a partition is the unit of incremental recomputation.
/// </remarks>
public readonly record struct PartitionKey(Outcome Outcome, string Country) : IComparable<PartitionKey>
{
    /// <summary>By outcome, then country key (ordinal): the order partitions are reconciled and stored in.</summary>
    public int CompareTo(PartitionKey other)
    {
        var byOutcome = Outcome.CompareTo(other.Outcome);
        return byOutcome != 0 ? byOutcome : string.CompareOrdinal(Country, other.Country);
    }
}

/// <summary>
/// From claims to incidents, figures, per-side totals and conflict flags (domain.md). Pure and deterministic:
/// the same claims in any order give the same result (everything is ordered by content and claim id).
/// </summary>
public sealed class Reconciler
{
    private readonly ReconcileOptions options;
    private readonly IReadOnlyDictionary<long, IncidentOverride> overrides;

    /// <summary>A reconciler over the gazetteer's places, with the thresholds and the users' grouping corrections.</summary>
    public Reconciler(Gazetteer gazetteer, ReconcileOptions? options = null, IReadOnlyList<IncidentOverride>? overrides = null)
    {
        this.options = options ?? ReconcileOptions.Default;
        Places = new PlaceIndex(gazetteer);
        this.overrides = (overrides ?? []).GroupBy(o => o.ClaimId).ToDictionary(g => g.Key, g => g.Last());
    }

    /// <summary>The gazetteer as the reconciler asks it (ancestry, depth, country of a place key).</summary>
    public PlaceIndex Places { get; }

    /// <summary>The partition a claim belongs to: its outcome and its place's country.</summary>
    public PartitionKey PartitionOf(ClaimRecord claim) => new(claim.Claim.Outcome, Places.CountryOf(claim.PlaceKey));

    /// <summary>Reconciles all claims, partition by partition.</summary>
    public ReconciliationResult Reconcile(IReadOnlyList<ClaimRecord> claims)
    {
        var incidents = new List<Incident>();
        var totals = new List<SideTotal>();
        var flags = new List<ConflictFlag>();
        foreach (var partition in claims.GroupBy(PartitionOf).OrderBy(g => g.Key))
        {
            var result = ReconcilePartition(partition.ToList());
            incidents.AddRange(result.Incidents);
            totals.AddRange(result.Totals);
            flags.AddRange(result.Flags);
        }
        return new ReconciliationResult(incidents, totals, flags);
    }

    /// <summary>Reconciles the claims of one partition (all of them: every claim of that outcome and country).</summary>
    /// <remarks>
    /// The same as reconciling them in one run of a <see cref="PartitionReconciliation"/>: incidents ordered by key,
    /// totals as <see cref="TotalCalculator"/> orders them, flags by incident key, kind and claims.
    /// </remarks>
    public ReconciliationResult ReconcilePartition(IReadOnlyList<ClaimRecord> claims)
    {
        if (claims.Count == 0) return new ReconciliationResult([], [], []);
        var partition = new PartitionReconciliation(this, claims[0].Claim.Outcome);
        var run = partition.Add(claims);
        var end = partition.Finish();
        var incidents = run.Incidents.Concat(end.Incidents).OrderBy(i => i.Key, StringComparer.Ordinal).ToList();
        var flags = run.Flags.Concat(end.Flags)
            .OrderBy(f => f.IncidentKey, StringComparer.Ordinal)
            .ThenBy(f => f.Kind)
            .ThenBy(f => string.Join(',', f.ClaimIds), StringComparer.Ordinal)
            .ToList();
        return new ReconciliationResult(incidents, end.Totals, flags);
    }

    /// <summary>The thresholds and reference data the rules read.</summary>
    internal ReconcileOptions Options => options;

    /// <summary>The users' grouping corrections, by claim id.</summary>
    internal IReadOnlyDictionary<long, IncidentOverride> Overrides => overrides;

    /// <summary>True when a user's correction names the claim: its partition is reconciled in one run.</summary>
    public bool IsOverridden(long claimId) => overrides.ContainsKey(claimId);
}
