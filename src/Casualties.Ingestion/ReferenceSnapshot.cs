using System.Collections.Concurrent;
using Casualties.Domain.Extraction;
using Casualties.Domain.Reference;
using Casualties.Postgres.Reference;
using Npgsql;

namespace Casualties.Ingestion;

/// <summary>
/// The reference data of one database as parsed for ingestion (with its extractor, which is thread-safe, built on
/// first use: a feed needs none, and it is much of the process's memory),
/// kept per process and reloaded only when the database's reference_version changed — so a worker that
/// ingests one inbox file per job does not rebuild the gazetteer and the extractor for every file.
/// </summary>
internal sealed record ReferenceSnapshot(long Version, ReferenceData Reference, IReadOnlySet<string> VictimGroups, Lazy<ClaimExtractor> Extractor)
{
    private static readonly ConcurrentDictionary<string, ReferenceSnapshot> Cache = new(StringComparer.Ordinal);

    public static async Task<ReferenceSnapshot> For(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        var reader = new ReferenceDataReader(dataSource);
        var version = await reader.Version(ct);
        var key = dataSource.ConnectionString;
        if (Cache.TryGetValue(key, out var cached) && cached.Version == version) return cached;
        var reference = await reader.Read(ct);
        var snapshot = new ReferenceSnapshot(version, reference, await reader.VictimGroups(ct), new Lazy<ClaimExtractor>(() => new ClaimExtractor(reference)));
        Cache[key] = snapshot;
        return snapshot;
    }
}
