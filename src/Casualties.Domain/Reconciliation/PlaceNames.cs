using System.Globalization;
using System.Text;
using Casualties.Domain.Reference;

namespace Casualties.Domain.Reconciliation;

/// <summary>
/// Places known only by the name a claim gives them (issue 14): the name normalised so that spellings of one place
/// compare equal, and the key under which such a place is grouped.
/// </summary>
/// <remarks>
/// Normalised: case and diacritics folded; apostrophes and the letters ʿ ʾ dropped ("Ma'arrat" = "Maarrat"); other
/// punctuation, hyphens included, a space; the article "al"/"el" (and its assimilated forms written with a hyphen,
/// "ash-", "ad-", "ez-" ...) one word "al", and dropped at the start of the name; a leading "the" and a trailing
/// "village", "town" or "city" dropped. So "Al-Maʿarra village", "el Maarra" and "Maarra" are one place.
/// Keys: <c>{parent key}/~{normalised}</c> inside the nearest place the gazetteer knows, or <c>~{normalised}</c>
/// when the claim carries no known place (such claims stay in the partition of claims with no place).
/// </remarks>
public static class PlaceNames
{
    /// <summary>Marks the part of a key that is a normalised name rather than a gazetteer key.</summary>
    public const string Mark = "~";

    private const string ChildMark = "/~";

    private static readonly HashSet<string> Articles = new(StringComparer.Ordinal) { "al", "el" };

    private static readonly HashSet<string> HyphenatedArticles = new(StringComparer.Ordinal)
    {
        "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az", "ed", "en", "er", "es", "esh", "et", "ez", "ul", "il",
    };

    /// <summary>
    /// Latin letters with diacritics (transliterations included: ḥ ṣ ṭ ā ī ū) to their base letter. A table, as the
    /// build runs with invariant globalization, where Unicode decomposition is not available.
    /// </summary>
    private static readonly Dictionary<char, char> Unaccented = BuildUnaccented(
        ("àáâãäåāăąạả", 'a'), ("èéêëēĕėęěẹẻẽ", 'e'), ("ìíîïĩīĭįıịỉ", 'i'), ("òóôõöøōŏőọỏ", 'o'), ("ùúûüũūŭůűųụủ", 'u'),
        ("ýÿŷỳ", 'y'), ("çćĉċč", 'c'), ("ďđḍḏ", 'd'), ("ĝğġģ", 'g'), ("ĥħḥḫẖ", 'h'), ("ĵ", 'j'), ("ķ", 'k'), ("ĺļľŀł", 'l'),
        ("ñńņňŋ", 'n'), ("ŕŗř", 'r'), ("śŝşšṣș", 's'), ("ţťŧṭṯț", 't'), ("źżžẓ", 'z'));

    private static Dictionary<char, char> BuildUnaccented(params (string Letters, char Base)[] groups)
    {
        var table = new Dictionary<char, char>();
        foreach (var (letters, letter) in groups)
        {
            foreach (var c in letters) table[c] = letter;
        }
        return table;
    }

    private static readonly HashSet<string> TrailingKinds = new(StringComparer.Ordinal) { "village", "town", "city" };

    private static readonly HashSet<string> AdministrativeKinds = new(StringComparer.Ordinal)
    {
        "governorate", "province", "district", "region", "county", "oblast", "municipality", "state", "subdistrict",
    };

    /// <summary>The name to group by: "Kafr Zita" of "Kafr Zita, Hama" (the parts after a comma name its parents).</summary>
    public static string OwnPart(string name)
    {
        var comma = name.IndexOf(',', StringComparison.Ordinal);
        return comma > 0 ? name[..comma] : name;
    }

    /// <summary>A name, then its parts, finest first: "Kafr Zita, Hama" gives it whole, "Kafr Zita", "Hama".</summary>
    public static IEnumerable<string> FinestFirst(string name)
    {
        yield return name;
        if (!name.Contains(',', StringComparison.Ordinal)) yield break;
        foreach (var part in name.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) yield return part;
    }

    /// <summary>The normalised name ("" when nothing of it is left).</summary>
    public static string Normalise(string name)
    {
        var words = Words(name);
        while (words.Count > 1 && TrailingKinds.Contains(words[^1])) words.RemoveAt(words.Count - 1);
        return string.Join(' ', words);
    }

    /// <summary>True when <paramref name="name"/> is the gazetteer place's name or an alias (kind words such as "governorate" aside).</summary>
    public static bool Names(Place place, string name)
    {
        var wanted = Bare(name);
        if (wanted.Length == 0) return false;
        if (Bare(place.Name) == wanted) return true;
        foreach (var alias in place.Aliases)
        {
            if (Bare(alias) == wanted) return true;
        }
        return false;
    }

    /// <summary>The key of a place known by name: inside <paramref name="parentKey"/> (a gazetteer key), or on its own when null.</summary>
    public static string KeyOf(string? parentKey, string normalised) =>
        parentKey is null ? Mark + normalised : parentKey + ChildMark + normalised;

    /// <summary>True for a key made by <see cref="KeyOf"/>.</summary>
    public static bool IsNamed(string? key) =>
        key is not null && (key.StartsWith(Mark, StringComparison.Ordinal) || key.Contains(ChildMark, StringComparison.Ordinal));

    /// <summary>The parent's key of a named place's key (null for one on its own, or a gazetteer key).</summary>
    public static string? ParentOf(string key)
    {
        var at = key.LastIndexOf(ChildMark, StringComparison.Ordinal);
        return at > 0 ? key[..at] : null;
    }

    /// <summary>The normalised name in a named place's key.</summary>
    public static string NormalisedOf(string key)
    {
        var at = key.LastIndexOf(ChildMark, StringComparison.Ordinal);
        return at >= 0 ? key[(at + ChildMark.Length)..] : key[Mark.Length..];
    }

    private static string Bare(string name)
    {
        var words = Words(OwnPart(name));
        while (words.Count > 1 && (TrailingKinds.Contains(words[^1]) || AdministrativeKinds.Contains(words[^1]))) words.RemoveAt(words.Count - 1);
        return string.Join(' ', words);
    }

    private static List<string> Words(string name)
    {
        var folded = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (c is '\'' or '\u2019' or '\u2018' or '`' or '\u02BF' or '\u02BE' or '\u02BC') continue;
            if (c == '-')
            {
                folded.Append('-');
            }
            else if (!char.IsLetterOrDigit(c))
            {
                folded.Append(' ');
            }
            else
            {
                var lower = char.ToLowerInvariant(c);
                folded.Append(Unaccented.GetValueOrDefault(lower, lower));
            }
        }
        var words = new List<string>();
        foreach (var token in folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = token.Split('-', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < parts.Length; i++)
            {
                var part = parts[i];
                var article = Articles.Contains(part) || (i < parts.Length - 1 && HyphenatedArticles.Contains(part));
                words.Add(article ? "al" : part);
            }
        }
        if (words.Count > 1 && words[0] == "the") words.RemoveAt(0);
        if (words.Count > 1 && words[0] == "al") words.RemoveAt(0);
        return words;
    }
}
