namespace Casualties.Domain.Reconciliation;

/// <summary>
/// Which incidents lie inside which (domain.md: an event inside a tally's window and place is a separate incident
/// the tally contains; a district's figure lies inside its country's).
/// </summary>
/// <remarks>
/// A contains B when both count the same outcome, A's perpetrator side is unknown or B's, A's place is B's or
/// around it, A's window covers B's, and A is truly larger: a place around B's, a tally around an event, or a
/// longer window. Events contain events only from a place around theirs (strikes "across Syria" that day).
/// Only an incident that covers its place (<see cref="BuiltIncident.Covers"/>) contains anything: an event a
/// dataset geocodes only to a province or country is located somewhere in it, not a whole around the day's events.
/// For the per-side totals only (<see cref="BuiltIncident.TotalContainers"/>), a side's whole also lies around an
/// incident of unknown side inside it (issue 14): its dead may be the side's, already in the side's figure, so
/// counting them again under "unknown" could count them twice; the incident itself keeps no container of another side.
/// </remarks>
internal static class Containment
{
    /// <summary>
    /// Sets <see cref="BuiltIncident.Containers"/> and <see cref="BuiltIncident.TotalContainers"/> of the incidents from
    /// <paramref name="firstInner"/> on, among all of <paramref name="incidents"/> (those before it are already resolved:
    /// a partition's tallies, when its events come run by run).
    /// </summary>
    public static void Resolve(IReadOnlyList<BuiltIncident> incidents, PlaceIndex places, int firstInner = 0)
    {
        var talliesByPlace = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var eventsByPlaceDay = new Dictionary<(string, int), List<int>>();
        for (var i = 0; i < incidents.Count; i++)
        {
            var incident = incidents[i];
            // Only a figure that covers an area can be a whole: an event located somewhere in it is not.
            if (incident.PlaceKey is null || !incident.Covers) continue;
            if (incident.Kind == IncidentKind.Tally)
            {
                if (!talliesByPlace.TryGetValue(incident.PlaceKey, out var list)) talliesByPlace[incident.PlaceKey] = list = [];
                list.Add(i);
            }
            else
            {
                var key = (incident.PlaceKey, incident.Window.First.DayNumber);
                if (!eventsByPlaceDay.TryGetValue(key, out var list)) eventsByPlaceDay[key] = list = [];
                list.Add(i);
            }
        }

        var found = new List<int>();
        for (var b = firstInner; b < incidents.Count; b++)
        {
            var inner = incidents[b];
            if (inner.PlaceKey is null) continue;
            found.Clear();
            foreach (var placeKey in places.AncestryOf(inner.PlaceKey))
            {
                var samePlace = string.Equals(placeKey, inner.PlaceKey, StringComparison.Ordinal);
                if (talliesByPlace.TryGetValue(placeKey, out var tallies))
                {
                    foreach (var a in tallies)
                    {
                        if (a != b && Contains(incidents[a], inner, samePlace)) found.Add(a);
                    }
                }
                if (!samePlace && inner.Kind == IncidentKind.Event
                    && eventsByPlaceDay.TryGetValue((placeKey, inner.Window.First.DayNumber), out var events))
                {
                    foreach (var a in events)
                    {
                        if (Contains(incidents[a], inner, samePlace: false)) found.Add(a);
                    }
                }
            }
            var all = found.Count switch
            {
                0 => [],
                1 => [found[0]],
                _ => InnermostFirst(found, incidents),
            };
            inner.TotalContainers = all;
            inner.Containers = SideAllowsAll(all, incidents, inner) ? all : SideAllowed(all, incidents, inner);
        }
    }

    /// <summary>The deepest place first, then the shortest window, then the key (unique, so the order is total).</summary>
    private static int[] InnermostFirst(List<int> found, IReadOnlyList<BuiltIncident> incidents)
    {
        var containers = found.ToArray();
        Array.Sort(containers, (x, y) =>
        {
            var (a, b) = (incidents[x], incidents[y]);
            var order = b.Depth.CompareTo(a.Depth);
            if (order == 0) order = a.Window.Days.CompareTo(b.Window.Days);
            return order != 0 ? order : string.CompareOrdinal(a.Key, b.Key);
        });
        return containers;
    }

    /// <summary>
    /// True when every container allows the inner's side (<see cref="SideAllows"/>): a loop, as a predicate capturing the
    /// incident was a closure an incident (issue 14).
    /// </summary>
    private static bool SideAllowsAll(int[] containers, IReadOnlyList<BuiltIncident> incidents, BuiltIncident inner)
    {
        foreach (var a in containers)
        {
            if (!SideAllows(incidents[a], inner)) return false;
        }
        return true;
    }

    /// <summary>The containers that allow the inner's side (a method of its own: a lambda in the loop was a closure an incident).</summary>
    private static int[] SideAllowed(int[] containers, IReadOnlyList<BuiltIncident> incidents, BuiltIncident inner) =>
        Array.FindAll(containers, a => SideAllows(incidents[a], inner));

    /// <summary>The outer's side is unknown or the inner's: the incident may lie inside it.</summary>
    private static bool SideAllows(BuiltIncident outer, BuiltIncident inner) =>
        outer.Side is null || string.Equals(outer.Side, inner.Side, StringComparison.Ordinal);

    /// <summary>Containment by place and window, with sides that do not exclude it (either unknown, or the same).</summary>
    private static bool Contains(BuiltIncident outer, BuiltIncident inner, bool samePlace)
    {
        if (outer.Side is not null && inner.Side is not null && !string.Equals(outer.Side, inner.Side, StringComparison.Ordinal)) return false;
        if (!outer.Window.Contains(inner.Window)) return false;
        return !samePlace
            || (outer.Kind == IncidentKind.Tally && inner.Kind == IncidentKind.Event)
            || outer.Window.Days > inner.Window.Days;
    }
}
