using System.CommandLine;
using System.Globalization;
using Casualties.Domain.Reconciliation;
using Casualties.Postgres;
using Casualties.Postgres.Reconciliation;

namespace Casualties.Worker.Cli;

/// <summary>reconcile [--full] [--no-wait]: incidents, figures, totals and flags from the stored claims.</summary>
public static class ReconcileCommand
{
    public static readonly Option<bool> Full = new("--full")
    {
        Description = "Recompute every partition instead of only those whose claims changed since the last run.",
    };

    public static readonly Option<bool> NoWait = new("--no-wait")
    {
        Description = "When another run is in progress, say so (and whose it is) and exit instead of waiting for it.",
    };

    public static Command Build()
    {
        var reconcile = new Command("reconcile", "Group the stored claims into incidents and compute figures, per-side totals and conflict flags.");
        reconcile.Options.Add(Full);
        reconcile.Options.Add(NoWait);
        reconcile.SetAction(async (parse, ct) =>
        {
            await using var dataSource = await Database.Open(GlobalOptions.Database(parse), ct);
            var (summary, busy) = await new ReconciliationRunner(dataSource, AppConfiguration.Reconcile())
                .Run(parse.GetValue(Full), wait: !parse.GetValue(NoWait), ct);
            Console.WriteLine(busy is not null ? $"Not reconciling: {busy}." : Describe(summary!));
            return CasualtiesCommand.Done;
        });
        return reconcile;
    }

    public static string Describe(ReconcileSummary s) => string.Create(CultureInfo.InvariantCulture,
        $"Reconciliation run {s.RunId} ({s.Mode}): {s.Claims} claims in {s.Incidents} incidents, {s.Flags} flags; " +
        $"recomputed {s.Partitions} partitions from {s.ClaimsRead} claims, {s.RowsChanged} rows changed, in {s.Elapsed.TotalSeconds:0.00} s.");
}
