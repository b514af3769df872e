using Casualties.Domain.Model;
using Casualties.Domain.Reference;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Casualties.Postgres.Reference;

/// <summary>
/// Loads reference data into PostgreSQL idempotently: rows are matched by their natural key and
/// updated only when something changed, so re-running the same seeds changes nothing.
/// Rows removed from the CSV are left in place (claims may refer to them).
/// </summary>
public sealed class ReferenceDataStore(NpgsqlDataSource dataSource)
{
    const string UpsertConflictSql = """
        INSERT INTO conflicts (key, name, sides) VALUES (@Key, @Name, @Sides)
        ON CONFLICT (key) DO UPDATE SET name = excluded.name, sides = excluded.sides
        WHERE (conflicts.name, conflicts.sides) IS DISTINCT FROM (excluded.name, excluded.sides)
        """;

    // One statement for all places: the generated layer has ~200,000 rows, too many for a statement per row. Aliases
    // travel as one '|'-joined text per place (arrays of arrays cannot be unnested row by row).
    const string UpsertPlacesSql = """
        INSERT INTO places (key, name, kind, aliases, latitude, longitude, generated)
        SELECT p.key, p.name, p.kind, CASE WHEN p.aliases = '' THEN '{}'::text[] ELSE string_to_array(p.aliases, '|') END,
               p.latitude, p.longitude, p.generated
        FROM unnest(@Keys, @Names, @Kinds, @Aliases, @Latitudes, @Longitudes, @Generated)
             AS p(key, name, kind, aliases, latitude, longitude, generated)
        ON CONFLICT (key) DO UPDATE SET name = excluded.name, kind = excluded.kind, aliases = excluded.aliases,
            latitude = excluded.latitude, longitude = excluded.longitude, generated = excluded.generated
        WHERE (places.name, places.kind, places.aliases, places.latitude, places.longitude, places.generated)
            IS DISTINCT FROM (excluded.name, excluded.kind, excluded.aliases, excluded.latitude, excluded.longitude, excluded.generated)
        """;

    const string LayerChecksumSql = "SELECT checksum FROM reference_layers WHERE name = @Name";

    const string CreateLayerStageSql = """
        CREATE TEMP TABLE generated_places_stage (key text, name text, parent text, kind text, aliases text[],
            latitude double precision, longitude double precision) ON COMMIT DROP
        """;

    const string CopyLayerSql = """
        COPY generated_places_stage (key, name, parent, kind, aliases, latitude, longitude) FROM STDIN (FORMAT BINARY)
        """;

    // New rows are inserted with their parent's id, parents first (the layer nests at most a few levels: one pass per
    // level), so no row is written twice. A curated row keeps its key: it is never overwritten (generated = false).
    const string InsertLayerSql = """
        INSERT INTO places (key, name, parent_id, kind, aliases, latitude, longitude, generated)
        SELECT s.key, s.name, parent.id, s.kind, s.aliases, s.latitude, s.longitude, true
        FROM generated_places_stage s JOIN places parent ON parent.key = s.parent
        WHERE NOT EXISTS (SELECT FROM places p WHERE p.key = s.key)
        """;

    // Rows a previous layer loaded and this one changes.
    const string UpdateLayerSql = """
        UPDATE places p SET name = s.name, parent_id = parent.id, kind = s.kind, aliases = s.aliases,
            latitude = s.latitude, longitude = s.longitude
        FROM generated_places_stage s JOIN places parent ON parent.key = s.parent
        WHERE p.key = s.key AND p.generated
          AND (p.name, p.parent_id, p.kind, p.aliases, p.latitude, p.longitude)
              IS DISTINCT FROM (s.name, parent.id, s.kind, s.aliases, s.latitude, s.longitude)
        """;

    const string SaveLayerChecksumSql = """
        INSERT INTO reference_layers (name, checksum, rows) VALUES (@Name, @Checksum, @Rows)
        ON CONFLICT (name) DO UPDATE SET checksum = excluded.checksum, rows = excluded.rows, loaded_at = now()
        """;

    /// <summary>The name of the generated places layer in reference_layers.</summary>
    public const string GeneratedPlacesLayer = "places.geonames";

    const string SetPlaceParentsSql = """
        UPDATE places p SET parent_id = parent.id
        FROM unnest(@Keys, @Parents) AS link(key, parent_key)
        LEFT JOIN places parent ON parent.key = link.parent_key
        WHERE p.key = link.key AND p.parent_id IS DISTINCT FROM parent.id
        """;

    const string UpsertConflictCountrySql = """
        INSERT INTO conflict_countries (conflict, place_id)
        SELECT @Conflict, id FROM places WHERE key = @Country
        ON CONFLICT DO NOTHING
        """;

    const string UpsertSourceSql = """
        INSERT INTO sources (name, kind, reliability, country_id, aliases)
        VALUES (@Name, @Kind, @Reliability, (SELECT id FROM places WHERE key = @Country), @Aliases)
        ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, reliability = excluded.reliability,
            country_id = excluded.country_id, aliases = excluded.aliases
        WHERE (sources.kind, sources.reliability, sources.country_id, sources.aliases)
            IS DISTINCT FROM (excluded.kind, excluded.reliability, excluded.country_id, excluded.aliases)
        """;

    const string UpsertActorSql = """
        INSERT INTO actors (name, conflict, side, kind, aliases) VALUES (@Name, @Conflict, @Side, @Kind, @Aliases)
        ON CONFLICT (name, conflict) DO UPDATE SET side = excluded.side, kind = excluded.kind, aliases = excluded.aliases
        WHERE (actors.side, actors.kind, actors.aliases) IS DISTINCT FROM (excluded.side, excluded.kind, excluded.aliases)
        """;

    const string UpsertVictimGroupSql = """
        INSERT INTO victim_groups (name, parent) VALUES (@Name, NULL)
        ON CONFLICT (name) DO NOTHING
        """;

    const string SetVictimGroupParentSql = """
        UPDATE victim_groups SET parent = @Parent WHERE name = @Name AND parent IS DISTINCT FROM @Parent
        """;

    const string UpsertVictimTermSql = """
        INSERT INTO victim_terms (term, victims, victim_side) VALUES (@Term, @Victims, @VictimSide)
        ON CONFLICT (term) DO UPDATE SET victims = excluded.victims, victim_side = excluded.victim_side
        WHERE (victim_terms.victims, victim_terms.victim_side) IS DISTINCT FROM (excluded.victims, excluded.victim_side)
        """;

    const string UpsertLexiconSql = """
        INSERT INTO lexicon (phrase, low, high) VALUES (@Phrase, @Low, @High)
        ON CONFLICT (phrase) DO UPDATE SET low = excluded.low, high = excluded.high
        WHERE (lexicon.low, lexicon.high) IS DISTINCT FROM (excluded.low, excluded.high)
        """;

    const string UpsertSideCueSql = """
        INSERT INTO side_cues (conflict, side, cue, words, country, from_year, to_year)
        VALUES (@Conflict, @Side, @Cue, @Words, @Country, @FromYear, @ToYear)
        ON CONFLICT (conflict, side, cue, country, from_year, to_year) DO UPDATE SET words = excluded.words
        WHERE side_cues.words IS DISTINCT FROM excluded.words
        """;

    const string UpsertDemonymSql = """
        INSERT INTO demonyms (demonym, country) VALUES (@Word, @Country)
        ON CONFLICT (demonym) DO UPDATE SET country = excluded.country
        WHERE demonyms.country IS DISTINCT FROM excluded.country
        """;

    /// <summary>Upserts all reference data in one transaction; returns how many rows were inserted or changed.</summary>
    public async Task<SeedResult> Load(ReferenceData data, CancellationToken ct = default)
    {
        Validate(data);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        async Task<int> Each<T>(string sql, IEnumerable<T> rows) =>
            await conn.ExecuteAsync(new CommandDefinition(sql, rows, tx, cancellationToken: ct));

        var conflicts = await Each(UpsertConflictSql, data.Conflicts.Select(c => new { c.Key, c.Name, Sides = c.Sides.ToArray() }));
        var places = await conn.ExecuteAsync(new CommandDefinition(UpsertPlacesSql, new
        {
            Keys = data.Places.Select(p => p.Key).ToArray(),
            Names = data.Places.Select(p => p.Name).ToArray(),
            Kinds = data.Places.Select(p => p.Kind).ToArray(),
            Aliases = data.Places.Select(p => string.Join('|', p.Aliases)).ToArray(),
            Latitudes = data.Places.Select(p => p.Latitude).ToArray(),
            Longitudes = data.Places.Select(p => p.Longitude).ToArray(),
            Generated = data.Places.Select(p => p.Generated).ToArray(),
        }, tx, cancellationToken: ct));
        places += await conn.ExecuteAsync(new CommandDefinition(SetPlaceParentsSql, new
        {
            Keys = data.Places.Select(p => p.Key).ToArray(),
            Parents = data.Places.Select(p => p.Parent).ToArray(),
        }, tx, cancellationToken: ct));
        if (data.GeneratedPlaces is { } layer) places += await LoadGeneratedPlaces(conn, tx, layer, ct);
        await Each(UpsertConflictCountrySql, data.Conflicts.SelectMany(c => c.Countries.Select(country => new { Conflict = c.Key, Country = country })));
        var sources = await Each(UpsertSourceSql, data.Sources.Select(s => new
        {
            s.Name, s.Kind, s.Reliability, s.Country, Aliases = s.Aliases.ToArray(),
        }));
        var actors = await Each(UpsertActorSql, data.Actors.Select(a => new { a.Name, a.Conflict, a.Side, a.Kind, Aliases = a.Aliases.ToArray() }));

        var groups = VictimGroups.DefaultParents.ToDictionary();
        foreach (var term in data.VictimTerms) groups.TryAdd(term.Victims, VictimGroups.People);
        var victimGroups = await Each(UpsertVictimGroupSql, groups.Keys.Select(name => new { Name = name }));
        await Each(SetVictimGroupParentSql, groups.Select(g => new { Name = g.Key, Parent = g.Value }));
        var victimTerms = await Each(UpsertVictimTermSql, data.VictimTerms.Select(t => new { t.Term, t.Victims, t.VictimSide }));
        var lexicon = await Each(UpsertLexiconSql, data.Lexicon.Select(e => new { e.Phrase, e.Low, e.High }));
        await Each(UpsertSideCueSql, data.SideCues.Select(c => new
        {
            c.Conflict, c.Side, c.Cue, Words = c.Words.ToArray(), Country = c.Country ?? "", FromYear = c.FromYear ?? 0, ToYear = c.ToYear ?? 0,
        }));
        await Each(UpsertDemonymSql, data.Demonyms.Select(d => new { d.Word, d.Country }));

        await tx.CommitAsync(ct);
        return new SeedResult(conflicts, places, sources, actors, victimGroups + victimTerms, lexicon);
    }

    /// <summary>
    /// The generated layer into places by binary COPY (~200,000 rows in seconds, not minutes of statements), once per
    /// database: skipped while reference_layers holds the layer's checksum. Returns the rows inserted or changed.
    /// </summary>
    private static async Task<int> LoadGeneratedPlaces(NpgsqlConnection conn, NpgsqlTransaction tx, Lazy<GeneratedPlaces> layer, CancellationToken ct)
    {
        var stored = await conn.ExecuteScalarAsync<string?>(new CommandDefinition(LayerChecksumSql, new { Name = GeneratedPlacesLayer }, tx, cancellationToken: ct));
        // Compared without building the layer (~22 MB and seconds of CPU): an unchanged layer is never read.
        if (stored == GeneratedPlaces.ChecksumOf(layer)) return 0;
        await conn.ExecuteAsync(new CommandDefinition(CreateLayerStageSql, transaction: tx, cancellationToken: ct));
        var rows = 0;
        await using (var copy = await conn.BeginBinaryImportAsync(CopyLayerSql, ct))
        {
            foreach (var row in layer.Value.Rows())
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(row.Key, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(row.Name, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(row.Parent, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(row.Kind, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(row.Aliases.Split('|', StringSplitOptions.RemoveEmptyEntries), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
                if (row.Latitude is { } lat) await copy.WriteAsync(lat, NpgsqlDbType.Double, ct); else await copy.WriteNullAsync(ct);
                if (row.Longitude is { } lon) await copy.WriteAsync(lon, NpgsqlDbType.Double, ct); else await copy.WriteNullAsync(ct);
                rows++;
            }
            await copy.CompleteAsync(ct);
        }
        await conn.ExecuteAsync(new CommandDefinition("ANALYZE generated_places_stage", transaction: tx, cancellationToken: ct));
        var changed = await conn.ExecuteAsync(new CommandDefinition(UpdateLayerSql, transaction: tx, cancellationToken: ct));
        for (var inserted = -1; inserted != 0;)
        {
            inserted = await conn.ExecuteAsync(new CommandDefinition(InsertLayerSql, transaction: tx, cancellationToken: ct));
            changed += inserted;
        }
        await conn.ExecuteAsync(new CommandDefinition(SaveLayerChecksumSql,
            new { Name = GeneratedPlacesLayer, layer.Value.Checksum, Rows = rows }, tx, cancellationToken: ct));
        return changed;
    }

    private static void Validate(ReferenceData data)
    {
        var keys = data.Places.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var orphan = data.Places.FirstOrDefault(p => p.Parent is not null && !keys.Contains(p.Parent));
        if (orphan is not null)
            throw new FormatException($"places.csv: place '{orphan.Key}' names parent '{orphan.Parent}', which is not a place key.");
        var conflictKeys = data.Conflicts.ToDictionary(c => c.Key);
        foreach (var actor in data.Actors)
        {
            if (!conflictKeys.TryGetValue(actor.Conflict, out var conflict))
                throw new FormatException($"actors.csv: actor '{actor.Name}' names conflict '{actor.Conflict}', which conflicts.csv lacks.");
            if (!conflict.Sides.Contains(actor.Side))
                throw new FormatException($"actors.csv: actor '{actor.Name}' is on side '{actor.Side}', not a side of '{actor.Conflict}'.");
        }
        var unknownCountry = data.Sources.FirstOrDefault(s => s.Country is not null && !keys.Contains(s.Country));
        if (unknownCountry is not null)
            throw new FormatException($"sources.csv: source '{unknownCountry.Name}' names country '{unknownCountry.Country}', which is not a place key.");
    }
}

/// <summary>Rows inserted or changed per table by one seed run (all zero when nothing changed).</summary>
public sealed record SeedResult(int Conflicts, int Places, int Sources, int Actors, int VictimGroups, int Lexicon)
{
    /// <summary>All rows inserted or changed; 0: the reference data was already as seeds/ has it.</summary>
    public int Total => Conflicts + Places + Sources + Actors + VictimGroups + Lexicon;
}
