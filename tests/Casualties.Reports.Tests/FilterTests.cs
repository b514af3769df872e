using Casualties.Reports.Loading;
using Casualties.Testing;
using NUnit.Framework;

namespace Casualties.Reports.Tests;

[TestFixture]
[Property("Issue", "7")]
public sealed class FilterTests
{
    private TestDatabase db = null!;

    [OneTimeSetUp]
    public async Task SetUp() => db = await ReconciledDatabase.Create();

    [OneTimeTearDown]
    public Task TearDown() => db.DisposeAsync().AsTask();

    [Test]
    public async Task A_place_includes_everything_inside_it_in_the_gazetteer()
    {
        var data = await ReconciledDatabase.Load(db.DataSource, new ReportFilter(Place: "aleppo governorate"));
        var places = await Places(data);
        Assert.That(places, Is.EquivalentTo(new[] { "East Aleppo", "West Aleppo", "Aleppo", "Aleppo Governorate" }));
        Assert.That(data.Places, Is.EqualTo(new[] { "Aleppo Governorate" }));
        Assert.That(data.Totals.Select(t => t.Place).Distinct(), Is.EqualTo(new[] { "Aleppo Governorate" }));
        Assert.That(data.Summary.Incidents, Is.EqualTo(6));
    }

    [Test]
    public async Task Dates_keep_incidents_whose_period_overlaps_them()
    {
        var data = await ReconciledDatabase.Load(db.DataSource, new ReportFilter(From: new DateOnly(2016, 12, 1), To: new DateOnly(2016, 12, 31)));
        var ids = await Ids(data);
        Assert.That(ids, Is.EquivalentTo(new long[] { 1, 3, 4, 5, 6 }), "the tallies to 2016-12-07 overlap December");
        Assert.That(data.Totals.Select(t => t.PeriodStart), Has.All.GreaterThanOrEqualTo(new DateOnly(2016, 12, 1)));
    }

    [Test]
    public async Task Side_and_outcome_narrow_incidents_totals_and_flags()
    {
        var data = await ReconciledDatabase.Load(db.DataSource, new ReportFilter(Side: "opposition", Outcome: "killed"));
        Assert.That(await Ids(data), Is.EquivalentTo(new long[] { 3, 5 }));
        Assert.That(data.Totals.Select(t => t.PerpetratorSide), Has.All.EqualTo("opposition"));
        var flags = await data.Flags.ToListAsync();
        Assert.That(flags.Where(f => f.IncidentId is not null), Is.Empty);
    }

    [Test]
    public void An_unknown_place_is_an_error_naming_it()
    {
        var error = Assert.ThrowsAsync<PlaceNotFoundException>(() => ReconciledDatabase.Load(db.DataSource, new ReportFilter(Place: "Narnia")));
        Assert.That(error!.Message, Does.Contain("'Narnia'"));
    }

    private static async Task<List<string?>> Places(ReportData data) =>
        (await data.Incidents.ToListAsync()).Select(i => i.Place).Distinct().ToList();

    private static async Task<List<long>> Ids(ReportData data) => (await data.Incidents.ToListAsync()).Select(i => i.Id).ToList();
}
