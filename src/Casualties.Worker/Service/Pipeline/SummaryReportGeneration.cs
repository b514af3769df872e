using System.Globalization;
using Dapper;
using Npgsql;

namespace Casualties.Worker.Service.Pipeline;

/// <summary>
/// Stands in for the reports (issue 7) until they are merged: writes a Markdown summary of what is stored
/// (documents, claims, quarantine) whatever formats are asked for, so scheduled report jobs run end to end.
/// </summary>
public sealed class SummaryReportGeneration(NpgsqlDataSource dataSource, TimeProvider time) : IReportGeneration
{
    public async Task<IReadOnlyList<string>> Write(string folder, IReadOnlyList<string> formats, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var counts = await conn.QuerySingleAsync<(long Documents, long Claims, long Quarantined)>(new CommandDefinition("""
            SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM claims),
                   (SELECT count(*) FROM quarantine WHERE resolved_at IS NULL)
            """, cancellationToken: ct));
        var now = time.GetUtcNow();
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"casualties-summary-{now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.md");
        await File.WriteAllTextAsync(path, $"""
            # Casualties: summary

            Generated {now:O}.

            | what | count |
            | --- | ---: |
            | documents | {counts.Documents} |
            | claims | {counts.Claims} |
            | open quarantine | {counts.Quarantined} |

            """, ct);
        return [path];
    }
}
