using System.Reflection;

namespace Casualties.Postgres;

/// <summary>The SQL files under db/, embedded in this assembly and loaded by name ("queries/x.sql").</summary>
public static class SqlScripts
{
    private static readonly Assembly Assembly = typeof(SqlScripts).Assembly;

    /// <summary>
    /// The text of db/<paramref name="name"/>; a script that is not embedded throws <see cref="InvalidOperationException"/>.
    /// </summary>
    public static string Load(string name)
    {
        using var stream = Assembly.GetManifestResourceStream("db/" + name)
            ?? throw new InvalidOperationException($"SQL script db/{name} is not embedded in {Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The names (relative to db/) of the embedded scripts in a folder, in ordinal order.</summary>
    public static IReadOnlyList<string> In(string folder) => Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith("db/" + folder + "/", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
        .Select(n => n["db/".Length..])
        .Order(StringComparer.Ordinal)
        .ToList();
}
