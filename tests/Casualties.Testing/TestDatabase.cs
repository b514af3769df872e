using Casualties.Postgres;
using Npgsql;

namespace Casualties.Testing;

/// <summary>A database of one fixture, dropped on dispose.</summary>
public sealed class TestDatabase(string name, string connectionString) : IAsyncDisposable
{
    public string Name { get; } = name;
    public string ConnectionString { get; } = connectionString;
    public NpgsqlDataSource DataSource { get; } = Database.FromConnectionString(connectionString);

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await TestCluster.DropDatabase(Name);
    }
}
