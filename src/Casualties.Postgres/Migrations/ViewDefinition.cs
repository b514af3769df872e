using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Casualties.Postgres.Migrations;

/// <summary>
/// One file of db/views/: the one definition of the views it creates (usually one), applied by the <see cref="Migrator"/>
/// after the migrations and again whenever its text changes (<see cref="ViewApplier"/>).
/// </summary>
public sealed partial class ViewDefinition(string file, string sql)
{
    /// <summary>The file's name in db/views/ ("v_claims.sql"), under which schema_views records it.</summary>
    public string File { get; } = file;

    /// <summary>The file's text, run as it is.</summary>
    public string Sql { get; } = sql;

    /// <summary>SHA-256 (hex) of the text, line ends as \n and white space at its end removed (as <see cref="Migration.Checksum"/>).</summary>
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        sql.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd())));

    /// <summary>The views the file creates (CREATE [OR REPLACE] VIEW name), in the order it creates them; at least one.</summary>
    public IReadOnlyList<string> Views { get; } = ViewsOf(file, sql);

    /// <summary>The file's SQL without its -- comments: what is read for the names of other views it selects from.</summary>
    private string Code { get; } = LineComment().Replace(sql, "");

    /// <summary>The view files embedded in this assembly (db/views), in dependency order (<see cref="InDependencyOrder"/>).</summary>
    public static IReadOnlyList<ViewDefinition> Embedded() => InDependencyOrder(SqlScripts.In("views")
        .Select(path => new ViewDefinition(Path.GetFileName(path), SqlScripts.Load(path)))
        .ToList());

    /// <summary>
    /// Whether this file's SQL names a view that <paramref name="other"/> creates (as a whole word, outside comments):
    /// then <paramref name="other"/> is created first and this one is re-created whenever it is.
    /// </summary>
    public bool DependsOn(ViewDefinition other) => !ReferenceEquals(other, this) && other.Views.Any(view =>
        Regex.IsMatch(Code, $@"(?<![\w$.""]){Regex.Escape(view)}(?![\w$])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));

    /// <summary>
    /// The files ordered so that each comes after every file whose views it selects from; among files free to go next,
    /// by file name, so the order is the same on every machine. Two files that create one view, or that depend on each
    /// other, throw <see cref="MigrationException"/>.
    /// </summary>
    public static IReadOnlyList<ViewDefinition> InDependencyOrder(IReadOnlyList<ViewDefinition> files)
    {
        var twice = files.SelectMany(f => f.Views.Select(v => (View: v.ToLowerInvariant(), f.File)))
            .GroupBy(x => x.View).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw new MigrationException($"View {twice.Key} is created by two view files: {string.Join(", ", twice.Select(x => x.File))}.");

        var waiting = files.OrderBy(f => f.File, StringComparer.Ordinal).ToList();
        var ordered = new List<ViewDefinition>(files.Count);
        while (waiting.Count > 0)
        {
            var next = waiting.FirstOrDefault(f => !waiting.Any(f.DependsOn))
                ?? throw new MigrationException(
                    $"The view files {string.Join(", ", waiting.Select(f => f.File))} select from each other in a cycle.");
            ordered.Add(next);
            waiting.Remove(next);
        }
        return ordered;
    }

    private static List<string> ViewsOf(string file, string sql)
    {
        var views = CreateView().Matches(LineComment().Replace(sql, "")).Select(m => m.Groups["name"].Value.ToLowerInvariant()).ToList();
        return views.Count > 0 ? views : throw new FormatException($"View file '{file}' creates no view (CREATE VIEW name AS ...).");
    }

    [GeneratedRegex(@"--[^\n]*")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"\bCREATE\s+(?:OR\s+REPLACE\s+)?VIEW\s+(?<name>[A-Za-z_][A-Za-z0-9_]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreateView();
}
