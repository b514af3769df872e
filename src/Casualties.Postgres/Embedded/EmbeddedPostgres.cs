using System.Diagnostics;
using System.Text;
using Npgsql;

namespace Casualties.Postgres.Embedded;

/// <summary>
/// A private PostgreSQL cluster under a data folder, started on first use and reused. It listens on a
/// Unix socket inside the folder only (no TCP). When the process runs as root, the server runs as the
/// <c>postgres</c> user (initdb refuses root), so the folder is handed to that user.
/// </summary>
/// <remarks>
/// Layout of <see cref="Home"/>: <c>pgdata/</c> the cluster, <c>run/</c> the socket, <c>postgres.log</c>,
/// <c>cluster.lock</c> serialising start and stop between processes.
/// </remarks>
public sealed class EmbeddedPostgres
{
    /// <summary>The database the service uses in the cluster.</summary>
    public const string DatabaseName = "casualties";
    /// <summary>The cluster's superuser, made by initdb; connections over the socket are trusted.</summary>
    public const string UserName = "casualties";
    private const int Port = 5432;

    /// <summary>The cluster's folder, as a full path.</summary>
    public string Home { get; }
    /// <summary>The cluster's data (pgdata/ under <see cref="Home"/>).</summary>
    public string DataDirectory => Path.Combine(Home, "pgdata");
    /// <summary>The folder of the server's Unix socket (run/ under <see cref="Home"/>), the only way to reach it.</summary>
    public string SocketDirectory => Path.Combine(Home, "run");
    /// <summary>The server's log (postgres.log under <see cref="Home"/>).</summary>
    public string LogFile => Path.Combine(Home, "postgres.log");

    private readonly string binaries;
    private readonly bool asPostgresUser;

    /// <summary>
    /// The cluster under <paramref name="home"/>, run with the binaries in <paramref name="binDirectory"/> (null: found
    /// as <see cref="PostgresBinaries.Find"/> says; none installed throws <see cref="EmbeddedPostgresException"/>).
    /// Nothing is started here.
    /// </summary>
    public EmbeddedPostgres(string home, string? binDirectory = null)
    {
        Home = Path.GetFullPath(home);
        binaries = binDirectory ?? PostgresBinaries.Require();
        asPostgresUser = Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root";
    }

    /// <summary>The default home: CASUALTIES_HOME, else the user's data folder (/var/lib/casualties for root).</summary>
    public static string DefaultHome()
    {
        if (Environment.GetEnvironmentVariable("CASUALTIES_HOME") is { Length: > 0 } fromEnv) return fromEnv;
        if (Environment.UserName == "root") return "/var/lib/casualties";
        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        if (string.IsNullOrEmpty(data)) data = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(data, "casualties");
    }

    /// <summary>A pooled connection string over the socket to <paramref name="database"/>, with no command timeout.</summary>
    public string ConnectionString(string database = DatabaseName) => new NpgsqlConnectionStringBuilder
    {
        Host = SocketDirectory,
        Port = Port,
        Username = UserName,
        Database = database,
        Pooling = true,
        MaxPoolSize = 20,
        Timeout = 30,
        CommandTimeout = 0,
    }.ConnectionString;

    /// <summary>True when the data folder holds a cluster (its PG_VERSION file).</summary>
    public bool IsInitialized => File.Exists(Path.Combine(DataDirectory, "PG_VERSION"));

    /// <summary>True when pg_ctl status says the server runs.</summary>
    public bool IsRunning => PgCtl("status", throwOnError: false).ExitCode == 0;

    /// <summary>Initialises the cluster if needed, starts it if not running, and creates the database.</summary>
    public async Task<string> EnsureStarted(CancellationToken ct = default)
    {
        using (await AcquireLock(ct))
        {
            Directory.CreateDirectory(Home);
            if (!IsInitialized) Initialize();
            if (!IsRunning) Start();
        }
        await EnsureDatabase(DatabaseName, ct);
        return ConnectionString();
    }

    /// <summary>Stops the server if it runs (fast shutdown, waiting up to a minute); it starts again on next use.</summary>
    public async Task Stop(CancellationToken ct = default)
    {
        using (await AcquireLock(ct))
        {
            if (IsInitialized && IsRunning) PgCtl("stop -m fast -w -t 60", throwOnError: true);
        }
    }

    /// <summary>Creates a database in the running cluster unless it exists.</summary>
    public async Task EnsureDatabase(string name, CancellationToken ct = default, string? template = null)
    {
        await using var conn = new NpgsqlConnection(ConnectionString("postgres"));
        await conn.OpenAsync(ct);
        await using var check = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", conn);
        check.Parameters.AddWithValue("name", name);
        if (await check.ExecuteScalarAsync(ct) is not null) return;
        var sql = $"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" +
                  (template is null ? "" : $" TEMPLATE \"{template.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
        await using var create = new NpgsqlCommand(sql, conn);
        try
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another process created it first (a race on pg_database's unique index reports 23505).
        }
    }

    private void Initialize()
    {
        if (Directory.Exists(DataDirectory) && Directory.EnumerateFileSystemEntries(DataDirectory).Any())
        {
            throw new EmbeddedPostgresException(
                $"{DataDirectory} exists but holds no PostgreSQL cluster (no PG_VERSION): move it away or choose another --data-dir.");
        }
        Directory.CreateDirectory(DataDirectory);
        Directory.CreateDirectory(SocketDirectory);
        GiveToServerUser();
        var result = Run(Path.Combine(binaries, "initdb"),
            $"-D {Quote(DataDirectory)} -U {UserName} --auth=trust -E UTF8 --locale=C.UTF-8 --no-instructions", throwOnError: false);
        if (result.ExitCode != 0)
        {
            // Older initdb builds lack C.UTF-8 or --no-instructions; fall back to the plain C locale.
            result = Run(Path.Combine(binaries, "initdb"), $"-D {Quote(DataDirectory)} -U {UserName} --auth=trust -E UTF8 --locale=C",
                throwOnError: true);
        }
        File.AppendAllText(Path.Combine(DataDirectory, "postgresql.conf"), new StringBuilder()
            .AppendLine()
            .AppendLine("# Casualties embedded cluster: Unix socket only, in the cluster's own folder.")
            .AppendLine("listen_addresses = ''")
            .AppendLine($"unix_socket_directories = '{SocketDirectory}'")
            .AppendLine($"port = {Port}")
            .AppendLine("max_connections = 200")
            .AppendLine("shared_buffers = 256MB")
            .AppendLine("fsync = on")
            .AppendLine("synchronous_commit = off")
            .AppendLine("max_wal_size = 2GB")
            .AppendLine("log_min_messages = warning")
            .ToString());
        GiveToServerUser();
    }

    private void Start()
    {
        Directory.CreateDirectory(SocketDirectory);
        GiveToServerUser();
        PgCtl($"start -w -t 60 -l {Quote(LogFile)}", throwOnError: true);
    }

    private void GiveToServerUser()
    {
        if (!asPostgresUser) return;
        Run("chown", $"-R postgres: {Quote(Home)}", throwOnError: true);
        Run("chmod", $"700 {Quote(DataDirectory)}", throwOnError: false);
        // The server user must be able to reach its folder through every parent.
        for (var dir = Directory.GetParent(Home); dir is not null; dir = dir.Parent)
        {
            if (Run("runuser", $"-u postgres -- test -x {Quote(dir.FullName)}", throwOnError: false).ExitCode != 0)
            {
                throw new EmbeddedPostgresException(
                    $"The postgres user cannot enter {dir.FullName}, a parent of the data folder {Home}: " +
                    "choose a --data-dir (or CASUALTIES_HOME) under a folder it can reach, such as /var/lib or /tmp.");
            }
        }
    }

    private ProcessResult PgCtl(string arguments, bool throwOnError) =>
        Run(Path.Combine(binaries, "pg_ctl"), $"-D {Quote(DataDirectory)} {arguments}", throwOnError);

    private ProcessResult Run(string program, string arguments, bool throwOnError)
    {
        var info = asPostgresUser && program.StartsWith(binaries, StringComparison.Ordinal)
            ? new ProcessStartInfo("runuser", $"-u postgres -- {program} {arguments}")
            : new ProcessStartInfo(program, arguments);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        info.WorkingDirectory = "/";
        using var process = Process.Start(info) ?? throw new EmbeddedPostgresException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var result = new ProcessResult(process.ExitCode, stdout.Result, stderr.Result);
        if (throwOnError && result.ExitCode != 0)
        {
            var detail = (result.Error + result.Output).Trim();
            if (File.Exists(LogFile))
            {
                var tail = File.ReadLines(LogFile).TakeLast(5);
                detail += Environment.NewLine + string.Join(Environment.NewLine, tail);
            }
            throw new EmbeddedPostgresException($"{Path.GetFileName(program)} {arguments.Split(' ')[0]} failed (exit {result.ExitCode}): {detail}");
        }
        return result;
    }

    private async Task<IDisposable> AcquireLock(CancellationToken ct)
    {
        Directory.CreateDirectory(Home);
        var path = Path.Combine(Home, "cluster.lock");
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, ct);
            }
        }
    }

    private static string Quote(string path) => "\"" + path.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private sealed record ProcessResult(int ExitCode, string Output, string Error);
}
