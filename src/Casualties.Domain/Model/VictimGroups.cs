namespace Casualties.Domain.Model;

/// <summary>
/// The default victim groups of domain.md and their nesting (people ⊃ civilians ⊃ children, women, medics,
/// journalists, aid workers; people ⊃ combatants, peacekeepers), in code. Seeding stores them in the victim_groups
/// table, adding any other group a term of seeds/victims.csv names, as a part of people; reconciliation reads the table.
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
