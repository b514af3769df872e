using System.Text;
using Casualties.Domain.Extraction;
using Casualties.Domain.Reference;

namespace Casualties.Domain.Tests.Extraction;

/// <summary>
/// The look-up structures the rules ask at every token (issue 18) answer exactly as the plain structures they stand in
/// for: a shape filter only ever turns away a word no member equals.
/// </summary>
[Property("Issue", "18")]
public sealed class WordSetTests
{
    private static readonly string[] Members =
    [
        "said", "Killed", "toll", "a", "ſtate", "Łódź", "київ", "élysée", "Kelvin", "İstanbul", "mid-December", "U.N.", "x",
    ];

    [TestCase("SAID", true)]
    [TestCase("Said", true)]
    [TestCase("says", false)]
    [TestCase("killed", true)]
    [TestCase("KILLED", true)]
    [TestCase("kills", false)]
    [TestCase("A", true)]
    [TestCase("State", false)] // ordinal ignore-case does not fold "ſ" to "s"; the set answers as the plain set does
    [TestCase("ŁÓDŹ", true)]
    [TestCase("Київ", true)]
    [TestCase("ÉLYSÉE", true)]
    [TestCase("MID-DECEMBER", true)]
    [TestCase("u.n.", true)]
    [TestCase("", false)]
    [TestCase("sai", false)]
    public void A_word_set_holds_a_word_as_a_case_insensitive_hash_set_does(string word, bool expected)
    {
        var set = new WordSet(Members);
        var plain = new HashSet<string>(Members, StringComparer.OrdinalIgnoreCase);

        Assert.Multiple(() =>
        {
            Assert.That(set.Contains(word.AsSpan()), Is.EqualTo(plain.Contains(word)), "the plain set");
            Assert.That(set.Contains(word.AsSpan()), Is.EqualTo(expected));
            Assert.That(((HashSet<string>)set).Contains(word.AsSpan()), Is.EqualTo(expected), "through the extension on the base type");
        });
    }

    [Test]
    public void Random_words_are_members_of_a_word_set_exactly_when_of_the_plain_set()
    {
        const string Alphabet = "aAsSſkKKıIİiéÉ-'łŁ";
        var random = new Random(18);
        var members = Enumerable.Range(0, 300).Select(_ => Word(random, Alphabet)).ToList();
        var set = new WordSet();
        foreach (var member in members) set.Add(member);
        var plain = new HashSet<string>(members, StringComparer.OrdinalIgnoreCase);
        var disagreements = new List<string>();
        for (var n = 0; n < 20_000; n++)
        {
            var probe = Word(random, Alphabet);
            if (set.Contains(probe.AsSpan()) != plain.Contains(probe)) disagreements.Add(probe);
        }
        foreach (var member in members)
        {
            var upper = member.ToUpperInvariant();
            var lower = member.ToLowerInvariant();
            if (set.Contains(upper.AsSpan()) != plain.Contains(upper)) disagreements.Add(upper);
            if (set.Contains(lower.AsSpan()) != plain.Contains(lower)) disagreements.Add(lower);
        }

        Assert.That(disagreements, Is.Empty);
    }

    [Test]
    public void Random_words_are_keys_of_a_word_map_exactly_when_of_the_plain_map()
    {
        const string Alphabet = "aAsSſkKKıIİiéÉ-'łŁ";
        var random = new Random(1818);
        var plain = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var n = 0; n < 300; n++) plain.TryAdd(Word(random, Alphabet), n);
        var map = new WordMap<int>(plain);
        var disagreements = new List<string>();
        var probes = Enumerable.Range(0, 20_000).Select(_ => Word(random, Alphabet))
            .Concat(plain.Keys.SelectMany(k => new[] { k.ToUpperInvariant(), k.ToLowerInvariant() }));
        foreach (var probe in probes)
        {
            var found = map.TryGetValue(probe.AsSpan(), out var value);
            var expected = plain.TryGetValue(probe, out var plainValue);
            if (found != expected || map.ContainsKey(probe.AsSpan()) != expected || found && value != plainValue) disagreements.Add(probe);
        }

        Assert.Multiple(() =>
        {
            Assert.That(disagreements, Is.Empty);
            Assert.That(CalendarWords.TryGetMonth("SEPT".AsSpan(), out var month) && month == 9, Is.True);
            Assert.That(CalendarWords.IsWeekday("tuesday".AsSpan()), Is.True);
            Assert.That(CalendarWords.IsMonth("Marc".AsSpan()), Is.False);
            Assert.That(() => new WordMap<int>(new Dictionary<string, int>(StringComparer.Ordinal)), Throws.ArgumentException);
        });
    }

    private static string Word(Random random, string alphabet)
    {
        var builder = new StringBuilder();
        var length = random.Next(1, 5);
        for (var i = 0; i < length; i++) builder.Append(alphabet[random.Next(alphabet.Length)]);
        return builder.ToString();
    }

    private static GeneratedPlaces Layer() => new(Encoding.UTF8.GetBytes(
        GeneratedPlaces.Header + "\n" +
        "sy/deir-ez-zor,Deir ez Zor,sy,region,Dayr az Zawr,35.3,40.1\n" +
        "sy/deir,Deir,sy,city,,35.0,40.0\n" +
        "eg/kafr-el-sheikh,Kafr el Sheikh,eg,city,,31.1,30.9\n" +
        "sy/maarrat,Ma'arrat al-Nu'man,sy,city,,35.6,36.7\n"), "test");

    [TestCase("shelling in Deir ez Zor city", 2, 3, "sy/deir-ez-zor")]
    [TestCase("shelling in DEIR EZ ZOR", 2, 3, "sy/deir-ez-zor")]
    [TestCase("shelling in Dayr az Zawr", 2, 3, "sy/deir-ez-zor")]
    [TestCase("shelling in Deir town", 2, 1, "sy/deir")]
    [TestCase("shelling in Deir ez Tawil", 2, 1, "sy/deir")]
    [TestCase("near Kafr el Sheikh", 1, 3, "eg/kafr-el-sheikh")]
    [TestCase("near Ma\u2019arrat al-Nu\u2019man", 1, 6, "sy/maarrat")]
    public void The_generated_layer_matches_its_longest_name_at_a_word(string text, int index, int length, string key)
    {
        var tokens = TokenText.Of(text);

        var matched = Layer().TryMatch(tokens, index, tokens.Count, _ => false, out var found, out var places);

        Assert.Multiple(() =>
        {
            Assert.That(matched, Is.True);
            Assert.That(found, Is.EqualTo(length));
            Assert.That(places.Select(p => p.Key), Is.EqualTo(new[] { key }));
        });
    }

    [TestCase("near Kafr el Dawwar", 1)]
    [TestCase("in Deir", 0)]
    [TestCase("the Sheikh said", 1)]
    [TestCase("in Zor", 1)]
    public void The_generated_layer_matches_no_name_that_does_not_start_at_the_word(string text, int index)
    {
        var tokens = TokenText.Of(text);

        Assert.That(Layer().TryMatch(tokens, index, tokens.Count, _ => false, out _, out _), Is.False);
    }

    [TestCase("syria", true, false)]
    [TestCase("SYRIA", true, false)]
    [TestCase("Syria", true, true)]
    [TestCase("Syri", false, false)]
    [TestCase("", false, false)]
    public void Index_look_ups_in_read_only_lists_answer_as_enumerable_contains(string word, bool ignoringCase, bool ordinal)
    {
        IReadOnlyList<string> countries = ["Iraq", "Syria", "Lebanon"];

        Assert.Multiple(() =>
        {
            Assert.That(countries.ContainsIgnoreCase(word), Is.EqualTo(ignoringCase));
            Assert.That(countries.ContainsIgnoreCase(word), Is.EqualTo(countries.Contains(word, StringComparer.OrdinalIgnoreCase)));
            Assert.That(countries.ContainsOrdinal(word), Is.EqualTo(ordinal));
            Assert.That(countries.ContainsOrdinal(word), Is.EqualTo(countries.Contains(word, StringComparer.Ordinal)));
            Assert.That(countries.ContainsOrdinal(null), Is.False);
        });
    }

    [TestCase("ministry", true)]
    [TestCase("MINISTRY", true)]
    [TestCase("ministries", false)]
    [TestCase("", false)]
    public void A_word_span_finds_its_key_in_a_string_keyed_map_as_the_string_does(string word, bool expected)
    {
        var kinds = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["ministry"] = "government", ["police"] = "police" };
        var inText = $"the {word} said";
        var span = inText.AsSpan(4, word.Length);
        var contains = kinds.ContainsKey(span);
        var found = kinds.TryGetValue(span, out var kind);

        Assert.Multiple(() =>
        {
            Assert.That(contains, Is.EqualTo(expected));
            Assert.That(contains, Is.EqualTo(kinds.ContainsKey(word)));
            Assert.That(found, Is.EqualTo(expected));
            Assert.That(kind, Is.EqualTo(expected ? "government" : null));
        });
    }
}
