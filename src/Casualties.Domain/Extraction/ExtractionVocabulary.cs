using Casualties.Domain.Model;

namespace Casualties.Domain.Extraction;

/// <summary>
/// The English grammar words the extractor reads claims by: outcome verbs and nouns, the words that may
/// sit between a figure and its verb, speech verbs, anaphora, attack nouns. Names of sources, actors,
/// places, victims and vague quantities are reference data, not here.
/// </summary>
internal static class ExtractionVocabulary
{
    /// <summary>Outcome words that follow the victims: "25 civilians were killed", "millions forced from their homes".</summary>
    public static readonly PhraseMatcher<Outcome> OutcomeAfter = new(
    [
        ("killed", Outcome.Killed), ("dead", Outcome.Killed), ("died", Outcome.Killed), ("perished", Outcome.Killed),
        ("slain", Outcome.Killed), ("lost their lives", Outcome.Killed), ("lost their life", Outcome.Killed),
        ("lost his life", Outcome.Killed), ("lost her life", Outcome.Killed),
        ("shot dead", Outcome.Killed), ("killed or", Outcome.Killed), ("die", Outcome.Killed),
        ("wounded", Outcome.Injured), ("injured", Outcome.Injured), ("hurt", Outcome.Injured),
        ("displaced", Outcome.Displaced), ("fled", Outcome.Displaced), ("uprooted", Outcome.Displaced),
        ("forced from their homes", Outcome.Displaced), ("from their homes", Outcome.Displaced),
        ("to flee their homes", Outcome.Displaced), ("to flee", Outcome.Displaced), ("evacuated", Outcome.Displaced), ("out of their homes", Outcome.Displaced), ("forced to flee", Outcome.Displaced),
        ("forced out of their homes", Outcome.Displaced), ("driven from their homes", Outcome.Displaced),
        ("internally displaced", Outcome.Displaced), ("made homeless", Outcome.Displaced),
        ("missing", Outcome.Missing), ("unaccounted for", Outcome.Missing), ("disappeared", Outcome.Missing),
        ("went missing", Outcome.Missing), ("under the rubble", Outcome.Missing), ("trapped under the rubble", Outcome.Missing),
        ("fallen", Outcome.Killed), ("martyred", Outcome.Killed), ("executed", Outcome.Killed),
        ("detained", Outcome.Detained), ("arrested", Outcome.Detained), ("abducted", Outcome.Detained),
        ("kidnapped", Outcome.Detained), ("taken prisoner", Outcome.Detained), ("taken captive", Outcome.Detained),
        ("taken hostage", Outcome.Detained), ("captured", Outcome.Detained), ("imprisoned", Outcome.Detained),
        ("jailed", Outcome.Detained), ("apprehended", Outcome.Detained), ("rounded up", Outcome.Detained), ("held captive", Outcome.Detained),
        ("held hostage", Outcome.Detained),
        ("murdered", Outcome.Killed), ("massacred", Outcome.Killed), ("slaughtered", Outcome.Killed), ("beheaded", Outcome.Killed),
        ("gunned down", Outcome.Killed), ("lynched", Outcome.Killed), ("assassinated", Outcome.Killed),
        ("neutralised", Outcome.Killed), ("neutralized", Outcome.Killed),
        ("sustained injuries", Outcome.Injured), ("sustained wounds", Outcome.Injured), ("sustained gunshot wounds", Outcome.Injured),
        ("suffered injuries", Outcome.Injured), ("suffered wounds", Outcome.Injured), ("suffered gunshot wounds", Outcome.Injured),
        ("sustained various injuries", Outcome.Injured), ("sustained serious injuries", Outcome.Injured),
    ]);

    /// <summary>Nouns right after a number that name the outcome: "341 dead", "12 wounded", "30 deaths".</summary>
    public static readonly PhraseMatcher<Outcome> OutcomeNouns = new(
    [
        ("dead", Outcome.Killed), ("deaths", Outcome.Killed), ("fatalities", Outcome.Killed), ("killed", Outcome.Killed),
        ("killings", Outcome.Killed), ("bodies", Outcome.Killed), ("martyrs", Outcome.Killed),
        ("wounded", Outcome.Injured), ("injured", Outcome.Injured), ("injuries", Outcome.Injured),
        ("displaced", Outcome.Displaced), ("missing", Outcome.Missing),
        ("detained", Outcome.Detained), ("arrests", Outcome.Detained), ("detainees", Outcome.Detained),
        ("prisoners", Outcome.Detained), ("hostages", Outcome.Detained), ("captives", Outcome.Detained),
        ("abductees", Outcome.Detained), ("arrested", Outcome.Detained), ("cases of arbitrary arrest", Outcome.Detained),
        ("cases of arrest", Outcome.Detained), ("cases of detention", Outcome.Detained), ("arbitrary arrests", Outcome.Detained),
        ("cases of enforced disappearance", Outcome.Missing), ("people missing", Outcome.Missing),
        ("extrajudicial killings", Outcome.Killed), ("killed people", Outcome.Killed),
        ("homicide victims", Outcome.Killed), ("murder victims", Outcome.Killed), ("homicides", Outcome.Killed),
        ("murders", Outcome.Killed), ("victims of homicide", Outcome.Killed), ("violent deaths", Outcome.Killed),
        ("abductions", Outcome.Detained), ("kidnappings", Outcome.Detained), ("cases of abduction", Outcome.Detained),
        ("lives", Outcome.Killed),
    ]);

    /// <summary>Verbs and noun phrases that govern the figure after them: "has killed 81 people", "the killing of 87 civilians".</summary>
    public static readonly PhraseMatcher<Outcome> OutcomeBefore = new(
    [
        ("killed", Outcome.Killed), ("killing", Outcome.Killed), ("kills", Outcome.Killed), ("kill", Outcome.Killed),
        ("claimed the lives of", Outcome.Killed), ("eliminated", Outcome.Killed), ("eliminating", Outcome.Killed),
        ("neutralised", Outcome.Killed), ("neutralized", Outcome.Killed), ("the bodies of", Outcome.Killed),
        ("executed", Outcome.Killed), ("executing", Outcome.Killed), ("apprehended", Outcome.Detained),
        ("apprehending", Outcome.Detained), ("claiming the lives of", Outcome.Killed),
        ("claims the lives of", Outcome.Killed), ("took the lives of", Outcome.Killed),
        ("taking the lives of", Outcome.Killed), ("the killing of", Outcome.Killed), ("the deaths of", Outcome.Killed),
        ("the death of", Outcome.Killed), ("the killings of", Outcome.Killed), ("shot dead", Outcome.Killed),
        ("the martyrdom of", Outcome.Killed), ("martyring", Outcome.Killed), ("martyred", Outcome.Killed),
        ("wounded", Outcome.Injured), ("wounding", Outcome.Injured), ("wounds", Outcome.Injured),
        ("injured", Outcome.Injured), ("injuring", Outcome.Injured), ("injures", Outcome.Injured),
        ("the injury of", Outcome.Injured), ("the wounding of", Outcome.Injured),
        ("displaced", Outcome.Displaced), ("displacing", Outcome.Displaced), ("displaces", Outcome.Displaced),
        ("uprooted", Outcome.Displaced), ("uprooting", Outcome.Displaced),
        ("the displacement of", Outcome.Displaced),
        ("detained", Outcome.Detained), ("detaining", Outcome.Detained), ("arrested", Outcome.Detained),
        ("arresting", Outcome.Detained), ("abducted", Outcome.Detained), ("abducting", Outcome.Detained),
        ("kidnapped", Outcome.Detained), ("kidnapping", Outcome.Detained), ("captured", Outcome.Detained),
        ("capturing", Outcome.Detained), ("the arrest of", Outcome.Detained), ("the arrests of", Outcome.Detained),
        ("the detention of", Outcome.Detained), ("the abduction of", Outcome.Detained),
        ("the disappearance of", Outcome.Missing),
        ("to death", Outcome.Killed), ("murdered", Outcome.Killed), ("murdering", Outcome.Killed), ("massacred", Outcome.Killed),
        ("massacring", Outcome.Killed), ("slaughtered", Outcome.Killed), ("beheaded", Outcome.Killed), ("gunned down", Outcome.Killed),
        ("assassinated", Outcome.Killed), ("the murder of", Outcome.Killed), ("the massacre of", Outcome.Killed),
        ("beheading", Outcome.Killed), ("slaughtering", Outcome.Killed), ("gunning down", Outcome.Killed), ("shooting dead", Outcome.Killed),
        ("assassinating", Outcome.Killed), ("lynching", Outcome.Killed), ("the beheading of", Outcome.Killed),
    ]);

    /// <summary>Nouns of a running tally: "the death toll rose to 52", "a toll of 30".</summary>
    public static readonly HashSet<string> TallyNouns = new WordSet() { "toll", "tally" };

    /// <summary>Words between a tally noun and its figure.</summary>
    public static readonly HashSet<string> TallyLinks = new WordSet()
    {
        "has", "had", "have", "rose", "risen", "rising", "climbed", "climbing", "jumped", "increased", "reached",
        "reaching", "hit", "stood", "stands", "stand", "now", "to", "at", "of", "is", "was", "further", "sharply",
        "already", "had", "been", "climbs", "rises", "reaches", "stands", "surpassed", "passed", "topped", "exceeded",
        "grew", "soared", "mounted", "increase", "overall", "total", "official", "latest", "new", "updated", "s",
        "'", "’", "since", "then", "risen", "raising", "raised", "bringing", "brought", "putting", "put", "the",
    };

    /// <summary>Words that may stand between the victims and an outcome word after them.</summary>
    public static readonly HashSet<string> AuxiliaryWords = new WordSet()
    {
        "have", "has", "had", "were", "was", "are", "is", "been", "being", "be", "also", "reportedly", "since", "now",
        "all", "still", "later", "allegedly", "confirmed", "believed", "thought", "feared", "to", "so", "far",
        "already", "both", "who", "that", "were", "either", "each", "mostly", "mainly", "subsequently", "then",
        "more", "others", "other", "officially", "reported", "said", "presumed", "found", "being", "remain", "remained",
        "remains", "left", "listed", "as", "recently", "just", "initially", "eventually", "either", "among", "whom",
        "apparently", "likely", "yet", "again", "further", "may", "might", "could", "would", "will",
    };

    /// <summary>Words that may stand between an outcome verb and the figure it governs.</summary>
    public static readonly HashSet<string> ObjectFillers = new WordSet()
    {
        "another", "an", "additional", "a", "total", "of", "further", "the", "some", "at", "least", "all",
    };

    /// <summary>Phrases that open a subset of the figure before: "including 44 children", "among them five civilians".</summary>
    public static readonly PhraseMatcher<bool> SubsetMarkers = new(
    [
        ("including", true), ("among them", true), ("among whom", true), ("of whom", true), ("of them", true),
        ("among those", true), ("among the dead", true), ("among the victims", true), ("among the killed", true),
        ("among the wounded", true), ("among the injured", true), ("among the dead were", true),
        ("among the victims were", true), ("among those killed were", true), ("among those killed", true),
        ("among those wounded", true), ("among those injured", true), ("among those killed", true),
        ("comprising", true), ("consisting of", true), ("made up of", true), ("which included", true), ("that included", true),
    ]);

    public static readonly HashSet<string> SpeechVerbs = new WordSet()
    {
        "said", "says", "say", "reported", "reports", "report", "added", "adds", "stated", "states", "told",
        "documented", "documents", "recorded", "records", "counted", "counts", "estimated", "estimates",
        "confirmed", "confirms", "announced", "announces", "noted", "notes", "tallied", "registered", "verified",
        "according", "put", "puts", "claimed", "claims", "listed", "warned", "wrote", "tweeted", "posted", "cited",
        "citing", "revealed", "reveals", "shows", "show", "showed", "indicates", "indicated",
    };

    /// <summary>Verbs that publish a statement: "a communique released on Tuesday", "a report issued on Monday".</summary>
    public static readonly HashSet<string> IssueVerbs = new WordSet()
    {
        "issued", "released", "published", "circulated", "posted", "sent",
    };

    /// <summary>Words between a speech verb and its time that name the channel or audience: "told reporters on Thursday",
    /// "said in a statement on Sunday", "told this agency by telephone on Monday".</summary>
    public static readonly HashSet<string> SpeechChannelWords = new WordSet()
    {
        "in", "a", "an", "the", "its", "his", "her", "their", "to", "by", "at", "this", "statement", "statements",
        "communique", "communiqué", "report", "reports", "briefing", "conference", "press", "news", "release", "post",
        "video", "message", "reporters", "journalists", "agency", "telephone", "phone", "interview", "update",
        "bulletin", "later", "separately", "also", "late", "early", "local", "radio", "station", "television", "broadcaster",
        "newspaper", "channel", "media", "outlets", "text", "messages",
    };

    /// <summary>Words that refer back to a source named earlier ("it says", "the monitor said"), with the kinds of source each may mean (empty: any).</summary>
    public static readonly PhraseMatcher<string> Anaphora = new(
    [
        ("it", ""), ("they", ""), ("we", ""), ("our teams", ""), ("our staff", ""), ("its", ""), ("the report", ""), ("the data", ""), ("the figures", ""), ("the statistics", ""), ("the tracker", ""), ("the survey", ""), ("the study", ""), ("the statement", ""), ("the body", ""), ("the committee", ""), ("the union", ""), ("the spokesman", ""), ("the spokeswoman", ""), ("a spokesman", ""), ("a spokeswoman", ""), ("its spokesman", ""), ("the unit", ""), ("the source", ""), ("he", ""), ("she", ""), ("the commander", ""), ("officials", ""), ("the official", ""),
        ("the monitor", "monitor|ngo|dataset|medical"), ("the monitoring group", "monitor|ngo|dataset|medical"), ("the watchdog", "monitor|ngo|dataset|medical"), ("the observatory", "monitor|ngo|dataset|medical"), ("the monitors", "monitor|ngo|dataset|medical"), ("the monitor's", "monitor|ngo|dataset|medical"), ("the rights monitor", "monitor|ngo|dataset|medical"), ("the war monitor", "monitor|ngo|dataset|medical"), ("the britain-based monitor", "monitor|ngo|dataset|medical"), ("the uk-based monitor", "monitor|ngo|dataset|medical"), ("the network", "monitor|ngo|dataset|medical"), ("the rights group", "monitor|ngo|dataset|medical"), ("the group", "monitor|ngo|dataset|medical"), ("the group's", "monitor|ngo|dataset|medical"), ("the organisation", "monitor|ngo|dataset|medical"), ("the organization", "monitor|ngo|dataset|medical"), ("the doctors' group", "monitor|ngo|dataset|medical"), ("the medical group", "monitor|ngo|dataset|medical"), ("the charity", "monitor|ngo|dataset|medical"), ("the ngo", "monitor|ngo|dataset|medical"), ("the aid group", "monitor|ngo|dataset|medical"),
        ("the ministry", "ministry|government|medical"), ("the health ministry", "ministry|government|medical"), ("the ministry's", "ministry|government|medical"), ("the health office", "ministry|government|medical"), ("the directorate", "ministry|government|medical"), ("the hospital", "medical"), ("the hospital's director", "medical"), ("the doctors", "medical"), ("medics", "medical"),
        ("the agency", "un|media|government|ngo|rescue"), ("the commission", "monitor|ngo|un|government"), ("the un agency", "un|media|government|ngo|rescue"), ("the humanitarian agency", "un|media|government|ngo|rescue"),
        ("the office", "un|government|ministry"), ("the un office", "un|government|ministry"), ("the mission", "un|government|ministry"), ("the un", "un|government|ministry"), ("the administration", "un|government|ministry"), ("the authority", "un|government|ministry"), ("the authorities", "un|government|ministry"), ("the governor", "government"), ("the regional administration", "government"), ("the city council", "government"), ("the council", "government"), ("the government", "government|ministry"), ("the regional governor", "government"), ("the mayor", "government"),
        ("the military", "military|armed_group|government"), ("the army", "military|armed_group|government"), ("the military's", "military|armed_group|government"), ("the army's", "military|armed_group|government"),
        ("the service", "rescue"), ("the civil defence", "rescue"), ("the rescuers", "rescue"), ("the rescue service", "rescue"),
    ]);

    /// <summary>The nouns of the one-noun anaphora ("the monitor" → "monitor"), for "the independent monitor" and the like.</summary>
    public static readonly Dictionary<string, string> AnaphorNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["monitor"] = "monitor|ngo|dataset|medical", ["observatory"] = "monitor|ngo|dataset|medical", ["network"] = "monitor|ngo|dataset|medical",
        ["group"] = "monitor|ngo|dataset|medical", ["organisation"] = "monitor|ngo|dataset|medical", ["organization"] = "monitor|ngo|dataset|medical",
        ["commission"] = "monitor|ngo|un|government", ["ministry"] = "ministry|government|medical", ["agency"] = "un|media|government|ngo|rescue",
        ["office"] = "un|government|ministry", ["mission"] = "un|government|ministry", ["administration"] = "un|government|ministry",
        ["watchdog"] = "monitor|ngo|dataset|medical", ["charity"] = "monitor|ngo|dataset|medical",
    };

    /// <summary>Nouns of violence that make the actor before them the perpetrator: "Russian air strike", "rebel fire".</summary>
    public static readonly HashSet<string> AttackNouns = new WordSet()
    {
        "strike", "strikes", "airstrike", "airstrikes", "air", "fire", "shelling", "shellfire", "bombardment",
        "aggression", "enemy", "massacres",
        "bombardments", "bombing", "bombings", "bombs", "bomb", "attack", "attacks", "raid", "raids", "missile",
        "missiles", "rocket", "rockets", "drone", "drones", "shell", "shells", "mortar", "mortars", "artillery",
        "offensive", "assault", "forces", "troops", "jets", "warplanes", "aircraft", "planes", "gunmen", "fighters",
        "militants", "militiamen", "militia", "militias", "army", "helicopters", "helicopter", "snipers", "sniper",
        "operation", "operations", "siege", "ambush", "gunfire", "soldiers", "gunships", "warplane", "jet",
        "incursion", "advance", "counteroffensive", "counter-offensive", "barrel", "bombers", "suicide", "car",
        "tank", "tanks", "naval", "navy", "military", "security", "police", "paramilitary", "paramilitaries",
        "insurgents", "combatants", "campaign", "blockade", "occupation", "invasion", "counterattack", "fighter",
        "units", "unit", "-led", "-backed", "kamikaze", "ballistic", "cruise", "cluster", "munitions", "shot",
        "opened", "sniper", "crossfire", "retaliatory", "retaliation", "suspected", "massacre", "executions",
        "execution", "detention", "prison", "prisons", "cross-border",
    };

    /// <summary>Words before an actor that make it the target, not the perpetrator.</summary>
    public static readonly HashSet<string> TargetMarkers = new WordSet()
    {
        "targeting", "targeted", "against", "on", "at", "between", "fighting", "pro", "from", "into", "toward",
        "towards", "penning", "besieging", "encircling", "surrounding", "held", "with", "versus", "vs",
    };

    /// <summary>Words before an actor that make it the perpetrator ("killed by Israeli forces").</summary>
    public static readonly HashSet<string> AgentMarkers = new WordSet()
    {
        "by", "blamed", "attributed",
    };

    /// <summary>
    /// Words that may qualify victims without naming them: "other", "unarmed", "more". Nationality words ("palestinian
    /// civilians") are the reference data's demonyms, asked beside this set.
    /// </summary>
    public static readonly HashSet<string> VictimAdjectives = new WordSet()
    {
        "other", "more", "unarmed", "innocent", "young", "elderly", "local", "foreign", "armed", "suspected",
        "alleged", "additional", "further", "civilian", "injured", "wounded", "displaced", "separate", "different",
        "innocent", "defenceless", "defenseless", "off-duty", "enemy", "opposition", "government", "regime",
        "rebel", "pro-government", "pro-regime", "female", "male", "teenage", "school", "medical", "health",
        "humanitarian", "aid", "relief", "media", "news", "international", "un", "u.n", "police", "army", "security",
        "military", "allied", "loyalist", "militia", "jihadist", "islamist", "newborn", "infant", "small", "fellow",
        "estimated", "new", "detained", "arrested", "abducted", "missing", "dead", "of", "the", "its", "their",
        "whom", "which", "her", "his", "our", "these", "those", "such", "east", "west", "north", "south", "eastern", "western", "northern", "southern",
        "central", "besieged", "trapped", "fleeing",
    };

    /// <summary>Campaign nouns whose start the text may name ("the offensive begun on Nov. 15").</summary>
    public static readonly HashSet<string> CampaignNouns = new WordSet()
    {
        "offensive", "campaign", "assault", "siege", "war", "conflict", "invasion", "operation", "bombardment",
        "fighting", "escalation", "uprising", "revolution", "incursion", "blockade", "battle", "crisis", "crackdown",
    };

    public static readonly HashSet<string> LaunchVerbs = new WordSet()
    {
        "began", "begun", "launched", "started", "erupted", "beginning", "begin", "begins", "broke", "start",
        "launch", "commenced", "opened",
    };
}
