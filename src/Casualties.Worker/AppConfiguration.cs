using Casualties.Domain.Reconciliation;
using Microsoft.Extensions.Configuration;

namespace Casualties.Worker;

/// <summary>
/// The configuration CLI verbs read outside the worker's host: appsettings.json beside the executable, then the
/// environment (sections named after the option classes, e.g. ReconcileOptions__WideSpreadRatio=2).
/// </summary>
public static class AppConfiguration
{
    private static readonly Lazy<IConfiguration> Configuration = new(() => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .Build());

    /// <summary>
    /// The ReconcileOptions section of <paramref name="configuration"/> (by default appsettings.json, then the
    /// environment); <see cref="ReconcileOptions.Default"/> when the section is absent.
    /// </summary>
    public static ReconcileOptions Reconcile(IConfiguration? configuration = null) =>
        (configuration ?? Configuration.Value).GetSection(nameof(ReconcileOptions)).Get<ReconcileOptions>() ?? ReconcileOptions.Default;
}
