using Casualties.Domain.Extraction;
using Casualties.Domain.Reference;

namespace Casualties.Domain.Tests.Extraction;

/// <summary>
/// The sources a document credited, indexed for anaphora: each answer equals the backward scan over every entry the
/// reader used to make (written out below as the definition), so that a long document reads in linear time.
/// </summary>
[Property("Issue", "18")]
public sealed class SourceHistoryTests
{
    private static Source Body(string name, string kind, params string[] aliases) => new(name, kind, 0.8, null, aliases);

    private static readonly Source ArmenianMinistry = Body("Ministry of Defence of Armenia", "ministry", "Armenian defence ministry");
    private static readonly Source AzerbaijaniMinistry = Body("Azerbaijan's Ministry of Defence", "ministry", "Azerbaijani defence ministry");
    private static readonly Source Governor = Body("Ana Sitoe", "government", "governor");
    private static readonly Source Monitor = Body("Syrian Observatory for Human Rights", "monitor", "SOHR");
    private static readonly Source Charity = Body("Doctors on Call", "ngo");
    private static readonly Source Police = Body("National Police", "police", "police");

    private static SourceHistory History(params Source[][] entries)
    {
        var history = new SourceHistory();
        foreach (var entry in entries) history.Add(entry);
        return history;
    }

    /// <summary>The definition: the nearest entry with the noun whose name shares the phrase's qualifier, else the nearest with the noun.</summary>
    private static IReadOnlyList<Source>? ScanForNoun(IReadOnlyList<IReadOnlyList<Source>> history, string phrase, string head)
    {
        IReadOnlyList<Source>? nearest = null;
        for (var k = history.Count - 1; k >= 0; k--)
        {
            foreach (var source in history[k])
            {
                if (!SourceCanonicaliser.HasNoun(source, head)) continue;
                if (SourceCanonicaliser.SharesQualifier(phrase, head, source.Name)) return history[k];
                nearest ??= history[k];
            }
        }
        return nearest;
    }

    /// <summary>The definition: the nearest entry with a source of one of the kinds; with none given, the nearest entry.</summary>
    private static IReadOnlyList<Source>? ScanForKinds(IReadOnlyList<IReadOnlyList<Source>> history, string kinds)
    {
        for (var k = history.Count - 1; k >= 0; k--)
        {
            if (kinds.Length == 0 || history[k].Any(s => kinds.Split('|').Contains(s.Kind, StringComparer.OrdinalIgnoreCase))) return history[k];
        }
        return null;
    }

    [TestCase("the Azerbaijani ministry", "ministry", "Azerbaijan's Ministry of Defence")]
    [TestCase("Azerbaijani defence ministry", "ministry", "Azerbaijan's Ministry of Defence")]
    [TestCase("the Armenian ministry", "ministry", "Ministry of Defence of Armenia")]
    [TestCase("the ministry", "ministry", "Ministry of Defence of Armenia")]
    [TestCase("the defence ministry", "ministry", "Ministry of Defence of Armenia")]
    [TestCase("the provincial governor", "governor", "Ana Sitoe")]
    [TestCase("a police spokesman", "police", "National Police")]
    public void An_office_refers_back_to_the_source_the_scan_would_find(string phrase, string head, string expected)
    {
        var history = History([AzerbaijaniMinistry], [Governor], [Police, Monitor], [ArmenianMinistry], [Charity]);

        var found = history.LastWithNoun(phrase, head);

        Assert.That(found, Is.SameAs(ScanForNoun(history, phrase, head)));
        Assert.That(found!.Select(s => s.Name), Does.Contain(expected));
    }

    [TestCase("the agency", "agency")]
    [TestCase("the Azerbaijani council", "council")]
    public void An_office_nothing_named_before_answers_to_refers_to_no_one(string phrase, string head)
    {
        var history = History([AzerbaijaniMinistry], [Governor], [Monitor]);

        Assert.That(history.LastWithNoun(phrase, head), Is.Null);
        Assert.That(ScanForNoun(history, phrase, head), Is.Null);
    }

    [Test]
    public void Sources_credited_after_a_first_question_are_found_by_the_next()
    {
        var history = History([ArmenianMinistry]);
        Assert.That(history.LastWithNoun("the Azerbaijani ministry", "ministry")![0], Is.SameAs(ArmenianMinistry));

        history.Add([AzerbaijaniMinistry]);
        history.Add([Charity]);
        history.Add([ArmenianMinistry]);

        Assert.That(history.LastWithNoun("the Azerbaijani ministry", "ministry")![0], Is.SameAs(AzerbaijaniMinistry));
        Assert.That(history.LastWithNoun("the ministry", "ministry"), Is.SameAs(history[3]));
    }

    [TestCase("monitor")]
    [TestCase("ngo|monitor")]
    [TestCase("MONITOR|police")]
    [TestCase("ministry")]
    [TestCase("media")]
    [TestCase("")]
    public void An_anaphor_takes_the_nearest_source_of_its_kinds_as_the_scan_does(string kinds)
    {
        var history = History([AzerbaijaniMinistry], [Monitor], [Police], [Governor, Charity], []);

        Assert.That(history.LastOfKinds(kinds), Is.SameAs(ScanForKinds(history, kinds)));
    }

    [Test]
    public void A_long_history_answers_as_the_scan_does_at_every_length()
    {
        Source[] bodies = [ArmenianMinistry, AzerbaijaniMinistry, Governor, Monitor, Charity, Police];
        var history = new SourceHistory();
        for (var n = 0; n < 300; n++)
        {
            // Entries of one, two or no sources in an order that revisits each body at different distances.
            var entry = (n % 7) switch
            {
                0 => Array.Empty<Source>(),
                3 => [bodies[n % bodies.Length], bodies[(n / 3) % bodies.Length]],
                _ => [bodies[(n * n + 1) % bodies.Length]],
            };
            history.Add(entry);
            Assert.Multiple(() =>
            {
                Assert.That(history.LastWithNoun("the Azerbaijani ministry", "ministry"), Is.SameAs(ScanForNoun(history, "the Azerbaijani ministry", "ministry")));
                Assert.That(history.LastWithNoun("the governor", "governor"), Is.SameAs(ScanForNoun(history, "the governor", "governor")));
                Assert.That(history.LastOfKinds("monitor|ngo"), Is.SameAs(ScanForKinds(history, "monitor|ngo")));
            });
        }
    }
}
