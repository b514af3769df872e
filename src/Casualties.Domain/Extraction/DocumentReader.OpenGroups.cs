using Casualties.Domain.Reference;

namespace Casualties.Domain.Extraction;

/// <summary>
/// Armed groups the reference data lacks, on a text about a country no seeded conflict is fought in: a proper name that
/// ends in a word for an armed body ("the National Liberation Army (ELN)", "the Mai-Mai Yakutumba Militia", "the Tahrir
/// Front") is a group fighting the state, the opposition side of a civil war (domain.md), kept by its name; its initials
/// in brackets name it again later ("ELN combatants murdered 12 people"). A state's own forces ("the Colombian National
/// Army", "Armed Forces of the Philippines") are not such a group.
/// </summary>
internal sealed partial class DocumentReader
{
    /// <summary>The last word of an armed group's name.</summary>
    private static readonly HashSet<string> ArmedGroupHeads = new WordSet()
    {
        "Army", "Front", "Movement", "Militia", "Militias", "Brigade", "Brigades", "Resistance", "Guerrillas", "Rebels",
    };

    /// <summary>Lower-case words inside a group's name ("Army of National Liberation", "Front for the Liberation of ...").</summary>
    private static readonly HashSet<string> GroupNameParticles = new WordSet() { "of", "for", "the", "and", "de", "del", "la", "du" };

    /// <summary>Initials a group was named by in brackets, with the group.</summary>
    private readonly Dictionary<string, Actor> openGroupInitials = new(StringComparer.Ordinal);

    /// <summary>An armed group the seeds lack, named at <paramref name="i"/> (with members after it: "ELN combatants"); else null.</summary>
    private Actor? OpenArmedGroupAt(TokenText text, int i, int to, out int length)
    {
        length = 0;
        // Asked at every capitalised word: the token tests first, the document's country (votes change at every name) last.
        if (!text.IsCapitalized(i)) return null;
        Actor? group = null;
        var last = -1;
        if (openGroupInitials.Count > 0 && openGroupInitials.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text[i], out var known))
        {
            if (!IsOutsideSeededConflicts()) return null;
            (group, last) = (known, i);
        }
        else if (GroupNameEnd(text, i, to) is > 0 and var end && IsOutsideSeededConflicts() && LeadingCountry() is { } home
            && !IsStateForceName(text, i, end, home) && !IsStateUnitName(text, i, end))
        {
            group = new Actor(text.Slice(i, end), "", "opposition", OpenGroupKind, []);
            last = end;
            // "the National Liberation Army (ELN)": the initials name it from here on.
            if (text.IsPunctuation(end + 1, '(') && text.IsPunctuation(end + 3, ')') && text.IsWord(end + 2) && IsInitials(text[end + 2]))
            {
                openGroupInitials[text[end + 2].ToString()] = group;
            }
        }
        if (group is null) return null;
        if (text.IsWord(last + 1) && MemberNouns.Contains(text[last + 1]) || text.IsAny(last + 1, "combatants", "guerrillas")) last++;
        length = last - i + 1;
        return group;
    }

    /// <summary>Words of a state army's units: "Thailand's Second Army Region", "the 3rd Infantry Division", "the Royal Army".</summary>
    private static readonly HashSet<string> StateUnitWords = new WordSet()
    {
        "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth", "Region", "Division",
        "Corps", "Command", "Royal", "National", "Regular", "Infantry", "Special", "Republican", "Presidential",
    };

    /// <summary>
    /// A unit of a state's forces, not a group fighting it: a country or nationality word before or inside the name
    /// ("Thailand's Second Army Region", "the Thai Second Army"), or a unit's word ("Second", "Division", "National Army").
    /// "National Liberation Army" is a group's name: a unit word counts only where no word of a cause ("Liberation",
    /// "Revolutionary", "Islamic", "Popular", "People's") is in it.
    /// </summary>
    private bool IsStateUnitName(TokenText text, int first, int last)
    {
        if (text.IsPossessive(first - 2)) return true;
        var cause = false;
        var unit = false;
        for (var k = first; k <= last; k++)
        {
            if (!text.IsWord(k)) continue;
            if (extractor.Demonyms.CountryAt(text, k) is not null || text.IsCapitalized(k) && extractor.Places.TryMatchShared(text, k, last + 1, out _, out var places) && AnyCountry(places)) return true;
            cause |= text.IsAny(k, "Liberation", "Revolutionary", "Islamic", "Popular", "People", "Democratic", "Patriotic", "Salvation", "Resistance");
            unit |= StateUnitWords.Contains(text[k]);
        }
        if (text.IsWord(last + 1) && text.IsCapitalized(last + 1) && StateUnitWords.Contains(text[last + 1])) return true;
        return unit && !cause;
    }

    private static bool AnyCountry(IReadOnlyList<Place> places)
    {
        foreach (var place in places)
        {
            if (place.Parent is null) return true;
        }
        return false;
    }

    /// <summary>The token that ends a capitalised name whose last word is an armed body's, two to seven words long; else -1.</summary>
    private static int GroupNameEnd(TokenText text, int i, int to)
    {
        var end = -1;
        if (MemberNouns.Contains(text[i]) || text.IsAny(i, "The", "A", "An")) return -1;
        for (var k = i; k < Math.Min(to, i + 7); k++)
        {
            if (!text.IsWord(k)) break;
            if (text.IsCapitalized(k))
            {
                if (ArmedGroupHeads.Contains(text[k]) && k > i) end = k;
                continue;
            }
            if (!GroupNameParticles.Contains(text[k])) break;
        }
        return end;
    }

    private static bool IsInitials(ReadOnlySpan<char> word)
    {
        if (word.Length is < 2 or > 8) return false;
        foreach (var c in word)
        {
            if (!char.IsUpper(c) && c != '-') return false;
        }
        return true;
    }
}
