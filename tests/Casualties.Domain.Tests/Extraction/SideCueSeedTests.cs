using Casualties.Ingestion.Reference;

namespace Casualties.Domain.Tests.Extraction;

/// <summary>seeds/side-cues.csv reaches the extractor as reference data, checked against conflicts.csv.</summary>
[Property("Issue", "16")]
public sealed class SideCueSeedTests
{
    private string folder = "";

    [SetUp]
    public void CreateFolder()
    {
        folder = Path.Combine(Path.GetTempPath(), "side-cues-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "places.csv"), "key,name,parent,kind\nsudan,Sudan,,country\n");
        File.WriteAllText(Path.Combine(folder, "conflicts.csv"), "conflict,name,countries,sides\nsudan,Sudan war,sudan,saf|rsf\n");
    }

    [TearDown]
    public void RemoveFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Cues_are_read_with_their_words_country_and_years()
    {
        File.WriteAllText(Path.Combine(folder, "side-cues.csv"),
            "conflict,side,cue,words,country,from,to\nsudan,saf,aircraft,air strike|warplanes,sudan,2023,\n");

        var cue = SeedFiles.Load(folder).SideCues.Single();

        Assert.That((cue.Conflict, cue.Side, cue.Cue, cue.Country, cue.FromYear, cue.ToYear),
            Is.EqualTo(("sudan", "saf", "aircraft", (string?)"sudan", (int?)2023, (int?)null)));
        Assert.That(cue.Words, Is.EqualTo(new[] { "air strike", "warplanes" }));
    }

    [TestCase("sudan,government,aircraft,air strike,,,", "'government' is not a side of 'sudan'")]
    [TestCase("yemen,coalition,aircraft,air strike,,,", "conflict 'yemen' is not in conflicts.csv")]
    public void A_cue_for_a_side_or_conflict_the_seeds_lack_is_refused_naming_the_line(string row, string message)
    {
        File.WriteAllText(Path.Combine(folder, "side-cues.csv"), "conflict,side,cue,words,country,from,to\n" + row + "\n");

        var error = Assert.Throws<FormatException>(() => SeedFiles.Load(folder));

        Assert.That(error!.Message, Does.Contain("side-cues.csv line 2").And.Contain(message));
    }

    [Test]
    public void Seeds_without_the_file_have_no_cues() => Assert.That(SeedFiles.Load(folder).SideCues, Is.Empty);
}
