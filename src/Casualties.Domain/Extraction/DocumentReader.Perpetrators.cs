using Casualties.Domain.Model;
using Casualties.Domain.Reference;

namespace Casualties.Domain.Extraction;

/// <summary>Perpetrators: an actor named as the agent ("a suspected Russian air strike", "killed by rebels"), or the campaign's.</summary>
internal sealed partial class DocumentReader
{
    private static readonly HashSet<string> AggressiveCampaigns = new WordSet()
    {
        "offensive", "campaign", "assault", "bombardment", "siege", "operation", "invasion", "incursion", "onslaught",
        "blockade", "crackdown",
    };

    /// <summary>Nouns for the members of an armed group: "militiamen from the CODECO group", "fighters of the RSF".</summary>
    private static readonly HashSet<string> MemberNouns = new WordSet()
    {
        "militiamen", "fighters", "gunmen", "members", "militants", "soldiers", "troops", "elements", "units", "men", "forces",
        "insurgents", "rebels", "jihadists",
    };

    private static readonly HashSet<string> ForceNouns = new WordSet()
    {
        "forces", "troops", "fighters", "units", "jets", "aircraft", "soldiers", "men", "militiamen", "army", "drones",
        "artillery", "gunners", "warplanes", "brigade", "division",
    };

    /// <summary>The last specific armed group named ("Islamic State"), which "the jihadists" or "the group" refer back to.</summary>
    private IReadOnlyList<Actor>? lastArmedGroup;

    private IReadOnlyList<Actor> PerpetratorsFor(TokenText text, int from, int to, ClaimDraft draft)
    {
        var anchor = draft.Mention.NumberToken;
        var conflict = LeadingConflict();
        NamedAt<Actor>? best = null;
        foreach (var actor in actorsHere)
        {
            if (InsideVictimPhrase(actor.First) || IsReportingSubject(text, actor) || !IsAgent(text, from, actor)) continue;
            // "killed more than 40 of the attackers, whom it described as members of the White Army": who the victims were.
            if (actor.First > anchor && WordBetween(text, anchor, actor.First, "whom")) continue;
            // "GARISSA, Kenya (Wire) -": the country a story was filed from is no agent, whatever troops its name stands for.
            if (FollowsDatelineCity(text, actor.First, actor.Last - actor.First + 1)) continue;
            // "air strikes it blamed on Russian jets": a phrase that names no actor of this conflict is not the agent.
            if (ResolveActor(actor.Candidates, conflict) is null) continue;
            if (SameSideAsVictims(draft, actor.Candidates)) continue;
            // "Three soldiers were killed when government troops clashed with militants": not by their own forces.
            if (conflict is null && IsStateForcesWord(actor.Candidates) && VictimsAreStateForces(text, draft)) continue;
            if (best is null || Distance(actor.First, actor.Last, anchor) < Distance(best.Value.First, best.Value.Last, anchor))
            {
                best = actor;
            }
        }
        if (best is { } fought && IsCaughtInCrossfire(text, from, to, draft, fought, conflict)) return [];
        // "coalition air strikes killed 47 fighters, while the Houthis claimed to have killed dozens": the nearer clause governs.
        var speaker = SpeakerAsAgent(text, from, draft, out var ownDeed);
        if (best is { } agent && (speaker is null || agent.Last > ownDeed)) return ReferBack(text, QualifyingActorBefore(text, agent));
        if (IsArrestByTheState(text, from, draft, conflict) && (speaker is null || ResolveActor(speaker, conflict) is null)) return [StateForces];
        if (ownDeed >= 0 && (speaker is null || ResolveActor(speaker, conflict) is null) && IsOwnStateForceSpeaking(text, from, to, draft)) return [StateForces];
        if (speaker is not null) return speaker;
        if (ownDeed >= 0 && OpenGroupAsAgent(text, from, to, draft) is { } group) return [group];
        if (OwnForcesBefore(text, from, draft.Mention.FirstToken) is { } own) return own;
        if (conflict is null && NationalAgent(text, from, draft) is { } national) return [national];
        return CampaignSubjectBefore(text, from, draft.Mention.FirstToken) ? leadActor ?? [] : [];
    }

    /// <summary>Words that make a sentence's two armed parties fight each other rather than one attack the victims.</summary>
    private static readonly HashSet<string> CrossfireWords = new WordSet()
    {
        "clashed", "clashes", "clash", "crossfire", "cross-fire", "firefight", "exchanged", "skirmishes", "battled", "fought",
    };

    /// <summary>
    /// "Seven civilians were killed when soldiers and separatist fighters clashed", "caught in crossfire between the army and
    /// the rebels": people who are not fighters, killed where two sides fought, fell to neither as far as the text says
    /// (unknown beats wrong). Only when the sentence names a second party of another side and a word of fighting each other.
    /// </summary>
    private bool IsCaughtInCrossfire(TokenText text, int from, int to, ClaimDraft draft, NamedAt<Actor> agent, Conflict? conflict)
    {
        if (draft.Victims == VictimGroups.Combatants || !SentenceHas(text, from, to, CrossfireWords)) return false;
        var side = ResolveActor(agent.Candidates, conflict)?.Side;
        foreach (var actor in actorsHere)
        {
            if (actor.First == agent.First || InsideVictimPhrase(actor.First) || IsReportingSubject(text, actor)) continue;
            if (ResolveActor(actor.Candidates, conflict) is { } other && !string.Equals(other.Side, side, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>
    /// Nouns for the armed men a state fights, as the victims of a figure: "six terrorists", "eight khwarij", "14 insurgents",
    /// and the men who attacked, killed in the attack ("16 of the attackers", "about 30 assailants", "five bandits").
    /// </summary>
    private static readonly HashSet<string> StateEnemyVictimNouns = new WordSet()
    {
        "terrorists", "terrorist", "militants", "militant", "insurgents", "insurgent", "jihadists", "jihadist", "extremists",
        "khwarij", "kharji", "khawarij", "rebels", "rebel", "guerrillas", "guerrilla", "separatists",
        "attackers", "assailants", "bandits", "gunmen", "raiders",
    };

    /// <summary>Words only a state's forces use of the men they kill: "neutralised", "terrorists", "khwarij".</summary>
    private static readonly HashSet<string> StateKillingWords = new WordSet()
    {
        "neutralised", "neutralized", "neutralise", "neutralize", "neutralising", "neutralizing", "terrorists", "terrorist",
        "khwarij", "kharji", "khawarij",
    };

    /// <summary>
    /// "Operations around Djibo had neutralised more than 60 terrorists", "eight khwarij were sent to hell": fighters counted
    /// in the words a state's forces use of their enemies fell to the state (domain.md: the government side), when the
    /// sentence names no attacker and the document's seeded conflict has a government side (not a war between states).
    /// </summary>
    private bool IsStatesKillingOfItsEnemies(TokenText text, int from, int to, ClaimDraft draft)
    {
        if (draft.Outcome != Outcome.Killed || draft.Victims != VictimGroups.Combatants || VictimsAreStateForces(text, draft)) return false;
        // Outside the seeded conflicts the side alone is read (UnnamedSideOfCivilWar): no actor is named there.
        if (LeadingConflict() is not { } conflict || !conflict.Sides.Contains("government")) return false;
        var stateWord = false;
        for (var k = draft.Mention.LastToken + 1; k <= draft.VictimEnd && k < text.Count; k++)
        {
            if (!text.IsWord(k)) continue;
            if (StateKillingWords.Contains(text[k])) stateWord = true;
            else if (!StateEnemyVictimNouns.Contains(text[k]) && !text.IsAny(k, "more", "than", "of", "the")) return false;
        }
        return stateWord || SentenceHas(text, from, to, StateKillingWords) && VictimPhraseHas(text, draft, StateEnemyVictimNouns);
    }

    /// <summary>
    /// "Four rebels and one soldier were killed, the army said": the army's own soldier did not fall to the government side
    /// a list or the speaker gave the figures before it; unknown beats the wrong side. Not another state's soldiers ("two
    /// Turkish soldiers ... by regime shelling").
    /// </summary>
    private bool IsStateKillingItsOwnSoldiers(TokenText text, ClaimDraft draft) =>
        VictimsAreStateForces(text, draft) && LeadingConflict() is { } conflict && conflict.Sides.Contains("government")
        && !HasDemonymIn(text, draft.Mention.LastToken + 1, draft.VictimEnd)
        && ResolveActor(draft.Perpetrators, conflict) is { Side: "government" };

    /// <summary>"two Turkish soldiers": a nationality word among the victims' words.</summary>
    private bool HasDemonymIn(TokenText text, int first, int last)
    {
        for (var k = first; k <= last && k < text.Count; k++)
        {
            if (text.IsWord(k) && extractor.Demonyms.Contains(text[k])) return true;
        }
        return false;
    }

    /// <summary>True when a word of the figure's victims' phrase ("six soldiers of the 3rd brigade") is one of <paramref name="nouns"/>.</summary>
    private static bool VictimPhraseHas(TokenText text, ClaimDraft draft, HashSet<string> nouns)
    {
        for (var k = draft.Mention.LastToken + 1; k <= draft.VictimEnd && k < text.Count; k++)
        {
            if (text.IsWord(k) && nouns.Contains(text[k])) return true;
        }
        return false;
    }

    /// <summary>The government side of a civil war in a country no seeded conflict covers (read by <see cref="UnnamedSideOfCivilWar"/>).</summary>
    private static readonly Actor UnnamedGovernment = new("", "", "government", UnnamedSideKind, []);

    /// <summary>The opposition side of a civil war in a country no seeded conflict covers.</summary>
    private static readonly Actor UnnamedOpposition = new("", "", "opposition", UnnamedSideKind, []);

    /// <summary>The kind of an actor that is only a side, read from whom a figure counts: no name is given.</summary>
    private const string UnnamedSideKind = "unnamed_side";

    /// <summary>
    /// "Five terrorists were killed", "four soldiers embraced shahadat", "two soldiers were wounded in El Tarra": in a
    /// document about a country no seeded conflict covers, a war with two sides (domain.md: government and opposition),
    /// the state's own men killed or wounded with no one named fell to the opposition, and the armed men the state fights
    /// to the government ("its fighters had killed more than 25 soldiers": the speaker fights the state). Asked last, when
    /// neither the sentence nor the event it continues names a side. Not once a foreign state's forces have attacked in
    /// the document (a war between states) or in the sentence ("in Colombian crossfire"), nor for another state's men.
    /// </summary>
    private Actor? UnnamedSideOfCivilWar(TokenText text, int from, int to, ClaimDraft draft)
    {
        if (draft.Outcome is not (Outcome.Killed or Outcome.Injured) || draft.Victims != VictimGroups.Combatants) return null;
        if (draft.UnknownPerpetrator is not null || LeadingConflict() is not null || !IsOutsideSeededConflicts() || LeadingCountry() is not { } home) return null;
        for (var k = from; k < to; k++)
        {
            if (AttackingStateAt(text, from, k) is not null) return null;
        }
        // "Azerbaijani shelling", "up to 50 Armenian soldiers" in a text about Armenia: a foreign state's forces attack here,
        // or another state's men are the victims — a war between states, whose sides are the states.
        foreach (var attacker in nationalAgents)
        {
            if (attacker != home) return null;
        }
        if (VictimCountryOf(text, draft) is { } victims && victims != home) return null;
        bool state = false, enemy = false;
        for (var k = draft.Mention.LastToken + 1; k <= draft.VictimEnd && k < text.Count; k++)
        {
            if (!text.IsWord(k)) continue;
            if (StateForceVictimNouns.Contains(text[k])) state = true;
            else if (StateEnemyVictimNouns.Contains(text[k])) enemy = true;
        }
        // "The X Alliance said its fighters had killed 40 of the attackers": a speaker's own deed is the speaker's, whoever it killed.
        if (enemy && !state && OwnDeedBefore(text, from, draft.Mention.FirstToken) >= 0) return null;
        return state == enemy ? null : state ? UnnamedOpposition : UnnamedGovernment;
    }

    /// <summary>An armed group the reference data lacks, by the name it gives itself: "opposition" when it fights the state.</summary>
    private const string OpenGroupKind = "open_group";

    /// <summary>
    /// "The Balochistan Liberation Army claimed the attack, saying its fighters had killed 40 soldiers": a body the seeds do
    /// not know that reports the killing of the state's forces as its own deed is a group fighting the state, the
    /// opposition side of a civil war (domain.md), kept by its name. Its deeds against others give it no side.
    /// </summary>
    private Actor? OpenGroupAsAgent(TokenText text, int from, int to, ClaimDraft draft)
    {
        if (!VictimsAreStateForces(text, draft)) return null;
        SourceCandidate? speaker = null;
        foreach (var candidate in OpenCandidates(text, from, to))
        {
            if (candidate.Form == SourceForm.ProperName && candidate.Last < draft.Mention.FirstToken) speaker = candidate;
        }
        return speaker is { } group ? new Actor(group.Name, "", "opposition", OpenGroupKind, []) : null;
    }

    /// <summary>Words that may stand between a country's name and the head of its forces' name ("People's Defence").</summary>
    private static readonly HashSet<string> StateForceModifiers = new WordSet()
    {
        "defence", "defense", "armed", "security", "national", "royal", "people", "s", "'", "’",
    };

    /// <summary>The last word of the name of a state's forces.</summary>
    private static readonly HashSet<string> StateForceHeads = new WordSet()
    {
        "forces", "force", "army", "navy", "police", "gendarmerie", "military",
    };

    /// <summary>
    /// "The South Sudan People's Defence Forces said its troops had killed more than 40 of the attackers": the forces of the
    /// document's own state, named by the country's name or nationality word and a word for forces and nothing else, that
    /// report a killing as their own deed are the government side. "Liberation", "Democratic", "Alliance" or any other word
    /// in the name makes it another body's.
    /// </summary>
    private bool IsOwnStateForceSpeaking(TokenText text, int from, int to, ClaimDraft draft)
    {
        if (VictimsAreStateForces(text, draft) || LeadingCountry() is not { } home) return false;
        foreach (var candidate in OpenCandidates(text, from, to))
        {
            if (candidate.Form == SourceForm.ProperName && candidate.Last < draft.Mention.FirstToken && IsStateForceName(text, candidate.First, candidate.Last, home)) return true;
        }
        return false;
    }

    /// <summary>"South Sudan People's Defence Forces", "the Nigerian Army", "Armed Forces of the Philippines": the forces of <paramref name="home"/>.</summary>
    private bool IsStateForceName(TokenText text, int first, int last, string home)
    {
        var k = text.Is(first, "the") ? first + 1 : first;
        if (text.IsAny(k, "armed", "defence", "defense") && text.Is(k + 1, "forces") && text.Is(k + 2, "of"))
        {
            var at = text.Is(k + 3, "the") ? k + 4 : k + 3;
            return IsCountryNameAt(text, at, last + 1, home, out var length) && at + length - 1 == last;
        }
        if (text.Is(k, "royal")) k++;
        if (IsCountryNameAt(text, k, last + 1, home, out var countryLength)) k += countryLength;
        else if (extractor.Demonyms.CountryAt(text, k) == home) k++;
        else return false;
        while (k < last && StateForceModifiers.Contains(text[k])) k++;
        return k == last && text.IsWord(last) && StateForceHeads.Contains(text[last])
            || k == last - 1 && text.Is(k, "air") && text.Is(last, "force");
    }

    /// <summary>True when the words at <paramref name="at"/> name the country <paramref name="home"/> itself.</summary>
    private bool IsCountryNameAt(TokenText text, int at, int end, string home, out int length)
    {
        if (!extractor.Places.TryMatchShared(text, at, end, out length, out var places)) return false;
        foreach (var place in places)
        {
            if (place.Parent is null && place.Key == home) return true;
        }
        return false;
    }

    /// <summary>Verbs and nouns of an arrest, which only a state's police or troops make (abductions and hostages are not here).</summary>
    private static readonly HashSet<string> ArrestWords = new WordSet()
    {
        "arrested", "arrest", "arrests", "detained", "detain", "detention", "apprehended", "jailed", "imprisoned", "custody",
    };

    /// <summary>Words for the state's police and troops as the ones who arrest.</summary>
    private static readonly HashSet<string> ArrestingForceWords = new WordSet()
    {
        "police", "policemen", "officers", "soldiers", "troops", "gendarmes", "gendarmerie", "army", "military", "forces",
        "authorities", "security",
    };

    /// <summary>
    /// "Police detained three journalists", "eleven men arrested by soldiers", "officers had arrested six men": an arrest by
    /// the state's police or troops is the government side's, where the document's war has a government side (or no seeded
    /// war is fought in its country). An arrest with no force named, or a kidnapping, gives no side.
    /// </summary>
    private bool IsArrestByTheState(TokenText text, int from, ClaimDraft draft, Conflict? conflict)
    {
        if (draft.Outcome != Outcome.Detained) return false;
        if (conflict is null ? !IsOutsideSeededConflicts() : !conflict.Sides.Contains("government", StringComparer.Ordinal)) return false;
        var anchor = draft.Mention.NumberToken;
        bool arrest = false, force = false;
        for (var k = from; k < text.Count && !(text.IsPunctuation(k, '.') && k > anchor); k++)
        {
            if (!text.IsWord(k) || InsideVictimPhrase(k)) continue;
            if (ArrestWords.Contains(text[k])) arrest = true;
            else if (ArrestingForceWords.Contains(text[k]) && !(k > draft.Mention.FirstToken && k <= draft.VictimEnd)) force = true;
        }
        return arrest && (force || !AbductionOrCaptivity(text, from, anchor));
    }

    /// <summary>"abducted", "kidnapped", "hostages", "taken captive": an armed group's deed, not an arrest by the state.</summary>
    private static bool AbductionOrCaptivity(TokenText text, int from, int anchor) => SentenceHas(text, from, SentenceEndAfter(text, anchor), CaptivityWords);

    private static readonly HashSet<string> CaptivityWords = new WordSet()
    {
        "abducted", "abduction", "abductions", "kidnapped", "kidnapping", "kidnappings", "hostage", "hostages", "captive", "captives",
        "captured", "seized", "arbitrary", "arbitrarily", "enforced", "disappeared",
    };

    /// <summary>Countries whose nationality word has named an attacker in this document ("Azerbaijani shelling").</summary>
    private readonly HashSet<string> nationalAgents = new(StringComparer.Ordinal);

    /// <summary>
    /// "Azerbaijani shelling of positions near Sotk", "in Armenian fire", "Colombian troops killed": on a text about a
    /// country no seeded conflict covers, a nationality word as the agent names that state's forces. Its side is the
    /// state itself once two states' forces have attacked in the document (a war between states, domain.md); the
    /// government side while only the document's own state has.
    /// </summary>
    private Actor? NationalAgent(TokenText text, int from, ClaimDraft draft)
    {
        if (!IsOutsideSeededConflicts() || LeadingCountry() is not { } home) return null;
        var anchor = draft.Mention.NumberToken;
        (int Token, string Country)? best = null;
        for (var k = from; k < text.Count && !(text.IsPunctuation(k, '.') && k > anchor); k++)
        {
            if (AttackingStateAt(text, from, k) is not { } country) continue;
            nationalAgents.Add(country);
            if (best is null || Distance(k, k, anchor) < Distance(best.Value.Token, best.Value.Token, anchor)) best = (k, country);
        }
        if (best is not { Country: var attacker }) return null;
        if (SameCountryAsCombatantVictims(text, draft, attacker)) return null;
        var interstate = nationalAgents.Count > 1 || attacker != home;
        var side = interstate ? attacker : "government";
        var actor = new Actor(Reference.Gazetteer.ByKey(attacker)!.Name, "", side, NationalKind, []);
        nationalCountries[actor] = attacker;
        return actor;
    }

    /// <summary>Notes every state whose forces a sentence shows attacking ("a Cambodian rocket landed"), figure or not.</summary>
    private void RememberNationalAgents(TokenText text, int from, int to)
    {
        if (!IsOutsideSeededConflicts()) return;
        for (var k = from; k < to; k++)
        {
            if (AttackingStateAt(text, from, k) is { } country) nationalAgents.Add(country);
        }
    }

    /// <summary>"Thai jets bombed", "a Cambodian rocket landed": the state a nationality word at <paramref name="k"/> names as an agent.</summary>
    private string? AttackingStateAt(TokenText text, int from, int k)
    {
        if (!text.IsWord(k) || !text.IsCapitalized(k) || extractor.Demonyms.CountryAt(text, k) is not { } country) return null;
        if (InsideVictimPhrase(k) || Reference.Gazetteer.ByKey(country) is null || InSpeakersName(k)) return null;
        return IsAgent(text, from, new NamedAt<Actor>(k, 1, [])) ? country : null;
    }

    /// <summary>"the Colombian Army's Second Division reported": a nationality word inside the name of the sentence's speaker.</summary>
    private bool InSpeakersName(int k)
    {
        if (openCandidatesSentence != sentence) return false;
        foreach (var candidate in openCandidates)
        {
            if (candidate.First <= k && k <= candidate.Last) return true;
        }
        return false;
    }

    /// <summary>The country each actor <see cref="NationalAgent"/> read stands for.</summary>
    private readonly Dictionary<Actor, string> nationalCountries = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// "Thai jets bombed a village" read before the text named any Cambodian deed is the government side of a civil war;
    /// once the document shows two states' forces attacking, it was a war between them, whose sides are the states.
    /// </summary>
    private string? NationalSide(Actor actor) =>
        actor.Kind == NationalKind && nationalAgents.Count > 1 && nationalCountries.TryGetValue(actor, out var country) ? country : actor.Side;

    /// <summary>"nine soldiers", "11 security personnel", "two police officers": the state's own men among the victims.</summary>
    private static bool VictimsAreStateForces(TokenText text, ClaimDraft draft) =>
        draft.Victims == VictimGroups.Combatants && VictimPhraseHas(text, draft, StateForceVictimNouns);

    /// <summary>"Armenian servicemen were killed in Armenian fire" reads no side: victims are not killed by their own state.</summary>
    private bool SameCountryAsCombatantVictims(TokenText text, ClaimDraft draft, string country)
    {
        if (draft.Victims != VictimGroups.Combatants) return false;
        var k = draft.Mention.LastToken + 1;
        for (var end = Math.Min(draft.VictimEnd, k + 3); k <= end; k++)
        {
            if (text.IsWord(k) && extractor.Demonyms.CountryAt(text, k) == country) return true;
        }
        return false;
    }

    /// <summary>"14 Thai civilians", "8 Cambodian soldiers": the state of the victims, in a document about no seeded conflict.</summary>
    private string? VictimCountryOf(TokenText text, ClaimDraft draft)
    {
        if (!IsOutsideSeededConflicts()) return null;
        var k = draft.Mention.LastToken + 1;
        for (var end = Math.Min(draft.VictimEnd, k + 3); k <= end; k++)
        {
            if (text.IsWord(k) && text.IsCapitalized(k) && extractor.Demonyms.CountryAt(text, k) is { } country) return country;
        }
        // "Nine Peruvian civilians were killed and 14 wounded": a figure of the same victims counts those named before it.
        ClaimDraft? before = null;
        foreach (var other in sentenceDrafts)
        {
            if (ReferenceEquals(other, draft)) break;
            before = other;
        }
        return before is { VictimCountry: { } named } && before.Victims == draft.Victims ? named : null;
    }

    /// <summary>
    /// In a war between two states (the text shows both attacking), victims the text gives one state's nationality and no
    /// attacker ("5 Thai soldiers have died", "14 Thai civilians have been killed") were the other state's.
    /// </summary>
    private string? OtherStateOf(ClaimDraft draft)
    {
        if (nationalAgents.Count != 2 || (draft.VictimCountry ?? draft.Parent?.VictimCountry ?? draft.CoordinatedWith?.VictimCountry) is not { } victims || !nationalAgents.Contains(victims)) return null;
        return nationalAgents.First(c => c != victims);
    }

    /// <summary>The kind of an actor read from a nationality word: a state's forces, with the side <see cref="NationalAgent"/> gave it.</summary>
    private const string NationalKind = "national";

    /// <summary>
    /// "Syrian-Russian forces", "US-Saudi": a hyphenated alliance whose parts are actors (or a country's adjective)
    /// that share one side is an actor of that side; parts on different sides ("Russian-Ukrainian") are none.
    /// </summary>
    private List<Actor>? AllianceAt(ReadOnlySpan<char> word)
    {
        if (word.Length < 5 || word.IndexOfAny('-', '\u2010', '\u2011') < 0) return null;
        List<Actor>? shared = null;
        var parts = 0;
        foreach (var range in word.SplitAny("-\u2010\u2011"))
        {
            var part = word[range];
            parts++;
            if (extractor.Actors.TryMatchWord(part, scratchActors))
            {
                shared = shared is null
                    ? [.. scratchActors]
                    : shared.Where(a => scratchActors.Any(b => b.Conflict == a.Conflict && b.Side == a.Side)).ToList();
            }
            else if (!extractor.Demonyms.Contains(part))
            {
                return null;
            }
        }
        return parts >= 2 && shared is { Count: > 0 } ? shared : null;
    }

    /// <summary>A state's armed forces by the words news copy uses for them, most specific first.</summary>
    private static readonly string[] StateForceWords =
    [
        "armed forces", "security forces", "defence forces", "defense forces", "air force", "army", "military", "troops",
        "soldiers", "forces",
    ];

    private static readonly string[][] StateForceTokens = [.. StateForceWords.Select(w => w.Split(' '))];

    /// <summary>
    /// "Burkina Faso's armed forces", "Mali's troops": a country and a word for its military name the actor that one of the
    /// country's military aliases names ("Burkina Faso's army"), whichever word the text uses.
    /// </summary>
    private IReadOnlyList<Actor>? CountryForcesAfter(TokenText text, int i, int placeLength, IReadOnlyList<Place> places, out int length)
    {
        length = 0;
        var k = i + placeLength;
        var possessive = text.IsPossessive(k);
        if (possessive) k += 2;
        if (!text.IsWord(k) || !text.IsAny(k, "armed", "security", "defence", "defense", "air", "army", "military", "troops", "soldiers", "forces")) return null;
        Place? country = null;
        foreach (var place in places)
        {
            if (place.Kind == "country") country ??= place;
        }
        if (country is null) return null;
        var used = -1;
        for (var w = 0; w < StateForceTokens.Length && used < 0; w++)
        {
            var parts = StateForceTokens[w];
            var matches = true;
            for (var p = 0; p < parts.Length && matches; p++) matches = text.Is(k + p, parts[p]);
            if (matches) used = w;
        }
        if (used < 0) return null;
        for (var n = -1; n < country.Aliases.Count; n++)
        {
            var name = n < 0 ? country.Name : country.Aliases[n];
            for (var w = -1; w < StateForceWords.Length; w++)
            {
                var words = StateForceWords[w < 0 ? used : w];
                var found = extractor.ActorsNamed(name, possessive ? "'s " : " ", words);
                if (found.Count == 0) found = extractor.ActorsNamed(name, possessive ? " " : "'s ", words);
                if (found.Count == 0) continue;
                length = k + StateForceTokens[used].Length - i;
                return found;
            }
        }
        return null;
    }

    /// <summary>
    /// "Hezbollah announced the deaths of four more fighters": a group announcing its own dead says neither where nor by
    /// whom, so the figure takes no place or attacker from earlier sentences.
    /// </summary>
    private static bool IsOwnLossAnnouncement(TokenText text, int from, int mentionStart)
    {
        for (var k = from; k < mentionStart; k++)
        {
            if (!text.IsAny(k, "announced", "announces", "announcing", "mourned", "mourns", "confirmed")) continue;
            var noun = text.Is(k + 1, "the") ? k + 2 : k + 1;
            if (text.IsAny(noun, "death", "deaths") && text.Is(noun + 1, "of")) return true;
        }
        return false;
    }

    /// <summary>
    /// "Al Shabaab claimed responsibility for the attack, saying it had killed 15 soldiers": the group that claims an attack
    /// is the perpetrator of the figures its claim gives (the sentence's, as the gold conventions scope a perpetrator).
    /// </summary>
    private void CreditClaimOfResponsibility(TokenText text, int from, int to)
    {
        // No actor named, no claimant: most sentences, which need not be walked.
        if (actorsHere.Count == 0) return;
        var claim = -1;
        for (var k = from; k < to - 1 && claim < 0; k++)
        {
            if (text.IsAny(k, "claimed", "claims", "claiming") && text.IsAny(k + 1, "responsibility", "credit")) claim = k;
        }
        if (claim < 0) return;
        NamedAt<Actor>? claimant = null;
        foreach (var actor in actorsHere)
        {
            if (actor.Last < claim && claimant is null) claimant = actor;
        }
        if (claimant is not { } who) return;
        foreach (var draft in sentenceDrafts)
        {
            if (draft.Rejected || draft.Perpetrators.Count > 0 || draft.IsTally || draft.Cumulative || SameSideAsVictims(draft, who.Candidates)) continue;
            draft.Perpetrators = who.Candidates;
        }
    }

    /// <summary>"Syrian regime air strikes": an actor right before another names whose it is.</summary>
    private NamedAt<Actor> QualifyingActorBefore(TokenText text, NamedAt<Actor> agent)
    {
        foreach (var actor in actorsHere)
        {
            // "the ADF (Allied Democratic Forces) rebel group": the name in brackets qualifies the noun after them too.
            var next = text.IsPunctuation(actor.Last + 1, ')') ? actor.Last + 2 : actor.Last + 1;
            if (next == agent.First && !InsideVictimPhrase(actor.First)) return actor;
        }
        return agent;
    }

    /// <summary>"the jihadists", "the group", "the militants": the specific armed group named before, if any.</summary>
    private IReadOnlyList<Actor> ReferBack(TokenText text, NamedAt<Actor> agent)
    {
        var generic = agent.Candidates.All(a => a.Kind == "generic") || text.Is(agent.First, "group") || text.Is(agent.Last, "group")
            || IsCommonNoun(text, agent);
        if (generic && text.IsAny(agent.First - 1, "the", "these", "those") && lastArmedGroup is not null
            && (text.Is(agent.Last, "group") || agent.Candidates.Any(a => lastArmedGroup.Any(g => g.Conflict == a.Conflict && g.Side == a.Side))
                || agent.Candidates.All(a => a.Kind == "generic")))
        {
            return lastArmedGroup;
        }
        return agent.Candidates;
    }

    private static bool WordBetween(TokenText text, int from, int to, string word)
    {
        for (var k = from + 1; k < to; k++)
        {
            if (text.Is(k, word)) return true;
        }
        return false;
    }

    /// <summary>"the jihadists", "the militants": a common noun (no capital), not a proper name.</summary>
    private static bool IsCommonNoun(TokenText text, NamedAt<Actor> agent)
    {
        for (var k = agent.First; k <= agent.Last; k++)
        {
            if (text.IsCapitalized(k)) return false;
        }
        return true;
    }

    /// <summary>Victims are not killed by their own side: "nine of its soldiers were killed" by the army that reports them, "Israeli civilians" by Israel.</summary>
    /// <remarks>In the document's conflict the two are compared as resolved there ("the military" and "Israeli soldiers" in Gaza).</remarks>
    private bool SameSideAsVictims(ClaimDraft draft, IReadOnlyList<Actor> candidates)
    {
        if (draft.VictimActors.Count == 0) return false;
        if (candidates.All(c => draft.VictimActors.Any(v => v.Side == c.Side && v.Conflict == c.Conflict))) return true;
        var conflict = LeadingConflict();
        return conflict is not null && ResolveActor(candidates, conflict) is { } perpetrator && ResolveActor(draft.VictimActors, conflict) is { } victim
            && perpetrator.Conflict == victim.Conflict && perpetrator.Side == victim.Side;
    }

    /// <summary>"The army said ...", "Hezbollah announced ...": an actor speaking is the source, not the attacker.</summary>
    private static bool IsReportingSubject(TokenText text, NamedAt<Actor> actor)
    {
        var k = actor.Last + 1;
        if (text.IsPossessive(k)) return false;
        for (var skipped = 0; skipped <= 3; skipped++, k++)
        {
            if (IsSpeech(text, k)) return !text.Is(k, "according");
            if (!text.IsWord(k) || !ReportingFillers.Contains(text[k])) return false;
        }
        return false;
    }

    /// <summary>"Russia's defence ministry said its forces had killed 475": the reporting actor's own forces.</summary>
    private IReadOnlyList<Actor>? OwnForcesBefore(TokenText text, int from, int mentionStart)
    {
        for (var k = mentionStart - 1; k > from; k--)
        {
            if (!text.IsAny(k, "its", "his", "their", "our") || !text.IsWord(k + 1) || !ForceNouns.Contains(text[k + 1])) continue;
            var verb = false;
            for (var v = k + 2; v < mentionStart && !verb; v++)
            {
                verb = AttackVerbs.Contains(text[v]) || ExtractionVocabulary.OutcomeBefore.TryMatch(text, v, mentionStart, out _, out _);
            }
            if (!verb) continue;
            foreach (var actor in actorsHere)
            {
                if (actor.Last < k) return actor.Candidates;
            }
            return null;
        }
        return null;
    }

    private bool InsideVictimPhrase(int token)
    {
        foreach (var draft in sentenceDrafts)
        {
            if (token >= draft.Mention.FirstToken && token <= draft.VictimEnd) return true;
        }
        return false;
    }

    /// <summary>"said Friday the Taliban launched", "said on Monday rebels attacked": the day a speech verb carries, before its clause.</summary>
    private static bool IsDayOfSpeaking(TokenText text, int from, int day)
    {
        if (day <= from || !text.IsWord(day) || !CalendarWords.IsWeekday(text[day])) return false;
        var verb = text.Is(day - 1, "on") ? day - 2 : day - 1;
        return verb >= from && text.IsAny(verb, "said", "says", "told", "reported", "announced");
    }

    /// <summary>An actor is the agent when an attack noun follows it, "by" precedes it, or it is the subject of killing.</summary>
    private static bool IsAgent(TokenText text, int from, NamedAt<Actor> actor)
    {
        var before = actor.First - 1;
        while (before >= from && text.IsAny(before, "the", "a", "an", "suspected", "alleged", "apparent", "retaliatory"))
        {
            before--;
        }
        if (before > from && text.IsAny(before, "from", "of") && text.IsWord(before - 1) && MemberNouns.Contains(text[before - 1]))
        {
            // "Militiamen from the CODECO armed group hacked ...": the members' group acts as they do.
            before -= 2;
            while (before >= from && text.IsAny(before, "the", "a", "an", "armed", "suspected", "alleged")) before--;
        }
        if (before >= from && ExtractionVocabulary.AgentMarkers.Contains(text[before])) return true;
        // "the offensive of the National Liberation Army", "an attack of the militia": whose deed it is.
        if (before > from && text.Is(before, "of") && text.IsWord(before - 1) && ExtractionVocabulary.AttackNouns.Contains(text[before - 1])) return true;
        // "the death toll from the government offensive", "the victims of the regime's bombardment": the toll of its deed.
        if (before > from && text.IsAny(before, "from", "of") && text.IsAny(before - 1, "toll", "tally", "casualties", "deaths", "dead", "victims")
            && AttackNounFollows(text, actor.Last + 1))
        {
            return true;
        }
        if (before > from && text.IsAny(before, "on", "to") && BlamedBefore(text, from, before - 1)) return true;
        if (before >= from && ExtractionVocabulary.TargetMarkers.Contains(text[before])) return false;
        if (before >= from && text.Is(before, "and") && IsBetween(text, from, before)) return false;
        if (IsOwnLossNoun(text, actor.Last + 1)) return false;
        for (var k = actor.First + 1; k <= actor.Last; k++)
        {
            if (ExtractionVocabulary.AttackNouns.Contains(text[k])) return true;
        }
        var after = actor.Last + 1;
        if (text.IsPossessive(after)) after += 2;
        if ((before < from || text.Kind(before) == TokenKind.Punctuation || text.IsAny(before, "when", "as", "after", "while", "and", "said", "says", "that", "because")
                || IsDayOfSpeaking(text, from, before))
            && AttackVerbFollows(text, after))
        {
            return true;
        }
        // "killed since gangs stormed the town": the deed that began the count; "since Russia launched its invasion" only dates it.
        if (before >= from && text.IsAny(before, "since", "until", "once") && AttackVerbAt(text, after) is { } verb && !ExtractionVocabulary.LaunchVerbs.Contains(text[verb]))
        {
            return true;
        }
        for (var k = after; k < Math.Min(after + 3, text.Count); k++)
        {
            if (!text.IsWord(k)) break;
            if (ExtractionVocabulary.AttackNouns.Contains(text[k])) return true;
            if (ExtractionVocabulary.OutcomeBefore.TryMatch(text, k, text.Count, out _, out _)) return k == after;
            if (k == after && text.IsAny(k, "has", "have", "had", "also", "reportedly") ) continue;
            // "a Cambodian BM-21 rocket strike", "Thai F-16 jets": a weapon's model or kind before the deed's noun.
            if (!text.IsAny(k, "air", "ground", "artillery", "heavy", "government", "regime", "military", "army", "-led", "led", "backed",
                    "rocket", "missile", "mortar", "drone", "naval", "tank", "cluster", "glide", "guided")
                && !HasDigit(text[k]))
            {
                break;
            }
        }
        return false;
    }

    private static bool HasDigit(ReadOnlySpan<char> word) => word.IndexOfAnyInRange('0', '9') >= 0;

    private static bool AttackNounFollows(TokenText text, int after)
    {
        if (text.IsPossessive(after)) after += 2;
        return text.IsWord(after) && ExtractionVocabulary.AttackNouns.Contains(text[after])
            || text.IsWord(after) && text.IsAny(after, "air", "military", "ground") && text.IsWord(after + 1) && ExtractionVocabulary.AttackNouns.Contains(text[after + 1]);
    }

    /// <summary>"the military's death toll", "Israeli losses", "the Ukrainian formations lost 310 servicemen": an actor's own dead, not its deed.</summary>
    private static bool IsOwnLossNoun(TokenText text, int after)
    {
        if (text.IsPossessive(after)) after += 2;
        return text.IsAny(after, "death", "toll", "losses", "dead", "casualties", "casualty", "fallen", "lost", "loses", "lose");
    }

    private static readonly HashSet<string> AttackVerbs = new WordSet()
    {
        "fired", "shelled", "pounded", "bombed", "struck", "hit", "attacked", "launched", "targeted", "stormed",
        "raided", "shot", "killed", "bombarded", "opened", "ambushed", "executed", "massacred", "detonated",
        "besieged", "overran", "seized", "carried", "rained", "strikes", "shells", "pounds", "fires", "kills",
        "repelled", "repulsed", "thwarted", "foiled", "eliminated", "detained", "abducted", "captured", "arrested",
        "kidnapped", "planted", "dropped", "wounded", "injured", "destroyed", "committed", "perpetrated",
    };

    /// <summary>"Rebels in the enclave fired ...": a sentence's subject actor followed by a verb of attack.</summary>
    private static bool AttackVerbFollows(TokenText text, int after) => AttackVerbAt(text, after) is not null;

    /// <summary>The verb of attack that follows a subject actor within a few words, if any.</summary>
    private static int? AttackVerbAt(TokenText text, int after)
    {
        for (var k = after; k < Math.Min(after + 6, text.Count); k++)
        {
            if (text.IsWord(k) && AttackVerbs.Contains(text[k])) return k;
            if (text.IsPunctuation(k, ',') || text.IsAny(k, "said", "says", "were", "was")) return null;
        }
        return null;
    }

    /// <summary>"a bombing blamed on al-Shabab", "attacks widely attributed to Israel".</summary>
    private static bool BlamedBefore(TokenText text, int from, int k)
    {
        if (k >= from && text.IsAny(k, "widely", "largely", "generally", "officially")) k--;
        return k >= from && text.IsAny(k, "blamed", "attributed");
    }

    private static bool IsBetween(TokenText text, int from, int and)
    {
        for (var k = and - 1; k >= Math.Max(from, and - 6); k--)
        {
            if (text.Is(k, "between")) return true;
        }
        return false;
    }

    /// <summary>"The offensive has killed ...": a campaign is the subject before the figure.</summary>
    private static bool CampaignSubjectBefore(TokenText text, int from, int mentionStart)
    {
        for (var k = from; k < mentionStart; k++)
        {
            if (!AggressiveCampaigns.Contains(text[k])) continue;
            if (!text.IsAny(k - 1, "the", "this", "its", "their")) continue;
            if (text.IsAny(k - 2, "since", "of", "during", "before", "after", "against", "in")) continue;
            return true;
        }
        return false;
    }
}
