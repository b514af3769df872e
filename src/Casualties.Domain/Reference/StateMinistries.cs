namespace Casualties.Domain.Reference;

/// <summary>
/// A state's ministries as sources, for every country the reference data knows: "Armenia's defence ministry", "the
/// Armenian Ministry of Defence" and "Armenia's Ministry of Defense" are one source, whichever form a text uses, so
/// its updated figures supersede each other and are never counted as two bodies' figures. Generated from the countries
/// (the gazetteer's, with their aliases) and their nationality words; a ministry the curated sources already name for a
/// country (by any of these forms) is left to them.
/// </summary>
public static class StateMinistries
{
    /// <summary>A ministry: its canonical words, the words "Ministry of ..." and "... Ministry" take, and the source's kind.</summary>
    private sealed record Ministry(string Canonical, string[] AfterOf, string[] BeforeMinistry, string Kind, double Reliability);

    private static readonly Ministry[] Ministries =
    [
        new("Defence", ["Defence", "Defense", "National Defence", "National Defense"], ["Defence", "Defense", "National Defence", "National Defense"], "military", 0.4),
        new("Health", ["Health", "Public Health"], ["Health", "Public Health"], "ministry", 0.6),
        new("Interior", ["Interior", "the Interior", "Internal Affairs", "Home Affairs"], ["Interior", "Home", "Internal Affairs"], "ministry", 0.5),
        new("Foreign Affairs", ["Foreign Affairs"], ["Foreign", "Foreign Affairs"], "ministry", 0.4),
    ];

    /// <summary>
    /// The ministries of every country in <paramref name="places"/> (those with no parent) that <paramref name="curated"/>
    /// does not already hold, named "{Nationality} Ministry of {Name}" ("Armenian Ministry of Defence"), or "{Country}
    /// Ministry of {Name}" where no nationality word is known.
    /// </summary>
    public static IReadOnlyList<Source> For(IReadOnlyList<Source> curated, IReadOnlyList<Place> places, IReadOnlyList<Demonym> demonyms)
    {
        var taken = new HashSet<(string Country, string Name)>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in curated)
        {
            names.Add(source.Name);
            if (source.Country is null) continue;
            taken.Add((source.Country, source.Name.ToLowerInvariant()));
            foreach (var alias in source.Aliases) taken.Add((source.Country, alias.ToLowerInvariant()));
        }
        var nationalities = Nationalities(demonyms);
        var generated = new List<Source>();
        foreach (var country in places)
        {
            if (country.Parent is not null) continue;
            var countryNames = CountryNames(country);
            var adjectives = nationalities.GetValueOrDefault(country.Key) ?? [];
            foreach (var ministry in Ministries)
            {
                var forms = Forms(ministry, countryNames, adjectives);
                var canonical = adjectives.Count > 0 ? $"{adjectives[0]} Ministry of {ministry.Canonical}" : $"{country.Name} Ministry of {ministry.Canonical}";
                if (names.Contains(canonical) || forms.Any(f => taken.Contains((country.Key, f.ToLowerInvariant())))) continue;
                forms.Remove(canonical);
                generated.Add(new Source(canonical, ministry.Kind, ministry.Reliability, country.Key, forms));
                names.Add(canonical);
            }
        }
        return generated;
    }

    /// <remarks>
    /// Every form opens with the country's name or nationality word, so each country's forms fall in phrase-matcher buckets
    /// of their own. "the Ministry of Defence of Armenia" is left out: all countries' forms would share one bucket ("Ministry
    /// of"), scanned at every "Ministry of" of every text (the extract benchmark was about 9% slower with them).
    /// </remarks>
    private static List<string> Forms(Ministry ministry, IReadOnlyList<string> countries, IReadOnlyList<string> adjectives)
    {
        var forms = new List<string>();
        foreach (var of in ministry.AfterOf)
        {
            foreach (var adjective in adjectives) forms.Add($"{adjective} Ministry of {of}");
            foreach (var country in countries)
            {
                forms.Add($"{country} Ministry of {of}");
                forms.Add($"{country}'s Ministry of {of}");
            }
        }
        foreach (var before in ministry.BeforeMinistry)
        {
            foreach (var adjective in adjectives) forms.Add($"{adjective} {before} Ministry");
            foreach (var country in countries)
            {
                forms.Add($"{country} {before} Ministry");
                forms.Add($"{country}'s {before} Ministry");
            }
        }
        return [.. forms.Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The country's name and its short aliases ("DR Congo", "Congo"): at most three words, no brackets.</summary>
    private static List<string> CountryNames(Place country)
    {
        var names = new List<string> { country.Name };
        foreach (var alias in country.Aliases)
        {
            if (alias.Contains('(') || alias.Split(' ').Length > 3 || char.IsLower(alias[0])) continue;
            names.Add(alias);
        }
        return names;
    }

    /// <summary>Each country's nationality adjectives, in the order of the list ("Afghan", not the plural "Afghans").</summary>
    private static Dictionary<string, List<string>> Nationalities(IReadOnlyList<Demonym> demonyms)
    {
        var words = demonyms.Select(d => (d.Country, d.Word)).ToHashSet();
        var byCountry = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var demonym in demonyms)
        {
            var word = demonym.Word;
            if (word.EndsWith('s') && words.Contains((demonym.Country, word[..^1]))) continue;
            if (!byCountry.TryGetValue(demonym.Country, out var list)) byCountry[demonym.Country] = list = [];
            list.Add(word);
        }
        return byCountry;
    }
}
