namespace Casualties.Domain.Reconciliation;

/// <summary>The nesting of victim groups (people ⊃ civilians ⊃ children), read from the options' parents.</summary>
internal static class VictimGroupTree
{
    /// <summary>The groups around <paramref name="victims"/>, nearest first (civilians, then people, for children).</summary>
    public static IEnumerable<string> Ancestors(string victims, ReconcileOptions options)
    {
        var group = victims;
        for (var hops = 0; hops < 16 && options.VictimParents.TryGetValue(group, out var parent) && parent is not null; hops++)
        {
            yield return parent;
            group = parent;
        }
    }

    /// <summary>True when <paramref name="outer"/> is one of the groups around <paramref name="victims"/> (<see cref="Ancestors"/>).</summary>
    private static bool IsAround(string outer, string victims, ReconcileOptions options)
    {
        var group = victims;
        for (var hops = 0; hops < 16 && options.VictimParents.TryGetValue(group, out var parent) && parent is not null; hops++)
        {
            if (parent == outer) return true;
            group = parent;
        }
        return false;
    }

    /// <summary>
    /// The figure an incident counts with for a group: its own, else (for a group with no victim side) the
    /// figure with the largest low among the groups inside it — a floor; null when it has neither.
    /// </summary>
    public static IncidentFigure? FigureFor(BuiltIncident incident, string victims, string? victimSide, ReconcileOptions options)
    {
        IncidentFigure? inside = null;
        foreach (var group in incident.Groups)
        {
            var figure = group.Figure;
            if (figure.Victims == victims && figure.VictimSide == victimSide) return figure;
            if (victimSide is null && IsAround(victims, figure.Victims, options) && (inside is null || figure.Low > inside.Low))
                inside = figure;
        }
        return inside;
    }

    /// <summary>Every (group, victim side) an incident counts for: its own groups, and the groups around them.</summary>
    public static List<(string Victims, string? VictimSide)> CountedGroups(BuiltIncident incident, ReconcileOptions options)
    {
        var counted = new List<(string Victims, string? VictimSide)>(incident.Groups.Count + 2);
        foreach (var group in incident.Groups)
        {
            if (!counted.Contains((group.Victims, group.VictimSide))) counted.Add((group.Victims, group.VictimSide));
        }
        foreach (var group in incident.Groups)
        {
            // The walk of Ancestors, without an iterator an incident (issue 14).
            var around = group.Victims;
            for (var hops = 0; hops < 16 && options.VictimParents.TryGetValue(around, out var parent) && parent is not null; hops++)
            {
                if (!counted.Contains((parent, null))) counted.Add((parent, null));
                around = parent;
            }
        }
        return counted;
    }
}
