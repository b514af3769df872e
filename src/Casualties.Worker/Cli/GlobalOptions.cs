using System.CommandLine;
using Casualties.Postgres;

namespace Casualties.Worker.Cli;

/// <summary>Options every verb takes: where the database is and where reference data lives.</summary>
public static class GlobalOptions
{
    public static readonly Option<string?> Connection = new("--connection")
    {
        Description = "PostgreSQL connection string (default: ConnectionStrings__Casualties, else the embedded cluster).",
        Recursive = true,
    };

    public static readonly Option<string?> DataDir = new("--data-dir")
    {
        Description = "Folder of the embedded PostgreSQL cluster (default: CASUALTIES_HOME, else the user's data folder).",
        Recursive = true,
    };

    public static readonly Option<string?> Seeds = new("--seeds")
    {
        Description = "Folder of the reference data CSV files (default: seeds/ of the repository or beside the executable).",
        Recursive = true,
    };

    public static DatabaseOptions Database(ParseResult parse) =>
        DatabaseOptions.Resolve(parse.GetValue(Connection), parse.GetValue(DataDir));
}
