namespace Casualties.Domain.Model;

/// <summary>
/// Victim groups are data (seeds/victim_groups.csv can add more); these are the defaults of domain.md
/// and the nesting the reconciler uses: people ⊃ civilians ⊃ children, women; people ⊃ combatants.
/// </summary>
public static class VictimGroups
{
    public const string People = "people";
    public const string Civilians = "civilians";
    public const string Children = "children";
    public const string Women = "women";
    public const string Combatants = "combatants";
    public const string Medics = "medics";
    public const string Journalists = "journalists";
    public const string AidWorkers = "aid_workers";
    public const string Peacekeepers = "peacekeepers";

    /// <summary>Each default group with its parent group (null for the root).</summary>
    public static readonly IReadOnlyDictionary<string, string?> DefaultParents = new Dictionary<string, string?>
    {
        [People] = null,
        [Civilians] = People,
        [Children] = Civilians,
        [Women] = Civilians,
        [Combatants] = People,
        [Medics] = Civilians,
        [Journalists] = Civilians,
        [AidWorkers] = Civilians,
        [Peacekeepers] = People,
    };
}
