using System.CommandLine;
using Casualties.Ingestion;
using Casualties.Ingestion.Reference;
using Casualties.Postgres;
using Casualties.Postgres.Reconciliation;
using Casualties.Reports;
using Casualties.Reports.Rendering;
using Dapper;

namespace Casualties.Worker.Cli;

/// <summary>The main job on the embedded default: migrate, seed, ingest the samples, reconcile, report.</summary>
public static class DemoCommand
{
    /// <summary>The demo verb.</summary>
    public static Command Build()
    {
        var demo = new Command("demo", "Run the main job on the sample data in seeds/ and print what was stored.");
        demo.SetAction(async (parse, ct) =>
        {
            await using var dataSource = await Database.Open(GlobalOptions.Database(parse), ct);
            await DatabaseCommands.MigrateAndSeed(dataSource, parse.GetValue(GlobalOptions.Seeds), ct);
            var seeds = SeedFiles.Locate(parse.GetValue(GlobalOptions.Seeds));
            var samples = new[] { "documents", "feeds" }.Select(folder => Path.Combine(seeds, folder)).Where(Directory.Exists).ToList();
            if (samples.Count > 0) await IngestCommand.Run(dataSource, samples, new IngestOptions { Trigger = "demo" }, ct);
            await using var conn = await dataSource.OpenConnectionAsync(ct);
            var counts = await conn.QuerySingleAsync<(long Places, long Sources, long Actors, long Documents, long Claims)>("""
                SELECT (SELECT count(*) FROM places), (SELECT count(*) FROM sources), (SELECT count(*) FROM actors),
                       (SELECT count(*) FROM documents), (SELECT count(*) FROM claims)
                """);
            Console.WriteLine($"Stored: {counts.Places} places, {counts.Sources} sources, {counts.Actors} actors, {counts.Documents} documents, {counts.Claims} claims.");
            var reconciled = await new ReconciliationRunner(dataSource, AppConfiguration.Reconcile()).Run(full: false, ct);
            Console.WriteLine(ReconcileCommand.Describe(reconciled));
            var report = ReportCommand.DemoReportPath(parse);
            await ReportCommand.Write(dataSource, ReportFormat.Html, report, ReportFilter.None, ct);
            Console.WriteLine($"Report: {report}");
            return CasualtiesCommand.Done;
        });
        return demo;
    }
}
