using Casualties.Domain.Reference;

namespace Casualties.Domain.Extraction;

/// <summary>
/// Attribution: the source the sentence's reporting clause credits ("X said", "according to X", "an X tally",
/// "X, a rights group, said"), or an anaphor ("it says", "the monitor said") for the nearest earlier source
/// of a compatible kind. A body named only as an actor ("RSF drones struck") or as the source of the
/// source ("citing a police source, the agency said") does not count.
/// </summary>
internal sealed partial class DocumentReader
{
    private enum Role
    {
        /// <summary>Named as an armed actor, or a foreign body under a shared alias: not a source.</summary>
        None,
        /// <summary>Credited by the reporter being quoted: "citing a police source".</summary>
        Cited,
        /// <summary>Named without a reporting verb.</summary>
        Mentioned,
        /// <summary>The subject of a reporting verb, or after "according to".</summary>
        Reporting,
    }

    private static readonly HashSet<string> CitingWords = new WordSet()
    {
        "citing", "cited", "quoting", "quoted",
    };

    private static readonly HashSet<string> TallyWords = new WordSet()
    {
        "tally", "count", "figures", "figure", "data", "toll", "estimate", "estimates", "records", "statistics", "monitoring",
    };

    /// <summary>Sources named so far in a reporting role, most recent last: what anaphora refer to.</summary>
    private readonly SourceHistory sourceHistory = new();

    private IReadOnlyList<Source> SourcesFor(TokenText text, int from, int to, ClaimDraft draft)
    {
        var anchor = draft.Mention.NumberToken;
        NamedAt<Source>? best = null;
        var bestRole = Role.None;
        foreach (var named in sourcesHere)
        {
            var role = RoleOf(text, from, to, named);
            if (role == Role.None || SemicolonBetween(text, named.First, anchor)) continue;
            if (role > bestRole || role == bestRole && Distance(named.First, named.Last, anchor) < Distance(best!.Value.First, best.Value.Last, anchor))
            {
                (best, bestRole) = (named, role);
            }
        }
        if (best is { } other && OtherStatesOfficeOnly(text, other)) (best, bestRole) = (null, Role.None);
        // A reporting body of another country only ("police" in Cameroon, which the seeds give to Nigeria's war) is not this
        // one: the clause's own words decide, as for a source the seeds lack.
        var open = OpenCandidateFor(text, from, to, anchor);
        // "according to the territory administrator, Colonel Désiré Lokwa": an office written in lower case, then the person
        // who holds it, is that person (domain.md: "the provincial governor, Ana Sitoe" → Ana Sitoe).
        if (bestRole == Role.Reporting && open is { Form: SourceForm.Person } person && best is { } office && IsOfficeHolderAfter(text, office, person)
            && OpenSourceBeforeAnaphora(person) is { } holder)
        {
            return holder;
        }
        // "Ramadan Ali Mooseni, deputy provincial police chief, said": a person followed by a role whose words name a known
        // body ("police") is the person, not the body (domain.md). A spokesman speaks for the body: "police spokesman X".
        if (bestRole == Role.Reporting && open is { Form: SourceForm.Person, Apposition: { } roleWords } speaker && best is { } inRole
            && roleWords.First > speaker.Last && inRole.First >= roleWords.First && inRole.Last <= roleWords.Last
            && !SpokesmanIn(text, roleWords.First, roleWords.Last) && OpenSourceBeforeAnaphora(speaker) is { } roleHolder)
        {
            return roleHolder;
        }
        if (bestRole == Role.Reporting && Local(best!.Value.Candidates) is { Count: > 0 } reporting) return reporting;
        if (OpenSourceBeforeAnaphora(open) is { } openSource) return openSource;
        if (AnaphoricSource(text, from, to) is { } referred) return referred;
        return best is { } mentioned && !SomeoneElseSpeaks(text, from, to) ? Local(mentioned.Candidates) : [];
    }

    /// <summary>
    /// "... near an MSF hospital, Gaza City resident Ahmed Salem said", "..., villagers said": a speech verb that no source
    /// name stands next to has another speaker, so a body the sentence merely mentions did not give the figure.
    /// </summary>
    private bool SomeoneElseSpeaks(TokenText text, int from, int to)
    {
        if (otherSpeakerSentence != sentence)
        {
            otherSpeakerSentence = sentence;
            otherSpeaker = FindOtherSpeaker(text, from, to);
        }
        return otherSpeaker;
    }

    private int otherSpeakerSentence = -1;
    private bool otherSpeaker;

    private bool FindOtherSpeaker(TokenText text, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (!IsSpeech(text, k) || text.Is(k, "according") || CitingWords.Contains(text[k]) || !text.IsAny(k, "said", "says", "say", "told", "added", "adds", "reported")) continue;
            var sourceNear = false;
            foreach (var named in sourcesHere)
            {
                sourceNear |= named.Last < k && k - named.Last <= 15 || named.First > k && named.First - k <= 12;
            }
            if (!sourceNear) return true;
        }
        return false;
    }

    /// <summary>Nouns a body's name may qualify without the body speaking: "an UNRWA school", "a Red Cross clinic", "the WHO warehouse".</summary>
    private static readonly HashSet<string> FacilityNouns = new WordSet()
    {
        "school", "schools", "clinic", "clinics", "hospital", "hospitals", "shelter", "shelters", "warehouse", "warehouses",
        "facility", "facilities", "compound", "compounds", "convoy", "convoys", "truck", "trucks", "vehicle", "vehicles",
        "centre", "center", "centres", "centers", "building", "buildings", "premises", "headquarters", "guesthouse", "camp",
        "camps", "base", "bases", "site", "sites", "distribution", "kitchen", "bakery", "tent", "tents", "ambulance", "ambulances",
        "-run", "-supported", "-backed", "-funded",
    };

    /// <summary>"an UNRWA school", "the UN Security Council": a body's name used as a modifier of another noun or name.</summary>
    private static bool IsAttributive(TokenText text, NamedAt<Source> named)
    {
        var next = named.Last + 1;
        if (text.IsWord(next) && FacilityNouns.Contains(text[next])) return true;
        if (text.InRange(next) && text.Kind(next) == TokenKind.Punctuation && Tokenizer.IsHyphen(text.Text[text.Token(next).Start])) return true;
        return text.IsWord(next) && text.IsCapitalized(next) && text.IsWord(next + 1) && text.IsCapitalized(next + 1) && !IsSpeech(text, next + 2);
    }

    /// <summary>"Airwars estimates 141 to 278 died; the Iraqi Civil Defence has recovered 112 bodies": each clause has its own source.</summary>
    private static bool SemicolonBetween(TokenText text, int a, int b)
    {
        for (var k = Math.Min(a, b) + 1; k < Math.Max(a, b); k++)
        {
            if (text.IsPunctuation(k, ';')) return true;
        }
        return false;
    }

    /// <summary>
    /// "the Syrian Observatory", "Kherson Police": a name with a capital of its own. "The governor said" at the start of a
    /// sentence is a common noun: neither an article nor a sentence's first word counts.
    /// </summary>
    private static bool IsProperName(TokenText text, int first, int length, int sentenceStart)
    {
        var k = first;
        while (k < first + length - 1 && text.IsAny(k, "the", "a", "an")) k++;
        for (; k < first + length; k++)
        {
            // "PORT-AU-PRINCE (Wire) - Police officers said": the word after a dateline's dash opens the sentence too.
            if (k != sentenceStart && !(k > 0 && (IsDash(text, k - 1) || text.IsPunctuation(k - 1, ':'))) && text.IsCapitalized(k)) return true;
        }
        return false;
    }

    /// <summary>
    /// "the Ombudsman's Office", "the Observatory", "the Human Rights Commission": a name made only of the words any
    /// country's bodies are called by. The reference data may give it to one country's body, but it is no evidence that
    /// the text is about that country.
    /// </summary>
    private static bool IsGenericBodyName(TokenText text, int first, int length)
    {
        for (var k = first; k < first + length; k++)
        {
            if (!text.IsWord(k) || text.Is(k, "s")) continue;
            if (!BodyNameHeads.Contains(text[k]) && !InstitutionNouns.Contains(text[k]) && !OfficeWords.Contains(text[k])) return false;
        }
        return true;
    }

    /// <summary>The other words of a body's generic name: "the National Human Rights Commission", "the Ombudsman's Office".</summary>
    private static readonly HashSet<string> OfficeWords = new WordSet()
    {
        "the", "of", "for", "and", "on", "national", "state", "public", "general", "high", "civil", "protection", "defence",
        "defense", "interior", "human", "rights", "ombudsman", "parliament", "parliamentary", "attorney", "federal", "regional",
        "provincial", "district", "local", "military", "armed", "affairs", "foreign", "internal", "security", "disaster",
        "management", "relief", "humanitarian", "red", "medical", "forensic", "legal", "medicine", "secretariat", "special",
    };

    private static readonly HashSet<string> StateKinds = new(StringComparer.Ordinal) { "government", "military", "ministry" };

    private string? CountryOfSource(string key) => extractor.CountryKeyOf(key);

    /// <summary>The candidates of a shared alias that belong to the document's countries, or are international.</summary>
    private IReadOnlyList<Source> Local(IReadOnlyList<Source> candidates)
    {
        if (candidates.Count == 1) return candidates;
        var local = candidates.Where(s => s.Country is null || InDocumentCountries(s.Country)).ToList();
        // None of them belongs to the document's known country: unknown beats another country's body.
        if (local.Count == 0) return LeadingCountry() is null ? candidates : local;
        // "the army said" in Cameroon is not Nigeria's army though both fight one war: a state's body is its own country's.
        // (In a war between states, "the army" of a text about Gaza is Israel's: there the parties are the states themselves.)
        if (LeadingCountry() is { } home && LeadingConflict() is { } war && war.Sides.Contains("government", StringComparer.Ordinal)
            && !local.Any(s => s.Country is { } key && CountryOfSource(key) == home))
        {
            local = local.Where(s => s.Country is null || !StateKinds.Contains(s.Kind)).ToList();
        }
        return local;
    }

    /// <summary>
    /// "the presidency said" in a text about Chad is not Nigeria's presidency, though both fight Boko Haram: in a war with a
    /// government side, a state's body that the text names by a common noun only speaks for the text's own country. (In a
    /// war between states the other state's army may well be meant: there the parties are the states.)
    /// </summary>
    private bool OtherStatesOfficeOnly(TokenText text, NamedAt<Source> named) =>
        named.Candidates is [var lone] && !HasCapital(text, named.First, named.Length) && IsOtherStatesBodyInCivilWar(lone);

    private bool IsOtherStatesBodyInCivilWar(Source source) =>
        source.Country is { } key && StateKinds.Contains(source.Kind) && LeadingCountry() is { } home && CountryOfSource(key) != home
        && LeadingConflict() is { } war && war.Sides.Contains("government", StringComparer.Ordinal) && war.Countries.ContainsOrdinal(home);

    /// <summary>Remembers the sources the sentence credits, for anaphora in later sentences.</summary>
    private void RememberSources(TokenText text, int from, int to)
    {
        foreach (var named in sourcesHere)
        {
            if (RoleOf(text, from, to, named) != Role.Reporting) continue;
            sourceHistory.Add(Local(named.Candidates));
            NameDescribedSource(Local(named.Candidates), SourceForm.ProperName, hasRole: false);
        }
        RememberOpenSources(text, from, to);
    }

    private Role RoleOf(TokenText text, int from, int to, NamedAt<Source> named)
    {
        if (!AnyOfDocumentCountries(named.Candidates) && !(named.Candidates.Count == 1 && namedWithCountry.Contains(named.Candidates[0]))) return Role.None;
        // "the provincial governor" on a text whose country is not known yet: a common noun names no one country's body.
        if (LeadingCountry() is null && named.Candidates.All(s => s.Country is not null) && !IsProperName(text, named.First, named.Length, from)) return Role.None;
        // "Manipur Police said" on a text whose country is unknown: a name several countries' bodies share is none of them.
        if (LeadingCountry() is null && named.Candidates.Select(s => s.Country).OfType<string>().Distinct().Skip(1).Any()) return Role.None;
        var before = named.First - 1;
        while (before >= from && text.IsAny(before, "the", "a", "an", "an", "state", "official", "local", "its")) before--;
        if (before >= from && text.IsWord(before) && CitingWords.Contains(text[before])) return Role.Cited;
        if (text.Is(before, "to") && text.Is(before - 1, "according")) return Role.Reporting;
        if (text.IsAny(before, "newspaper", "agency", "monitor", "group") && text.IsAny(before - 1, "the", "a")) before -= 2;
        if (text.IsAny(before, "by", "of", "from") && text.IsWord(before - 1) && TallyWords.Contains(text[before - 1]))
        {
            var article = text.IsAny(before - 2, "a", "an", "the") ? before - 3 : before - 2;
            if (text.Is(article, "to") && text.Is(article - 1, "according")) return Role.Reporting;
        }
        var isActor = ActorOverlaps(named.First, named.Last);
        // "Ko Min Thu told Reuters that ...": the news outlet a speaker told is the audience, not the speaker ("residents told
        // Human Rights Watch" is the rights group's finding, which it reports).
        if (before >= from && text.IsAny(before, "told", "tells", "telling", "informed") && IsMediaOnly(named.Candidates)) return Role.None;
        if (before >= from && IsSpeech(text, before) && !text.Is(before, "according") && !StartsClause(text, named.Last + 1)
            && !(isActor && text.IsWord(named.Last + 1)))
        {
            return Role.Reporting;
        }
        // "The township administration, which operates under the National Unity Government (NUG), said": the clause's own
        // name describes the speaker; the speaker is the name the clause follows.
        if (ReportsAfter(text, named.Last + 1, to) && !InRelativeClauseBefore(text, from, named.First)) return Role.Reporting;
        return isActor || IsMediaOnly(named.Candidates) || IsAttributive(text, named) ? Role.None : Role.Mentioned;
    }

    /// <summary>True when a role's words [first, last] make the person a body's spokesman (who speaks for the body).</summary>
    private static bool SpokesmanIn(TokenText text, int first, int last)
    {
        for (var k = first; k <= last; k++)
        {
            if (text.IsAny(k, "spokesman", "spokeswoman", "spokesperson", "spokespersons", "spokesmen")) return true;
        }
        return false;
    }

    /// <summary>"the territory administrator, Colonel Désiré Lokwa": a person named right after an office written in lower case.</summary>
    private static bool IsOfficeHolderAfter(TokenText text, NamedAt<Source> office, SourceCandidate person) =>
        !HasCapital(text, office.First, office.Length) && text.IsComma(office.Last + 1) && person.First > office.Last + 1 && person.First <= office.Last + 4;

    /// <summary>True when every candidate is a news outlet (and there is one).</summary>
    private static bool IsMediaOnly(IReadOnlyList<Source> sources)
    {
        for (var k = 0; k < sources.Count; k++)
        {
            if (sources[k].Kind != "media") return false;
        }
        return sources.Count > 0;
    }

    /// <summary>True when some source has no country or one of the document's (loops, not lambdas over a parameter: no closure per call).</summary>
    private bool AnyOfDocumentCountries(IReadOnlyList<Source> sources)
    {
        for (var k = 0; k < sources.Count; k++)
        {
            if (sources[k].Country is null || InDocumentCountries(sources[k].Country)) return true;
        }
        return false;
    }

    /// <summary>True when an actor named in the sentence overlaps tokens [first, last].</summary>
    private bool ActorOverlaps(int first, int last)
    {
        foreach (var a in actorsHere)
        {
            if (a.First <= last && a.Last >= first) return true;
        }
        return false;
    }

    /// <summary>"X said", "X (OCHA) reported", "X, a rights group, says", "X's tally", "X has also said on Monday".</summary>
    private static bool ReportsAfter(TokenText text, int k, int to)
    {
        if (text.IsPunctuation(k, '('))
        {
            var close = k + 1;
            while (close < Math.Min(to, k + 12) && !text.IsPunctuation(close, ')')) close++;
            k = close + 1;
        }
        if (text.IsPossessive(k)) return text.IsWord(k + 2) && (TallyWords.Contains(text[k + 2]) || IsSpeech(text, k + 2) || text.IsAny(k + 3, "tally", "count"));
        if (text.IsWord(k) && TallyWords.Contains(text[k])) return true;
        if (text.IsComma(k) && IsSpeech(text, k + 1) && !text.Is(k + 1, "according")) return true;
        if (text.IsComma(k))
        {
            var close = k + 1;
            var relative = text.IsAny(k + 1, "which", "who", "whose");
            while (close < Math.Min(to, k + (relative ? 18 : 14)) && !text.IsComma(close) && (relative || text.Kind(close) != TokenKind.Number)) close++;
            if (!text.IsComma(close)) return false;
            k = close + 1;
        }
        var names = 0;
        for (var skipped = 0; skipped <= 5 && k < to; skipped++, k++)
        {
            if (IsSpeech(text, k)) return !text.Is(k, "according") && !CitingWords.Contains(text[k]);
            if (text.IsAny(k, "recovered", "retrieved", "exhumed") && !text.Is(k - 1, "were")) return true;
            if (text.IsWord(k) && text.IsCapitalized(k) && skipped == names && names < 3)
            {
                names++;
                continue;
            }
            if (!text.IsWord(k) || !ReportingFillers.Contains(text[k])) return false;
        }
        return false;
    }

    /// <summary>True when tokens from <paramref name="from"/> to <paramref name="first"/> end inside ", which ..." or ", who ..." (no comma since).</summary>
    private static bool InRelativeClauseBefore(TokenText text, int from, int first)
    {
        for (var k = first - 1; k > from; k--)
        {
            if (text.IsComma(k)) return false;
            if (text.IsAny(k, "which", "who", "whose") && text.IsComma(k - 1)) return true;
        }
        return false;
    }

    /// <summary>"said Hamas is holding 150 captives": the name after the verb is the subject of what was said.</summary>
    private static bool StartsClause(TokenText text, int after) =>
        text.IsAny(after, "is", "was", "were", "are", "has", "had", "have", "will", "would", "could", "may", "might", "killed", "fighters", "forces");

    private static readonly HashSet<string> ReportingFillers = new WordSet(
    [
        "has", "have", "had", "also", "later", "further", "previously", "earlier", "separately", "on", "in", "a", "its",
        "latest", .. CalendarWords.WeekdayNames, "yesterday", "today",
        "statement", "report", "which", "that", "partners", "teams", "officials", "spokesman", "spokeswoman", "it",
        "would", "will", "then", "now", "sources", "command", "office", "publicly", "commander", "commanders", "official",
        "chief", "director", "head", "spokesperson", "representative", "staff", "doctors", "television", "tv", "radio",
        "channel", "newspaper", "news", "agency", "broadcaster", "website", "daily", "so", "far", "since", "currently",
    ]);

    /// <summary>"it says", "the monitor said", "said the group", "according to the ministry": the nearest earlier source of a fitting kind.</summary>
    private IReadOnlyList<Source>? AnaphoricSource(TokenText text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (!text.IsWord(i)) continue;
            if (!ExtractionVocabulary.Anaphora.TryMatch(text, i, to, out var length, out string kinds) && !DescribedAnaphor(text, i, to, out length, out kinds)) continue;
            var after = i + length;
            var speaks = IsSpeech(text, after) || (text.IsWord(after) && ReportingFillers.Contains(text[after]) && (IsSpeech(text, after + 1) || IsSpeech(text, after + 2)))
                || IsSpeech(text, i - 1) && !text.IsAny(i, "it", "its", "they", "we", "he", "she") || (text.Is(i - 1, "to") && text.Is(i - 2, "according"))
                || text.IsComma(after) && IsSpeech(text, after + 1) && !text.Is(after + 1, "according");
            if (!speaks) continue;
            return sourceHistory.LastOfKinds(kinds);
        }
        return null;
    }

    /// <summary>"the state-appointed but independent commission": "the", a few lower-case describing words, and an anaphor's noun.</summary>
    private static bool DescribedAnaphor(TokenText text, int i, int to, out int length, out string kinds)
    {
        length = 0;
        kinds = "";
        if (!text.Is(i, "the")) return false;
        for (var k = i + 1; k < Math.Min(to, i + 7); k++)
        {
            if (!text.IsWord(k) || text.IsCapitalized(k) || AttributionVocabulary.ArmedWords.Contains(text[k])) return false;
            if (k > i + 1 && ExtractionVocabulary.AnaphorNouns.TryGetValue(text[k], out var found))
            {
                length = k - i + 1;
                kinds = found;
                return true;
            }
        }
        return false;
    }

    /// <summary>True when the sentence credits an earlier source ("it said", "the ministry added").</summary>
    private bool HasAnaphoricAttribution(TokenText text, int from, int to) => AnaphoricSource(text, from, to) is not null;

    private static bool IsSpeech(TokenText text, int index) =>
        text.IsWord(index) && ExtractionVocabulary.SpeechVerbs.Contains(text[index]);

    /// <summary>Surnames of people named in full as a source ("Oleh Syniehubov"), for the surname alone later.</summary>
    private readonly Dictionary<string, IReadOnlyList<Source>> surnames = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that make a capitalised name an institution, not a person.</summary>
    private static readonly HashSet<string> InstitutionWords = new WordSet()
    {
        "ministry", "council", "office", "forces", "network", "observatory", "rights", "agency", "committee", "army", "police",
        "administration", "command", "mission", "organization", "organisation", "service", "centre", "center", "fund",
        "authority", "directorate", "department", "crescent", "cross", "health", "news", "television", "tv", "group",
        "company", "hospital", "international", "watch", "count", "defence", "defense", "general", "staff", "government",
    };

    /// <summary>"Oleh Syniehubov": a source named by a person's two or three capitalised names.</summary>
    private void RememberSurname(TokenText text, int first, int length, IReadOnlyList<Source> found)
    {
        if (length is < 2 or > 3) return;
        for (var k = first; k < first + length; k++)
        {
            if (!text.IsWord(k) || !text.IsCapitalized(k) || InstitutionWords.Contains(text[k]) || text[k].Length < 3) return;
        }
        surnames[text[first + length - 1].ToString()] = [.. found];
    }

    /// <summary>"..., Syniehubov said": the surname alone of a person named in full before as a source.</summary>
    private IReadOnlyList<Source>? SurnameAt(TokenText text, int i, int from)
    {
        if (surnames.Count == 0 || !text.IsCapitalized(i) || !surnames.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text[i], out var person)) return null;
        if (i > from && (text.IsCapitalized(i - 1) || text.Is(i - 1, "the"))) return null;
        return person;
    }

    private static readonly HashSet<string> BodyHeads = new WordSet()
    {
        "office", "directorate", "department", "council", "administration", "authorities", "officials", "ministry",
        "authority", "governor", "police", "government", "agency",
    };

    /// <summary>
    /// "the city's health directorate", "the province's health office": a local body named by the place the text
    /// is about, when a body of that name ("Baghdad Health Directorate") is known.
    /// </summary>
    private IReadOnlyList<Source>? LocalBodyAt(TokenText text, int i, int to, out int length)
    {
        length = 0;
        if (!text.Is(i, "the") || !text.IsAny(i + 1, "city", "town", "province", "governorate", "region", "state", "oblast", "regional", "provincial")) return null;
        var possessive = text.IsPossessive(i + 2);
        var first = possessive ? i + 4 : i + 2;
        var head = first;
        while (head < Math.Min(to, first + 4) && (text.IsWord(head) || text.IsApostrophe(head)) && !BodyHeads.Contains(text[head])) head++;
        if (head >= to || !text.IsWord(head) || !BodyHeads.Contains(text[head])) return null;
        var span = text.SpanOf(first, head);
        var words = text.Text[span.Start..span.End];
        var kindWord = text[i + 1].ToString();
        var where = text.IsAny(i + 1, "city", "town") ? lastCity : possessive ? lastPlace ?? lastCity : lastRegion ?? lastPlace;
        for (var place = where; place is not null; place = place.Parent is { } parent ? Reference.Gazetteer.ByKey(parent) : null)
        {
            for (var n = -1; n < place.Aliases.Count; n++)
            {
                var name = n < 0 ? place.Name : place.Aliases[n];
                var found = extractor.SourcesNamed(name, " ", words);
                if (found.Count == 0) found = extractor.SourcesNamed(words, " in ", name);
                if (found.Count == 0 && !possessive) found = extractor.SourcesNamed(name, " ", kindWord, " ", words);
                if (found.Count == 0) continue;
                length = head - i + 1;
                return found;
            }
        }
        return null;
    }

    /// <summary>The body that issued the document, named in its header lines ("Press release — MSF"), if any.</summary>
    private IReadOnlyList<Source>? issuer;

    /// <summary>
    /// "Syrian Network for Human Rights — Monthly Report", "UN Office for the Coordination of Humanitarian Affairs (OCHA)":
    /// a body named in one of the first header lines, not as the speaker of a headline ("Israel says 1,300 killed"),
    /// nor a news agency (the reporter, not who counted), nor an armed group,
    /// issued the document; its unattributed figures ("We documented ...") are its own.
    /// </summary>
    private static bool InShoutedName(TokenText text, int first, int last) =>
        SourceCandidateFinder.IsAcronym(text[last]) && (text.IsWord(first - 1) && SourceCandidateFinder.IsAcronym(text[first - 1])
            || text.IsWord(last + 1) && SourceCandidateFinder.IsAcronym(text[last + 1]));

    private void RememberIssuer(TokenText text, int to)
    {
        if (issuer is not null || sentence > 3 || drafts.Any(d => !d.InHeadline)) return;
        foreach (var named in sourcesHere)
        {
            if (!named.Candidates.Any(s => s.Country is null || InDocumentCountries(s.Country))) continue;
            if (named.Candidates.All(s => s.Kind is "media" or "armed_group") || !HasCapital(text, named.First, named.Length)) continue;
            // "KIVU LAKES RIGHTS COALITION (KLRC) - BULLETIN": a word of a longer shouted name is not a body of its own.
            if (InShoutedName(text, named.First, named.Last)) continue;
            if (ReportsAfter(text, named.Last + 1, to) && !text.IsPunctuation(named.Last + 1, '(')) continue;
            issuer = Local(named.Candidates);
            return;
        }
    }
}
