using Casualties.Ingestion;
using Casualties.Postgres.Feeds;
using Casualties.Postgres.Jobs;
using Casualties.Worker.Service.Connectors;
using Casualties.Worker.Service.Feeds;
using Casualties.Worker.Service.Handlers;
using Casualties.Worker.Service.Inbox;
using Casualties.Worker.Service.Jobs;
using Casualties.Worker.Service.Options;
using Casualties.Worker.Service.Pipeline;
using Casualties.Worker.Service.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Npgsql;
using Polly;

namespace Casualties.Worker.Service.Hosting;

/// <summary>
/// Builds the worker's host: configuration from appsettings.json beside the executable and the environment
/// (sections named after the option classes, e.g. WorkerOptions__LeaseDuration=00:00:30), console logs on
/// standard error (Logging__Console__FormatterName=json for JSON lines), the services and the job handlers.
/// </summary>
public static class WorkerHost
{
    /// <summary>
    /// The host over <paramref name="dataSource"/>, watching <paramref name="inboxFolders"/> besides the configured ones.
    /// With <paramref name="runServices"/> it runs the worker's background services (presence, inbox watcher, scheduler,
    /// job runner) when started; without, it only provides them (worker --once, the operations verbs).
    /// </summary>
    public static IHost Build(NpgsqlDataSource dataSource, IReadOnlyList<string> inboxFolders, bool runServices)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = "casualties",
        });
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        var services = builder.Services;
        services.Configure<HostOptions>(o =>
        {
            var worker = builder.Configuration.GetSection(nameof(WorkerOptions)).Get<WorkerOptions>() ?? new WorkerOptions();
            o.ShutdownTimeout = worker.ShutdownTimeout + TimeSpan.FromSeconds(10);
        });
        Bind<WorkerOptions>(services, builder.Configuration);
        Bind<InboxOptions>(services, builder.Configuration);
        Bind<SchedulerOptions>(services, builder.Configuration);
        Bind<FeedHttpOptions>(services, builder.Configuration);
        Bind<ReportOptions>(services, builder.Configuration);
        Bind<FeedsOptions>(services, builder.Configuration);
        Bind<ApiConnectorOptions>(services, builder.Configuration);
        services.AddSingleton(AppConfiguration.Reconcile(builder.Configuration));

        services.AddSingleton(dataSource);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new CommandLineInbox(inboxFolders.Select(Path.GetFullPath).ToList()));
        services.AddSingleton<WorkerIdentity>();
        services.AddSingleton<DatabaseRetry>();
        services.AddSingleton<JobQueue>();
        services.AddSingleton<FeedStore>();
        services.AddSingleton<ScheduleStore>();
        services.AddSingleton<WorkerRegistry>();
        services.AddSingleton<Housekeeping>();
        services.AddSingleton<InboxFolders>();
        services.AddSingleton<InboxScanner>();
        services.AddSingleton<InboxWatcher>();
        services.AddSingleton<Scheduler>();
        services.AddSingleton<JobRunner>();
        services.AddSingleton<FollowUpJobs>();
        services.AddSingleton<WorkerStartup>();
        services.AddSingleton<OnceRunner>();

        services.AddSingleton<Ingestor>();
        services.AddSingleton<IIngestion, PipelineIngestion>();
        services.AddSingleton<IReconciliation, RunnerReconciliation>();
        services.AddSingleton<IReportGeneration, RendererReportGeneration>();

        services.AddSingleton<IJobHandler, IngestFileHandler>();
        services.AddSingleton<IJobHandler, PollFeedHandler>();
        services.AddSingleton<IJobHandler, ReconcileHandler>();
        services.AddSingleton<IJobHandler, ReconcilePartHandler>();
        services.AddSingleton<IJobHandler, ReportHandler>();
        services.AddSingleton<IJobHandler, ProbeHandler>();

        services.AddSingleton<IApiConnector, UcdpGedApiConnector>();
        services.AddSingleton<IApiConnector, AcledApiConnector>();
        services.AddSingleton<IApiConnector, ReliefWebConnector>();
        services.AddSingleton<ApiFeedPoller>();

        AddFeedHttp(services);

        if (runServices)
        {
            services.AddHostedService<WorkerPresence>();
            services.AddHostedService(sp => sp.GetRequiredService<InboxWatcher>());
            services.AddHostedService(sp => sp.GetRequiredService<Scheduler>());
            services.AddHostedService(sp => sp.GetRequiredService<JobRunner>());
        }
        return builder.Build();
    }

    private static void Bind<TOptions>(IServiceCollection services, IConfiguration configuration) where TOptions : class =>
        services.AddOptions<TOptions>().Bind(configuration.GetSection(typeof(TOptions).Name));

    private static void AddFeedHttp(IServiceCollection services)
    {
        services.AddSingleton<FeedFetcher>();
        services.AddHttpClient(FeedFetcher.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = System.Net.DecompressionMethods.All,
                ConnectTimeout = TimeSpan.FromSeconds(15),
            })
            // Header values (API tokens, bearer tokens) never reach a log, whatever the log level.
            .RedactLoggedHeaders(_ => true)
            .AddResilienceHandler("feed-polling", (pipeline, context) =>
            {
                var o = context.ServiceProvider.GetRequiredService<IOptions<FeedHttpOptions>>().Value;
                if (o.MaxRetries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = o.MaxRetries,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = o.RetryDelay,
                    });
                }
                pipeline.AddTimeout(o.AttemptTimeout);
            });
    }
}
