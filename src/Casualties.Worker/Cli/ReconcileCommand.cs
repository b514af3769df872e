using System.CommandLine;
using System.Globalization;
using Casualties.Postgres;
using Casualties.Postgres.Jobs;
using Casualties.Postgres.Reconciliation;
using Casualties.Worker.Service.Jobs;

namespace Casualties.Worker.Cli;

/// <summary>reconcile [--full] [--no-wait] [--parts N]: incidents, figures, totals and flags from the stored claims.</summary>
public static class ReconcileCommand
{
    /// <summary>--full: recompute every partition, not only those the change log names.</summary>
    public static readonly Option<bool> Full = new("--full")
    {
        Description = "Recompute every partition instead of only those whose claims changed since the last run.",
    };

    /// <summary>--no-wait: exit (code 0) saying whose run is in progress instead of waiting for it.</summary>
    public static readonly Option<bool> NoWait = new("--no-wait")
    {
        Description = "When another run is in progress, say so (and whose it is) and exit instead of waiting for it.",
    };

    /// <summary>
    /// --parts N: more than 1 queues the run as a reconcile job split into about N parts for the workers; 0 or 1 reconciles here.
    /// </summary>
    public static readonly Option<int> Parts = new("--parts")
    {
        Description = "Split the run into about this many queue jobs for the workers to share (issue 14) and exit once they are queued.",
    };

    /// <summary>The reconcile verb.</summary>
    public static Command Build()
    {
        var reconcile = new Command("reconcile", "Group the stored claims into incidents and compute figures, per-side totals and conflict flags.");
        reconcile.Options.Add(Full);
        reconcile.Options.Add(NoWait);
        reconcile.Options.Add(Parts);
        reconcile.SetAction(async (parse, ct) =>
        {
            await using var dataSource = await Database.Open(GlobalOptions.Database(parse), ct);
            if (parse.GetValue(Parts) > 1)
            {
                var job = await new JobQueue(dataSource).Enqueue(new NewJob(JobKinds.Reconcile,
                    JobPayloads.Serialize(new ReconcilePayload(parse.GetValue(Full), parse.GetValue(Parts)))), ct);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Queued reconcile job {job} in {parse.GetValue(Parts)} parts: the workers run it (casualties status shows it)."));
                return CasualtiesCommand.Done;
            }
            var (summary, busy) = await new ReconciliationRunner(dataSource, AppConfiguration.Reconcile())
                .Run(parse.GetValue(Full), wait: !parse.GetValue(NoWait), ct);
            Console.WriteLine(busy is not null ? $"Not reconciling: {busy}." : Describe(summary!));
            return CasualtiesCommand.Done;
        });
        return reconcile;
    }

    /// <summary>One line about a finished run: its id and mode, claims, incidents, flags, what it recomputed and its wall time.</summary>
    public static string Describe(ReconcileSummary s) => string.Create(CultureInfo.InvariantCulture,
        $"Reconciliation run {s.RunId} ({s.Mode}): {s.Claims} claims in {s.Incidents} incidents, {s.Flags} flags; " +
        $"recomputed {s.Partitions} partitions from {s.ClaimsRead} claims, {s.RowsChanged} rows changed, in {s.Elapsed.TotalSeconds:0.00} s.");
}
