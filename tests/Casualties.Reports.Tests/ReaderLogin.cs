using Casualties.Postgres;
using Casualties.Postgres.Roles;
using Casualties.Testing;
using Npgsql;

namespace Casualties.Reports.Tests;

/// <summary>A login made by <see cref="ReaderLogins"/> for one fixture, connected to its database; dropped on dispose.</summary>
public sealed class ReaderLogin : IAsyncDisposable
{
    private readonly TestDatabase database;

    private ReaderLogin(TestDatabase database, string name, NpgsqlDataSource dataSource)
    {
        this.database = database;
        Name = name;
        DataSource = dataSource;
    }

    public string Name { get; }
    public NpgsqlDataSource DataSource { get; }

    public static async Task<ReaderLogin> Create(TestDatabase database)
    {
        var name = "reader_" + Guid.NewGuid().ToString("N")[..10];
        const string ReaderPassword = "reader-password";
        await new ReaderLogins(database.DataSource).Grant(name, ReaderPassword);
        var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = name, Password = ReaderPassword };
        return new ReaderLogin(database, name, Database.FromConnectionString(connection.ConnectionString));
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var cmd = database.DataSource.CreateCommand($"DROP ROLE IF EXISTS \"{Name}\"");
        await cmd.ExecuteNonQueryAsync();
    }
}
