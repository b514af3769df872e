using System.Text;
using Casualties.Testing;
using Casualties.Worker.Tests.Support;
using NUnit.Framework;

namespace Casualties.Worker.Tests;

/// <summary>
/// The API connectors (issue 17) against a server on 127.0.0.1 that replays responses written in each API's documented
/// shape (tests/data/api/): feeds added with the real CLI, run by real worker processes. Each connector: a first run
/// that pages through everything (one page failing once before it answers), a second run that asks only for what
/// changed since (its incremental parameter asserted) and replaces a revised record's claims, a third run that meets
/// a cut-off page (quarantined with its reason; nothing of it stored, the pages before it whole, the cursor kept), a
/// fourth that takes the page whole; the credential in no log line, no status output and no stored row.
/// </summary>
[TestFixture]
[Property("Issue", "17")]
public sealed class ApiConnectorTests
{
    private TestDatabase db = null!;
    private FeedServer server = null!;
    private StringBuilder seen = null!;

    [SetUp]
    public async Task Start()
    {
        db = await TestCluster.CreateDatabase();
        server = new FeedServer();
        seen = new StringBuilder();
    }

    [TearDown]
    public async Task Stop()
    {
        server.Dispose();
        await db.DisposeAsync();
    }

    private static string Data(string path) => File.ReadAllText(RepositoryPaths.Combine("tests", "data", "api", path));

    /// <summary>Small pages, quick retries; HTTP client logs at their most verbose, so a leaked credential would show.</summary>
    private static Dictionary<string, string> Settings(params (string, string)[] overrides) => Support.Settings.Fast(
        [
            ("FeedHttpOptions__AttemptTimeout", "00:00:30"), ("FeedHttpOptions__TotalTimeout", "00:01:00"),
            ("FeedHttpOptions__MaxRetries", "2"), ("FeedHttpOptions__RetryDelay", "00:00:00.050"),
            ("WorkerOptions__MaxAttempts", "2"), ("Logging__LogLevel__System", "Trace"), ("Logging__LogLevel__Microsoft", "Trace"),
            ("Logging__LogLevel__Polly", "Trace"), ("Logging__LogLevel__System.Net.Http.HttpClient", "Trace"), .. overrides,
        ]);

    private async Task<string> Cli(Dictionary<string, string> settings, params string[] args)
    {
        var (exitCode, output, error) = await WorkerProcess.Run(db.ConnectionString, args, settings);
        seen.Append(output).Append(error);
        Assert.That(exitCode, Is.Zero, $"casualties {string.Join(' ', args)}: {output}{error}");
        return output;
    }

    /// <summary>Queues a run of the feed and lets one worker run every due job (the poll, then its reconcile).</summary>
    private async Task RunFeed(string feed, Dictionary<string, string> settings)
    {
        await Cli(settings, "sources", "run", feed);
        using var worker = WorkerProcess.Start(db.ConnectionString, ["worker", "--once"], settings);
        Assert.That(await worker.WaitForExit(TimeSpan.FromMinutes(2)), Is.True, "worker --once finished");
        seen.Append(worker.Output);
        Assert.That(worker.ExitCode, Is.Zero, worker.Output);
    }

    private Task<IReadOnlyList<string>> Claims(string dataset, string key) => Stored.Rows<string>(db.DataSource, """
        SELECT c.ordinal || ' ' || c.victims || ' ' || c.low || '..' || coalesce(c.high::text, '-')
        FROM claims c JOIN feed_records r ON r.id = c.record_id
        WHERE r.dataset = @dataset AND r.record_key = @key ORDER BY c.ordinal
        """, new { dataset, key });

    private Task<IReadOnlyList<string>> Keys(string dataset) =>
        Stored.Rows<string>(db.DataSource, "SELECT record_key FROM feed_records WHERE dataset = @dataset ORDER BY record_key", new { dataset });

    private async Task<string?> Cursor(string feed) =>
        (await Stored.Rows<string?>(db.DataSource, "SELECT cursor::text FROM feeds WHERE name = @feed", new { feed }))[0];

    private async Task<string?> LastStatus(string feed) =>
        (await Stored.Rows<string?>(db.DataSource, "SELECT last_status FROM feeds WHERE name = @feed", new { feed }))[0];

    /// <summary>The credential in nothing the user or another program sees: logs, status, feeds, jobs, quarantine, stored origins.</summary>
    private async Task AssertNowhere(string secret, Dictionary<string, string> settings)
    {
        await Cli(settings, "status");
        await Cli(settings, "status", "--json");
        await Cli(settings, "sources", "list", "--json");
        await Cli(settings, "quarantine", "list", "--all");
        var stored = await Stored.Rows<string>(db.DataSource, """
            SELECT coalesce((SELECT string_agg(f::text, ' ') FROM feeds f), '')
                || coalesce((SELECT string_agg(j::text, ' ') FROM jobs j), '')
                || coalesce((SELECT string_agg(q::text, ' ') FROM quarantine q), '')
                || coalesce((SELECT string_agg(origin, ' ') FROM documents), '')
                || coalesce((SELECT string_agg(origin || coalesce(details::text, ''), ' ') FROM feed_records), '')
                || coalesce((SELECT string_agg(coalesce(error, ''), ' ') FROM ingest_runs), '')
            """);
        Assert.That(seen.ToString(), Does.Not.Contain(secret), "no log line or command output shows the credential");
        Assert.That(stored[0], Does.Not.Contain(secret), "no stored row holds the credential");
    }

    [Test]
    public async Task The_UCDP_GED_API_is_read_page_by_page_then_from_the_latest_event_day_with_its_rows_stored_as_the_CSV_download_s()
    {
        const string Token = "ucdp-token-3f9a7c";
        var failPage1 = 1;
        var truncatePage1 = true;
        server.Route("api/gedevents/25.1", context =>
        {
            var query = context.Request.QueryString;
            if (context.Request.Headers[UcdpHeader] != Token) return FeedServer.Write(context, 401, "{\"Message\":\"token\"}", "application/json");
            var page = query["page"];
            var body = query["StartDate"] switch
            {
                null when page == "0" => Data("ucdp/page-0.json"),
                null when page == "1" && Interlocked.Decrement(ref failPage1) >= 0 => null,
                null when page == "1" => Data("ucdp/page-1.json"),
                "2016-12-08" => Data("ucdp/since-2016-12-08.json"),
                "2016-12-10" when page == "0" => Data("ucdp/since-2016-12-10-page-0.json"),
                "2016-12-10" when page == "1" => truncatePage1 ? Data("ucdp/since-2016-12-10-page-1.truncated.json") : Data("ucdp/since-2016-12-10-page-1.json"),
                _ => "{\"TotalCount\":0,\"TotalPages\":0,\"PreviousPageUrl\":\"\",\"NextPageUrl\":\"\",\"Result\":[]}",
            };
            return body is null ? FeedServer.Write(context, 500, "busy", "text/plain") : FeedServer.Write(context, 200, body, "application/json");
        });
        var settings = Settings(("ApiConnectorOptions__Ucdp__Token", Token), ("ApiConnectorOptions__Ucdp__PageSize", "2"));
        await Cli(settings, "sources", "add", "ged", "--kind", "ucdp-api", "--url", server.Url("api/gedevents/25.1"));

        // First run: two pages, the second failing once (500) and retried by the resilience pipeline.
        await RunFeed("ged", settings);
        var first = server.To("api/gedevents/25.1");
        Assert.That(first.Select(r => $"{r.Query!["pagesize"]}/{r.Query["page"]}/{r.Query["StartDate"]}"), Is.EqualTo(new[] { "2/0/", "2/1/", "2/1/" }));
        Assert.That(first.Select(r => r.Headers![UcdpHeader]), Is.All.EqualTo(Token));
        Assert.That(await Keys("ucdp-ged"), Is.EqualTo(new[] { "164455", "164512", "164530" }));
        Assert.That(await Claims("ucdp-ged", "164455"), Is.EqualTo(new[] { "0 people 22..29", "1 combatants 4..4", "2 combatants 11..11", "3 civilians 7..7" }),
            "an event's total and its parts, as the CSV download's row gives them");
        Assert.That(await Claims("ucdp-ged", "164530"), Is.EqualTo(new[] { "0 people 12..20", "1 combatants 9..9", "2 combatants 6..6", "4 people 2..2" }));
        Assert.That(await LastStatus("ged"), Is.EqualTo("ok"));
        Assert.That(await Cursor("ged"), Does.Contain("\"version\": \"25.1\"").And.Contain("\"date_start\": \"2016-12-08\""));

        // The same events from the CSV download are the same records: duplicates; only the event the API did not give is new.
        var ingested = await Cli(settings, "ingest", RepositoryPaths.Combine("seeds", "feeds", "ucdp-ged-sample.csv"));
        Assert.That(ingested, Does.Contain("1 record(s)").And.Contain("3 duplicate(s)"));
        Assert.That(await Keys("ucdp-ged"), Has.Count.EqualTo(4));
        var untouched = await Stored.Rows<long>(db.DataSource,
            "SELECT c.id FROM claims c JOIN feed_records r ON r.id = c.record_id WHERE r.record_key = '164455' ORDER BY c.id");

        // Second run: only events from the latest day read; a revised event replaces its claims, a new one is added.
        var before = server.Requests.Count;
        await RunFeed("ged", settings);
        var second = server.Requests.Skip(before).ToList();
        Assert.That(second.Select(r => $"{r.Query!["StartDate"]}/{r.Query["page"]}"), Is.EqualTo(new[] { "2016-12-08/0" }),
            "the incremental run asks for events from the cursor's day only");
        Assert.That(await Claims("ucdp-ged", "164512"), Is.EqualTo(new[] { "0 people 24..30", "3 civilians 24..24" }), "the revision's claims, and only them");
        Assert.That(await Claims("ucdp-ged", "164600"), Has.Count.EqualTo(4));
        Assert.That(await Stored.Rows<long>(db.DataSource,
            "SELECT c.id FROM claims c JOIN feed_records r ON r.id = c.record_id WHERE r.record_key = '164455' ORDER BY c.id"), Is.EqualTo(untouched));
        Assert.That(await Cursor("ged"), Does.Contain("\"date_start\": \"2016-12-10\""));

        // Third run: the second page is cut off: quarantined with its reason; the first page stored; the cursor stays.
        await RunFeed("ged", settings);
        Assert.That(await LastStatus("ged"), Is.EqualTo("quarantined"));
        var reasons = await Stored.Rows<string>(db.DataSource, "SELECT origin || ' | ' || reason FROM quarantine WHERE format = 'ucdp-api'");
        Assert.That(reasons, Has.Count.EqualTo(1));
        Assert.That(reasons[0], Does.Contain("StartDate=2016-12-10").And.Contain("page=1").And.Contain("not complete JSON")
            .And.Contain("next run asks for it again"));
        Assert.That(await Keys("ucdp-ged"), Does.Contain("164610").And.Not.Contain("164620"));
        Assert.That(await Cursor("ged"), Does.Contain("\"date_start\": \"2016-12-10\""), "the cursor did not pass the page not read");

        // Fourth run: the page whole; the first page's event again a duplicate; nothing lost.
        truncatePage1 = false;
        await RunFeed("ged", settings);
        Assert.That(await LastStatus("ged"), Is.EqualTo("ok"));
        Assert.That(await Claims("ucdp-ged", "164620"), Is.EqualTo(new[] { "0 people 6..9", "3 civilians 6..6" }));
        Assert.That(await Stored.Scalar(db.DataSource, "SELECT count(*) FROM feed_records WHERE dataset = 'ucdp-ged'"), Is.EqualTo(7));
        Assert.That(await Cursor("ged"), Does.Contain("\"date_start\": \"2016-12-12\""));
        Assert.That(await Stored.Scalar(db.DataSource, "SELECT count(*) FROM quarantine WHERE format = 'ucdp-api' AND resolved_at IS NULL"), Is.Zero,
            "the page's entry is resolved once a run took it");
        Assert.That(await Cli(settings, "sources", "list", "--json"), Does.Contain("cursor").And.Contain("2016-12-12"), "the cursor is shown");

        await AssertNowhere(Token, settings);
    }

    private const string UcdpHeader = "x-ucdp-access-token";

    [Test]
    public async Task The_ACLED_API_is_read_with_a_token_from_the_configured_account_then_from_the_latest_timestamp()
    {
        const string Password = "acled-pass-91b2e";
        const string Bearer = "acled-bearer-77c1d";
        var rateLimited = 1;
        var truncatePage1 = true;
        var tokenRequests = 0;
        server.Route("oauth/token", async context =>
        {
            using var reader = new StreamReader(context.Request.InputStream);
            var form = System.Web.HttpUtility.ParseQueryString(await reader.ReadToEndAsync());
            Interlocked.Increment(ref tokenRequests);
            var good = form["username"] == "analyst@example.org" && form["password"] == Password && form["grant_type"] == "password";
            await FeedServer.Write(context, good ? 200 : 401,
                good ? $"{{\"token_type\":\"Bearer\",\"expires_in\":86400,\"access_token\":\"{Bearer}\",\"refresh_token\":\"r\"}}" : "{}", "application/json");
        });
        server.Route("api/acled/read", context =>
        {
            if (context.Request.Headers["Authorization"] != "Bearer " + Bearer)
                return FeedServer.Write(context, 403, "{\"status\":403,\"success\":false}", "application/json");
            var query = context.Request.QueryString;
            // The user's own filter must come with every page; without it the server refuses (and the test finds no rows).
            if (query["country"] != "Syria") return FeedServer.Write(context, 400, "{\"success\":false}", "application/json");
            var page = query["page"];
            if (query["timestamp"] is null && page == "1" && Interlocked.Decrement(ref rateLimited) >= 0)
            {
                context.Response.Headers["Retry-After"] = "1";
                return FeedServer.Write(context, 429, "{\"message\":\"Too many requests\"}", "application/json");
            }
            var body = (query["timestamp"], page) switch
            {
                (null, "1") => Data("acled/page-1.json"),
                (null, "2") => Data("acled/page-2.json"),
                ("1481328000", "1") => Data("acled/since-1481328000.json"),
                ("1481500000", "1") => truncatePage1 ? Data("acled/since-1481500000-page-1.truncated.json") : Data("acled/since-1481500000-page-1.json"),
                _ => Data("acled/since-1481500000-page-2.json"),
            };
            return FeedServer.Write(context, 200, body, "application/json");
        });
        var settings = Settings(("ApiConnectorOptions__Acled__Username", "analyst@example.org"), ("ApiConnectorOptions__Acled__Password", Password),
            ("ApiConnectorOptions__Acled__PageSize", "2"));
        await Cli(settings, "sources", "add", "acled", "--kind", "acled-api", "--url", server.Url("api/acled/read?country=Syria"));

        // First run: a token, then pages 1 (rate-limited once: 429 with Retry-After, retried) and 2 (short: the last).
        await RunFeed("acled", settings);
        var first = server.To("api/acled/read");
        Assert.That(first.Select(r => $"{r.Query!["limit"]}/{r.Query["page"]}/{r.Query["timestamp"]}"), Is.EqualTo(new[] { "2/1/", "2/1/", "2/2/" }));
        Assert.That(tokenRequests, Is.EqualTo(1));
        Assert.That(await Keys("acled"), Is.EqualTo(new[] { "SYR87012", "SYR87044", "SYR87101" }));
        Assert.That(await Claims("acled", "SYR87012"), Is.EqualTo(new[] { "0 civilians 21..21" }), "read as the ACLED export's row is");
        Assert.That(await Claims("acled", "SYR87101"), Is.EqualTo(new[] { "0 civilians 3..3" }));
        Assert.That(await Cursor("acled"), Does.Contain("\"timestamp\": \"1481328000\""));

        // Second run: only events stamped since the cursor; the edited event (newer timestamp) replaces its claim.
        var before = server.To("api/acled/read").Count;
        await RunFeed("acled", settings);
        var second = server.To("api/acled/read").Skip(before).ToList();
        Assert.That(second.Select(r => $"{r.Query!["timestamp"]}/{r.Query["timestamp_where"]}/{r.Query["page"]}"), Is.EqualTo(new[] { "1481328000/>=/1", "1481328000/>=/2" }),
            "the incremental run asks for events stamped since the cursor only (a full page asks for the next)");
        Assert.That(await Claims("acled", "SYR87101"), Is.EqualTo(new[] { "0 civilians 5..5" }), "the edit's figure, and only it");
        Assert.That(await Stored.Rows<string>(db.DataSource, "SELECT version FROM feed_records WHERE record_key = 'SYR87101'"), Is.EqualTo(new[] { "1481500000" }));
        Assert.That(await Keys("acled"), Does.Contain("SYR87200"));

        // Third run: page 1 cut off: quarantined, nothing of it stored, the cursor kept.
        await RunFeed("acled", settings);
        Assert.That(await LastStatus("acled"), Is.EqualTo("quarantined"));
        var reasons = await Stored.Rows<string>(db.DataSource, "SELECT origin || ' | ' || reason FROM quarantine WHERE format = 'acled-api'");
        Assert.That(reasons, Has.Count.EqualTo(1));
        Assert.That(reasons[0], Does.Contain("timestamp=1481500000").And.Contain("not complete JSON"));
        Assert.That(await Keys("acled"), Does.Not.Contain("SYR87210").And.Not.Contain("SYR87211"), "nothing of the cut page is stored");
        Assert.That(await Cursor("acled"), Does.Contain("\"timestamp\": \"1481500000\""));

        truncatePage1 = false;
        await RunFeed("acled", settings);
        Assert.That(await LastStatus("acled"), Is.EqualTo("ok"));
        Assert.That(await Keys("acled"), Does.Contain("SYR87210").And.Contain("SYR87211"));
        Assert.That(await Cursor("acled"), Does.Contain("\"timestamp\": \"1481600000\""));

        await AssertNowhere(Password, settings);
        await AssertNowhere(Bearer, settings);
    }

    [Test]
    public async Task ReliefWeb_reports_become_documents_read_by_the_extractor_and_a_revised_report_replaces_its_claims()
    {
        const string AppName = "casualties-test-9d8e7f";
        var failOffset2 = 1;
        var truncate = true;
        server.Route("v2/reports", context =>
        {
            var query = context.Request.QueryString;
            if (query["appname"] != AppName) return FeedServer.Write(context, 403, "{\"error\":{\"type\":\"AccessDeniedHttpException\"}}", "application/json");
            // The user's selection and the body field must come with every page; without them the server refuses.
            if (query["query[value]"] != "Syria" || query.GetValues("fields[include][]")?.Contains("body-html") != true)
                return FeedServer.Write(context, 400, "{\"error\":{\"type\":\"BadRequest\"}}", "application/json");
            var body = (query["filter[field]"], query["filter[value][from]"], query["offset"]) switch
            {
                (null, null, "0") => Data("reliefweb/page-0.json"),
                (null, null, "2") when Interlocked.Decrement(ref failOffset2) >= 0 => null,
                (null, null, "2") => Data("reliefweb/page-1.json"),
                ("date.changed", "2016-12-07T12:30:00+00:00", "0") => Data("reliefweb/since-2016-12-07.json"),
                ("date.changed", "2016-12-08T09:00:00+00:00", "0") => truncate ? Data("reliefweb/since-2016-12-08.truncated.json") : Data("reliefweb/since-2016-12-08.json"),
                _ => "{\"totalCount\":0,\"count\":0,\"data\":[]}",
            };
            return body is null ? FeedServer.Write(context, 503, "maintenance", "text/plain") : FeedServer.Write(context, 200, body, "application/json");
        });
        var settings = Settings(("ApiConnectorOptions__ReliefWeb__AppName", AppName), ("ApiConnectorOptions__ReliefWeb__PageSize", "2"));
        await Cli(settings, "sources", "add", "reliefweb", "--kind", "reliefweb", "--url", server.Url("v2/reports?query[value]=Syria"));

        Task<IReadOnlyList<string>> ClaimsOf(string id) => Stored.Rows<string>(db.DataSource, """
            SELECT c.outcome || ' ' || c.victims || ' ' || c.low || ' ' || coalesce(c.source_name, '-')
            FROM claims c JOIN documents d ON d.id = c.document_id WHERE d.origin = @origin ORDER BY c.ordinal
            """, new { origin = server.Url("v2/reports/" + id) });

        // First run: two pages (the second failing once with 503); the report without a body (maps only) passed over.
        await RunFeed("reliefweb", settings);
        var first = server.To("v2/reports");
        Assert.That(first.Select(r => $"{r.Query!["limit"]}/{r.Query["offset"]}/{r.Query["filter[value][from]"]}"), Is.EqualTo(new[] { "2/0/", "2/2/", "2/2/" }));
        Assert.That(await Stored.Scalar(db.DataSource, "SELECT count(*) FROM documents"), Is.EqualTo(2));
        Assert.That(await ClaimsOf("4100001"), Is.EqualTo(new[]
        {
            "killed civilians 21 local health authorities", "killed children 5 local health authorities",
            "displaced people 4001 UN Office for the Coordination of Humanitarian Affairs",
        }), "the body's claims; the one it attributes to nobody is its publisher's");
        Assert.That(await ClaimsOf("4100002"), Is.EqualTo(new[] { "killed people 8 Syrian Arab Red Crescent" }));
        Assert.That(await Stored.Rows<string>(db.DataSource, "SELECT published::text || ' ' || carrier FROM documents WHERE origin = @o",
            new { o = server.Url("v2/reports/4100002") }), Is.EqualTo(new[] { "2016-12-06 UN Children's Fund" }), "dated by date.original, published by its source");
        Assert.That(await Cursor("reliefweb"), Does.Contain("2016-12-07T12:30:00+00:00"));

        // Second run: only reports changed since; the revised report's old text and claims are gone, its new ones stored.
        var before = server.To("v2/reports").Count;
        await RunFeed("reliefweb", settings);
        var second = server.To("v2/reports").Skip(before).ToList();
        Assert.That(second.Select(r => $"{r.Query!["filter[field]"]}>={r.Query["filter[value][from]"]}"),
            Is.EqualTo(new[] { "date.changed>=2016-12-07T12:30:00+00:00" }));
        Assert.That(await Stored.Scalar(db.DataSource, "SELECT count(*) FROM documents WHERE origin = @o", new { o = server.Url("v2/reports/4100001") }),
            Is.EqualTo(1), "one document per report");
        Assert.That(await ClaimsOf("4100001"), Is.EqualTo(new[]
        {
            "killed civilians 26 local health authorities", "killed children 7 local health authorities",
            "displaced people 4001 UN Office for the Coordination of Humanitarian Affairs",
        }), "the revision's claims, and not the old text's");
        Assert.That(await ClaimsOf("4100004"), Is.EqualTo(new[] { "killed medics 3 Syrian American Medical Society" }));
        Assert.That(await ClaimsOf("4100002"), Is.EqualTo(new[] { "killed people 8 Syrian Arab Red Crescent" }), "an unchanged report keeps its claims");

        // Third run: the page is cut off: quarantined, nothing of it stored, cursor kept; the fourth run takes it.
        await RunFeed("reliefweb", settings);
        Assert.That(await LastStatus("reliefweb"), Is.EqualTo("quarantined"));
        var reasons = await Stored.Rows<string>(db.DataSource, "SELECT origin || ' | ' || reason FROM quarantine WHERE format = 'reliefweb'");
        Assert.That(reasons, Has.Count.EqualTo(1));
        Assert.That(reasons[0], Does.Contain("not complete JSON"));
        Assert.That(await ClaimsOf("4100005"), Is.Empty);
        Assert.That(await Cursor("reliefweb"), Does.Contain("2016-12-08T09:00:00+00:00"));
        truncate = false;
        await RunFeed("reliefweb", settings);
        Assert.That(await ClaimsOf("4100005"), Is.EqualTo(new[] { "killed civilians 14 Syrian Civil Defence" }));
        Assert.That(await LastStatus("reliefweb"), Is.EqualTo("ok"));

        await AssertNowhere(AppName, settings);
    }

    [Test]
    public async Task A_credential_in_an_API_feed_s_URL_is_refused_and_a_missing_one_is_named_in_the_error()
    {
        var settings = Settings();
        var (exitCode, _, error) = await WorkerProcess.Run(db.ConnectionString,
            ["sources", "add", "rw", "--kind", "reliefweb", "--url", "https://api.reliefweb.int/v2/reports?appname=secret-app"], settings);
        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(error, Does.Contain("keep 'appname' out of --url").And.Contain("ApiConnectorOptions"));

        (exitCode, _, error) = await WorkerProcess.Run(db.ConnectionString,
            ["sources", "add", "ged", "--kind", "ucdp-api", "--url", "https://ucdpapi.pcr.uu.se/api/gedevents"], settings);
        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(error, Does.Contain("must end with the GED version"));

        server.Route("api/acled/read", context => FeedServer.Write(context, 200, "{}", "application/json"));
        await Cli(settings, "sources", "add", "acled", "--kind", "acled-api", "--url", server.Url("api/acled/read"));
        await RunFeed("acled", settings);
        var errors = await Stored.Rows<string>(db.DataSource, "SELECT last_error FROM jobs WHERE kind = 'poll-feed' AND state = 'dead'");
        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0], Does.Contain("ApiConnectorOptions:Acled:Username"));
        Assert.That(await LastStatus("acled"), Is.EqualTo("failed"));
        Assert.That(server.To("api/acled/read"), Is.Empty, "nothing was asked without the account");
    }
}
