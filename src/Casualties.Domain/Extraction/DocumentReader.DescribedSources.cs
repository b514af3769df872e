using Casualties.Domain.Reference;

namespace Casualties.Domain.Extraction;

/// <summary>
/// Sources a sentence describes before the text names them. Wire copy opens with a description ("…, a local rights
/// group said on Friday.", "according to a district official") and names the speaker in the next sentences ("The Taiz
/// Centre for Rights and Freedoms said in its bulletin …", "Peter Obi, commissioner of the county, said …"). A figure
/// credited only to such an indefinite description takes the first source of a fitting form that a reporting clause
/// of the next two sentences names: a body for "a group", "a network", "a monitor"; a person with a role for
/// "an official", "a spokesman", "a doctor". When none is named, the figure keeps no source: unknown beats a guess.
/// Also: a body's short name given in brackets ("the National Observatory for Human Rights (NOHR)") stands for it later.
/// </summary>
internal sealed partial class DocumentReader
{
    /// <summary>A description waiting for its name: the sentence it was read in and what may name it.</summary>
    /// <param name="Sentence">The sentence whose claims it would credit.</param>
    /// <param name="Person">True for a person ("an official"), false for a body ("a rights group").</param>
    /// <param name="Kinds">For a body: the source kinds its noun may name (AttributionVocabulary.BodyKinds), "" for any.</param>
    private readonly record struct PendingDescription(int Sentence, bool Person, string Kinds);

    /// <summary>How many sentences after the description its name may come.</summary>
    private const int DescriptionReach = 2;

    private PendingDescription? pendingDescription;

    /// <summary>After a sentence is read: remembers its indefinite description when some figure of it has no source.</summary>
    private void NoteDescribedSource(TokenText text, int from, int to)
    {
        if (!sentenceDrafts.Any(d => !d.Rejected && d.Sources.Count == 0)) return;
        if (IndefiniteSpeaker(text, from, to) is { } found) pendingDescription = found;
    }

    /// <summary>A source a reporting clause of this sentence names: it names the pending description when its form fits.</summary>
    private void NameDescribedSource(IReadOnlyList<Source> found, SourceForm form, bool hasRole)
    {
        if (pendingDescription is not { } pending) return;
        if (sentence - pending.Sentence > DescriptionReach || sentence == pending.Sentence)
        {
            if (sentence != pending.Sentence) pendingDescription = null;
            return;
        }
        var fits = pending.Person
            ? form == SourceForm.Person && hasRole
            : form == SourceForm.ProperName && (pending.Kinds.Length == 0 || found.Any(s => s.Kind == SourceCanonicaliser.UnknownKind || SourceCanonicaliser.KindFits(pending.Kinds, s.Kind)));
        if (!fits) return;
        for (var k = drafts.Count - 1; k >= 0 && drafts[k].Sentence >= pending.Sentence; k--)
        {
            if (drafts[k].Sentence == pending.Sentence && drafts[k].Sources.Count == 0) drafts[k].Sources = found;
        }
        pendingDescription = null;
    }

    /// <summary>Nouns that describe a person who speaks for a body, named later: "a local official said".</summary>
    private static readonly HashSet<string> DescribedPersons = new WordSet()
    {
        "official", "officer", "spokesman", "spokeswoman", "spokesperson", "commander", "doctor", "physician", "administrator",
        "leader", "director", "lawmaker", "legislator", "councillor", "councilor", "chief", "surgeon", "coordinator",
    };

    /// <summary>Nouns that describe a body named later: "a Haitian human rights group said".</summary>
    private static readonly Dictionary<string, string> DescribedBodies = new(StringComparer.OrdinalIgnoreCase)
    {
        ["group"] = "", ["organisation"] = "", ["organization"] = "", ["network"] = "", ["monitor"] = "", ["charity"] = "",
        ["coalition"] = "", ["association"] = "", ["observatory"] = "", ["watchdog"] = "", ["ngo"] = "", ["collective"] = "",
        ["platform"] = "", ["alliance"] = "", ["centre"] = "", ["center"] = "", ["committee"] = "", ["body"] = "",
    };

    /// <summary>
    /// "…, a rights group said", "a volunteer group in the camp said", "according to a local official", "said a doctor at
    /// the hospital": the subject of a reporting clause that is an indefinite description of a body or a person.
    /// </summary>
    private PendingDescription? IndefiniteSpeaker(TokenText text, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (!text.IsWord(k)) continue;
            if (text.Is(k, "according") && text.Is(k + 1, "to"))
            {
                if (DescriptionAt(text, k + 2, to) is { } after) return after;
                continue;
            }
            if (!AttributionVocabulary.ReportingVerbs.Contains(text[k])) continue;
            if (k + 1 < to && DescriptionAt(text, k + 1, to) is { } inverted && (k - 1 >= from && (text.IsComma(k - 1) || IsQuoteMark(text, k - 1)))) return inverted;
            // Walk back over the subject: no comma, at most eight words, opening with "a"/"an".
            for (var first = k - 1; first >= from && first >= k - 9 && (text.IsWord(first) || text.IsApostrophe(first) || SourceCandidateFinder.IsHyphen(text, first)); first--)
            {
                if (!text.IsAny(first, "a", "an")) continue;
                var opens = first == from || text.IsComma(first - 1) || IsQuoteMark(text, first - 1);
                // "residents and a rights body said" names the body later; "residents and a local official said" is no one person.
                if (!opens && !text.IsAny(first - 1, "and")) break;
                if (DescriptionAt(text, first, k) is { } before && (opens || !before.Person)) return before;
                break;
            }
        }
        return null;
    }

    /// <summary>"a [describing words] noun [in/at/of …]" from token <paramref name="first"/>, before <paramref name="to"/>.</summary>
    private PendingDescription? DescriptionAt(TokenText text, int first, int to)
    {
        if (!text.IsAny(first, "a", "an")) return null;
        for (var k = first + 1; k < Math.Min(to, first + 7); k++)
        {
            if (!text.IsWord(k) || AttributionVocabulary.ArmedWords.Contains(text[k])) return null;
            if (text.IsAny(k, "in", "at", "of", "from", "near", "with", "for", "said", "says", "told")) return null;
            var word = text[k];
            var nounEnds = !text.IsWord(k + 1) || text.IsAny(k + 1, "in", "at", "of", "from", "near", "with", "for", "said", "says", "told", "on")
                || AttributionVocabulary.ReportingVerbs.Contains(text[k + 1]) || AttributionVocabulary.VerbFillers.Contains(text[k + 1]);
            if (!nounEnds) continue;
            if (DescribedPersons.Contains(word)) return new PendingDescription(sentence, true, "");
            if (DescribedBodies.ContainsKey(word))
            {
                return new PendingDescription(sentence, false, AttributionVocabulary.BodyKinds.TryGetValue(word, out var kinds) ? kinds : "");
            }
            return null;
        }
        return null;
    }

    /// <summary>
    /// "the Congolese Observatory for Human Rights (OCDH)": a capitalised name of two or more words followed by an
    /// acronym in brackets. The acronym alone later ("the OCDH said") is the source the name is.
    /// </summary>
    private void RememberShortNames(TokenText text, int from, int to, SourceCandidate candidate, IReadOnlyList<Source> found)
    {
        var open = candidate.Last + 1;
        if (!text.IsPunctuation(open, '(') || !text.IsWord(open + 1) || !text.IsPunctuation(open + 2, ')') || open + 2 >= to) return;
        if (SourceCandidateFinder.IsAcronym(text[open + 1]) && candidate.First < candidate.Last) surnames[text[open + 1].ToString()] = found;
    }

    /// <summary>"The SNAI, the National Service for …, said": an acronym set beside the body's full name stands for it.</summary>
    private void RememberApposedAcronym(TokenText text, SourceCandidate candidate, IReadOnlyList<Source> found)
    {
        if (candidate.Apposition is not { } apposition || candidate.First == candidate.Last) return;
        var first = apposition.First;
        while (first < apposition.Last && text.IsAny(first, "the")) first++;
        if (first == apposition.Last && SourceCandidateFinder.IsAcronym(text[first])) surnames[text[first].ToString()] = found;
    }

    /// <summary>
    /// A source credited by a short name that the text later ties to a full one ("SNAI" … "The SNAI, the National
    /// Service for …"; "Sitoe" after "Ana Sitoe") is the full one: one body, one name in a document.
    /// </summary>
    private IReadOnlyList<Source> FullNameOf(IReadOnlyList<Source> sources)
    {
        if (sources.Count != 1 || Reference.SourceNamed(sources[0].Name) is not null) return sources;
        return surnames.TryGetValue(sources[0].Name, out var full) && full.Count > 0 && full[0].Name.Length > sources[0].Name.Length ? full : sources;
    }
}

/// <summary>
/// The publisher of a statement or press release that the reference data does not know: "STATEMENT — … The Regional
/// Council of Civil Society in Kayes condemns the attack …". A document whose first lines call it a statement,
/// release, communiqué or bulletin, and whose early sentence opens with a body's capitalised name as its subject, or
/// a header line that is only such a name, was issued by that body: its unattributed figures are the body's.
/// </summary>
internal sealed partial class DocumentReader
{
    /// <summary>Words in a document's first lines that make it a body's own publication.</summary>
    private static readonly HashSet<string> ReleaseWords = new WordSet()
    {
        "statement", "release", "communique", "communiqué", "bulletin", "declaration", "report", "update", "sitrep",
    };

    /// <summary>How many sentences from the start a release names its issuer in.</summary>
    private const int IssuerReach = 6;

    private bool releaseHeader;

    /// <summary>Before a sentence's claims are read: finds the issuer of a release the reference data does not know.</summary>
    private void RememberOpenIssuer(TokenText text, int from, int to, bool headline)
    {
        if (issuer is not null || sentence >= IssuerReach) return;
        // "PRESS RELEASE - Papua Justice ...", "KIVU WATCH (KW) - WEEKLY BULLETIN No. 9, covering ...": a header written as a sentence.
        var header = headline || sentence < 4 && HasHeaderSeparator(text, from, to);
        if (sentence < 4 && header && SentenceHas(text, from, to, ReleaseWords)) releaseHeader = true;
        if (OpeningBodyName(text, from, to, out var afterKind) is not { } candidate) return;
        // A header line that is only a body's name (with its initials: "INTER SERVICES PUBLIC RELATIONS (ISPR)"), or (in a
        // release) a body's name opening a sentence.
        var lineEnd = BracketedAcronymAfter(text, candidate.Last, to) is not null ? candidate.Last + 2 : candidate.Last;
        var wholeLine = (headline || sentence < 4 && IsTitleSentence(text, from, to)) && lineEnd == LastWord(text, from, to);
        if (!wholeLine && !(releaseHeader && text.IsWord(candidate.Last + 1) && !text.IsCapitalized(candidate.Last + 1)
            || releaseHeader && BracketedAcronymAfter(text, candidate.Last, to) is not null
            // "The Rede de Solidariedade de Cabo Delgado, a network of 34 associations, is alarmed": the name and what it is.
            || releaseHeader && text.IsComma(candidate.Last + 1) && text.IsAny(candidate.Last + 2, "a", "an")
            // "PRESS RELEASE - Papua Justice and Peace Network (PJPN), Jayapura": the name the kind of document introduces.
            || afterKind && (text.IsComma(candidate.Last + 1) || text.IsPunctuation(candidate.Last + 1, '(') || IsSeparator(text, candidate.Last + 1))
            // "KIVU WATCH (Veille du Kivu) - Monthly bulletin": the name its kind of document follows.
            || releaseHeader && KindOfDocumentAfter(text, candidate.Last + 1, to)))
        {
            return;
        }
        if (AllCapitals(text, candidate.First, candidate.Last))
        {
            // A shouted name is the issuer only where the header says so; it is written as a name is.
            if (!wholeLine && !afterKind && !KindOfDocumentAfter(text, candidate.Last + 1, to) || ReleaseWords.Contains(text[candidate.First])) return;
            candidate = candidate with { Name = TitleCase(candidate.Name) };
        }
        var found = Canonicaliser.Named(candidate, LeadingCountry(), surnames);
        if (found.All(s => s.Kind is "media" or "armed_group")) return;
        issuer = found;
        sourceHistory.Add(found);
        if (BracketedAcronymAfter(text, candidate.Last, to) is { } acronym) surnames[acronym] = found;
        // "Tillaberi Citizen Watch ... TCW has documented": the initials of the issuer's name stand for it.
        if (Initials(candidate.Name) is { Length: >= 3 } initials) surnames.TryAdd(initials, found);
    }

    /// <summary>A header's separator standing alone among its first words: "OCHA | DR CONGO", "PRESS RELEASE - MSF", "STATEMENT: ...".</summary>
    private static bool HasHeaderSeparator(TokenText text, int from, int to)
    {
        for (var k = from; k < Math.Min(to, from + 16); k++)
        {
            if (IsHeaderSeparator(text, k)) return true;
        }
        return false;
    }

    private static bool IsSeparator(TokenText text, int k) =>
        text.IsPunctuation(k, '|') || text.IsPunctuation(k, '-') || text.IsPunctuation(k, '—') || text.IsPunctuation(k, '–');

    /// <summary>A separator or a colon: what stands after a header's kind, a live blog's entry time or a heading ("STATEMENT:", "12:30 UPDATE:").</summary>
    private static bool IsHeaderSeparator(TokenText text, int k) => IsSeparator(text, k) || text.IsPunctuation(k, ':');

    /// <summary>"MINISTRY OF COMMUNICATION.": a short sentence of capitalised words only, a title rather than prose.</summary>
    private static bool IsTitleSentence(TokenText text, int from, int to)
    {
        var words = 0;
        for (var k = from; k < to; k++)
        {
            if (!text.IsWord(k)) continue;
            if (text.Is(k, "date") && k == from) continue;
            if (!text.IsCapitalized(k) && !AttributionVocabulary.NameConnectors.Contains(text[k])) return false;
            words++;
        }
        return words is > 0 and <= 10;
    }

    /// <summary>
    /// "(Veille du Kivu) - Monthly security bulletin", "- WEEKLY BULLETIN", ", Tshikapa — Statement to the media": the kind
    /// of document after its issuer's name (and the town it writes from).
    /// </summary>
    private static bool KindOfDocumentAfter(TokenText text, int k, int to)
    {
        if (text.IsPunctuation(k, '('))
        {
            while (k < to && !text.IsPunctuation(k, ')')) k++;
            k++;
        }
        else if (text.IsComma(k))
        {
            var town = k + 1;
            while (town < Math.Min(to, k + 4) && text.IsWord(town) && text.IsCapitalized(town)) town++;
            if (town > k + 1) k = town;
        }
        if (!IsHeaderSeparator(text, k)) return false;
        for (var w = k + 1; w < Math.Min(to, k + 5); w++)
        {
            if (text.IsWord(w) && (ReleaseWords.Contains(text[w]) || text.Is(w, "press"))) return true;
        }
        return false;
    }

    /// <summary>"SAGAING RIGHTS DOCUMENTATION GROUP" → "Sagaing Rights Documentation Group"; joining words stay lower case.</summary>
    private static string TitleCase(string name)
    {
        var words = name.Split(' ');
        for (var w = 0; w < words.Length; w++)
        {
            var word = words[w];
            if (word.Length == 0) continue;
            words[w] = w > 0 && AttributionVocabulary.NameConnectors.Contains(word)
                ? word.ToLowerInvariant()
                : word.Length <= 2 ? word : string.Concat(word[..1], word[1..].ToLowerInvariant());
        }
        return string.Join(' ', words);
    }

    /// <summary>
    /// "Papua Justice and Peace Network" → "PJPN", "Inter-Services Public Relations" → "ISPR": the capitals that begin its
    /// words; a descriptive compound ("Islamabad-based", "UN-backed") is no word of the name.
    /// </summary>
    private static string Initials(string name)
    {
        var initials = new System.Text.StringBuilder();
        foreach (var word in name.Split(' '))
        {
            var parts = word.Split('-');
            if (parts.Skip(1).Any(p => p.Length > 0 && char.IsLower(p[0]))) continue;
            foreach (var part in parts)
            {
                if (part.Length > 0 && char.IsUpper(part[0])) initials.Append(part[0]);
            }
        }
        return initials.ToString();
    }

    private static int LastWord(TokenText text, int from, int to)
    {
        var last = to - 1;
        while (last > from && !text.IsWord(last)) last--;
        return last;
    }

    /// <summary>"The Kayes Civil Society Council", "Catatumbo Peace Monitoring Network": a body's capitalised name opening the sentence.</summary>
    private SourceCandidate? OpeningBodyName(TokenText text, int from, int to, out bool afterKind)
    {
        afterKind = false;
        var first = from;
        // " date 2025-02-03 Catatumbo Peace Monitoring Network": the date header opens the first line.
        if (text.Is(first, "date") && text.Kind(first + 1) == TokenKind.Number)
        {
            first++;
            while (first < to && first < from + 8 && !text.IsWord(first)) first++;
        }
        // "STATEMENT | Rede de Solidariedade ...", "Press release: ...": the kind of document before its issuer's name.
        for (var k = first; k < first + 4 && k < to; k++)
        {
            if (text.IsWord(k) && (ReleaseWords.Contains(text[k]) || text.Is(k, "press"))) continue;
            if (k > first && !text.IsWord(k) && IsHeaderSeparator(text, k))
            {
                first = k + 1;
                afterKind = true;
                break;
            }
            break;
        }
        if (text.IsAny(first, "the")) first++;
        if (!text.IsWord(first) || !text.IsCapitalized(first)) return null;
        var last = first;
        var capitals = 1;
        var body = false;
        for (var k = first; k < to && k < first + 14; k++)
        {
            if (!text.IsWord(k)) break;
            if (text.IsCapitalized(k))
            {
                if (k > first) capitals++;
                last = k;
                body |= AttributionVocabulary.BodyKinds.ContainsKey(text[k]) || AttributionVocabulary.BodyWords.Contains(text[k]);
                continue;
            }
            if (!AttributionVocabulary.NameConnectors.Contains(text[k]) && !text.Is(k, "in")) break;
        }
        if (capitals < 2 || !body) return null;
        return new SourceCandidate(first, last, text.Slice(first, last), null, SourceForm.ProperName);
    }

    /// <summary>"STATEMENT BY THE REGIONAL COORDINATION": a shouted header, whose name the body of the text gives better.</summary>
    private static bool AllCapitals(TokenText text, int first, int last)
    {
        for (var k = first; k <= last; k++)
        {
            if (text.IsWord(k) && text.IsCapitalized(k) && !SourceCandidateFinder.IsAcronym(text[k])) return false;
        }
        return true;
    }

    private static string? BracketedAcronymAfter(TokenText text, int last, int to) =>
        last + 3 < to + 1 && text.IsPunctuation(last + 1, '(') && text.IsWord(last + 2) && text.IsPunctuation(last + 3, ')')
        && SourceCandidateFinder.IsAcronym(text[last + 2]) ? text[last + 2].ToString() : null;
}
