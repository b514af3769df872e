using Casualties.Domain.Extraction;
using Casualties.Domain.Model;

namespace Casualties.Domain.Tests.Extraction;

[Property("Issue", "15")]
public sealed class PlaceScopeCueTests
{
    [TestCase("Fighting across Yemen has killed 377,000 people since 2015")]
    [TestCase("At least 40 people were killed throughout the country on Friday")]
    [TestCase("Nationwide, 112 protesters died in the crackdown")]
    [TestCase("Clashes all over Darfur left 80 dead this week")]
    [TestCase("The war has killed 12,000 civilians in all of Ukraine")]
    [TestCase("Violence in the whole of the province claimed 31 lives")]
    public void Wording_that_covers_an_area_makes_the_figure_a_whole(string quote) =>
        Assert.That(PlaceScopeCues.Read(quote, oneDayEvent: true, coarsePlace: true), Is.EqualTo(PlaceScope.Across));

    [TestCase("A drone strike in Syria killed 12 people")]
    [TestCase("Nine soldiers died in an ambush in Mali")]
    [TestCase("One explosion in northern Iraq left 7 dead")]
    [TestCase("An air strike on a market in Yemen killed 21")]
    [TestCase("14 were killed when a suicide car bomb went off in Somalia")]
    public void A_single_happening_placed_only_at_a_country_or_region_lies_somewhere_within_it(string quote) =>
        Assert.That(PlaceScopeCues.Read(quote, oneDayEvent: true, coarsePlace: true), Is.EqualTo(PlaceScope.Within));

    [TestCase("A drone strike in Syria killed 12 people", true, false)]
    [TestCase("A drone strike in Syria killed 12 people", false, true)]
    [TestCase("Government forces killed 50 people in Syria on Tuesday", true, true)]
    [TestCase("The ministry said 340 people had died in Gaza", true, true)]
    public void Otherwise_the_place_scope_is_not_stated(string quote, bool oneDayEvent, bool coarsePlace) =>
        Assert.That(PlaceScopeCues.Read(quote, oneDayEvent, coarsePlace), Is.Null);
}
