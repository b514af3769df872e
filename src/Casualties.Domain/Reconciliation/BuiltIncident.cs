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
        Start = draft.Members.Select(m => m.Claim.StartOrEnd()).Min();
        End = draft.Members.Select(m => m.Claim.EndOrStart()).MaxBy(d => (d.Last, -(int)d.Precision));
        Window = new DayWindow(Start.First, End.Last < Start.First ? Start.First : End.Last);
        Depth = places.DepthOf(draft.PlaceKey);
    }

    public IncidentDraft Draft { get; }
    public List<GroupClaims> Groups { get; }
    public string Key { get; }
    public IncidentKind Kind { get; }
    public PartialDate Start { get; }
    public PartialDate End { get; }
    public DayWindow Window { get; }
    public int Depth { get; }
    public string? PlaceKey => Draft.PlaceKey;
    public string? Side => Draft.PerpetratorSide;
    public Outcome Outcome => Draft.Outcome;
    public IncidentFigure Headline => Groups[0].Figure;

    /// <summary>Indices of the incidents containing this one, innermost first.</summary>
    public int[] Containers { get; set; } = [];

    /// <summary>
    /// A named place's spelling: the one its members at that place give most often, the ordinal first of equals
    /// (independent of the claims' order).
    /// </summary>
    private string? PlaceName()
    {
        if (!PlaceNames.IsNamed(PlaceKey)) return null;
        return Draft.Members
            .Where(m => m.Claim.PlaceName is not null && string.Equals(m.Claim.PlaceKey, PlaceKey, StringComparison.Ordinal))
            .GroupBy(m => PlaceNames.OwnPart(m.Claim.PlaceName!).Trim(), StringComparer.Ordinal)
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
            new IncidentMember(m.Claim.Id, m.Rule, superseded?.Contains(m.Claim.Id) == true, m.Claim.Victims, m.Claim.VictimSide));
        members.Sort((a, b) => a.ClaimId.CompareTo(b.ClaimId));
        return new Incident(Key, Kind, Outcome, PlaceKey, Start, End, Side,
            Groups.Select(g => g.Figure).ToList(), members, contains) { PlaceName = PlaceName() };
    }
}
