using System.Globalization;
using System.Text;
using Casualties.Domain.Reference;

namespace Casualties.Benchmarks;

/// <summary>
/// Generated news-like text in which no two sentences repeat: invented names (people, bodies, villages, campaigns),
/// random figures and dates, beside the seeds' places, sources, actors and victim terms. Deterministic per seed.
/// </summary>
/// <remarks>
/// Repeated text hides whatever grows with the vocabulary a reader has seen (caches, remembered names); this text
/// keeps meeting new names, as a large folder of real articles does.
/// </remarks>
public sealed class DistinctText(ReferenceData reference, int seed)
{
    private static readonly string[] Syllables =
        ["ka", "lo", "mir", "den", "tu", "sa", "vel", "ran", "ob", "ith", "zu", "per", "gal", "ny", "dro", "sel"];
    private static readonly string[] Qualifiers = ["", "at least ", "more than ", "about ", "nearly ", "up to ", ""];
    private static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    private static readonly string[] Adjectives = ["chaotic", "grim", "desperate", "harrowing", "quiet", "tense"];

    private readonly Random random = new(seed);
    private readonly string[] places = reference.Places.Where(p => p.Kind is "city" or "town" or "district" or "village").Select(p => p.Name).ToArray();
    private readonly string[] sources = reference.Sources.Select(s => s.Name).ToArray();
    private readonly string[] actors = reference.Actors.Where(a => a.Kind != "generic").Select(a => a.Name).ToArray();
    private readonly string[] victims = reference.VictimTerms.Select(v => v.Term).Where(t => !t.Contains(' ', StringComparison.Ordinal)).ToArray();

    /// <summary>Documents of about <paramref name="documentChars"/> characters, in paragraphs, until <paramref name="totalChars"/>.</summary>
    public List<string> Documents(long totalChars, int documentChars = 4000)
    {
        var documents = new List<string>();
        long size = 0;
        var text = new StringBuilder();
        while (size < totalChars)
        {
            text.Clear();
            while (text.Length < documentChars)
            {
                for (var s = 0; s < 3; s++) text.Append(Sentence()).Append(' ');
                text.Append("\n\n");
            }
            documents.Add(text.ToString());
            size += text.Length;
        }
        return documents;
    }

    /// <summary>One document of <paramref name="totalChars"/> characters without a paragraph break.</summary>
    public string OneDocument(long totalChars)
    {
        var text = new StringBuilder();
        while (text.Length < totalChars) text.Append(Sentence()).Append(' ');
        return text.ToString();
    }

    public string Sentence() => random.Next(8) switch
    {
        0 => $"{Pick(sources)} said {Pick(Qualifiers)}{Figure()} {Pick(victims)} were killed in {Pick(places)} on {Pick(Weekdays)}.",
        1 => $"{Person()}, a spokesman for the {Invented()} Relief Committee, told reporters that {Figure()} {Pick(victims)} died in {Invented()} after shelling by the {Pick(actors)} on {Date()}.",
        2 => $"At least {Figure()} {Pick(victims)} were wounded near {Pick(places)} between {Date()} and {Date()}, according to the {Invented()} Observatory.",
        3 => $"Residents of {Invented()} described {Pick(Adjectives)} scenes as rescue crews searched the rubble of the {Invented()} market.",
        4 => $"The death toll from the {Invented()} offensive rose to {Figure()}, {Person()} of the {Pick(places)} health directorate said, adding that {random.Next(2, 40)} of them were children.",
        5 => $"{Invented()} villagers said {Pick(actors)} fighters had stormed {Invented()} overnight, and {Figure()} {Pick(victims)} remain missing.",
        6 => $"In {Pick(Months)} {random.Next(1990, 2026)}, {Person()} said, {Figure()} {Pick(victims)} had been killed in {Pick(places)} and {Invented()}.",
        _ => $"\"We counted {Figure()} bodies,\" said {Person()}, head of the {Invented()} hospital in {Pick(places)}.",
    };

    private string Figure() => random.Next(4) == 0
        ? random.Next(1000, 90000).ToString("N0", CultureInfo.InvariantCulture)
        : random.Next(2, 999).ToString(CultureInfo.InvariantCulture);

    private string Date() => $"{random.Next(1, 29)} {Pick(Months)}";

    private string Person() => $"{Invented()} {Invented()}";

    private string Invented()
    {
        Span<char> word = stackalloc char[16];
        var length = 0;
        for (var s = random.Next(2, 5); s > 0; s--)
        {
            foreach (var c in Pick(Syllables)) word[length++] = c;
        }
        word[0] = char.ToUpperInvariant(word[0]);
        return new string(word[..length]);
    }

    private string Pick(string[] items) => items[random.Next(items.Length)];
}
