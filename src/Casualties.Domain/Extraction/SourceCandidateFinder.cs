namespace Casualties.Domain.Extraction;

/// <summary>
/// A source as a reporting clause names it, whether or not the reference data knows it: "the provincial governor,
/// Ana Sitoe, said" → Ana Sitoe; "according to Voix du Kivu"; "the district council said" → the office.
/// </summary>
/// <param name="First">The first token of the name.</param>
/// <param name="Last">The last token of the name (inclusive).</param>
/// <param name="Name">The name as written, trimmed: no article, no title ("Dr"), no role words apart from the office's own.</param>
/// <param name="Head">The lower-case noun that says what kind of body or office it is ("governor", "ministry"), or null for a person or a proper name without one.</param>
/// <param name="Form">Whether the text names a person, a body by its proper name, or only an office or body by its common noun.</param>
/// <param name="Apposition">The tokens [First, Last] of the phrase set beside it ("NRC's country director"), if any.</param>
internal readonly record struct SourceCandidate(int First, int Last, string Name, string? Head, SourceForm Form, (int First, int Last)? Apposition = null);

/// <summary>How a reporting clause names its source.</summary>
internal enum SourceForm
{
    /// <summary>"Ana Sitoe", "Dr Amina Bello": a person's name.</summary>
    Person,
    /// <summary>"Voix du Kivu", "the Kivu Security Tracker": a body's proper name.</summary>
    ProperName,
    /// <summary>"the provincial governor", "the district council", "a ministry spokesman": a common noun, which may refer back to a body named before.</summary>
    Office,
}

/// <summary>
/// Stage one of open-vocabulary attribution: finds who the reporting clauses of a sentence name — the subject of a
/// speech verb ("X said", "said X"), "according to X", "X told reporters" — with an apposition's person or proper
/// name preferred to its role ("the provincial governor, Ana Sitoe,"). It reads the words only: whether a name is a
/// known source, refers back to one, or is new is decided by the reader (<see cref="DocumentReader"/>).
/// </summary>
internal static class SourceCandidateFinder
{
    private const int MaxPhrase = 12;

    /// <summary>Longest phrase set beside a name after the verb ("director of the city's private Aamin Ambulance service").</summary>
    private const int MaxApposition = 14;

    /// <summary>The reporting clauses' sources among tokens [from, to), in text order.</summary>
    public static void Find(TokenText text, int from, int to, List<SourceCandidate> into)
    {
        for (var k = from; k < to; k++)
        {
            if (!text.IsWord(k)) continue;
            if (text.Is(k, "according") && text.Is(k + 1, "to"))
            {
                AddAfter(text, IssuerAfter(text, k + 2, to), to, into);
                continue;
            }
            // "The Balochistan Liberation Army claimed the attack, saying its fighters had killed ...": the clause's subject speaks.
            if (text.Is(k, "saying") && text.IsComma(k - 1) && ClauseSubject(text, from, k - 1) is { } speaker)
            {
                into.Add(speaker);
                continue;
            }
            if (!AttributionVocabulary.ReportingVerbs.Contains(text[k]) && !PutsTheToll(text, k)) continue;
            // "A statement from the Ministry of Defence in Yaounde on Thursday said": the issuer of the document speaks.
            if (IssuerOfDocumentBefore(text, from, k) is { } issuer)
            {
                into.Add(issuer);
                continue;
            }
            var before = k - 1;
            while (before >= from && text.IsWord(before) && AttributionVocabulary.VerbFillers.Contains(text[before])) before--;
            // "the prefect on Friday put the toll at 31": the day of the statement between the subject and its verb.
            if (before > from && CalendarWords.IsCalendarWord(text[before]) && text.Is(before - 1, "on")) before -= 2;
            // "PICSS in its monthly report revealed": where the subject said it stands between the subject and its verb.
            before = BeforeOwnDocument(text, from, before);
            // "the National Observatory for Human Rights (NOHR) said": the short name in brackets is not the subject's end.
            if (BracketedAcronymEndsAt(text, from, before)) before -= 3;
            if (before >= from && text.IsWord(before) && AddBefore(text, from, before, into)) continue;
            // "Dr Amina Bello, director of the general hospital, said": a subject set off by commas.
            // "Marta Chivambo, who heads the town council, said": the subject before a relative clause.
            if (before == k - 1 && text.IsComma(before) && RelativeClauseStart(text, from, before) is { } comma && AddBefore(text, from, comma - 1, into)) continue;
            if (before == k - 1 && text.IsComma(before) && before - 1 >= from && text.IsWord(before - 1) && AddBefore(text, from, before - 1, into)) continue;
            if (before == k - 1 && text.IsComma(before) && ApposedNameEnd(text, from, before) is { } nameEnd && AddBefore(text, from, nameEnd - 1, into)) continue;
            // "The military's media wing, Inter-Services Public Relations (ISPR), says": the name before its short name and the comma.
            if (before == k - 1 && text.IsComma(before) && BracketedAcronymEndsAt(text, from, before - 1) && text.IsWord(before - 4)
                && AddBefore(text, from, before - 4, into))
            {
                continue;
            }
            if (k > from && (text.IsComma(k - 1) || IsQuote(text, k - 1))) AddAfter(text, k + 1, to, into);
        }
    }

    /// <summary>
    /// "the prefect put the toll at 31", "the hospital put the number of dead at 40": a body stating a toll, as "said" does.
    /// </summary>
    public static bool PutsTheToll(TokenText text, int k)
    {
        if (!text.IsAny(k, "put", "puts", "placed", "places")) return false;
        var noun = text.IsAny(k + 1, "the", "its", "their", "a") ? k + 2 : k + 1;
        if (text.IsAny(noun, "death", "final", "latest", "overall", "provisional", "official")) noun++;
        if (!text.IsAny(noun, "toll", "number", "figure", "tally", "count")) return false;
        for (var at = noun + 1; at <= noun + 4; at++)
        {
            if (text.Is(at, "at")) return true;
        }
        return false;
    }

    /// <summary>Nouns of a document a body issues: "a statement from X said", "a report by X found".</summary>
    private static readonly HashSet<string> DocumentNouns = new WordSet()
    {
        "statement", "report", "communique", "communiqué", "release", "bulletin", "update", "post", "video", "letter",
    };

    /// <summary>Nouns of the figures a body keeps: "according to figures from X", "according to the latest tally by X".</summary>
    private static readonly HashSet<string> FigureNouns = new WordSet()
    {
        "figures", "data", "tally", "count", "toll", "records", "estimates", "estimate", "numbers", "statistics",
    };

    /// <summary>
    /// "according to the daily report of the Attorney General's Office", "according to figures from the ministry": where the
    /// issuer's name starts after a document or figures noun and "of"/"from"/"by"; else <paramref name="first"/> itself.
    /// </summary>
    private static int IssuerAfter(TokenText text, int first, int to)
    {
        for (var k = first; k < to && k < first + 4 && text.IsWord(k) && !text.IsCapitalized(k); k++)
        {
            if ((DocumentNouns.Contains(text[k]) || FigureNouns.Contains(text[k])) && text.IsAny(k + 1, "of", "from", "by") && text.IsWord(k + 2)) return k + 2;
        }
        return first;
    }

    /// <summary>
    /// "A statement from the Ministry of Defence in Yaounde on Thursday said": the body after "from"/"by" in a document noun
    /// that is the reporting verb's subject, up to where it is ("in Yaounde") or when ("on Thursday").
    /// </summary>
    private static SourceCandidate? IssuerOfDocumentBefore(TokenText text, int from, int verb)
    {
        for (var k = verb - 1; k > from && k >= verb - MaxPhrase; k--)
        {
            if (!text.IsWord(k)) return null;
            if (!DocumentNouns.Contains(text[k]) || !text.IsAny(k + 1, "from", "by")) continue;
            var first = k + 2;
            var last = first;
            while (last + 1 < verb && text.IsWord(last + 1) && !text.IsAny(last + 1, "in", "on", "at", "last", "this", "late", "early")
                && (!AttributionVocabulary.ClauseWords.Contains(text[last + 1]) || InsideName(text, last + 1)))
            {
                last++;
            }
            return Read(text, first, last);
        }
        return null;
    }

    /// <summary>
    /// The subject of the clause that ends at the comma before "saying": a capitalised name at the clause's start, with its
    /// short name in brackets ("The outlawed Balochistan Liberation Army (BLA) claimed responsibility"), or a person.
    /// </summary>
    private static SourceCandidate? ClauseSubject(TokenText text, int from, int comma)
    {
        var first = from;
        // "In a video on Wednesday, the group claimed": the subject follows an opening phrase and its comma.
        for (var k = comma - 1; k > from; k--)
        {
            if (text.IsComma(k) || IsOpening(text, k) && !text.IsPunctuation(k, '(')) { first = k + 1; break; }
        }
        while (first < comma && text.IsWord(first) && !text.IsCapitalized(first) && !AttributionVocabulary.ClauseWords.Contains(text[first])) first++;
        if (text.Is(first, "The")) first++;
        while (first < comma && text.IsWord(first) && !text.IsCapitalized(first) && !AttributionVocabulary.ClauseWords.Contains(text[first])) first++;
        var last = first;
        while (last + 1 < comma && (text.IsWord(last + 1) && (text.IsCapitalized(last + 1) || InsideName(text, last + 1)
            || AttributionVocabulary.NameConnectors.Contains(text[last + 1]) && text.IsCapitalized(last + 2))))
        {
            last++;
        }
        if (!text.IsCapitalized(first) || !text.IsCapitalized(last)) return null;
        var verb = BracketedAcronymEndsAt(text, from, last + 3) ? last + 4 : last + 1;
        if (!text.IsWord(verb) || text.IsCapitalized(verb)) return null;
        return Read(text, first, last) is { Form: not SourceForm.Office } found ? found : null;
    }

    /// <summary>The subject that ends at token <paramref name="last"/>, with an apposition before it; true when one was found.</summary>
    private static bool AddBefore(TokenText text, int from, int last, List<SourceCandidate> into)
    {
        if (AttributionVocabulary.ClauseWords.Contains(text[last])) return false;
        var first = PhraseStart(text, from, last);
        if (first < 0) return false;
        var found = Read(text, first, last);
        // "the provincial governor, Ana Sitoe, said" / "Dr Amina Bello, director of the hospital, said": the apposition.
        if (text.IsComma(first - 1) && first - 2 >= from)
        {
            var otherLast = first - 2;
            // "the Centre for Rights in Africa (CRA), a Buea-based group, said": the name before its short name.
            if (BracketedAcronymEndsAt(text, from, otherLast)) otherLast -= 3;
            var otherFirst = PhraseStart(text, from, otherLast);
            if (otherFirst >= 0 && (otherFirst == from || text.IsComma(otherFirst - 1) || IsOpening(text, otherFirst - 1))
                && (Read(text, otherFirst, otherLast) ?? OneNamedPerson(text, otherFirst, otherLast, found)) is { } other)
            {
                found = Better(other, found) ? other with { Head = other.Head ?? found?.Head, Apposition = (first, last) } : found is { } kept ? kept with { Apposition = (otherFirst, otherLast) } : null;
            }
        }
        if (found is not { } candidate) return false;
        // The phrase must open the clause: sentence start, a comma, a quote, or "and"/"but" ("12 died, and the council said").
        into.Add(candidate);
        return true;
    }

    private static void AddAfter(TokenText text, int first, int to, List<SourceCandidate> into)
    {
        if (!text.IsWord(first)) return;
        var last = first;
        while (last + 1 < to && last + 1 - first < MaxPhrase && (text.IsWord(last + 1) || text.IsApostrophe(last + 1) || IsJoiningHyphen(text, last + 1) || IsTitleStop(text, last + 1))
            && (!AttributionVocabulary.ClauseWords.Contains(text[last + 1]) || IsMakersBy(text, last + 1)))
        {
            last++;
        }
        // "according to the National Observatory for Human Rights (NOHR),": the short name in brackets ends the name.
        var end = BracketedAcronymEndsAt(text, first, last + 3) ? last + 4 : last + 1;
        // "said 31 people were killed", "said on Friday", "said that": a clause or a time follows the verb, no subject.
        if (!(end >= to || text.IsComma(end) || text.IsPunctuation(end, '.') || IsQuote(text, end)
            || text.IsPunctuation(end, ';') || text.IsPunctuation(end, ')')))
        {
            return;
        }
        var found = Read(text, OwnerAfterBy(text, first, last), WithoutFigureNoun(text, first, last));
        if (text.IsComma(end) && text.IsWord(end + 1))
        {
            // "said Ana Sitoe, the provincial governor." / "according to the governor, Ana Sitoe,"
            var second = end + 1;
            var secondLast = second;
            while (secondLast + 1 < to && secondLast + 1 - second < MaxApposition
                && (text.IsWord(secondLast + 1) || text.IsApostrophe(secondLast + 1) || IsTitleStop(text, secondLast + 1))
                && !AttributionVocabulary.ClauseWords.Contains(text[secondLast + 1]))
            {
                secondLast++;
            }
            if ((secondLast + 1 >= to || text.IsComma(secondLast + 1) || text.IsPunctuation(secondLast + 1, '.'))
)
            {
                var other = Read(text, second, secondLast);
                found = other is { } o && Better(o, found) ? o with { Head = o.Head ?? found?.Head, Apposition = (first, last) }
                    : found is { } kept ? kept with { Apposition = (second, secondLast) } : null;
            }
        }
        if (found is { } candidate) into.Add(candidate);
    }

    /// <summary>The token before "in its monthly report" ending at <paramref name="before"/>, else <paramref name="before"/>.</summary>
    private static int BeforeOwnDocument(TokenText text, int from, int before)
    {
        if (!text.IsWord(before) || !DocumentNouns.Contains(text[before])) return before;
        for (var k = before - 1; k > from && k >= before - 4; k--)
        {
            if (text.IsAny(k, "its", "their", "his", "her") && text.Is(k - 1, "in")) return k - 2;
            if (!text.IsWord(k) || text.IsCapitalized(k)) return before;
        }
        return before;
    }

    /// <summary>"the Security Tracker by Beacon Consulting": "by" between two capitalised names joins a work to its maker.</summary>
    private static bool IsMakersBy(TokenText text, int k) => text.Is(k, "by") && text.IsCapitalized(k - 1) && text.IsCapitalized(k + 1);

    /// <summary>"according to Jammu and Kashmir police data": the body whose figures they are, without the figures' noun.</summary>
    private static int WithoutFigureNoun(TokenText text, int first, int last) =>
        last > first && text.IsWord(last) && !text.IsCapitalized(last) && (FigureNouns.Contains(text[last]) || DocumentNouns.Contains(text[last])) ? last - 1 : last;

    /// <summary>
    /// "according to data from the Nigeria Security Incidents Tracker by Beacon Consulting": a tracker, database or report
    /// named with its maker after "by" is the maker's; else <paramref name="first"/>.
    /// </summary>
    private static int OwnerAfterBy(TokenText text, int first, int last)
    {
        for (var k = last - 1; k > first; k--)
        {
            if (IsMakersBy(text, k)) return k + 1;
        }
        return first;
    }

    /// <summary>
    /// "Rehmatullah, medical superintendent at the district hospital, said": one capitalised word that opens the sentence
    /// may be any noun ("Colleagues said"), but set off by a person's role it is the person's one name.
    /// </summary>
    private static SourceCandidate? OneNamedPerson(TokenText text, int first, int last, SourceCandidate? role)
    {
        if (first != last || role is not { Form: SourceForm.Office } office || !text.IsCapitalized(first) || IsAcronym(text[first])
            || AttributionVocabulary.NotSources.Contains(text[first]) || AttributionVocabulary.BodyKinds.ContainsKey(text[first]))
        {
            return null;
        }
        for (var k = office.First; k <= office.Last; k++)
        {
            if (text.IsWord(k) && (IsTitle(text[k]) || AttributionVocabulary.SpokesNouns.Contains(text[k]))) return new SourceCandidate(first, last, text.Slice(first, last), null, SourceForm.Person);
        }
        return null;
    }

    /// <summary>A person beats a proper name, which beats an office: the apposition that names the most specific source.</summary>
    private static bool Better(SourceCandidate? other, SourceCandidate? found) =>
        other is { } o && (found is not { } f || Rank(o.Form) > Rank(f.Form));

    private static int Rank(SourceForm form) => form switch { SourceForm.Person => 3, SourceForm.ProperName => 2, _ => 1 };

    /// <summary>Walks back from <paramref name="last"/> over one noun phrase (no comma, no clause word); -1 when none.</summary>
    private static int PhraseStart(TokenText text, int from, int last)
    {
        var first = last;
        while (first - 1 >= from && last - first + 1 < MaxPhrase
            && (text.IsWord(first - 1) || text.IsApostrophe(first - 1) || IsJoiningHyphen(text, first - 1) || IsTitleStop(text, first - 1))
            && (!AttributionVocabulary.ClauseWords.Contains(text[first - 1]) || InsideName(text, first - 1)))
        {
            first--;
        }
        // The phrase opens at a determiner, a capital or the clause's start: drop the words before a determiner inside it.
        for (var k = last; k > first; k--)
        {
            if (text.IsAny(k, "the", "a", "an") && !text.IsAny(k - 1, "of", "for", "in", "at", "from", "near", "with", "on")) return k;
        }
        var opens = first == from || text.IsComma(first - 1) || IsOpening(text, first - 1) || text.IsAny(first - 1, "and", "but", "while");
        return opens ? first : -1;
    }

    /// <summary>A title, or a rank of titles joined by hyphens: "Dr", "Lieutenant-Colonel", "Major-General".</summary>
    private static bool IsTitle(ReadOnlySpan<char> word)
    {
        if (AttributionVocabulary.Titles.Contains(word)) return true;
        if (word.IndexOf('-') <= 0) return false;
        foreach (var part in word.Split('-'))
        {
            if (!AttributionVocabulary.Titles.Contains(word[part])) return false;
        }
        return true;
    }

    /// <summary>Reads tokens [first, last] as a source's name, or null when they are no source (a pronoun, "villagers").</summary>
    public static SourceCandidate? Read(TokenText text, int first, int last)
    {
        string? title = null;
        var titled = false;
        while (first <= last)
        {
            if (text.IsAny(first, "the", "a", "an", "its", "their", "his", "her"))
            {
                first++;
            }
            else if (text.IsWord(first) && IsTitle(text[first]) && first < last
                && (text.IsCapitalized(first + 1) || IsTitleStop(text, first + 1) && text.IsCapitalized(first + 2)))
            {
                if (AttributionVocabulary.BodyKinds.ContainsKey(text[first])) title = text[first].ToString().ToLowerInvariant();
                first += IsTitleStop(text, first + 1) ? 2 : 1;
                titled = true;
            }
            else
            {
                break;
            }
        }
        if (first > last || text.IsApostrophe(last) || !text.IsWord(last)) return null;
        // "Mr", "Dr" alone: a title whose name the text has not given here.
        if (first == last && AttributionVocabulary.Titles.Contains(text[first]) && text.IsCapitalized(first) && text[first].Length <= 4) return null;
        // "Since January, the council said": a phrase of time or place before the subject is no name.
        if (text.IsWord(first) && AttributionVocabulary.Prepositions.Contains(text[first])) return null;
        // "the Kenya Union of Journalists": a people's noun ending a capitalised name is part of the name.
        var properEnd = text.IsCapitalized(last) && last - first >= 2 && text.IsCapitalized(first);
        if (AttributionVocabulary.NotSources.Contains(text[last]) && !properEnd || AttributionVocabulary.ClauseWords.Contains(text[last])) return null;
        var capitals = 0;
        var lower = 0;
        string? head = null;
        for (var k = first; k <= last; k++)
        {
            if (!text.IsWord(k)) continue;
            if (AttributionVocabulary.NotSources.Contains(text[k]) && !text.IsCapitalized(k + 1) && !(properEnd && text.IsCapitalized(k))) return null;
            // "the armed group said": a party to the fighting, not a body that counts.
            if (AttributionVocabulary.ArmedWords.Contains(text[k]) && !text.IsCapitalized(k)) return null;
            if (text.IsCapitalized(k)) capitals++;
            else if (!AttributionVocabulary.NameConnectors.Contains(text[k])) lower++;
            if (AttributionVocabulary.BodyKinds.ContainsKey(text[k])) head = text[k].ToString().ToLowerInvariant();
        }
        // "the Mission said", "the Network documented": a body's noun capitalised as its short name refers back to it.
        var onlyHead = first == last && head is not null && first > 0 && text.IsAny(first - 1, "the");
        // "Colleagues said": one capitalised word that opens the sentence may be any noun ("Dr. Rehmatullah said": not after a title).
        if (first == last && capitals == 1 && head is null && !titled && (first == 0 || text.Kind(first - 1) == TokenKind.Punctuation && !text.IsComma(first - 1))
            && !IsAcronym(text[first]))
        {
            return null;
        }
        // "Police said", "- Police said": a body's common noun, capitalised only because it opens the sentence, is the office.
        if (first == last && head is not null && !onlyHead && (first == 0 || text.Kind(first - 1) == TokenKind.Punctuation && !text.IsComma(first - 1))
            && !IsAcronym(text[first]))
        {
            return new SourceCandidate(first, last, text.Slice(first, last).ToLowerInvariant(), head, SourceForm.Office);
        }
        // "Jiribam Superintendent of Police Ngangbam Romesh", "Foreign Minister Abdallah Bou Habib": a capitalised role, then the person.
        if (capitals > 0 && lower == 0 && PersonAfterCapitalRole(text, first, last) is { } personFirst)
        {
            return new SourceCandidate(personFirst, last, text.Slice(personFirst, last), head, SourceForm.Person, (first, personFirst - 1));
        }
        if (capitals > 0 && lower == 0 && !onlyHead)
        {
            var person = head is null && capitals is >= 2 and <= 4 && last - first < 5 && !NamesBody(text, first, last);
            return new SourceCandidate(first, last, text.Slice(first, last), person ? title : head, person ? SourceForm.Person : SourceForm.ProperName);
        }
        // "police spokesman Aziz Khan", "Lamu county commissioner Stephen Kihara": the person after the role words.
        var named = last;
        while (named - 1 >= first && (text.IsCapitalized(named - 1) && text.IsWord(named - 1)
            || named - 2 >= first && IsTitleStop(text, named - 1) && text[named - 2].Length == 1))
        {
            named -= text.IsWord(named - 1) ? 1 : 2;
        }
        // "the rights group Voix du Kivu", "the monitoring group Airwars": a body's noun, then the body's proper name.
        if (BodyNameAfterNoun(text, first, last) is { } nameFirst)
        {
            return new SourceCandidate(nameFirst, last, text.Slice(nameFirst, last), text[nameFirst - 1].ToString().ToLowerInvariant(), SourceForm.ProperName,
                (first, nameFirst - 1));
        }
        // "the prison authority SNAI": a body's noun, then its acronym.
        if (last == named && named > first && IsAcronym(text[last]) && text.IsWord(named - 1) && AttributionVocabulary.BodyKinds.ContainsKey(text[named - 1]))
        {
            return new SourceCandidate(named, last, text.Slice(named, last), text[named - 1].ToString().ToLowerInvariant(), SourceForm.ProperName, (first, named - 1));
        }
        if (last - named is >= 1 and <= 3 && named > first && !text.IsCapitalized(named - 1) && text.IsWord(named - 1)
            && (AttributionVocabulary.SpokesNouns.Contains(text[named - 1]) || AttributionVocabulary.Titles.Contains(text[named - 1])
                || AttributionVocabulary.BodyKinds.ContainsKey(text[named - 1])))
        {
            // "police chief Major Abdul Kusain": the rank is a title, not part of the name.
            var given = named;
            while (last - given >= 2 && AttributionVocabulary.Titles.Contains(text[given]) && text.IsCapitalized(given + 1)) given++;
            return new SourceCandidate(given, last, text.Slice(given, last), head, SourceForm.Person, (first, given - 1));
        }
        if (head is null) return null;
        // "director of the general hospital in Maiduguri", "a ministry spokesman": the body, without the person's role or where it is.
        var from = first;
        var to = last;
        if (text.IsWord(from) && AttributionVocabulary.SpokesNouns.Contains(text[from]) && text.IsAny(from + 1, "of", "for"))
        {
            from += 2;
            while (from <= to && text.IsAny(from, "the", "a", "an")) from++;
        }
        for (var k = from + 1; k <= to; k++)
        {
            if (text.IsAny(k, "in", "at", "from", "near") && !text.IsCapitalized(from)) { to = k - 1; break; }
        }
        // "the town's administrator", "the district administrator": a role of a place, not of a body, is the office itself.
        if (!RoleOfAPlace(text, from, to))
        {
            // "a ministry spokesman" → the ministry; "the territorial administrator" names no body without its role: kept whole.
            var bodyEnd = to;
            while (bodyEnd > from && text.IsWord(bodyEnd) && AttributionVocabulary.SpokesNouns.Contains(text[bodyEnd])) bodyEnd--;
            if (HasBodyNoun(text, from, bodyEnd)) to = bodyEnd;
        }
        if (from > to) return null;
        return new SourceCandidate(from, to, text.Slice(from, to), head, SourceForm.Office);
    }

    private static bool HasBodyNoun(TokenText text, int from, int to)
    {
        for (var k = from; k <= to; k++)
        {
            if (text.IsWord(k) && AttributionVocabulary.BodyKinds.ContainsKey(text[k])) return true;
        }
        return false;
    }

    /// <summary>Nouns of a place whose role-holder ("the town's administrator") is an office of its own.</summary>
    private static readonly HashSet<string> PlaceNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "town", "city", "village", "district", "province", "region", "county", "commune", "municipality", "camp", "state",
    };

    private static bool RoleOfAPlace(TokenText text, int from, int to)
    {
        if (to <= from || !text.IsWord(to) || !AttributionVocabulary.SpokesNouns.Contains(text[to])) return false;
        var before = text.IsPossessive(to - 2) ? to - 3 : to - 1;
        return before == from && text.IsWord(before) && PlaceNouns.Contains(text[before].ToString());
    }

    /// <summary>Nouns for a body (not a person's role): "the rights group X", "the charity X", "the UN agency X".</summary>
    private static readonly HashSet<string> CollectiveNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "group", "agency", "charity", "organisation", "organization", "network", "monitor", "coalition", "committee", "council",
        "commission", "union", "association", "alliance", "movement", "centre", "center", "observatory", "institute", "foundation",
        "society", "league", "federation", "forum", "platform", "collective", "initiative", "tracker", "project", "ngo", "watchdog",
        "body", "body's", "service", "mission",
    };

    /// <summary>
    /// The first token of a capitalised body name that follows a lower-case body noun ("rights group Voix du Kivu": "Voix"),
    /// or null. The name may hold connectors ("du", "of the") but must end capitalised, and must name a body, not a person
    /// ("group spokesman Ali Musa" is a person: the noun before the name is no body noun there).
    /// </summary>
    private static int? BodyNameAfterNoun(TokenText text, int first, int last)
    {
        for (var h = first; h < last; h++)
        {
            if (!text.IsWord(h) || text.IsCapitalized(h) || !CollectiveNouns.Contains(text[h])) continue;
            if (!text.IsCapitalized(h + 1) || !text.IsCapitalized(last)) return null;
            for (var k = h + 2; k < last; k++)
            {
                if (!text.IsWord(k) || !(text.IsCapitalized(k) || AttributionVocabulary.NameConnectors.Contains(text[k]))) return null;
            }
            // "the rights group Amnesty" is a body; "the army's Major Okello" is no case of this (the noun is possessed, not a kind).
            if (h + 1 == last && IsAcronym(text[last])) return null;
            return h + 1;
        }
        return null;
    }

    /// <summary>"Lakeside Human Rights League", "Kibera Response Room", "Since March": capitalised words that are no person's name.</summary>
    /// <summary>
    /// The first token of a person's name (two to four capitalised words, none a role, body or title word) that ends a
    /// capitalised run after a role or body word ("Superintendent of Police", "Foreign Minister"), or null.
    /// </summary>
    private static int? PersonAfterCapitalRole(TokenText text, int first, int last)
    {
        var given = last + 1;
        while (given - 1 > first && text.IsWord(given - 1) && text.IsCapitalized(given - 1) && !IsRoleOrBodyWord(text[given - 1])) given--;
        if (last - given + 1 is < 2 or > 4 || !text.IsWord(given - 1) || !IsRoleOrBodyWord(text[given - 1])) return null;
        return NamesBody(text, given, last) ? null : given;
    }

    private static bool IsRoleOrBodyWord(ReadOnlySpan<char> word) =>
        AttributionVocabulary.SpokesNouns.Contains(word) || AttributionVocabulary.Titles.Contains(word)
        || AttributionVocabulary.BodyKinds.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(word);

    private static bool NamesBody(TokenText text, int first, int last)
    {
        for (var k = first; k <= last; k++)
        {
            if (!text.IsWord(k)) continue;
            var word = text[k];
            if (AttributionVocabulary.BodyWords.Contains(word) || CalendarWords.IsMonth(word)) return true;
        }
        return false;
    }

    /// <summary>The comma that opens ", who heads the council," ending at <paramref name="close"/>, if the clause is relative.</summary>
    private static int? RelativeClauseStart(TokenText text, int from, int close) =>
        CommaBefore(text, from, close) is { } k && text.IsAny(k + 1, "who", "which", "whose") ? k : null;

    /// <summary>
    /// The comma after a name that opens an apposition too long or too nested to read as one phrase ("Dr Abdul Langove, the
    /// medical superintendent of the district hospital in Kalat, told"), ending at <paramref name="close"/>.
    /// </summary>
    /// <remarks>
    /// The apposition may itself hold commas ("Malik Dawar, a tribal elder in the village of Mosaki, in Mir Ali tehsil,
    /// told"): up to three commas back, the first that opens "the/a/an" after a capitalised word ends the name.
    /// </remarks>
    private static int? ApposedNameEnd(TokenText text, int from, int close)
    {
        for (var (end, commas) = (close, 0); commas < 3 && CommaBefore(text, from, end) is { } k; (end, commas) = (k, commas + 1))
        {
            if (text.IsAny(k + 1, "the", "a", "an") && text.IsCapitalized(k - 1)) return k;
        }
        return null;
    }

    /// <summary>The nearest comma before <paramref name="close"/> (within 15 tokens) that follows a word.</summary>
    private static int? CommaBefore(TokenText text, int from, int close)
    {
        for (var k = close - 1; k > from && k > close - 16; k--)
        {
            if (text.IsComma(k)) return text.IsWord(k - 1) ? k : null;
        }
        return null;
    }

    /// <summary>
    /// "Ministry of Public Health and Population", "Centre for Human Rights and Democracy in Africa": "and" between two
    /// capitalised words of one name, or "in" between a body's capitalised name and a capitalised place.
    /// </summary>
    private static bool InsideName(TokenText text, int k) =>
        text.IsAny(k, "and", "in", "to", "on", "against") && text.IsCapitalized(k - 1) && text.IsCapitalized(k + 1) && text.IsWord(k - 1)
        && (text.Is(k, "and") || NamesBodyBefore(text, k));

    /// <summary>True when a capitalised body noun ("Centre", "Society", "Network") stands among the capitalised words before token <paramref name="k"/>.</summary>
    private static bool NamesBodyBefore(TokenText text, int k)
    {
        for (var j = k - 1; j >= 0 && j >= k - 8 && text.IsWord(j) && (text.IsCapitalized(j) || AttributionVocabulary.NameConnectors.Contains(text[j])); j--)
        {
            if (text.IsCapitalized(j) && (AttributionVocabulary.BodyKinds.ContainsKey(text[j]) || AttributionVocabulary.BodyWords.Contains(text[j]))) return true;
        }
        return false;
    }

    /// <summary>A quotation mark, straight or curly.</summary>
    internal static bool IsQuote(TokenText text, int k) =>
        text.InRange(k) && text.Kind(k) == TokenKind.Punctuation && text.Text[text.Token(k).Start] is '"' or '\u201c' or '\u201d';

    /// <summary>True when tokens [at - 2, at] are "(ACRONYM)" after a word.</summary>
    private static bool BracketedAcronymEndsAt(TokenText text, int from, int at) =>
        at - 3 >= from && text.IsPunctuation(at, ')') && text.IsWord(at - 1) && text.IsPunctuation(at - 2, '(') && text.IsWord(at - 3)
        && IsAcronym(text[at - 1]);

    /// <summary>"OCDH", "MSF": a word of two or more letters, none of them lower case.</summary>
    public static bool IsAcronym(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsLower(c)) return false;
        }
        return word.Length >= 2;
    }

    private static bool IsOpening(TokenText text, int k) =>
        IsQuote(text, k) || text.IsPunctuation(k, '(') || text.IsPunctuation(k, ':') || text.IsPunctuation(k, '\u2014') || text.IsPunctuation(k, '-');

    /// <summary>"Dr. Imran Wazir", "Gen. Ali Musa": the stop of an abbreviated title is no end of the name.</summary>
    /// <remarks>"T. Ranjit Singh", "L. Romesh Singh": an initial's stop too.</remarks>
    private static bool IsTitleStop(TokenText text, int k) =>
        text.IsPunctuation(k, '.') && k > 0 && text.IsWord(k - 1) && text.IsCapitalized(k - 1)
        && (AttributionVocabulary.Titles.Contains(text[k - 1]) || text[k - 1].Length == 1)
        && text.Token(k - 1).End == text.Token(k).Start && text.IsCapitalized(k + 1);

    /// <summary>"Kafr-Zita", "Abu-Bakr": a hyphen inside a word; "Uganda (Reuters) - Police said" has a dash between words, which ends a phrase.</summary>
    private static bool IsJoiningHyphen(TokenText text, int k) =>
        IsHyphen(text, k) && k > 0 && text.InRange(k + 1) && text.Token(k - 1).End == text.Token(k).Start && text.Token(k).End == text.Token(k + 1).Start;

    internal static bool IsHyphen(TokenText text, int k) =>
        text.InRange(k) && text.Kind(k) == TokenKind.Punctuation && Tokenizer.IsHyphen(text.Text[text.Token(k).Start]);
}
