using Casualties.Domain.Model;

namespace Casualties.Domain.Tests.Extraction;

/// <summary>
/// Figures credited to a body's report or data, as articles that summarise a report word it: the maker of a tracker named
/// after "by", the body before the figures' noun ("police data"), the body that "in its monthly report revealed", and "the
/// data"/"the figures" referring back to the last body named. Bodies and places are made up.
/// </summary>
[Property("Issue", "16")]
public sealed class ReportSourceTests
{
    private static readonly DateOnly Day = new(2024, 8, 2);

    private static IReadOnlyList<Claim> Claims(string text) => TestData.Extract(text, Day);

    [TestCase("A total of 7,222 people have been killed in Nigeria this year, according to data from the Security Incidents Tracker by Harmattan Consulting.")]
    [TestCase("A total of 7,222 people have been killed in Nigeria this year, according to figures from the Violence Tracker by Harmattan Consulting.")]
    public void A_tracker_named_with_its_maker_is_the_makers(string text) =>
        Assert.That(Claims(text).Select(c => c.Source), Has.Some.EqualTo("Harmattan Consulting").And.All.EqualTo("Harmattan Consulting"));

    [TestCase("A total of 68 people have been killed in Kashmir this year, according to Kashmir police data.", "Kashmir police")]
    [TestCase("A total of 68 people have been killed in Kashmir this year, according to Harmattan Consulting figures.", "Harmattan Consulting")]
    public void The_body_before_its_figures_noun_gives_them(string text, string source) =>
        Assert.That(Claims(text).Select(c => c.Source), Has.Some.EqualTo(source).And.All.EqualTo(source));

    [TestCase("ISLAMABAD (Wire) - The Institute for Frontier Security Studies (IFSS) in its monthly report revealed that 24 people were killed in August.")]
    [TestCase("ISLAMABAD (Wire) - The Institute for Frontier Security Studies in its latest report said that 24 people were killed in August.")]
    public void A_body_that_says_so_in_its_report_gives_the_figure(string text) =>
        Assert.That(Claims(text).Select(c => c.Source), Has.Some.EqualTo("Institute for Frontier Security Studies").And.All.EqualTo("Institute for Frontier Security Studies"));

    [TestCase("According to the data, 605 abductions took place in January.")]
    [TestCase("The figures show that 605 people were abducted in January.")]
    public void The_data_refers_back_to_the_body_whose_data_it_is(string text)
    {
        var claims = Claims("A total of 7,222 people have been killed in Nigeria this year, according to data from Harmattan Consulting. " + text);

        Assert.That(claims.Select(c => c.Source).ToList(), Has.Count.EqualTo(2).And.All.EqualTo("Harmattan Consulting"));
    }
}
