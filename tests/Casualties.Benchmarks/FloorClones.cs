using Npgsql;

namespace Casualties.Benchmarks;

/// <summary>
/// The write floors' clones (ingest, reconcile): <c>CREATE TABLE bench_floor.T (LIKE public.T INCLUDING ALL)</c> copies
/// indexes and checks but not foreign keys or triggers; this gives the statements that add those to the clones.
/// </summary>
public static class FloorClones
{
    /// <summary>
    /// The foreign keys and triggers of <paramref name="tables"/> (names in public) as statements on their clones in
    /// bench_floor. Read before bench_floor goes first on the search path: the trigger functions name their tables
    /// unqualified, so with it first they read and write the clones. The table is written with <c>%s</c>: a regclass
    /// prints itself already quoted (and qualified when another schema's table shadows it), which <c>%I</c> would quote again.
    /// </summary>
    public static async Task<List<string>> KeysAndTriggers(NpgsqlConnection connection, IEnumerable<string> tables, CancellationToken ct = default)
    {
        var definitions = new List<string>();
        await using var command = new NpgsqlCommand("""
            SELECT format('ALTER TABLE bench_floor.%s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
            FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid = ANY (@Tables::regclass[])
            UNION ALL
            SELECT replace(pg_get_triggerdef(t.oid), ' ON public.', ' ON bench_floor.')
            FROM pg_trigger t WHERE NOT t.tgisinternal AND t.tgrelid = ANY (@Tables::regclass[])
            """, connection);
        command.Parameters.AddWithValue("Tables", tables.Select(t => "public." + t).ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) definitions.Add(reader.GetString(0));
        return definitions;
    }
}
