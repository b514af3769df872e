using System.Diagnostics;
using Casualties.Testing;
using NUnit.Framework;

namespace Casualties.Ingestion.Tests;

[Property("Issue", "5")]
public sealed class CrashRecoveryTests : IngestFixture
{
    private const int Rows = 200_000;
    private const int BatchSize = 5_000;

    [Test]
    public async Task Ingest_killed_mid_file_then_rerun_ends_identical_to_a_clean_run()
    {
        var path = Path.Combine(Scratch, "large.csv");
        GeneratedClaims.WriteFile(path, Rows);

        using (var child = StartIngest(Database.ConnectionString, path))
        {
            // Wait for some committed batches, then kill the process in the middle of the file.
            long stored = 0;
            while (!child.HasExited && stored < 2 * BatchSize)
            {
                await Task.Delay(20);
                stored = await Scalar<long>("SELECT count(*) FROM feed_records");
            }
            Assert.That(child.HasExited, Is.False, "the child finished before it could be killed: make the file larger");
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
        }
        var afterKill = await State();
        Assert.That(afterKill.Records, Is.GreaterThan(0).And.LessThan(Rows), "killed mid-file");
        Assert.That(afterKill.Records % BatchSize, Is.Zero, "only whole batches are committed");

        await RunToEnd(Database.ConnectionString, path);
        var recovered = await State();

        await using var clean = await OtherDatabase();
        await RunToEnd(clean.ConnectionString, path);

        Assert.That(recovered.Records, Is.EqualTo(Rows));
        Assert.That(recovered, Is.EqualTo(await DatabaseState.Of(clean.DataSource)));
    }

    private static async Task RunToEnd(string connectionString, string path)
    {
        using var child = StartIngest(connectionString, path);
        var output = child.StandardOutput.ReadToEndAsync();
        var errors = child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync();
        Assert.That(child.ExitCode, Is.Zero, await errors + await output);
    }

    private static Process StartIngest(string connectionString, string path)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { WorkerDll(), "--connection", connectionString, "ingest", path, "--batch-size", BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(argument);
        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the casualties process.");
    }

    /// <summary>The built executable of the same configuration as these tests.</summary>
    private static string WorkerDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var path = RepositoryPaths.Combine("src", "Casualties.Worker", "bin", configuration, "net10.0", "casualties.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build src/Casualties.Worker first.", path);
    }
}
