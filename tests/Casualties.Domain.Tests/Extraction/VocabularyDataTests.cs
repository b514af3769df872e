using Casualties.Domain.Extraction;
using Casualties.Domain.Reference;
using Casualties.Ingestion.Reference;

namespace Casualties.Domain.Tests.Extraction;

/// <summary>
/// Word lists that are reference data are read from the reference data, not from a second copy in code: the vague-number
/// lexicon (seeds/lexicon.csv, built into the domain as its default) and the nationality words (seeds/demonyms.csv).
/// </summary>
[Property("Issue", "12")]
public sealed class VocabularyDataTests
{
    private static readonly DateOnly Day = new(2025, 4, 18);

    [Test]
    public void The_default_lexicon_is_seeds_lexicon_csv()
    {
        var seeds = SeedFiles.Load(Path.Combine(TestData.RepositoryRoot, "seeds"));

        Assert.That(seeds.Lexicon, Is.Not.Empty);
        Assert.That(NumberParser.DefaultLexicon, Is.EqualTo(seeds.Lexicon));
    }

    [Test]
    public void The_lexicon_reader_names_the_file_and_line_of_a_bad_number()
    {
        var error = Assert.Throws<FormatException>(() => LexiconTable.Read(new StringReader("phrase,low,high\numpteen,40,99\nscads,many,\n")));

        Assert.That(error!.Message, Is.EqualTo("lexicon.csv line 3: 'many' in column 'low' is not a whole number."));
        Assert.That(LexiconTable.Read(new StringReader(" Phrase , LOW ,high\n umpteen , 40 ,\n")),
            Is.EqualTo(new[] { new LexiconEntry("umpteen", 40, null) }));
    }

    [Test]
    public void No_victim_adjective_is_a_nationality_word_of_the_reference_data()
    {
        var demonyms = TestData.Reference.Demonyms.Select(d => d.Word).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.That(ExtractionVocabulary.VictimAdjectives.Where(demonyms.Contains), Is.Empty);
    }

    [TestCase("At least 12 dead zembese unarmed civilians were found on Sunday, a rights group said.")]
    [TestCase("Rescuers said 30 dead zembese unarmed civilians had been found in the rubble on Sunday.")]
    public void A_new_country_s_nationality_word_qualifies_victims_with_no_code_change(string text)
    {
        var withoutZembia = WithCountry();
        var withZembia = WithCountry(new Demonym("Zembese", "zembia"));

        Assert.That(new ClaimExtractor(withZembia).Extract(text, Day).Select(c => c.Victims), Is.EqualTo(new[] { "civilians" }));
        Assert.That(new ClaimExtractor(withoutZembia).Extract(text, Day).Select(c => c.Victims), Does.Not.Contain("civilians"),
            "without the demonym the word is not known to qualify victims");
    }

    [TestCase("At least 12 dead lebanese unarmed civilians were found on Sunday, a rights group said.")]
    [TestCase("At least 12 dead iraqi unarmed civilians were found on Sunday, a rights group said.")]
    public void A_seeded_nationality_word_qualifies_victims(string text) =>
        Assert.That(new ClaimExtractor(TestData.Reference).Extract(text, Day).Select(c => c.Victims), Is.EqualTo(new[] { "civilians" }));

    [Test]
    public void Calendar_words_name_each_month_and_weekday_once()
    {
        Assert.That(CalendarWords.MonthNames.Select(name => CalendarWords.TryGetMonth(name, out var month) ? month : 0), Is.EqualTo(Enumerable.Range(1, 12)));
        Assert.That(new[] { "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "dec" }
            .Select(word => CalendarWords.TryGetMonth(word, out var month) ? month : 0), Is.EqualTo(new[] { 1, 2, 3, 4, 6, 7, 8, 9, 9, 10, 11, 12 }));
        Assert.That(CalendarWords.WeekdayNames.Select(name => CalendarWords.TryGetWeekday(name, out var day) ? day.ToString() : ""),
            Is.EqualTo(CalendarWords.WeekdayNames));
        Assert.That(CalendarWords.IsCalendarWord("Eid") && !CalendarWords.IsMonth("Eid") && !CalendarWords.IsMonth("Mayor"), Is.True);
    }

    [TestCase("The strike killed 15 people in Aleppo on Nov. 15, a rights group said.", 15)]
    [TestCase("The offensive began in March. 15 people were killed in Aleppo on Sunday, a rights group said.", 15)]
    [TestCase("The offensive began in Sept. 15 people were killed in Aleppo on Sunday, a rights group said.", 0)]
    public void A_day_after_a_month_and_its_period_is_no_figure(string text, int figure) =>
        Assert.That(new ClaimExtractor(TestData.Reference).Extract(text, Day).Select(c => c.Quantity.Low), Is.EqualTo(figure == 0 ? Array.Empty<int>() : new[] { figure }));

    /// <summary>The seeds with a made-up country, Zembia, and the given nationality words.</summary>
    private static ReferenceData WithCountry(params Demonym[] extra)
    {
        var seeds = TestData.Reference;
        return new ReferenceData(seeds.Conflicts, seeds.Sources, seeds.Actors,
            [.. seeds.Places, new Place("zembia", "Zembia", null, "country", [], null, null)], seeds.Lexicon, seeds.VictimTerms,
            seeds.SideCues, seeds.GeneratedPlaces, [.. seeds.Demonyms, .. extra]);
    }
}
