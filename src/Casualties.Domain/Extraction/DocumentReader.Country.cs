using Casualties.Domain.Reference;

namespace Casualties.Domain.Extraction;

/// <summary>
/// The country and conflict a document is about, by weighted votes: gazetteer places (a town says more than
/// a country name), sources and actors of one country, nationality adjectives ("Syrian", "Yemeni"), with
/// the lead of the article counting double. Shared aliases ("police", "health ministry") and places are
/// restricted to the leading conflict's countries. The nationality words are reference data (seeds/demonyms.csv).
/// </summary>
internal sealed partial class DocumentReader
{
    /// <summary>Characters of the lead read ahead of the claims, so the first sentences already know the country.</summary>
    private const int LeadPreview = 600;

    private readonly Dictionary<string, double> countryVotes = new(StringComparer.Ordinal);
    private bool votesChanged;
    private string? leadingCountry;
    private Conflict? leadingConflict;

    /// <summary>Reads the names of the article's lead for their votes only, before the claims are read.</summary>
    public void PreviewLead(string text, int bodyStart)
    {
        var end = Math.Min(text.Length, bodyStart + LeadPreview);
        SentenceSplitter.Split(text, bodyStart, end, (tokens, from, to) => FindNames(tokens, from, to));
        lastCity = null;
        lastRegion = null;
    }

    /// <summary>Every name votes once as it is read; the lead, read twice, counts double.</summary>
    private static double Weight(double weight) => weight;

    private void VoteCountry(string country, double weight)
    {
        if (weight <= 0) return;
        var votes = countryVotes.GetValueOrDefault(country) + weight;
        countryVotes[country] = votes;
        votesChanged = true;
        // The tallies UpdateLeading reads, kept as the votes come: votes only grow, so the top country is the old top or
        // this one, and a conflict's score is the sum of its countries' votes. The weights are halves and whole numbers,
        // whose sums doubles hold exactly: the same totals in any order.
        if (topCountry is null || votes > topCountryVotes || votes == topCountryVotes && string.CompareOrdinal(country, topCountry) < 0)
        {
            (topCountry, topCountryVotes) = (country, votes);
        }
        else if (ReferenceEquals(country, topCountry) || string.Equals(country, topCountry, StringComparison.Ordinal))
        {
            topCountryVotes = votes;
        }
        conflictScores ??= new double[Reference.Conflicts.Count];
        foreach (var c in extractor.ConflictsOfCountry(country)) conflictScores[c] += weight;
    }

    /// <summary>The country with the most votes so far (ties: the first by ordinal order), and its votes.</summary>
    private string? topCountry;
    private double topCountryVotes;

    /// <summary>Per conflict of the reference data (same index), the votes of its countries summed.</summary>
    private double[]? conflictScores;

    /// <summary>A town or district says more about the document's country than the country's own name.</summary>
    private void Vote(Place place) =>
        VoteCountry(extractor.CountryKeyOf(place), Weight(place.Parent is null ? 1 : IsSettlement(place) || place.Kind == "district" ? 3 : 2));

    private void VoteForSource(IReadOnlyList<Source> candidates)
    {
        if (candidates.Count != 1 || candidates[0].Country is not { } key || extractor.CountryKeyOf(key) is not { } country) return;
        VoteCountry(country, Weight(2));
    }

    private void VoteForActors(IReadOnlyList<Actor> candidates)
    {
        var conflict = candidates[0].Conflict;
        // A loose word ("gunmen", "militants") is no evidence of which war the text is about.
        if (candidates.All(a => a.Kind == "generic")) return;
        foreach (var actor in candidates)
        {
            if (!string.Equals(actor.Conflict, conflict, StringComparison.OrdinalIgnoreCase)) return;
        }
        if (ConflictKeyed(conflict) is { Countries.Count: > 0 } found && !AllForeignStates(candidates, found))
        {
            VoteCountry(found.Countries[0], Weight(1));
        }
    }

    /// <summary>The first conflict with this key ignoring case (a loop: a lambda over the caller's locals costs a closure per call).</summary>
    private Conflict? ConflictKeyed(string key)
    {
        var conflicts = Reference.Conflicts;
        for (var c = 0; c < conflicts.Count; c++)
        {
            if (string.Equals(conflicts[c].Key, key, StringComparison.OrdinalIgnoreCase)) return conflicts[c];
        }
        return null;
    }

    /// <summary>
    /// "Pakistan" in the war in Afghanistan: a state that is a party under its own name but not a country the conflict is fought
    /// in says nothing about which war a text is about (it is the text's country as often as the conflict's).
    /// </summary>
    private static bool AllForeignStates(IReadOnlyList<Actor> actors, Conflict conflict)
    {
        for (var k = 0; k < actors.Count; k++)
        {
            if (!IsForeignState(actors[k], conflict)) return false;
        }
        return true;
    }

    /// <summary>
    /// "Translated from Spanish", "told reporters in French", "the Arabic edition": a nationality word naming a language,
    /// which says nothing of the country a document is about.
    /// </summary>
    private static bool IsLanguageName(TokenText text, int index) =>
        text.IsAny(index - 1, "from", "into", "in") && text.IsAny(index - 2, "translated", "translation", "written", "published",
            "broadcast", "spoke", "speaking", "said", "says", "told", "interview", "wrote", "posted", "reporters")
        || text.IsAny(index + 1, "language", "languages", "speakers", "translation", "version", "edition", "original", "service");

    private static bool IsForeignState(Actor actor, Conflict conflict) =>
        actor.Kind == "state" && string.Equals(actor.Name, actor.Side, StringComparison.OrdinalIgnoreCase)
        && !conflict.Countries.ContainsIgnoreCase(actor.Side);

    private void VoteForDemonym(TokenText text, int index)
    {
        // The nationality word first: most capitalised words are none, and both tests only read the text.
        if (!text.IsCapitalized(index) || extractor.Demonyms.CountryAt(text, index) is not { } country || IsLanguageName(text, index)) return;
        if (Reference.Gazetteer.ByKey(country) is not null) VoteCountry(country, Weight(1));
    }

    private void UpdateLeading()
    {
        if (!votesChanged) return;
        votesChanged = false;
        Conflict? bestConflict = null;
        var bestScore = 0.0;
        // By index: these lists are arrays behind IReadOnlyList, whose foreach boxes an enumerator, and votes change at every name.
        var conflicts = Reference.Conflicts;
        var scores = conflictScores;
        for (var c = 0; scores is not null && c < conflicts.Count; c++)
        {
            if (scores[c] > bestScore) (bestConflict, bestScore) = (conflicts[c], scores[c]);
        }
        var topKey = topCountry;
        var topVotes = topCountryVotes;
        if (topKey is null) return;
        var topInBest = bestConflict is not null && bestConflict.Countries.Contains(topKey);
        if (bestConflict is null || !topInBest && bestScore <= topVotes)
        {
            leadingConflict = topInBest ? bestConflict : null;
            leadingCountry = topKey;
            return;
        }
        leadingConflict = bestConflict;
        string? leading = null;
        var leadingVotes = -1.0;
        foreach (var country in bestConflict.Countries)
        {
            var votes = countryVotes.GetValueOrDefault(country);
            if (votes > leadingVotes) (leading, leadingVotes) = (country, votes);
        }
        leadingCountry = leading;
    }

    /// <summary>The country the document is most about so far, if any name voted.</summary>
    private string? LeadingCountry()
    {
        UpdateLeading();
        return leadingCountry;
    }

    private Conflict? LeadingConflict()
    {
        UpdateLeading();
        return leadingConflict;
    }

    /// <summary>True when the document is about a country (known from the gazetteer) where no conflict of the seeds is fought.</summary>
    private bool IsOutsideSeededConflicts()
    {
        if (LeadingCountry() is not { } country) return false;
        // Asked for every sentence and figure: the answer is kept until the leading country changes.
        if (string.Equals(country, outsideAskedFor, StringComparison.Ordinal)) return outsideAnswer;
        outsideAskedFor = country;
        outsideAnswer = true;
        foreach (var conflict in Reference.Conflicts)
        {
            if (conflict.Countries.ContainsOrdinal(country)) outsideAnswer = false;
        }
        return outsideAnswer;
    }

    private string? outsideAskedFor;
    private bool outsideAnswer;

    /// <summary>True when a place lies in the document's conflict (or country), or nothing is known yet.</summary>
    private bool InDocumentCountries(Place place)
    {
        UpdateLeading();
        var country = extractor.CountryKeyOf(place);
        if (leadingConflict is not null) return leadingConflict.Countries.ContainsOrdinal(country);
        return leadingCountry is null || leadingCountry == country;
    }

    private bool InDocumentCountries(string? countryKey)
    {
        if (countryKey is null || extractor.CountryKeyOf(countryKey) is not { } country) return false;
        UpdateLeading();
        if (leadingConflict is not null) return leadingConflict.Countries.ContainsOrdinal(country);
        return leadingCountry is null || leadingCountry == country;
    }
}
