namespace Casualties.Domain.Model;

/// <summary>
/// The default victim groups of domain.md and their nesting (people ⊃ civilians ⊃ children, women, medics,
/// journalists, aid workers; people ⊃ combatants, peacekeepers), in code. Seeding stores them in the victim_groups
/// table, adding any other group a term of seeds/victims.csv names, as a part of people; reconciliation reads the table.
/// </summary>
public static class VictimGroups
{
    /// <summary>Everyone: the root group.</summary>
    public const string People = "people";
    /// <summary>Non-combatants, inside people.</summary>
    public const string Civilians = "civilians";
    /// <summary>Inside civilians.</summary>
    public const string Children = "children";
    /// <summary>Inside civilians.</summary>
    public const string Women = "women";
    /// <summary>Fighters of any side (a claim's victim side says whose), inside people.</summary>
    public const string Combatants = "combatants";
    /// <summary>Medical workers, inside civilians.</summary>
    public const string Medics = "medics";
    /// <summary>Inside civilians.</summary>
    public const string Journalists = "journalists";
    /// <summary>Humanitarian workers, inside civilians.</summary>
    public const string AidWorkers = "aid_workers";
    /// <summary>Peacekeeping troops, inside people (not civilians).</summary>
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
