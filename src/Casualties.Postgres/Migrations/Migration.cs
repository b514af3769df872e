using System.Security.Cryptography;
using System.Text;

namespace Casualties.Postgres.Migrations;

/// <summary>A numbered SQL migration (db/migrations/NNNN_name.sql) and the checksum of its text.</summary>
public sealed record Migration(string Version, string Name, string Sql)
{
    /// <summary>
    /// SHA-256 (hex) of the text, line ends as \n and white space at its end removed: what an applied migration must keep.
    /// </summary>
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(Sql))));

    /// <summary>Migrations compared ignoring line-end style, so a checkout with CRLF is not an edit.</summary>
    private static string Normalize(string sql) => sql.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();

    /// <summary>The migrations embedded in this assembly (db/migrations), in file-name order.</summary>
    public static IReadOnlyList<Migration> Embedded() => SqlScripts.In("migrations")
        .Select(path => FromFile(Path.GetFileName(path), SqlScripts.Load(path)))
        .ToList();

    /// <summary>
    /// The migration a file holds: version and name from <paramref name="fileName"/>, which must be NNNN_name.sql (else <see
    /// cref="FormatException"/>).
    /// </summary>
    public static Migration FromFile(string fileName, string sql)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var underscore = stem.IndexOf('_', StringComparison.Ordinal);
        if (underscore != 4 || !stem[..4].All(char.IsAsciiDigit))
            throw new FormatException($"Migration file '{fileName}' must be named NNNN_name.sql.");
        return new Migration(stem[..4], stem[5..], sql);
    }
}
