namespace Casualties.Domain.Extraction;

/// <summary>
/// The words open-vocabulary attribution reads reporting clauses by (<see cref="SourceCandidateFinder"/>,
/// <see cref="SourceCanonicaliser"/>), one topic per set. Names of bodies are reference data (seeds/sources.csv), not here.
/// </summary>
internal static class AttributionVocabulary
{
    /// <summary>Verbs whose subject is who gave the figure: "the council said", "said the governor", "X told reporters".</summary>
    public static readonly HashSet<string> ReportingVerbs = Set(
        "said", "says", "say", "told", "tells", "reported", "reports", "added", "adds", "stated", "states", "announced",
        "announces", "confirmed", "confirms", "noted", "notes", "wrote", "writes", "tweeted", "posted", "explained", "declared",
        "documented", "documents", "recorded", "records", "counted", "estimated", "estimates", "tallied", "registered", "verified",
        "condemns", "condemned", "denounces", "denounced", "deplores", "deplored", "revealed", "reveals");

    /// <summary>Words that may stand between a subject and its reporting verb: "the council has also said".</summary>
    public static readonly HashSet<string> VerbFillers = Set(
        "has", "have", "had", "also", "later", "further", "previously", "earlier", "separately", "then", "now", "would",
        "will", "initially", "officially", "publicly", "had", "since");

    /// <summary>Words no source's name runs through: they end the noun phrase.</summary>
    public static readonly HashSet<string> ClauseWords = Set(
    [
        "and", "or", "but", "that", "which", "who", "whom", "whose", "when", "while", "after", "before", "as", "if", "because",
        "said", "says", "say", "told", "were", "was", "is", "are", "be", "been", "has", "have", "had", "on", "killed", "died",
        "also", "to", "by", "with", "this", "last", "yesterday", "today", "earlier", "later", "in", "statement",
        .. CalendarWords.WeekdayNames, "what", "where", "than", "it", "they", "he",
        "she", "we", "there", "not", "no", "could", "would", "will", "may", "might",
    ]);

    /// <summary>Titles before a person's name, not part of it: "Dr Amina Bello".</summary>
    public static readonly HashSet<string> Titles = Set(
        "dr", "mr", "mrs", "ms", "miss", "prof", "professor", "gen", "general", "col", "colonel", "maj", "major", "lt",
        "lieutenant", "capt", "captain", "brig", "brigadier", "sgt", "sergeant", "sheikh", "father", "bishop", "imam",
        "president", "governor", "mayor", "minister", "commissioner", "chief", "inspector", "judge", "senator", "rev",
        "reverend", "sister", "pastor", "cmdr", "commander", "spokesman", "spokeswoman", "spokesperson", "deputy",
        // Police ranks written before a name: "DSP Gabriel Ubah", "Supt Ewane Ndoh".
        "dsp", "asp", "supt", "superintendent", "cpl", "hon", "honourable",
        // The same titles as French, Spanish and Portuguese copy writes them: "Commissaire Narcisse Muteba", "Comandante
        // Luis Ortega" ("Don" is left out: it is a first name too).
        "commissaire", "commandant", "capitaine", "général", "lieutenant-colonel", "monsieur", "madame", "maître", "mgr",
        "monsignor", "abbé", "père", "licenciado", "coronel", "capitán", "comandante", "padre",
        // Ranks and offices of state and custom: "Admiral X", "Ambassador X", "Mwami X" (a customary chief in the Kivus).
        "admiral", "marshal", "ambassador", "mwami");

    /// <summary>
    /// The joining words of names in other languages ("Voix du Kivu", "Defensoría del Pueblo", "Rede de Solidariedade do
    /// Norte", "Coalition des Droits"), which English prose never puts between two names.
    /// </summary>
    /// <remarks>Declared before <see cref="NameConnectors"/>, which includes it (static fields are initialised in order).</remarks>
    public static readonly HashSet<string> ForeignConnectors = Set(
        "du", "de", "des", "la", "le", "el", "da", "dos", "das", "di", "van", "von", "del", "do", "pour", "au", "aux", "della", "degli",
        "dei", "der", "den", "het");

    /// <summary>Lower-case words inside a proper name: "Voix du Kivu", "Ministry of the Interior".</summary>
    public static readonly HashSet<string> NameConnectors = Set(
        ["of", "for", "the", "al", "and", "bin", "ibn", "on", "against", "in", "to", "'", "’", "s", "-", .. ForeignConnectors]);

    /// <summary>Nouns of people that give no source by themselves: "villagers said", "witnesses told".</summary>
    public static readonly HashSet<string> NotSources = Set(
        "villagers", "residents", "witnesses", "survivors", "relatives", "locals", "people", "sources", "source", "officials",
        "medics", "doctors", "activists", "families", "family", "farmers", "observers", "analysts", "men", "women", "someone",
        "one", "others", "us", "them", "it", "they", "he", "she", "we", "i", "you", "reports", "media",
        "footage", "images", "video", "videos", "reporters", "journalists", "eyewitnesses", "neighbours", "neighbors");

    /// <summary>Nouns for a person speaking for a body ("a ministry spokesman"): the body is the source, not the person's role.</summary>
    public static readonly HashSet<string> SpokesNouns = Set(
        "spokesman", "spokeswoman", "spokesperson", "official", "representative", "officer", "director", "head", "chief",
        "statement", "source", "press", "secretary", "member", "staff", "worker", "workers", "chairman", "chairwoman", "chairperson", "chair",
        "coordinator", "president", "administrator", "superintendent", "manager", "leader");

    /// <summary>The nouns of bodies and offices, each with the source kinds (seeds/sources.csv) it may name.</summary>
    public static readonly Dictionary<string, string> BodyKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ministry"] = "ministry|government|medical", ["governor"] = "government", ["council"] = "government",
        ["mayor"] = "government", ["administration"] = "government|un", ["administrator"] = "government",
        ["commissioner"] = "government|un", ["prefect"] = "government", ["prefecture"] = "government",
        ["government"] = "government|ministry", ["municipality"] = "government", ["police"] = "government",
        ["office"] = "government|un|ministry", ["army"] = "military|armed_group|government",
        ["military"] = "military|armed_group|government", ["command"] = "military|government",
        ["forces"] = "military|armed_group", ["hospital"] = "medical", ["morgue"] = "medical", ["coroner"] = "medical|government",
        ["directorate"] = "ministry|government|medical", ["department"] = "ministry|government",
        ["agency"] = "un|media|government|ngo|rescue", ["authority"] = "government|un", ["commission"] = "monitor|ngo|un|government",
        ["committee"] = "monitor|ngo|un|government", ["group"] = "monitor|ngo|dataset|medical",
        ["organisation"] = "monitor|ngo|dataset|medical", ["organization"] = "monitor|ngo|dataset|medical",
        ["network"] = "monitor|ngo|dataset|medical", ["association"] = "ngo|monitor", ["union"] = "ngo|monitor",
        ["monitor"] = "monitor|ngo|dataset|medical", ["observatory"] = "monitor|ngo", ["tracker"] = "monitor|dataset",
        ["mission"] = "un|government", ["service"] = "rescue|government", ["services"] = "rescue|government",
        ["crescent"] = "rescue|medical|ngo", ["cross"] = "rescue|medical|ngo", ["centre"] = "monitor|ngo|government",
        ["center"] = "monitor|ngo|government", ["court"] = "government",
        ["division"] = "military|government|medical", ["secretariat"] = "government|ministry|un", ["bureau"] = "government|un",
        ["platform"] = "ngo|monitor", ["foundation"] = "ngo", ["institute"] = "monitor|ngo", ["league"] = "ngo|monitor",
        ["forum"] = "ngo|monitor", ["coordination"] = "ngo|monitor", ["collective"] = "ngo|monitor", ["initiative"] = "ngo|monitor", ["authorities"] = "government|un", ["parliament"] = "government",
    };

    /// <summary>Capitalised nouns that make a name a body's even when no kind follows from them: "Civil Society", "Emergency Response Room".</summary>
    public static readonly HashSet<string> BodyWords = Set(
        "society", "coordination", "room", "foundation", "institute", "trust", "federation", "coalition", "alliance",
        "platform", "collective", "forum", "secretariat", "bureau", "delegation", "unit", "initiative", "project", "watch",
        "rights", "defenders", "defender", "ombudsman", "relief", "aid", "rescue", "league", "movement", "response", "monitoring",
        "observers", "humanitarian", "peace", "justice", "solidarity", "welfare", "development", "documentation", "research",
        // An armed group's name: "Zarkan Liberation Front", "Mokolo Defence Forces", "People's Resistance Army".
        "liberation", "front", "army", "forces", "brigade", "brigades", "militia", "resistance", "mujahideen", "battalion",
        // The same in the languages bodies keep their names in: "Rede de Solidariedade", "Defensoría del Pueblo", "Réseau ...".
        "rede", "red", "réseau", "reseau", "defensoría", "defensoria", "comisión", "comision", "comissão", "comité", "comite",
        "observatorio", "observatório", "observatoire", "asociación", "asociacion", "associação", "associacao", "collectif",
        "fundación", "fundacion", "fundação", "fundacao", "instituto", "centro", "liga", "ligue", "mouvement", "movimiento",
        "movimento", "conseil", "consejo", "conselho", "coordinadora", "coordenação", "plataforma", "frente", "ejército",
        "ejercito", "armée", "armee", "fuerzas", "forças", "forcas", "solidariedade", "solidaridad", "solidarité");

    /// <summary>Words that open a phrase of time, place or manner, never a source's name: "Since January, the council said".</summary>
    public static readonly HashSet<string> Prepositions = Set(
        "since", "in", "on", "at", "during", "after", "before", "by", "for", "from", "with", "as", "until", "throughout",
        "across", "over", "under", "near", "following", "despite", "among", "between", "within", "meanwhile", "separately",
        "elsewhere", "earlier", "later", "overall", "altogether");

    /// <summary>Offices and bodies whose noun alone is worth keeping as the source when no name is given ("the governor said").</summary>
    public static readonly HashSet<string> NamedByOffice = Set(
        "governor", "council", "mayor", "administration", "administrator", "commissioner", "prefect", "prefecture",
        "municipality", "police", "ministry", "army", "military", "command", "hospital", "morgue", "coroner", "directorate",
        "department", "mission", "office", "committee", "commission", "authorities", "division");

    /// <summary>Words that make a body's noun a party to the fighting: "the armed group", "the militant group".</summary>
    public static readonly HashSet<string> ArmedWords = Set(
        "armed", "jihadist", "militant", "rebel", "insurgent", "extremist", "terrorist", "separatist", "islamist", "paramilitary",
        "militia", "guerrilla", "criminal", "gang", "cartel", "jihadi", "attacking");

    private static HashSet<string> Set(params string[] words) => new WordSet(words);
}
