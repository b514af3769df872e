using Casualties.Postgres.Embedded;
using Dapper;
using Npgsql;

namespace Casualties.Postgres;

/// <summary>Where the database is: a connection string, or the embedded cluster under a data folder.</summary>
public sealed record DatabaseOptions(string? ConnectionString, string? DataDirectory)
{
    /// <summary>The environment variable a connection string is taken from when --connection is not given.</summary>
    public const string EnvironmentVariable = "ConnectionStrings__Casualties";

    /// <summary>--connection wins, then ConnectionStrings__Casualties; neither means the embedded default.</summary>
    public static DatabaseOptions Resolve(string? connectionOption, string? dataDirOption) =>
        new(connectionOption ?? NullIfEmpty(Environment.GetEnvironmentVariable(EnvironmentVariable)), dataDirOption);

    /// <summary>
    /// True when no connection string was given: the embedded cluster under <see cref="DataDirectory"/> (null: its default home).
    /// </summary>
    public bool IsEmbedded => ConnectionString is null;

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}

/// <summary>Opens the one <see cref="NpgsqlDataSource"/> of a process, starting the embedded cluster when needed.</summary>
public static class Database
{
    static Database()
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(new DateOnlyTypeHandler());
    }

    /// <summary>
    /// A data source for <paramref name="options"/>: over its connection string, else over the embedded cluster,
    /// initialised and started first when it is not running (its database created when missing).
    /// </summary>
    public static async Task<NpgsqlDataSource> Open(DatabaseOptions options, CancellationToken ct = default)
    {
        var connectionString = options.ConnectionString
            ?? await new EmbeddedPostgres(options.DataDirectory ?? EmbeddedPostgres.DefaultHome()).EnsureStarted(ct);
        return FromConnectionString(connectionString);
    }

    /// <summary>
    /// A data source over <paramref name="connectionString"/>; its application name is <c>casualties</c> unless the string gives one.
    /// </summary>
    public static NpgsqlDataSource FromConnectionString(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.ApplicationName ??= "casualties";
        return builder.Build();
    }

    private sealed class DateOnlyTypeHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override DateOnly Parse(object value) => value switch
        {
            DateOnly d => d,
            DateTime dt => DateOnly.FromDateTime(dt),
            _ => throw new InvalidCastException($"Cannot read {value.GetType().Name} as a date."),
        };

        public override void SetValue(System.Data.IDbDataParameter parameter, DateOnly value)
        {
            parameter.DbType = System.Data.DbType.Date;
            parameter.Value = value;
        }
    }
}
