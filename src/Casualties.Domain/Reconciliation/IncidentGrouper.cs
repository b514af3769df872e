namespace Casualties.Domain.Reconciliation;

/// <summary>
/// Groups the claims of one partition (one outcome, one country) into incidents (domain.md, "Incidents").
/// </summary>
/// <remarks>
/// Claims travel in units: a claim with its subsets ("81 people, including 31 children"), the rows of one dataset
/// event id, or the claims a user pinned to one key. Units are placed one by one in a fixed order — pinned and
/// split first, then dataset events, then the most specific (deepest place, then attributed perpetrator, then
/// shortest window), the claim id last — so the result never depends on input order. A unit joins the one
/// incident it fits most closely (<see cref="Place"/>); fitting none it founds one; fitting several equally (a
/// city figure beside figures for two of its districts, an unattributed figure beside a government and an
/// opposition one) it founds its own rather than guess, so wholes and parts stay apart for the totals.
/// Fitting: same kind (event or tally); compatible perpetrator sides (null fits all); never two event ids of one
/// dataset; the same place, or one inside the other at most <see cref="ReconcileOptions.MaxPlaceDepthGap"/> levels
/// apart and never a country, or (both with coordinates) within <see cref="ReconcileOptions.CoordinateMatchKm"/>;
/// events on overlapping days; tallies whose starts agree within the precision given, and whose ends agree too
/// unless both are running counts (the series of a running count has moving ends: its latest word counts).
/// </remarks>
internal sealed partial class IncidentGrouper(PlaceIndex places, ReconcileOptions options, IReadOnlyDictionary<long, IncidentOverride> overrides)
{
    private const int MaxIndexedDays = 62;

    private readonly Dictionary<int, DayEvents> eventsByDay = [];
    private readonly Dictionary<IncidentDraft, EventIndexEntry> indexedEvents = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(string Dataset, string EventKey), List<IncidentDraft>> eventsByEventKey = [];
    private readonly List<IncidentDraft> wideEvents = [];
    private readonly Dictionary<int, List<IncidentDraft>> talliesByStartYear = [];
    private readonly Dictionary<string, string[]> singleSignatures = new(StringComparer.Ordinal);
    private HashSet<IncidentDraft> candidates = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// The claims grouped into drafts; <paramref name="byId"/>, when given, is the claims by id, the first of each id
    /// (the caller's, so that a run builds one such map, not two: issue 14).
    /// </summary>
    public List<IncidentDraft> Group(IReadOnlyList<ClaimRecord> claims, Dictionary<long, ClaimRecord>? byId = null)
    {
        eventsByDay.Clear();
        indexedEvents.Clear();
        eventsByEventKey.Clear();
        wideEvents.Clear();
        talliesByStartYear.Clear();
        singleSignatures.Clear();
        var drafts = new List<IncidentDraft>();
        foreach (var unit in Units(claims, byId))
        {
            var representative = unit.Representative;
            IncidentDraft draft;
            string rule;
            if (unit.Override is { Action: OverrideAction.Split })
            {
                draft = new IncidentDraft(representative, representative.IsTally(), unit.Override.IncidentKey ?? $"split-{representative.Id}", closed: true);
                rule = MatchRules.Split;
            }
            else if (unit.Override is { Action: OverrideAction.Pin })
            {
                draft = new IncidentDraft(representative, representative.IsTally(), unit.Override.IncidentKey ?? $"pin-{representative.Id}", closed: false);
                rule = MatchRules.Pinned;
            }
            else
            {
                (draft, rule) = Place(representative);
            }
            var founded = draft.Members.Count == 0;
            if (founded) drafts.Add(draft);
            foreach (var (claim, memberRule) in unit.Members)
            {
                draft.Add(claim, ReferenceEquals(claim, representative) ? rule : memberRule);
            }
            if (rule is MatchRules.SameEventNestedPlace or MatchRules.SameTallyNestedPlace)
            {
                if (places.DepthOf(representative.PlaceKey) > places.DepthOf(draft.PlaceKey)) draft.PlaceKey = representative.PlaceKey;
            }
            // Indexed by what it holds now (its window and start are its anchor's, fixed): a founded draft, or one
            // that gained a dataset's event id or coordinates, which decide which claims it may meet.
            if (founded) Index(draft);
            else if (!draft.IsTally && indexedEvents.ContainsKey(draft)) Reindex(draft);
        }
        return MergePinnedKeys(drafts);
    }

    /// <summary>
    /// The incident a claim joins: among those it fits, the closest — the same place before a nested one before
    /// a near one, then one that already holds a word of the same source; a tie at the closest founds its own.
    /// </summary>
    private (IncidentDraft Draft, string Rule) Place(ClaimRecord claim)
    {
        var isTally = claim.IsTally();
        IncidentDraft? match = null;
        string? matchRule = null;
        var bestScore = int.MaxValue;
        var tied = false;
        foreach (var candidate in Candidates(claim, isTally))
        {
            if (ReferenceEquals(candidate, match)) continue;
            var rule = Fit(candidate, claim, isTally);
            if (rule is null) continue;
            var score = 2 * Closeness(rule) + (claim.Claim.Source is not null && candidate.HasSource(claim.Claim.Source) ? 0 : 1);
            if (score < bestScore)
            {
                (match, matchRule, bestScore, tied) = (candidate, rule, score, false);
            }
            else if (score == bestScore)
            {
                tied = true;
            }
        }
        if (match is null) return (new IncidentDraft(claim, isTally, null, closed: false), MatchRules.Anchor);
        return tied ? (new IncidentDraft(claim, isTally, null, closed: false), MatchRules.AmbiguousAnchor) : (match, matchRule!);
    }

    private static int Closeness(string rule) => rule switch
    {
        MatchRules.SameEventNestedPlace or MatchRules.SameTallyNestedPlace => 1,
        MatchRules.SameEventCoordinates => 2,
        _ => 0,
    };

    /// <summary>
    /// The incidents a claim may fit, in one set kept by the grouper and cleared for each claim (not a new set and a
    /// boxed enumerator a claim, issue 14); valid until the next call. A set grown large (a claim of a wide window meets
    /// every event) is dropped rather than cleared, as clearing costs its capacity.
    /// </summary>
    private HashSet<IncidentDraft> Candidates(ClaimRecord claim, bool isTally)
    {
        if (candidates.Count > 4096) candidates = new HashSet<IncidentDraft>(ReferenceEqualityComparer.Instance);
        var found = candidates;
        found.Clear();
        if (isTally)
        {
            if (talliesByStartYear.TryGetValue(claim.StartOrEnd().Date.Year, out var tallies)) found.UnionWith(tallies);
            return found;
        }
        var window = claim.Window();
        var dataset = claim.Dataset();
        var region = RegionOf(claim.PlaceKey);
        found.UnionWith(wideEvents);
        if (window.Days > MaxIndexedDays)
        {
            foreach (var day in eventsByDay.Values) day.AddAll(found);
            return found;
        }
        for (var day = window.First.DayNumber; day <= window.Last.DayNumber; day++)
        {
            if (eventsByDay.TryGetValue(day, out var events))
                events.AddCandidates(found, region, dataset, claim.Latitude, claim.Longitude, options.CoordinateMatchKm);
        }
        // The incident already holding this row's event id (a pinned row of the same event) fits whatever it holds.
        if (dataset is not null && eventsByEventKey.TryGetValue((dataset, claim.EventKey!), out var sameEvent)) found.UnionWith(sameEvent);
        return found;
    }

    /// <summary>
    /// The area two places that may describe one event share: the place's ancestor one level below the country (a
    /// same or nested place lies in it, as nesting never reaches a country), the country itself, or "" with no place.
    /// </summary>
    private string RegionOf(string? placeKey)
    {
        if (placeKey is null) return "";
        var ancestry = places.AncestryOf(placeKey);
        return ancestry.Count == 1 ? ancestry[0] : ancestry[^2];
    }

    /// <summary>
    /// An event's index: on each day of its window (up to <see cref="MaxIndexedDays"/>, else among the wide events),
    /// by region, by the datasets whose event ids it holds (a row of one of them never joins it) and by whether it has
    /// coordinates — so a claim meets the incidents that may fit it, not every event of its day in the country.
    /// </summary>
    private void Index(IncidentDraft draft)
    {
        if (draft.IsTally)
        {
            AddTo(talliesByStartYear, draft.Start.Date.Year, draft);
        }
        else if (draft.Window.Days > MaxIndexedDays)
        {
            wideEvents.Add(draft);
        }
        else
        {
            var entry = new EventIndexEntry(RegionOf(draft.PlaceKey), Signature(draft), draft.HasCoordinates, 0);
            for (var day = draft.Window.First.DayNumber; day <= draft.Window.Last.DayNumber; day++)
            {
                if (!eventsByDay.TryGetValue(day, out var events)) eventsByDay[day] = events = new DayEvents();
                events.Add(draft, entry);
            }
            indexedEvents[draft] = entry with { EventKeys = RegisterEventKeys(draft, 0) };
        }
    }

    /// <summary>Moves an event whose datasets or coordinates changed (its region does not: nesting stays inside it).</summary>
    private void Reindex(IncidentDraft draft)
    {
        var entry = indexedEvents[draft];
        var keys = draft.EventKeyCount;
        if (keys == entry.EventKeys && draft.HasCoordinates == entry.Coordinates) return;
        var moved = entry with { Signature = keys == entry.EventKeys ? entry.Signature : Signature(draft), Coordinates = draft.HasCoordinates };
        for (var day = draft.Window.First.DayNumber; day <= draft.Window.Last.DayNumber; day++)
        {
            var events = eventsByDay[day];
            events.Remove(draft, entry);
            events.Add(draft, moved);
        }
        indexedEvents[draft] = moved with { EventKeys = RegisterEventKeys(draft, entry.EventKeys) };
    }

    private int RegisterEventKeys(IncidentDraft draft, int registered)
    {
        var count = draft.EventKeyCount;
        for (var position = registered; position < count; position++)
        {
            var (dataset, eventKey) = draft.EventKeyAt(position);
            if (!eventsByEventKey.TryGetValue((dataset, eventKey), out var list)) eventsByEventKey[(dataset, eventKey)] = list = [];
            list.Add(draft);
        }
        return count;
    }

    /// <summary>
    /// The datasets whose event ids a draft holds, ordinal order (empty for none); one array per dataset shared by
    /// the drafts holding that one alone (most of a dense partition's events).
    /// </summary>
    private string[] Signature(IncidentDraft draft)
    {
        var count = draft.EventKeyCount;
        if (count == 0) return [];
        if (count == 1)
        {
            var dataset = draft.EventKeyAt(0).Dataset;
            if (!singleSignatures.TryGetValue(dataset, out var shared)) singleSignatures[dataset] = shared = [dataset];
            return shared;
        }
        var datasets = new string[count];
        for (var i = 0; i < count; i++) datasets[i] = draft.EventKeyAt(i).Dataset;
        Array.Sort(datasets, StringComparer.Ordinal);
        return datasets;
    }

    private static void AddTo(Dictionary<int, List<IncidentDraft>> index, int key, IncidentDraft draft)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        list.Add(draft);
    }

    /// <summary>Pinned keys that equal an automatic incident's key pull that incident in ("pin to incident killed-101").</summary>
    private static List<IncidentDraft> MergePinnedKeys(List<IncidentDraft> drafts)
    {
        var pinned = drafts.Where(d => d.PinnedKey is not null).ToDictionary(d => d.PinnedKey!, StringComparer.Ordinal);
        if (pinned.Count == 0) return drafts;
        var result = new List<IncidentDraft>(drafts.Count);
        foreach (var draft in drafts)
        {
            if (draft.PinnedKey is null && pinned.TryGetValue(draft.Key(), out var target))
            {
                foreach (var (claim, _) in draft.Members) target.Add(claim, MatchRules.Pinned);
                continue;
            }
            result.Add(draft);
        }
        return result;
    }
}
