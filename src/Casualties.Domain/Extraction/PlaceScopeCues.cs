using Casualties.Domain.Model;

namespace Casualties.Domain.Extraction;

/// <summary>
/// What an article's wording says of a figure's place (issue 15): <see cref="PlaceScope.Across"/> when it covers
/// the area ("across Syria", "throughout the country", "nationwide", "in all of Darfur"); <see cref="PlaceScope.Within"/>
/// when a one-day figure of a single happening ("a strike", "an ambush", "one explosion") is placed only at a
/// country or a region ("a drone strike in Syria killed 12": somewhere in Syria, not Syria's toll of the day);
/// else null (not stated: a tally covers its place, and so does a one-day figure with no single happening).
/// </summary>
public static class PlaceScopeCues
{
    private static readonly string[][] Coverage =
    [
        ["across"], ["throughout"], ["nationwide"], ["countrywide"], ["country", "wide"], ["all", "over"],
        ["in", "all", "of"], ["the", "whole", "of"], ["the", "entire"], ["all", "parts", "of"],
    ];

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal) { "a", "an", "one", "single" };

    private static readonly HashSet<string> Happenings = new(StringComparer.Ordinal)
    {
        "strike", "airstrike", "attack", "bombing", "explosion", "blast", "ambush", "raid", "shelling", "missile", "rocket",
        "shell", "bomb", "massacre", "clash", "firefight", "assault", "landmine", "ied",
    };

    /// <summary>The scope the quote gives the figure; <paramref name="coarsePlace"/>: its place is a country or a region.</summary>
    public static PlaceScope? Read(string? quote, bool oneDayEvent, bool coarsePlace)
    {
        if (string.IsNullOrEmpty(quote)) return null;
        var words = Words(quote);
        if (Coverage.Any(cue => Find(words, cue))) return PlaceScope.Across;
        if (!oneDayEvent || !coarsePlace) return null;
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (!Determiners.Contains(words[i])) continue;
            // "a strike", "an air strike", "a suicide car bombing": a happening within three words of the determiner.
            for (var j = i + 1; j < words.Count && j <= i + 3; j++)
            {
                if (Happenings.Contains(words[j])) return PlaceScope.Within;
            }
        }
        return null;
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetter(text[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }
        return words;
    }

    private static bool Find(List<string> words, string[] cue)
    {
        for (var i = 0; i + cue.Length <= words.Count; i++)
        {
            var match = true;
            for (var k = 0; k < cue.Length && match; k++) match = words[i + k] == cue[k];
            if (match) return true;
        }
        return false;
    }
}
