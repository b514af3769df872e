using Casualties.Domain.Model;
using Casualties.Domain.Reference;

namespace Casualties.Domain.Extraction;

/// <summary>
/// A side reporting its own dead: "the army said nine of its soldiers were killed", "the RSF said 20 of its fighters died",
/// "the military said two soldiers were killed". The speaker is the source and its men are the victims, so the speaker's side
/// is not the perpetrator; the other side is, only when the text names it, or when the conflict has exactly two sides and the
/// text tells of an attack (an ambush, a raid, shelling) rather than of fighting. Otherwise the perpetrator is unknown.
/// </summary>
internal sealed partial class DocumentReader
{
    /// <summary>Nouns for a state's own armed men: victims no one kills on their own side, whom a state speaker reporting them unqualified means as its own.</summary>
    private static readonly HashSet<string> StateForceVictimNouns = new WordSet()
    {
        "soldiers", "soldier", "troops", "servicemen", "serviceman", "servicemembers", "officers", "policemen", "police",
        "personnel", "guards", "rangers", "marines", "paratroopers", "commandos", "conscripts", "reservists", "sailors",
        "airmen", "gendarmes",
    };

    private static readonly HashSet<string> AttackWords = new WordSet()
    {
        "ambush", "ambushed", "attack", "attacks", "attacked", "raid", "raids", "assault", "shelling", "shelled", "strike",
        "strikes", "bombardment", "bombing", "bombings", "sniper", "landmine", "mine", "ied", "roadside",
    };

    /// <summary>
    /// The actor whose own fighters the figure counts ("X lost 120 servicemen"; the speaker's "nine of its soldiers"; "two
    /// soldiers" in a state's own report), or null. Not when the speaker is the doer ("it killed 40 soldiers") or the victims are named as another's.
    /// </summary>
    private NamedAt<Actor>? OwnDeadOf(TokenText text, int from, ClaimDraft draft)
    {
        // "two soldiers": the bare word every army answers to names no other side's men.
        var bareForces = draft.VictimEnd == draft.Mention.LastToken + 1 && text.IsWord(draft.VictimEnd) && StateForceVictimNouns.Contains(text[draft.VictimEnd]);
        if (draft.Victims != VictimGroups.Combatants || draft.VictimActors.Count > 0 && !bareForces) return null;
        if (OwnDeedBefore(text, from, draft.Mention.FirstToken) >= 0) return null;
        var possessive = false;
        for (var k = Math.Max(from, draft.Mention.FirstToken - 1); k <= draft.VictimEnd && !possessive; k++)
        {
            possessive = text.IsAny(k, "its", "their", "our");
        }
        foreach (var actor in actorsHere)
        {
            // "Russian forces lost 120 servicemen killed": the actor whose losses the figure counts.
            if (actor.Last < draft.Mention.FirstToken && text.IsAny(actor.Last + 1, "lost", "loses", "lose")) return actor;
        }
        NamedAt<Actor>? speaker = null;
        foreach (var actor in actorsHere)
        {
            if (InsideVictimPhrase(actor.First) || !IsSpeaker(text, actor)) continue;
            if (speaker is null || Math.Abs(actor.First - draft.Mention.FirstToken) < Math.Abs(speaker.Value.First - draft.Mention.FirstToken)) speaker = actor;
        }
        if (speaker is not { } who) return null;
        if (possessive) return who;
        var stateSpeaker = who.Candidates.All(a => a.Kind is "state" or "army" or "air_force" or "police" or "generic");
        return stateSpeaker && text.IsWord(draft.VictimEnd) && StateForceVictimNouns.Contains(text[draft.VictimEnd]) ? who : null;
    }

    /// <summary>
    /// The other side of a two-sided conflict, for a side's own dead that the text says fell to an attack (not in fighting, where
    /// either side's fire may have killed them).
    /// </summary>
    private IReadOnlyList<Actor> EnemyOfOwnDead(TokenText text, int from, int to, IReadOnlyList<Actor> victims)
    {
        if (LeadingConflict() is not { Sides.Count: 2 } conflict) return [];
        if (!SentenceHas(text, from, to, AttackWords) || SentenceHas(text, from, to, ClashWords) || SentenceHas(text, from, to, FightingWords)) return [];
        var own = victims.FirstOrDefault(v => string.Equals(v.Conflict, conflict.Key, StringComparison.OrdinalIgnoreCase))?.Side;
        if (own is null) return [];
        var other = conflict.Sides.FirstOrDefault(s => !string.Equals(s, own, StringComparison.OrdinalIgnoreCase));
        return other is null ? [] : [CueActor(conflict.Key, other)];
    }
}
