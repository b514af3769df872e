using Casualties.Domain.Reference;

namespace Casualties.Domain.Extraction;

/// <summary>
/// Open-vocabulary attribution, wired into the reader: the sentence's reporting clauses
/// (<see cref="SourceCandidateFinder"/>) are resolved to sources (<see cref="SourceCanonicaliser"/>) when no source the
/// reference data knows is the subject of the reporting clause.
/// </summary>
internal sealed partial class DocumentReader
{
    private readonly List<SourceCandidate> openCandidates = [];
    private int openCandidatesSentence = -1;

    private SourceCanonicaliser Canonicaliser => extractor.Canonicaliser;

    /// <summary>The sentence's reporting-clause sources that are not names the reader already matched as a known source, an actor or a place.</summary>
    private TokenText? currentText;

    private List<SourceCandidate> OpenCandidates(TokenText text, int from, int to)
    {
        currentText = text;
        if (openCandidatesSentence == sentence) return openCandidates;
        openCandidatesSentence = sentence;
        openCandidates.Clear();
        SourceCandidateFinder.Find(text, from, to, openCandidates);
        NotARegionAfterItsPlace(text);
        DropNamedCandidates(text, from, to);
        return openCandidates;
    }

    /// <summary>
    /// "killed in Tibu, Norte de Santander, the army said": a name set after a place and a comma is where that place lies,
    /// not the speaker its apposition names; the apposition's phrase is the candidate.
    /// </summary>
    private void NotARegionAfterItsPlace(TokenText text)
    {
        for (var i = 0; i < openCandidates.Count; i++)
        {
            var candidate = openCandidates[i];
            if (candidate.Form == SourceForm.Office || candidate.Apposition is not { } other || other.First < candidate.First
                || !text.IsComma(candidate.First - 1) || !PlaceEndsAt(candidate.First - 2))
            {
                continue;
            }
            if (SourceCandidateFinder.Read(text, other.First, other.Last) is { } partner) openCandidates[i] = partner;
        }
    }

    private bool PlaceEndsAt(int k)
    {
        foreach (var named in placesHere)
        {
            if (named.Last == k) return true;
        }
        return false;
    }

    /// <summary>
    /// Drops the candidates a creditable source, a place or an actor covers. Apart from <see cref="OpenCandidates"/>, whose
    /// every call (most answered from the sentence's cache) would otherwise allocate this lambda's closure.
    /// </summary>
    private void DropNamedCandidates(TokenText text, int from, int to) =>
        openCandidates.RemoveAll(c => OverlapsCreditable(text, from, to, c) || c.Form != SourceForm.Office && (OverlapsPlace(c) || c.First == c.Last && Overlaps(c, actorsHere)));

    /// <summary>True when a known source the reader may credit (of the document's country, or international) covers the candidate.</summary>
    private bool OverlapsCreditable(TokenText text, int from, int to, SourceCandidate candidate)
    {
        foreach (var named in sourcesHere)
        {
            if (named.First <= candidate.Last && named.Last >= candidate.First && RoleOf(text, from, to, named) != Role.None) return true;
        }
        return false;
    }

    private static bool Overlaps<T>(SourceCandidate candidate, List<NamedAt<T>> names)
    {
        foreach (var named in names)
        {
            if (named.First <= candidate.Last && named.Last >= candidate.First) return true;
        }
        return false;
    }

    /// <summary>"Kenya said": a place named as the speaker is a government the text does not name; left unknown.</summary>
    private bool OverlapsPlace(SourceCandidate candidate)
    {
        foreach (var named in placesHere)
        {
            if (named.First <= candidate.First && named.Last >= candidate.Last) return true;
        }
        return false;
    }

    /// <summary>The reporting clause's source nearest the figure (not across a semicolon), if any.</summary>
    private SourceCandidate? OpenCandidateFor(TokenText text, int from, int to, int anchor)
    {
        SourceCandidate? best = null;
        foreach (var candidate in OpenCandidates(text, from, to))
        {
            if (SemicolonBetween(text, candidate.First, anchor)) continue;
            if (best is not { } b || Distance(candidate.First, candidate.Last, anchor) < Distance(b.First, b.Last, anchor)) best = candidate;
        }
        return best;
    }

    /// <summary>A person or proper name the reporting clause gives, or an office that refers back to a source credited before.</summary>
    private IReadOnlyList<Source>? OpenSourceBeforeAnaphora(SourceCandidate? candidate) => candidate switch
    {
        { Form: not SourceForm.Office } named => KnownInApposition(named) ?? ShortNameBack(named) ?? Canonicaliser.Named(named, LeadingCountry(), surnames),
        { } office => SourceCanonicaliser.ReferBack(office, sourceHistory) ?? MentionedBodyBack(office),
        _ => null,
    };

    /// <summary>
    /// A figure no named body is credited with: in a body's own release, the issuer's ("the ministry said" in the ministry's
    /// release, or no speaker at all); else an office speaking in the sentence, the country's body of that noun or the
    /// office as written. An office whose noun the issuer's name lacks is another body: "Taiz governorate's health office
    /// said" in a hospital's statement is the health office.
    /// </summary>
    private IReadOnlyList<Source>? IssuerOrOfficeFor(TokenText text, int from, int to, ClaimDraft draft)
    {
        if (OpenCandidateFor(text, from, to, draft.Mention.NumberToken) is not { Form: SourceForm.Office } office) return issuer;
        if (issuer is not null && (office.Head is not { } head || issuer.Any(s => SourceCanonicaliser.ContainsWord(s.Name, head)))) return issuer;
        return OfficeOf(office) ?? issuer;
    }

    /// <summary>Initials the text gave a name the reference data does not know ("Unified Command Post (PMU)").</summary>
    private readonly HashSet<string> unlistedInitials = new(StringComparer.Ordinal);

    /// <summary>
    /// "the Unified Command Post (PMU) in Cúcuta": initials in brackets after a capitalised name that no known body, party
    /// or place matched stand for that name, here and wherever they recur in the document, not for a known body with the
    /// same initials (Iraq's PMU); unless they are the name's own initials ("Syrian Observatory of Human Rights (SOHR)": a
    /// known body's name written another way).
    /// </summary>
    private bool IsInitialsOfUnlistedName(TokenText text, int i)
    {
        if (unlistedInitials.Count > 0 && unlistedInitials.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text[i])) return true;
        if (!text.IsPunctuation(i - 1, '(') || !text.IsPunctuation(i + 1, ')') || !SourceCandidateFinder.IsAcronym(text[i])) return false;
        var last = i - 2;
        var first = last;
        while (first - 1 >= 0 && text.IsWord(first - 1) && (text.IsCapitalized(first - 1) || AttributionVocabulary.NameConnectors.Contains(text[first - 1]))) first--;
        while (first < last && !text.IsCapitalized(first)) first++;
        if (first == last || !text.IsCapitalized(last)) return false;
        if (EndsAt(sourcesHere, last) || EndsAt(actorsHere, last) || EndsAt(placesHere, last)) return false;
        if (Initials(text.Slice(first, last)).Equals(text[i].ToString(), StringComparison.OrdinalIgnoreCase)) return false;
        unlistedInitials.Add(text[i].ToString());
        return true;
    }

    private static bool EndsAt<T>(List<NamedAt<T>> names, int last)
    {
        foreach (var named in names)
        {
            if (named.Last == last) return true;
        }
        return false;
    }

    /// <summary>
    /// An office's source (<see cref="SourceCanonicaliser.Office"/>); "the North Kivu provincial health division": an office
    /// that a place the text names makes one body is kept as written, whatever its noun.
    /// </summary>
    private IReadOnlyList<Source>? OfficeOf(SourceCandidate office) =>
        Canonicaliser.Office(office, LeadingCountry()) ?? (PlaceInside(office) ? [SourceCanonicaliser.Unknown(office.Name, office.Head)] : null);

    private bool PlaceInside(SourceCandidate candidate)
    {
        foreach (var named in placesHere)
        {
            if (named.First >= candidate.First && named.Last < candidate.Last) return true;
        }
        return false;
    }

    /// <summary>"said Nasr Muflahi, NRC's country director": a person speaking for a known body named beside them is that body.</summary>
    private IReadOnlyList<Source>? KnownInApposition(SourceCandidate candidate)
    {
        if (candidate.Apposition is not { } apposition) return null;
        foreach (var named in sourcesHere)
        {
            // "director of the city's private Aamin Ambulance service": the body may stand as a modifier there.
            if (named.First >= apposition.First && named.Last <= apposition.Last && currentText is { } words
                // "president of the civil society of Djugu territory": a body written in lower case only describes the person.
                && HasCapital(words, named.First, named.Length)
                && (RoleOf(words, named.First, named.Last + 1, named) != Role.None
                    || named.Candidates.Any(s => s.Country is null || InDocumentCountries(s.Country))))
            {
                return Local(named.Candidates);
            }
        }
        // "Barkindo Saidu, director-general of the agency,": a person speaking for a body named before ("the agency") is that body.
        if (candidate.Form == SourceForm.Person && candidate.Head is { } head && currentText is { } text)
        {
            for (var k = apposition.First; k <= apposition.Last; k++)
            {
                if (text.Is(k, head) && !text.IsCapitalized(k)) return SourceCanonicaliser.ReferBack(candidate, sourceHistory);
            }
        }
        return null;
    }

    /// <summary>
    /// "the Coordination has recorded", "the Network documented": one capitalised word after "the" that is a word of a
    /// body credited before, and no known source's name, is that body's short name.
    /// </summary>
    private IReadOnlyList<Source>? ShortNameBack(SourceCandidate candidate)
    {
        if (candidate.First != candidate.Last || currentText is not { } text || !text.Is(candidate.First - 1, "the")) return null;
        if (SourceCandidateFinder.IsAcronym(text[candidate.First]) || extractor.SourcesNamed(candidate.Name).Count > 0) return null;
        for (var k = sourceHistory.Count - 1; k >= 0; k--)
        {
            foreach (var source in sourceHistory[k])
            {
                if (source.Name.Length > candidate.Name.Length && source.Name.Split(' ').Contains(candidate.Name, StringComparer.OrdinalIgnoreCase)) return sourceHistory[k];
            }
        }
        return null;
    }

    /// <summary>Remembers the sources the sentence's reporting clauses name, for "the governor added" and "Sitoe said" later.</summary>
    private void RememberOpenSources(TokenText text, int from, int to)
    {
        foreach (var candidate in OpenCandidates(text, from, to))
        {
            var found = candidate.Form == SourceForm.Office
                ? SourceCanonicaliser.ReferBack(candidate, sourceHistory) ?? MentionedBodyBack(candidate) ?? OfficeOf(candidate)
                : KnownInApposition(candidate) ?? ShortNameBack(candidate) ?? Canonicaliser.Named(candidate, LeadingCountry(), surnames);
            if (found is null) continue;
            sourceHistory.Add(found);
            NameDescribedSource(found, candidate.Form, hasRole: candidate.Apposition is not null || candidate.Head is not null);
            if (candidate.Form == SourceForm.ProperName) RememberShortNames(text, from, to, candidate, found);
            if (candidate.Form != SourceForm.Office) RememberApposedAcronym(text, candidate, found);
            // "the Centre for Conflict Studies ... CCS said": a body's initials stand for it, defined or not.
            if (candidate.Form != SourceForm.Office && Initials(candidate.Name) is { Length: >= 3 } initials) surnames.TryAdd(initials, found);
            if (candidate.Form == SourceForm.Person && candidate.Last > candidate.First && text.IsCapitalized(candidate.Last))
            {
                surnames[text[candidate.Last].ToString()] = found;
            }
        }
    }
}
