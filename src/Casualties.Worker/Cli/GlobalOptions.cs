using System.CommandLine;
using Casualties.Postgres;

namespace Casualties.Worker.Cli;

/// <summary>Options every verb takes: where the database is and where reference data lives.</summary>
public static class GlobalOptions
{
    /// <summary>--connection: a PostgreSQL connection string; null when not given (then the environment or the embedded cluster).</summary>
    public static readonly Option<string?> Connection = new("--connection")
    {
        Description = "PostgreSQL connection string (default: ConnectionStrings__Casualties, else the embedded cluster).",
        Recursive = true,
    };

    /// <summary>--data-dir: the embedded cluster's folder; null when not given (then CASUALTIES_HOME or the user's data folder).</summary>
    public static readonly Option<string?> DataDir = new("--data-dir")
    {
        Description = "Folder of the embedded PostgreSQL cluster (default: CASUALTIES_HOME, else the user's data folder).",
        Recursive = true,
    };

    /// <summary>--seeds: the reference data folder; null when not given (then CASUALTIES_SEEDS or the default search).</summary>
    public static readonly Option<string?> Seeds = new("--seeds")
    {
        Description = "Folder of the reference data CSV files (default: seeds/ of the repository or beside the executable).",
        Recursive = true,
    };

    /// <summary>
    /// The database a parsed command names: its --connection, else ConnectionStrings__Casualties, else the embedded cluster.
    /// </summary>
    public static DatabaseOptions Database(ParseResult parse) =>
        DatabaseOptions.Resolve(parse.GetValue(Connection), parse.GetValue(DataDir));
}
