using Casualties.Domain.Model;

namespace Casualties.Domain.Reconciliation;

/// <summary>
/// One partition reconciled run by run (issue 14), so that a dense partition is never in memory whole: claims, drafts
/// and result rows of one run at a time, and a compact form of each incident built so far.
/// </summary>
/// <remarks>
/// <para>Why a partition splits exactly (<see cref="PartitionRuns"/> makes the runs): an event meets only events whose
/// days overlap its own (<c>IncidentGrouper.Fit</c>), and a tally only tallies. A unit of claims that travel together
/// (a subset chain, a dataset event's rows) spans the days of all its claims; units whose spans overlap, chained, form
/// a run, and no event of one run can join, contain or be contained by an event of another: an event's window lies
/// within its units' spans, and containment of events needs one window around the other. So every tally comes in the
/// first run (tallies are grouped among themselves, and contain events of any run), and each later run holds whole
/// runs of events. The units of one run are placed in the same order as in the whole partition, so they group the
/// same. A partition where a user's correction names a claim is reconciled in one run (a pinned key gathers claims
/// of any date).</para>
/// <para>What crosses runs, kept compact: for the per-side totals the tallies (<see cref="CountedIncident"/>), each
/// scope's running totals and what the events inside a tally added to it (<see cref="TotalCalculator"/>: a run's
/// events are totalled as the run ends and let go of); for <c>parts_exceed_whole</c> around a tally, the count and sum
/// of its parts and the claims the flag may name (<see cref="WholeParts"/>); the incidents a tally directly holds, as
/// their anchor claims' ids; the tallies themselves whole. An event's row is complete when its run is done (its
/// containers are tallies or events of its run); a tally's row, totals and the flags about tallies' parts come from
/// <see cref="Finish"/>.</para>
/// <para>One run holding every claim gives what <see cref="Reconciler.ReconcilePartition"/> gives.</para>
/// </remarks>
public sealed class PartitionReconciliation
{
    private readonly Reconciler reconciler;
    private readonly List<BuiltIncident> tallies = [];
    private readonly List<TallyContents?> tallyContains = [];
    private readonly List<WholeParts?> tallyParts = [];
    private readonly TotalCalculator totals;
    private int incidentCount;
    private int runs;
    private bool finished;

    /// <summary>A partition of <paramref name="outcome"/> reconciled by the rules of <paramref name="reconciler"/>.</summary>
    public PartitionReconciliation(Reconciler reconciler, Outcome outcome)
    {
        this.reconciler = reconciler;
        totals = new TotalCalculator(reconciler.Places, outcome);
    }

    /// <summary>The incidents built so far (tallies and events).</summary>
    public int Incidents => incidentCount;

    /// <summary>
    /// Reconciles one run of the partition's claims (<see cref="PartitionRuns"/>: every tally in the first run, whole
    /// runs of overlapping events). Returns the rows of its events, the flags about them and about the events
    /// inside them; its tallies' rows come from <see cref="Finish"/>.
    /// </summary>
    public ReconciliationResult Add(IReadOnlyList<ClaimRecord> claims)
    {
        if (finished) throw new InvalidOperationException("The partition is finished.");
        var first = runs++ == 0;
        if (claims.Count == 0) return new ReconciliationResult([], [], []);
        var places = reconciler.Places;
        var options = reconciler.Options;
        // The claims by id (the first of each), for the grouper's subset chains and the flags: built once.
        var byId = new Dictionary<long, ClaimRecord>(claims.Count);
        foreach (var claim in claims) byId.TryAdd(claim.Id, claim);
        var drafts = new IncidentGrouper(places, options, reconciler.Overrides).Group(claims, byId);
        var built = new List<BuiltIncident>(drafts.Count);
        foreach (var draft in drafts)
        {
            if (!first && draft.IsTally)
            {
                throw new InvalidOperationException($"Claim {draft.Anchor.Id} is a tally outside the partition's first run: every tally comes in the first run.");
            }
            built.Add(new BuiltIncident(draft, FigureCalculator.Compute(draft.Members.ConvertAll(m => m.Claim), options), places));
        }
        drafts = null!;
        built.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));

        // The flags of each incident's own figures, in key order over the run (as over the whole partition).
        var detector = new FlagDetector(options, places);
        var flags = new List<ConflictFlag>();
        foreach (var incident in built) detector.IncidentFlags(incident, byId, flags);
        byId = null!;

        // The partition's tallies first (they come in the first run), then this run's events: containment among them.
        var firstEvent = tallies.Count;
        if (first)
        {
            foreach (var incident in built)
            {
                if (incident.Kind != IncidentKind.Tally) continue;
                tallies.Add(incident);
                tallyContains.Add(null);
                tallyParts.Add(null);
            }
            firstEvent = tallies.Count;
        }
        var all = new List<BuiltIncident>(firstEvent + built.Count - (first ? firstEvent : 0));
        all.AddRange(tallies);
        foreach (var incident in built)
        {
            if (incident.Kind != IncidentKind.Tally) all.Add(incident);
        }
        built = null!;
        Containment.Resolve(all, places, firstInner: first ? 0 : firstEvent);

        // The totals: the partition's tallies are kept (compact) for its end; this run's events are totalled now and
        // let go of (their containers are tallies, below firstEvent, or events of this run).
        if (first)
        {
            var compactTallies = new List<CountedIncident>(firstEvent);
            for (var i = 0; i < firstEvent; i++) compactTallies.Add(CountedIncident.Of(all[i], options, all[i].TotalContainers));
            totals.AddTallies(compactTallies);
        }
        var compactEvents = new List<CountedIncident>(all.Count - firstEvent);
        for (var i = firstEvent; i < all.Count; i++) compactEvents.Add(CountedIncident.Of(all[i], options, all[i].TotalContainers));
        totals.AddEvents(compactEvents);
        compactEvents = null!;
        incidentCount += all.Count - (first ? 0 : firstEvent);

        // What each incident directly contains; the parts of an event whole are all in this run, a tally's come later too.
        var eventContains = new List<string>?[all.Count];
        var eventParts = new Dictionary<int, WholeParts>();
        for (var i = first ? 0 : firstEvent; i < all.Count; i++)
        {
            if (all[i].Containers.Length == 0) continue;
            var container = all[i].Containers[0];
            if (container < firstEvent)
            {
                (tallyContains[container] ??= new TallyContents()).Add(all[i]);
                (tallyParts[container] ??= new WholeParts(tallies[container], options)).Add(all[i]);
            }
            else
            {
                (eventContains[container] ??= []).Add(all[i].Key);
                if (!eventParts.TryGetValue(container, out var parts)) eventParts[container] = parts = new WholeParts(all[container], options);
                parts.Add(all[i]);
            }
        }
        foreach (var container in eventParts.Keys.Order()) detector.PartsAboveWhole(eventParts[container], flags);
        foreach (var parts in tallyParts) parts?.Trim();

        var incidents = new List<Incident>(all.Count - firstEvent);
        for (var i = firstEvent; i < all.Count; i++) incidents.Add(Row(all, i, eventContains[i]));
        return new ReconciliationResult(incidents, [], flags);
    }

    /// <summary>
    /// Ends the partition: the tallies' rows (with every incident they contain), the flags about the incidents inside
    /// them, and the per-side totals of every incident built.
    /// </summary>
    public ReconciliationResult Finish()
    {
        if (finished) throw new InvalidOperationException("The partition is finished.");
        finished = true;
        var incidents = new List<Incident>(tallies.Count);
        for (var i = 0; i < tallies.Count; i++)
        {
            // In key order, as over the whole partition (its parts came tallies first, then run by run).
            incidents.Add(Row(tallies, i, tallyContains[i]?.Keys(tallies[i].Outcome)));
        }
        var flags = new List<ConflictFlag>();
        var detector = new FlagDetector(reconciler.Options, reconciler.Places);
        foreach (var parts in tallyParts)
        {
            if (parts is not null) detector.PartsAboveWhole(parts, flags);
        }
        return new ReconciliationResult(incidents, totals.Finish(), flags);
    }

    /// <summary>
    /// The keys of the incidents directly inside a tally, kept across runs as the claim ids they are made of
    /// (<c>outcome-id</c>), not as strings: a dense partition's country tally may hold most of its events (issue 14).
    /// </summary>
    private sealed class TallyContents
    {
        private readonly List<long> anchors = [];
        private List<string>? pinned;

        public void Add(BuiltIncident incident)
        {
            if (incident.Draft.PinnedKey is null) anchors.Add(incident.Draft.Members.Min(m => m.Claim.Id));
            else (pinned ??= []).Add(incident.Key);
        }

        /// <summary>The keys in ordinal order (as <see cref="IncidentDraft.Key"/> writes them).</summary>
        public List<string> Keys(Outcome outcome)
        {
            var keys = new List<string>(anchors.Count + (pinned?.Count ?? 0));
            foreach (var anchor in anchors) keys.Add($"{outcome.ToName()}-{anchor}");
            if (pinned is not null) keys.AddRange(pinned);
            keys.Sort(StringComparer.Ordinal);
            return keys;
        }
    }

    private static Incident Row(List<BuiltIncident> incidents, int i, List<string>? contains)
    {
        var incident = incidents[i];
        return incident.ToIncident(contains ?? []) with
        {
            ContainedIn = incident.Containers.Length > 0 ? incidents[incident.Containers[0]].Key : null,
        };
    }
}
