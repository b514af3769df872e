using Casualties.Domain.Model;

namespace Casualties.Domain.Reconciliation;

/// <summary>A grouped incident with its figures, before containment is known (the reconciler's working form).</summary>
internal sealed class BuiltIncident
{
    public BuiltIncident(IncidentDraft draft, List<GroupClaims> groups, PlaceIndex places)
    {
        Draft = draft;
        Groups = groups;
        Key = draft.Key();
        Kind = draft.IsTally ? IncidentKind.Tally : IncidentKind.Event;
        // The earliest start; the latest end, the finer of equal last days (the first of equals): loops, not LINQ, as
        // an incident's iterators were a run's garbage (issue 14).
        var members = draft.Members;
        var (start, end) = (members[0].Claim.StartOrEnd(), members[0].Claim.EndOrStart());
        for (var i = 1; i < members.Count; i++)
        {
            var (memberStart, memberEnd) = (members[i].Claim.StartOrEnd(), members[i].Claim.EndOrStart());
            if (memberStart.CompareTo(start) < 0) start = memberStart;
            var byLast = memberEnd.Last.CompareTo(end.Last);
            if (byLast > 0 || (byLast == 0 && -(int)memberEnd.Precision > -(int)end.Precision)) end = memberEnd;
        }
        (Start, End) = (start, end);
        Window = new DayWindow(Start.First, End.Last < Start.First ? Start.First : End.Last);
        Depth = places.DepthOf(draft.PlaceKey);
        Covers = CoversItsPlace(draft, Kind);
    }

    /// <summary>
    /// True when the incident's figure claims to cover its place and window, so that it may contain the incidents
    /// inside them (issue 15): a word says so (<see cref="PlaceScope.Across"/>); a tally unless every word of it is
    /// placed only somewhere inside its place; an event only when no word states a scope and none is a dataset
    /// row (an article's toll of the day for a whole area). An event a dataset geocodes to its province or country
    /// happened somewhere in it and is never a whole.
    /// </summary>
    private static bool CoversItsPlace(IncidentDraft draft, IncidentKind kind)
    {
        var (across, within, stated, dataset) = (false, 0, false, false);
        foreach (var (claim, _) in draft.Members)
        {
            across |= claim.Claim.PlaceScope == PlaceScope.Across;
            if (claim.Claim.PlaceScope == PlaceScope.Within) within++;
            stated |= claim.Claim.PlaceScope is not null;
            dataset |= claim.EventKey is not null;
        }
        if (across) return true;
        return kind == IncidentKind.Tally ? within < draft.Members.Count : !stated && !dataset;
    }

    public IncidentDraft Draft { get; }
    public List<GroupClaims> Groups { get; }
    public string Key { get; }
    public IncidentKind Kind { get; }
    public PartialDate Start { get; }
    public PartialDate End { get; }
    public DayWindow Window { get; }
    public int Depth { get; }

    /// <summary>The figure claims to cover its place and window: a whole that may contain others.</summary>
    public bool Covers { get; }
    public string? PlaceKey => Draft.PlaceKey;
    public string? Side => Draft.PerpetratorSide;
    public Outcome Outcome => Draft.Outcome;
    public IncidentFigure Headline => Groups[0].Figure;

    /// <summary>Indices of the incidents containing this one, innermost first.</summary>
    public int[] Containers { get; set; } = [];

    /// <summary>
    /// <see cref="Containers"/> and the wholes of a known side around this incident when its own side is unknown:
    /// what the per-side totals nest it in (<see cref="Containment"/>), innermost first.
    /// </summary>
    public int[] TotalContainers { get; set; } = [];

    /// <summary>
    /// A named place's spelling: the one its members at that place give most often, the ordinal first of equals
    /// (independent of the claims' order).
    /// </summary>
    private string? PlaceName()
    {
        if (!PlaceNames.IsNamed(PlaceKey)) return null;
        return Draft.Members
            .Where(m => m.Claim.Claim.Place is not null && string.Equals(m.Claim.PlaceKey, PlaceKey, StringComparison.Ordinal))
            .GroupBy(m => PlaceNames.OwnPart(m.Claim.Claim.Place!).Trim(), StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).FirstOrDefault() ?? PlaceNames.NormalisedOf(PlaceKey!);
    }

    public Incident ToIncident(IReadOnlyList<string> contains)
    {
        HashSet<long>? superseded = null;
        foreach (var group in Groups)
        {
            foreach (var figure in group.Figure.Superseded) (superseded ??= []).Add(figure.ClaimId);
        }
        var members = Draft.Members.ConvertAll(m =>
            new IncidentMember(m.Claim.Id, m.Rule, superseded?.Contains(m.Claim.Id) == true, m.Claim.Claim.Victims, m.Claim.Claim.VictimSide));
        members.Sort((a, b) => a.ClaimId.CompareTo(b.ClaimId));
        return new Incident(Key, Kind, Outcome, PlaceKey, Start, End, Side,
            Groups.Select(g => g.Figure).ToList(), members, contains) { PlaceName = PlaceName() };
    }
}
