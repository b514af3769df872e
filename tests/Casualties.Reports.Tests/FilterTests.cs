using Casualties.Reports.Loading;
using Casualties.Reports.Model;
using Casualties.Testing;
using NUnit.Framework;

namespace Casualties.Reports.Tests;

/// <summary>Each filter keeps exactly the incidents of the unfiltered report that match it, and narrows totals and flags.</summary>
[TestFixture]
[Property("Issue", "7")]
public sealed class FilterTests
{
    private TestDatabase db = null!;
    private List<ReportIncident> everything = null!;

    [OneTimeSetUp]
    public async Task SetUp()
    {
        db = await ReconciledDatabase.Create();
        everything = await (await ReconciledDatabase.Load(db.DataSource)).Incidents.ToListAsync();
    }

    [OneTimeTearDown]
    public Task TearDown() => db.DisposeAsync().AsTask();

    [Test]
    public async Task A_place_includes_everything_inside_it_in_the_gazetteer()
    {
        string[] inside = ["Aleppo Governorate", "Aleppo", "East Aleppo", "West Aleppo"];
        var data = await ReconciledDatabase.Load(db.DataSource, new ReportFilter(Place: "aleppo governorate"));
        var incidents = await data.Incidents.ToListAsync();

        Assert.That(incidents.Select(i => i.Id), Is.EquivalentTo(everything.Where(i => inside.Contains(i.Place)).Select(i => i.Id)));
        Assert.That(incidents.Select(i => i.Place).Distinct(), Is.EquivalentTo(inside), "the governorate, the city and both its districts");
        Assert.That(data.Places, Is.EqualTo(new[] { "Aleppo Governorate" }));
        Assert.That(data.Totals, Is.Not.Empty);
        Assert.That(data.Totals.Select(t => t.Place), Has.All.AnyOf(inside));
        Assert.That(data.Summary.Incidents, Is.EqualTo(incidents.Count));
    }

    [Test]
    public async Task Dates_keep_incidents_whose_period_overlaps_them()
    {
        var from = new DateOnly(2016, 12, 1);
        var to = new DateOnly(2016, 12, 31);
        var data = await ReconciledDatabase.Load(db.DataSource, new ReportFilter(From: from, To: to));
        bool Overlaps(ReportIncident i) => i.Start!.Value.First <= to && (i.End ?? i.Start)!.Value.Last >= from;

        var kept = await data.Incidents.ToListAsync();
        Assert.That(kept.Select(i => i.Id), Is.EquivalentTo(everything.Where(Overlaps).Select(i => i.Id)));
        Assert.That(kept.Where(i => i.Kind == "tally"), Is.Not.Empty, "tallies that started in November reach into December");
        Assert.That(kept.Count, Is.LessThan(everything.Count));
        Assert.That(data.Totals.Select(t => t.PeriodStart), Has.All.GreaterThanOrEqualTo(from));
    }

    [Test]
    public async Task Side_and_outcome_narrow_incidents_totals_and_flags()
    {
        var data = await ReconciledDatabase.Load(db.DataSource, new ReportFilter(Side: "opposition", Outcome: "killed"));
        var kept = await data.Incidents.ToListAsync();

        Assert.That(kept.Select(i => i.Id), Is.EquivalentTo(
            everything.Where(i => i.PerpetratorSide == "opposition" && i.Outcome == "killed").Select(i => i.Id)));
        Assert.That(kept, Is.Not.Empty);
        Assert.That(data.Totals.Select(t => (t.PerpetratorSide, t.Outcome)), Has.All.EqualTo(("opposition", "killed")));
        var flags = await data.Flags.ToListAsync();
        Assert.That(flags.Select(f => f.IncidentId), Has.All.Null.Or.AnyOf(kept.Select(i => (object?)i.Id).ToArray()));
    }

    [Test]
    public void An_unknown_place_is_an_error_naming_it()
    {
        var error = Assert.ThrowsAsync<PlaceNotFoundException>(() => ReconciledDatabase.Load(db.DataSource, new ReportFilter(Place: "Narnia")));
        Assert.That(error!.Message, Does.Contain("'Narnia'"));
    }
}
