using System.Diagnostics;
using System.Runtime.InteropServices;
using Casualties.Testing;
using Dapper;
using NUnit.Framework;

namespace Casualties.Worker.Tests;

/// <summary>
/// The CLI as a user installs it (issue 17): packed once as a .NET tool, installed into a temporary tool path from a
/// local package source, and run from an empty folder far from the repository, against a throwaway database; and the
/// same for the <c>dotnet publish</c> output the Dockerfile copies. Neither may need the repository's seeds/.
/// </summary>
[TestFixture]
[Property("Issue", "17")]
[NonParallelizable]
public sealed class ToolPackageTests
{
    private static readonly string DotnetRoot =
        Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    private static readonly string Dotnet = Path.Combine(DotnetRoot, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");

    private string root = null!;

    /// <summary>The configuration this test run was built in (bin/CONFIGURATION/net10.0), so that pack needs no build.</summary>
    private static string Configuration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    private static string WorkerProject => RepositoryPaths.Combine("src", "Casualties.Worker", "Casualties.Worker.csproj");

    [OneTimeSetUp]
    public async Task PackAndInstall()
    {
        root = Directory.CreateTempSubdirectory("casualties-tool-").FullName;
        var packages = Path.Combine(root, "nupkg");
        Succeed(await Run(Dotnet, ["pack", WorkerProject, "--no-build", "-c", Configuration, "-o", packages], root));
        // Only the local source, and a package cache of its own, so that an older copy of the tool cached by an
        // earlier run is never what gets installed.
        var config = Path.Combine(root, "nuget.config");
        await File.WriteAllTextAsync(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><clear /><add key="local" value="{packages}" /></packageSources></configuration>
            """);
        Succeed(await Run(Dotnet, ["tool", "install", "--tool-path", Path.Combine(root, "tools"), "--configfile", config, "casualties"], root,
            ("NUGET_PACKAGES", Path.Combine(root, "packages"))));
    }

    [OneTimeTearDown]
    public void Remove()
    {
        if (root is not null && Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    [Test]
    public async Task The_installed_tool_runs_demo_and_extract_from_an_empty_folder_with_the_reference_data_it_carries()
    {
        await using var db = await TestCluster.CreateDatabase();
        var tool = Path.Combine(root, "tools", OperatingSystem.IsWindows() ? "casualties.exe" : "casualties");
        var folder = Directory.CreateDirectory(Path.Combine(root, "anywhere")).FullName;

        var demo = await Run(tool, ["demo", "--connection", db.ConnectionString], folder);
        Succeed(demo);
        Assert.That(demo.Output, Does.Contain("Report: " + Path.Combine(folder, "report.html")));
        Assert.That(await Count(db, "places"), Is.GreaterThan(100), "the reference data shipped with the tool was loaded");
        Assert.That(await Count(db, "documents"), Is.GreaterThan(0), "the sample documents shipped with the tool were ingested");
        Assert.That(await Count(db, "feed_records"), Is.GreaterThan(0), "the sample feeds shipped with the tool were ingested");
        Assert.That(await Count(db, "v_incidents"), Is.GreaterThan(0));

        var extract = await Run(tool, ["extract", await Article(), "--date", "2016-12-07"], folder);
        Succeed(extract);
        Assert.That(extract.Output, Does.Contain("killed people 14").And.Contains("source=Syrian Observatory for Human Rights").And.Contains("place=Saraqeb"));

        // The shipped mappings travel too: a table is recognised by its header, or named with --mapping.
        var ibc = Path.Combine(root, "articles", "ibc.csv");
        File.Copy(RepositoryPaths.Combine("tests", "data", "mappings", "ibc-incidents.csv"), ibc, overwrite: true);
        var airwars = Path.Combine(root, "articles", "airwars.csv");
        File.Copy(RepositoryPaths.Combine("tests", "data", "mappings", "airwars-incidents.csv"), airwars, overwrite: true);
        Succeed(await Run(tool, ["ingest", ibc, "--connection", db.ConnectionString], folder));
        Succeed(await Run(tool, ["ingest", airwars, "--mapping", "airwars", "--connection", db.ConnectionString], folder));
        Assert.That(await Count(db, "feed_records WHERE dataset IN ('ibc', 'airwars')"), Is.EqualTo(7));

        var badMapping = Path.Combine(root, "articles", "bad.json");
        await File.WriteAllTextAsync(badMapping, """{"name": "bad", "record": {"key": "id"}, "dates": {"start": "d"}, "figures": [{"victim": "people"}]}""");
        var refused = await Run(tool, ["ingest", ibc, "--mapping", badMapping, "--connection", db.ConnectionString], folder);
        Assert.That(refused.ExitCode, Is.EqualTo(2), refused.Error);
        Assert.That(refused.Error, Does.Contain("bad.json").And.Contains("unknown key 'figures[0].victim'"));
    }

    [Test]
    public async Task The_publish_output_runs_extract_from_an_empty_folder_and_a_seeds_option_still_overrides_what_it_carries()
    {
        var output = Path.Combine(root, "publish");
        Succeed(await Run(Dotnet, ["publish", WorkerProject, "--no-build", "-c", Configuration, "-o", output], root));
        Assert.That(File.Exists(Path.Combine(output, "seeds", "places.csv")), Is.True);
        var folder = Directory.CreateDirectory(Path.Combine(root, "elsewhere")).FullName;
        var dll = Path.Combine(output, "casualties.dll");

        var extract = await Run(Dotnet, [dll, "extract", await Article(), "--date", "2016-12-07"], folder);
        Succeed(extract);
        Assert.That(extract.Output, Does.Contain("source=Syrian Observatory for Human Rights"));

        var missing = await Run(Dotnet, [dll, "extract", await Article(), "--date", "2016-12-07", "--seeds", Path.Combine(root, "no-such-seeds")], folder);
        Assert.That(missing.ExitCode, Is.Not.Zero, "--seeds names the folder to use, not the one shipped");
        Assert.That(missing.Error, Does.Contain("no-such-seeds"));
    }

    /// <summary>A short article in a folder of its own, outside the folder the command runs in.</summary>
    private async Task<string> Article()
    {
        var path = Path.Combine(Directory.CreateDirectory(Path.Combine(root, "articles")).FullName, "saraqib.txt");
        await File.WriteAllTextAsync(path, "Barrel bombs killed 14 people in Saraqib on Wednesday, the Syrian Observatory for Human Rights said.\n");
        return path;
    }

    private static async Task<long> Count(TestDatabase db, string table)
    {
        await using var conn = await db.DataSource.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}");
    }

    private sealed record Result(string Command, int ExitCode, string Output, string Error);

    private static void Succeed(Result result) =>
        Assert.That(result.ExitCode, Is.Zero, $"{result.Command}:\n{result.Output}\n{result.Error}");

    private static async Task<Result> Run(string file, IEnumerable<string> args, string workingDirectory, params (string Key, string Value)[] environment)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment.Remove("ConnectionStrings__Casualties");
        info.Environment.Remove("CASUALTIES_SEEDS");
        info.Environment["DOTNET_ROOT"] = DotnetRoot;
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment) info.Environment[key] = value;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return new Result($"{file} {string.Join(' ', info.ArgumentList)}", process.ExitCode, await output, await error);
    }
}
