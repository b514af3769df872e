using System.CommandLine;
using Casualties.Postgres;
using Casualties.Worker.Service.Hosting;
using Casualties.Worker.Service.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Casualties.Worker.Cli;

/// <summary><c>worker [--inbox DIR]... [--once]</c>: the long-running service (docs/worker.md).</summary>
public static class WorkerCommand
{
    /// <summary>The worker verb.</summary>
    public static Command Build()
    {
        var inbox = new Option<string[]>("--inbox") { Description = "A folder to watch, in addition to the configured ones (repeatable).", Arity = ArgumentArity.ZeroOrMore };
        var once = new Option<bool>("--once") { Description = "Run every due job, drain the inbox, and exit." };
        var command = new Command("worker", "Run the worker: watch inboxes, poll feeds on their schedules, run the job queue, until SIGTERM or Ctrl-C.");
        command.Options.Add(inbox);
        command.Options.Add(once);
        command.SetAction(async (parse, ct) =>
        {
            var folders = parse.GetValue(inbox) ?? [];
            await using var dataSource = await Database.Open(GlobalOptions.Database(parse), ct);
            var runOnce = parse.GetValue(once);
            using var host = WorkerHost.Build(dataSource, folders, runServices: !runOnce);
            await host.Services.GetRequiredService<WorkerStartup>().Run(ct);
            var identity = host.Services.GetRequiredService<WorkerIdentity>();
            var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Casualties.Worker");
            var options = host.Services.GetRequiredService<IOptions<WorkerOptions>>().Value;
            var configuredInboxes = host.Services.GetRequiredService<IOptions<InboxOptions>>().Value.Folders.Count;
            WorkerLog.Started(logger, identity.Id, options.Concurrency, options.LeaseDuration, configuredInboxes + folders.Length);
            if (runOnce)
            {
                await host.Services.GetRequiredService<OnceRunner>().Run(ct);
            }
            else
            {
                try
                {
                    await host.RunAsync(ct);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                }
            }
            WorkerLog.Stopped(logger, identity.Id);
            return CasualtiesCommand.Done;
        });
        return command;
    }
}
