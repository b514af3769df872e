using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Casualties.Postgres.Jobs;
using Casualties.Worker.Service.Inbox;
using Casualties.Worker.Service.Jobs;
using Casualties.Worker.Service.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Casualties.Worker.Cli;

/// <summary><c>status [--json]</c>: workers alive, queue depth, last run per feed, failures and dead letters, quarantine, last reconcile.</summary>
public static class StatusCommand
{
    /// <summary>The status verb.</summary>
    public static Command Build()
    {
        var json = new Option<bool>("--json") { Description = "Print the status as JSON on standard output." };
        var command = new Command("status", "Show the workers, the job queue, the feeds' last runs, failures and dead letters, quarantine and the last reconcile.");
        command.Options.Add(json);
        command.SetAction((parse, ct) => WorkerTables.With(parse, async (services, c) =>
        {
            var aliveWindow = services.GetRequiredService<IOptions<WorkerOptions>>().Value.AliveWindow;
            var snapshot = await new StatusStore(services.GetRequiredService<Npgsql.NpgsqlDataSource>()).Read(aliveWindow, c);
            var folders = services.GetRequiredService<InboxFolders>();
            var quarantineFiles = (await folders.All(c)).Select(folders.QuarantineFolder)
                .Where(Directory.Exists).Sum(d => Directory.EnumerateFiles(d).Count());
            if (parse.GetValue(json)) Console.WriteLine(JsonSerializer.Serialize(ToJson(snapshot, quarantineFiles), JobPayloads.Json));
            else Print(snapshot, quarantineFiles);
            return CasualtiesCommand.Done;
        }, ct));
        return command;
    }

    private static object ToJson(StatusSnapshot s, int quarantineFiles) => new
    {
        Workers = s.Workers.Select(w => new { w.Id, w.Host, w.Pid, w.StartedAt, w.HeartbeatAt, w.StoppedAt, w.Alive }),
        WorkersAlive = s.Workers.Count(w => w.Alive),
        Queue = s.Queue,
        Feeds = s.Feeds.Select(f => new { f.Name, f.Kind, f.Location, f.Cron, f.Enabled, f.LastRunAt, f.LastStatus, LastCounts = Parse(f.LastCounts) }),
        Failures = s.Failures.Select(j => new { j.Id, j.Kind, j.State, j.Attempts, j.MaxAttempts, Error = j.LastError, RetryAt = j.State == "failed" ? j.RunAfter : (DateTime?)null, j.FinishedAt, Payload = Parse(j.Payload) }),
        Quarantine = new { Rows = s.QuarantineRows, Files = quarantineFiles },
        LastReconcile = s.LastReconcile is { } r ? new { Job = r.Id, r.State, r.FinishedAt, Result = Parse(r.Result), Error = r.LastError } : null,
        LastReconciliationRun = s.LastRun,
    };

    private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();

    private static void Print(StatusSnapshot s, int quarantineFiles)
    {
        var alive = s.Workers.Count(w => w.Alive);
        Console.WriteLine($"Workers: {alive} alive");
        foreach (var w in s.Workers)
            Console.WriteLine($"  {w.Id}  {(w.Alive ? "alive" : w.StoppedAt is null ? "silent" : "stopped")}  started {Time(w.StartedAt)}, last heartbeat {Time(w.HeartbeatAt)}");
        Console.WriteLine("Queue: " + string.Join(", ", s.Queue.Select(q => $"{q.Key} {q.Value}")));
        Console.WriteLine(s.Feeds.Count == 0 ? "Feeds: none (casualties sources add)" : "Feeds:");
        foreach (var f in s.Feeds)
        {
            var run = f.LastRunAt is null ? "never run" : $"last run {Time(f.LastRunAt.Value)}: {f.LastStatus}{(f.LastCounts is null ? "" : " " + f.LastCounts)}";
            Console.WriteLine($"  {f.Name} ({f.Kind}{(f.Enabled ? "" : ", disabled")}{(f.Cron is null ? "" : ", cron " + f.Cron)}) {f.Location}: {run}");
        }
        Console.WriteLine(s.Failures.Count == 0 ? "Failures and dead letters: none" : "Failures and dead letters:");
        foreach (var j in s.Failures)
        {
            var when = j.State == "dead" ? $"dead after {j.Attempts} of {j.MaxAttempts} attempts" : $"failed {j.Attempts} of {j.MaxAttempts} attempts, retry {Time(j.RunAfter)}";
            Console.WriteLine($"  job {j.Id} ({j.Kind}) {when}: {j.LastError}");
        }
        Console.WriteLine($"Quarantine: {s.QuarantineRows} open rows, {quarantineFiles} files in inbox quarantine folders");
        Console.WriteLine(s.LastReconcile is { } r
            ? $"Last reconcile job: {r.Id} {r.State} {(r.FinishedAt is { } at ? Time(at) : "")} {r.Result ?? r.LastError}"
            : "Last reconcile job: none yet");
        Console.WriteLine(s.LastRun is { } lastRun
            ? $"Last reconciliation run: {lastRun.RunId} ({lastRun.Mode}) finished {Time(lastRun.FinishedAt)}: {lastRun.Claims} claims, {lastRun.Incidents} incidents, {lastRun.Flags} flags"
            : "Last reconciliation run: none yet");
    }

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
