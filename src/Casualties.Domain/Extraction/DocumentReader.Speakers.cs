using Casualties.Domain.Reference;

namespace Casualties.Domain.Extraction;

/// <summary>
/// The speaker as the perpetrator: "the army said it killed 40 militants", "'Our fighters killed nine soldiers,' the group said",
/// "the group said its fighters had killed", "the Houthis claimed to have killed". The actor who reports the killing as its own
/// deed is its perpetrator (and, as before, its source).
/// </summary>
internal sealed partial class DocumentReader
{
    /// <summary>Nouns a speaker uses for its own armed men ("our mujahideen", "its air force", "the group's fighters").</summary>
    private static readonly HashSet<string> OwnForceNouns = new WordSet()
    {
        "forces", "troops", "fighters", "units", "jets", "aircraft", "soldiers", "men", "militiamen", "army", "drones",
        "artillery", "gunners", "warplanes", "brigade", "brigades", "division", "force", "mujahideen", "boys", "combatants",
        "navy", "warriors", "heroes", "defenders", "personnel", "servicemen", "commandos", "snipers", "battalion",
    };

    private static readonly HashSet<string> Auxiliaries = new WordSet()
    {
        "has", "have", "had", "also", "already", "successfully", "reportedly", "so", "far", "then", "later", "subsequently", "d",
    };

    /// <summary>The speaking actor of the sentence when the words before the figure make it the doer ("it killed", "our fighters killed").</summary>
    private IReadOnlyList<Actor>? SpeakerAsAgent(TokenText text, int from, ClaimDraft draft, out int subject)
    {
        subject = OwnDeedBefore(text, from, draft.Mention.FirstToken);
        if (subject < 0) return null;
        var deed = subject;
        NamedAt<Actor>? speaker = null;
        foreach (var actor in actorsHere)
        {
            if (InsideVictimPhrase(actor.First) || !IsSpeaker(text, actor)) continue;
            if (speaker is null || Math.Abs(actor.First - deed) < Math.Abs(speaker.Value.First - deed)) speaker = actor;
        }
        if (speaker is not { } who || SameSideAsVictims(draft, who.Candidates)) return null;
        return ReferBack(text, who);
    }

    /// <summary>"the army said ...", "... the group said", "the Houthis claimed to have killed": an actor that is the subject of a speech verb.</summary>
    /// <remarks>"The army's Taiz command said": the body of an actor that speaks speaks for it.</remarks>
    private static bool IsSpeaker(TokenText text, NamedAt<Actor> actor)
    {
        if (IsReportingSubject(text, actor)) return true;
        var k = actor.Last + 1;
        if (!text.IsPossessive(k)) return false;
        for (var n = k + 2; n < k + 8 && text.IsWord(n); n++)
        {
            if (IsSpeech(text, n)) return !text.Is(n, "according");
            if (!text.IsCapitalized(n) && !ReportingFillers.Contains(text[n]) && !text.IsAny(n, "media", "press", "information", "team", "wing", "unit")) return false;
        }
        return false;
    }

    /// <summary>
    /// The token where the speaker's own deed begins before the figure: "it"/"we"/"they" or "its/our/their/his ... fighters"
    /// or "the group's fighters" followed by a verb of attack, or "to have" killed after a speech verb; -1 when none.
    /// </summary>
    private static int OwnDeedBefore(TokenText text, int from, int mentionStart)
    {
        for (var k = mentionStart - 1; k >= from; k--)
        {
            if (!text.IsWord(k)) continue;
            int verb;
            if (text.IsAny(k, "it", "we", "they"))
            {
                verb = k + 1;
            }
            else if (text.IsAny(k, "its", "our", "their", "his"))
            {
                verb = AfterForceNoun(text, k + 1, mentionStart);
            }
            else if (text.Is(k, "to") && text.Is(k + 1, "have") && k > from && IsSpeech(text, k - 1))
            {
                verb = k + 2;
            }
            else if (text.IsAny(k, "group", "movement", "organisation", "organization", "army", "militia") && text.IsPossessive(k + 1))
            {
                verb = AfterForceNoun(text, k + 3, mentionStart);
            }
            else
            {
                continue;
            }
            if (verb < 0) continue;
            // "its fighters had "neutralised" nine soldiers": quotation marks around the verb.
            while (verb < mentionStart && (text.IsApostrophe(verb) || SourceCandidateFinder.IsQuote(text, verb) || text.IsWord(verb) && Auxiliaries.Contains(text[verb]))) verb++;
            if (verb < mentionStart && text.IsWord(verb) && (AttackVerbs.Contains(text[verb]) || text.IsAny(verb, "eliminated", "neutralised", "neutralized", "downed")))
            {
                return k;
            }
        }
        return -1;
    }

    /// <summary>The token after "[up to two words] fighters" starting at <paramref name="k"/>, or -1.</summary>
    private static int AfterForceNoun(TokenText text, int k, int end)
    {
        for (var n = k; n < Math.Min(k + 3, end); n++)
        {
            if (!text.IsWord(n)) return -1;
            if (OwnForceNouns.Contains(text[n])) return n + 1;
        }
        return -1;
    }

    private static readonly HashSet<string> AttackerNouns = new WordSet()
    {
        "extremists", "attackers", "assailants", "bandits", "gangs", "gang", "gangsters", "gunmen", "militants", "militiamen",
        "fighters", "rebels", "insurgents", "jihadists", "terrorists", "men", "members", "soldiers", "troops", "forces", "militias",
        "militia", "group", "groups", "separatists", "kidnappers", "raiders", "herders", "vigilantes", "police", "settlers",
    };

    /// <summary>"were killed by Hutu extremists", "abducted by unidentified gunmen": the figure's own attacker, named by a common noun.</summary>
    private static bool UnnamedAgentAfter(TokenText text, int to, ClaimDraft draft)
    {
        for (var k = draft.VictimEnd + 1; k < Math.Min(draft.VictimEnd + 12, to); k++)
        {
            if (!text.Is(k, "by") || !text.IsAny(k - 1, "killed", "wounded", "injured", "abducted", "kidnapped", "shot", "massacred",
                "murdered", "executed", "slain", "hurt", "attacked", "displaced", "detained", "arrested", "seized", "taken"))
            {
                continue;
            }
            for (var n = k + 1; n < Math.Min(k + 4, to) && text.IsWord(n); n++)
            {
                if (AttackerNouns.Contains(text[n])) return true;
            }
            return false;
        }
        return false;
    }
}
