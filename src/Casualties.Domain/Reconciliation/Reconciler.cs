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
    public PartitionKey PartitionOf(ClaimRecord claim) => new(claim.Outcome, Places.CountryOf(claim.PlaceKey));

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
    public ReconciliationResult ReconcilePartition(IReadOnlyList<ClaimRecord> claims)
    {
        if (claims.Count == 0) return new ReconciliationResult([], [], []);
        var drafts = new IncidentGrouper(Places, options, overrides).Group(claims);
        var built = drafts
            .Select(d => new BuiltIncident(d, FigureCalculator.Compute(d.Members.ConvertAll(m => m.Claim), options), Places))
            .OrderBy(b => b.Key, StringComparer.Ordinal)
            .ToList();
        Containment.Resolve(built, Places);

        // Totals and flags first, from the built incidents: their working arrays are gone before the incidents'
        // members and figures are made, so a large partition does not hold both at once (issue 14).
        var totals = new TotalCalculator(Places, options).Compute(built, claims[0].Outcome);
        var flags = Flags(built, claims);

        var contains = new List<string>[built.Count];
        for (var i = 0; i < built.Count; i++)
        {
            if (built[i].Containers.Length > 0) (contains[built[i].Containers[0]] ??= []).Add(built[i].Key);
        }
        var incidents = built.Select((b, i) => b.ToIncident(contains[i] ?? []) with
        {
            ContainedIn = b.Containers.Length > 0 ? built[b.Containers[0]].Key : null,
        }).ToList();
        return new ReconciliationResult(incidents, totals, flags);
    }

    private List<ConflictFlag> Flags(List<BuiltIncident> built, IReadOnlyList<ClaimRecord> claims)
    {
        var byId = new Dictionary<long, ClaimRecord>(claims.Count);
        foreach (var claim in claims) byId.TryAdd(claim.Id, claim);
        return new FlagDetector(options, Places).Detect(built, byId)
            .OrderBy(f => f.IncidentKey, StringComparer.Ordinal)
            .ThenBy(f => f.Kind)
            .ThenBy(f => string.Join(',', f.ClaimIds), StringComparer.Ordinal)
            .ToList();
    }
}
