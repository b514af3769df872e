namespace Casualties.Domain.Reference;

/// <summary>A conflict and the sides in it, and the countries (place keys) where it is fought.</summary>
public sealed record Conflict(string Key, string Name, IReadOnlyList<string> Countries, IReadOnlyList<string> Sides);

/// <summary>A body that counts casualties. <see cref="Country"/> is a place key, null when international.</summary>
public sealed record Source(string Name, string Kind, double Reliability, string? Country, IReadOnlyList<string> Aliases);

/// <summary>An armed actor and the side it belongs to in one conflict.</summary>
public sealed record Actor(string Name, string Conflict, string Side, string Kind, IReadOnlyList<string> Aliases);

/// <summary>A gazetteer entry. <see cref="Parent"/> is the key of the enclosing place, null for a country.</summary>
/// <remarks>
/// <see cref="Generated"/> marks the generated layer (GeoNames, seeds/places.geonames.csv.gz): free text names its places
/// only in place contexts ("in X", "the village of X"); the curated places.csv is read everywhere.
/// </remarks>
public sealed record Place(
    string Key, string Name, string? Parent, string Kind, IReadOnlyList<string> Aliases,
    double? Latitude, double? Longitude, bool Generated = false);

/// <summary>A vague quantity phrase ("dozens") and the bounds it stands for.</summary>
public sealed record LexiconEntry(string Phrase, int Low, int? High);

/// <summary>A noun that names a victim group ("soldiers" → combatants), with a side it implies, if any.</summary>
public sealed record VictimTerm(string Term, string Victims, string? VictimSide);

/// <summary>
/// A nationality word and the country it names ("Haitian" → haiti, "South Sudanese" → south-sudan; seeds/demonyms.csv,
/// written by tools/gazetteer/demonyms.mjs). The extractor reads one as a vote for the document's country.
/// </summary>
public sealed record Demonym(string Word, string Country);

/// <summary>
/// Words for a means of attack ("air strike", "barrel bombs") that only one side of a conflict uses, so that a figure
/// whose text names no perpetrator but this means takes that side (seeds/side-cues.csv). <see cref="Country"/>, when set,
/// limits the cue to events in that country (a place key); <see cref="FromYear"/> and <see cref="ToYear"/> (inclusive)
/// to the years it held.
/// </summary>
public sealed record SideCue(
    string Conflict, string Side, string Cue, IReadOnlyList<string> Words, string? Country, int? FromYear, int? ToYear);
