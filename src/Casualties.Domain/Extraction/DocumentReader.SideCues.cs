using Casualties.Domain.Model;
using Casualties.Domain.Reference;

namespace Casualties.Domain.Extraction;

/// <summary>
/// Sides from the means of attack: "air strikes", "barrel bombs", "a car bomb" with no perpetrator named. Who used that means
/// comes first from the text ("the government, whose jets ..."), else from the side cues of the reference data, and only
/// where one side of the document's conflict uses it (in that year and country); several sides, or no conflict, give none.
/// </summary>
internal sealed partial class DocumentReader
{
    /// <summary>The actor the text said uses a means of attack, by cue ("aircraft" → the Russian air force): the text beats the data.</summary>
    private readonly Dictionary<string, IReadOnlyList<Actor>> meansNamed = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The cue phrases of the current sentence, read on first need.</summary>
    private readonly List<NamedAt<SideCue>> cuesHere = [];
    private int cuesReadFor = -1;

    /// <summary>One stand-in actor per (conflict, side) for a side known only by a cue: it names no actor, only the side.</summary>
    private readonly Dictionary<(string Conflict, string Side), Actor> cueActors = [];

    /// <summary>Kind of the stand-in actors: <see cref="Finish"/> gives them a side but no perpetrator name.</summary>
    internal const string CueKind = "cue";

    private List<NamedAt<SideCue>> CuesIn(TokenText text, int from, int to)
    {
        if (cuesReadFor == sentence) return cuesHere;
        cuesReadFor = sentence;
        cuesHere.Clear();
        if (extractor.Reference.SideCues.Count == 0) return cuesHere;
        for (var i = from; i < to; i++)
        {
            if (!text.IsWord(i) || !extractor.SideCues.TryMatchShared(text, i, to, out var length, out var cues)) continue;
            cuesHere.Add(new(i, length, cues));
            i += length - 1;
        }
        return cuesHere;
    }

    /// <summary>
    /// "Russian jets", "the government, whose warplanes", "regime helicopters": an actor right before a means of attack uses it;
    /// later bare mentions of that means in the document are that actor's.
    /// </summary>
    private void RememberMeansNamed(TokenText text, int from, int to)
    {
        if (actorsHere.Count == 0) return;
        foreach (var cue in CuesIn(text, from, to))
        {
            foreach (var actor in actorsHere)
            {
                if (!UsesMeans(text, actor, cue) || InsideVictimPhrase(actor.First)) continue;
                // Each cue's kind (the map ignores case, as the distinct kinds did): no set made per match.
                for (var c = 0; c < cue.Candidates.Count; c++) meansNamed[cue.Candidates[c].Cue] = actor.Candidates;
                break;
            }
        }
    }

    /// <summary>The cue lies inside the actor's name ("regime warplanes") or follows it with only a possessive between.</summary>
    private static bool UsesMeans(TokenText text, NamedAt<Actor> actor, NamedAt<SideCue> cue)
    {
        if (cue.First >= actor.First && cue.First <= actor.Last) return true;
        if (cue.First <= actor.Last || cue.First > actor.Last + 4) return false;
        for (var k = actor.Last + 1; k < cue.First; k++)
        {
            if (!(text.IsApostrophe(k) || text.IsComma(k) || text.IsAny(k, "s", "whose", "its", "their", "own"))) return false;
        }
        return true;
    }

    /// <summary>
    /// The side a killing or wounding takes from the means of attack its sentence names, when the sentence names no perpetrator
    /// and tells of no fighting between sides (then either side's fire may have done it).
    /// </summary>
    private IReadOnlyList<Actor> CuedPerpetrators(TokenText text, int from, int to, ClaimDraft draft)
    {
        if (draft.Outcome is not (Outcome.Killed or Outcome.Injured)) return [];
        if (SentenceHas(text, from, to, ClashWords) || SentenceHas(text, from, to, FightingWords)) return [];
        var cues = CuesIn(text, from, to);
        if (cues.Count == 0) return [];
        foreach (var cue in cues)
        {
            foreach (var kind in cue.Candidates.Select(c => c.Cue))
            {
                if (meansNamed.TryGetValue(kind, out var named)) return named;
            }
        }
        var year = draft.Period.Start?.Date.Year ?? documentDate.Year;
        var country = draft.Place is { } place ? extractor.CountryKeyOf(place) : LeadingCountry();
        var sides = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var cue in cues)
        {
            foreach (var candidate in cue.Candidates)
            {
                if (candidate.FromYear > year || candidate.ToYear < year) continue;
                if (candidate.Country is { } where && !string.Equals(where, country, StringComparison.OrdinalIgnoreCase)) continue;
                if (!sides.TryGetValue(candidate.Conflict, out var set)) sides[candidate.Conflict] = set = new(StringComparer.OrdinalIgnoreCase);
                set.Add(candidate.Side);
            }
        }
        var actors = new List<Actor>();
        foreach (var (conflict, set) in sides)
        {
            if (set.Count == 1) actors.Add(CueActor(conflict, set.First()));
        }
        return actors;
    }

    private Actor CueActor(string conflict, string side)
    {
        if (!cueActors.TryGetValue((conflict, side), out var actor))
        {
            cueActors[(conflict, side)] = actor = new Actor(side, conflict, side, CueKind, []);
        }
        return actor;
    }

    private static readonly HashSet<string> FightingWords = new WordSet()
    {
        "fighting", "fights", "battle", "combat", "exchange", "exchanges", "crossfire", "cross-fire", "infighting",
    };
}
