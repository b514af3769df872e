using Casualties.Domain.Reference;

namespace Casualties.Domain.Extraction;

/// <summary>
/// The parties of a war no seeded conflict covers, by the loose words texts use for them. domain.md names the sides of a
/// civil war <c>government</c> and <c>opposition</c>: rebels, insurgents, separatists and guerrillas fighting a state are
/// the opposition side; armed gangs (Haiti, Ecuador) are a side of their own, <c>gangs</c>. Used only where the
/// document's country is known and no seeded conflict is fought there: in a seeded war the reference data's own words
/// decide ("rebels" in Yemen are the Houthis), and with no country known the words give no side (unknown beats wrong).
/// "Gunmen", "militants" and "attackers" are not here: texts use them for criminals and unknown assailants as much as for
/// rebels.
/// </summary>
internal static class UnseededParties
{
    public static readonly IReadOnlyList<Actor> Actors =
    [
        new("rebels", "", "opposition", "generic",
        [
            "rebel", "rebel fighters", "rebel forces", "rebel groups", "insurgents", "insurgent", "insurgent fighters", "insurgent groups",
            "separatists", "separatist", "separatist fighters", "separatist rebels", "armed separatists", "separatist forces",
            "guerrillas", "guerrilla", "guerrilla fighters", "jihadists", "jihadist fighters", "armed opposition", "non-state armed groups",
            "NSAGs", "NSAG", "armed insurgents", "armed rebels", "armed separatists", "armed jihadists", "the insurgency", "insurgency",
        ]),
        new("gangs", "", "gangs", "generic",
            ["gang", "gang members", "armed gangs", "gangsters", "criminal gangs", "gang leader", "gang leaders", "gang fighters", "gunmen of the gangs"]),
    ];

    /// <summary>True for the actors above (not a seeded actor that shares their words).</summary>
    public static bool Contains(Actor actor) => actor.Conflict.Length == 0 && Actors.Contains(actor);
}
