using Microsoft.Extensions.Configuration;
using NUnit.Framework;

namespace Casualties.Worker.Tests;

[Property("Issue", "8")]
public sealed class ReconcileConfigurationTests
{
    [Test]
    public void Reconciliation_thresholds_come_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ReconcileOptions:WideSpreadRatio"] = "2.5",
            ["ReconcileOptions:OutlierZ"] = "4",
        }).Build();

        var options = AppConfiguration.Reconcile(configuration);

        Assert.That((options.WideSpreadRatio, options.OutlierZ, options.CoordinateMatchKm), Is.EqualTo((2.5, 4.0, 10.0)));
    }

    [Test]
    public void The_shipped_appsettings_hold_the_documented_defaults()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false).Build();

        Assert.That(AppConfiguration.Reconcile(configuration), Is.EqualTo(Casualties.Domain.Reconciliation.ReconcileOptions.Default));
    }
}
