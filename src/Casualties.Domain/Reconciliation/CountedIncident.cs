namespace Casualties.Domain.Reconciliation;

/// <summary>What an incident counts for one victim group: the group and its figure's low, best and high.</summary>
internal readonly record struct GroupCount(string Victims, string? VictimSide, int Low, int Best, int High);

/// <summary>
/// The compact form of a built incident that the per-side totals read (<see cref="TotalCalculator"/>): its key, kind,
/// place, window, side, depth, what it counts for each victim group, and the incidents around it. A partition
/// reconciled in runs (<see cref="PartitionReconciliation"/>) keeps this of its tallies to its end, and of one run's
/// events while they are totalled (issue 14).
/// </summary>
internal sealed class CountedIncident(string key, IncidentKind kind, string? placeKey, DayWindow window, string? side, int depth,
    GroupCount[] counts, int[] totalContainers)
{
    public string Key { get; } = key;
    public IncidentKind Kind { get; } = kind;
    public string? PlaceKey { get; } = placeKey;
    public DayWindow Window { get; } = window;
    public string? Side { get; } = side;
    public int Depth { get; } = depth;

    /// <summary>Every (group, victim side) the incident counts for (<see cref="VictimGroupTree.CountedGroups"/>) with its figure for it.</summary>
    public GroupCount[] Counts { get; } = counts;

    /// <summary><see cref="BuiltIncident.TotalContainers"/>, as indices into the same list of counted incidents.</summary>
    public int[] TotalContainers { get; } = totalContainers;

    /// <summary>The compact form of <paramref name="incident"/>, its containers renumbered by <paramref name="containers"/>.</summary>
    public static CountedIncident Of(BuiltIncident incident, ReconcileOptions options, int[] containers)
    {
        var groups = VictimGroupTree.CountedGroups(incident, options);
        var counts = new GroupCount[groups.Count];
        for (var k = 0; k < counts.Length; k++)
        {
            var (victims, victimSide) = groups[k];
            var figure = VictimGroupTree.FigureFor(incident, victims, victimSide, options)!;
            counts[k] = new GroupCount(victims, victimSide, figure.Low, figure.Best, figure.High);
        }
        return new CountedIncident(incident.Key, incident.Kind, incident.PlaceKey, incident.Window, incident.Side, incident.Depth, counts, containers);
    }
}
