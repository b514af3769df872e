using Casualties.Postgres.Reconciliation;
using Casualties.Reports.Loading;
using Casualties.Reports.Rendering;
using Casualties.Testing;
using Npgsql;

namespace Casualties.Reports.Tests;

/// <summary>
/// A fresh database holding the demo claims of Data/demo_claims.sql (sources that disagree, a superseded tally,
/// an event inside a tally, dataset rows, text crafted against HTML and spreadsheets) and their reconciliation.
/// </summary>
public static class ReconciledDatabase
{
    public static async Task<TestDatabase> Create()
    {
        var db = await TestCluster.CreateDatabase();
        await Execute(db.DataSource, await File.ReadAllTextAsync(DataFile("demo_claims.sql")));
        await Reconcile(db.DataSource);
        return db;
    }

    /// <summary>A full reconciliation run of the real reconciler.</summary>
    public static async Task Reconcile(NpgsqlDataSource dataSource) =>
        await new ReconciliationRunner(dataSource).Run(full: true);

    public static async Task<ReportData> Load(NpgsqlDataSource dataSource, ReportFilter? filter = null) =>
        await new ReportDataLoader(dataSource).Load(filter ?? ReportFilter.None);

    public static async Task<byte[]> Render(ReportData data, ReportFormat format, TimeProvider? clock = null)
    {
        using var buffer = new MemoryStream();
        await format.Renderer(clock ?? FixedClock.Default).Render(data, buffer);
        return buffer.ToArray();
    }

    /// <summary>One value from the database (counts and ids the tests compare the reports with).</summary>
    public static async Task<T> Scalar<T>(NpgsqlDataSource dataSource, string sql)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>The id of the running tally of killed people in East Aleppo (SOHR, SANA, Civil Defence; one superseded word).</summary>
    public static Task<long> EastAleppoTally(NpgsqlDataSource dataSource) => Scalar<long>(dataSource,
        "SELECT incident_id FROM v_incidents WHERE place = 'East Aleppo' AND kind = 'tally' AND outcome = 'killed'");

    public static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);

    public static async Task Execute(NpgsqlDataSource dataSource, string sql)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }
}
