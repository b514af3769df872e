using System.Text;
using Casualties.Domain.Model;
using Casualties.Domain.Reconciliation;
using Npgsql;

namespace Casualties.Postgres.Reconciliation;

/// <summary>
/// Reads claims as the reconciler sees them (<see cref="ClaimRecord"/>): the domain's <see cref="Claim"/> as it was
/// stored (its source canonical where the reference data knows it), with its source's reliability, place key, the
/// document's name or its feed record's (feed_record_name, migration 0024), the parent claim's id (claims.parent_id, resolved when the claims were
/// stored), the dataset event id. Retired dataset rows are left out. Reads one outcome and a set of
/// places at a time, so memory stays bounded. With <paramref name="placeIndex"/>, a claim naming a place the
/// gazetteer does not know is keyed by that name (<see cref="PlaceIndex.KeyOf"/>). What the reconciler never reads of
/// the claim is left null (the perpetrator's name, the parent's ordinal, the span). The quote is not read: nothing a run
/// stores comes from it (<see cref="SourceFigure.Quote"/> stays null; the views read it from the claim), and in a dense
/// partition held whole it was a tenth of the claims' memory (issue 14).
/// </summary>
public sealed class ClaimLoader(IReadOnlyDictionary<long, string> placeKeys, PlaceIndex? placeIndex = null)
{
    /// <summary>What a run reads of every claim, unfiltered (the reconcile benchmarks COPY it out as the I/O floor).</summary>
    public const string SelectSql = """
        SELECT c.id, c.outcome, c.victims, c.victim_side, c.qualifier, c.value, c.low, c.high, c.best,
               c.parent_id,
               coalesce(s.name, c.source_name), coalesce(s.reliability, 0.5),
               c.perpetrator_side, c.place_id, c.latitude, c.longitude,
               c.start_date, CASE c.start_precision WHEN 'year' THEN 2 WHEN 'month' THEN 1 ELSE 0 END,
               c.end_date, CASE c.end_precision WHEN 'year' THEN 2 WHEN 'month' THEN 1 ELSE 0 END, c.cumulative, c.reported,
               coalesce(d.name, feed_record_name(f.dataset, f.record_key)), coalesce(c.span_start, c.ordinal), f.event_key,
               c.place_name, c.place_scope, c.confidence
        FROM claims c
        LEFT JOIN documents d ON d.id = c.document_id
        LEFT JOIN feed_records f ON f.id = c.record_id
        LEFT JOIN sources s ON s.id = c.source_id
        """;

    /// <summary>
    /// The reading transaction's settings (issue 14, session 13): no parallel workers, no JIT. A run reads its claims in
    /// dozens of queries beside the store on two cores: a parallel plan ran each query in three server processes, which
    /// passed every row through a shared-memory queue to the one sending it (a dense partition's outlines: 0.52 s of one
    /// process serial, about 1.4 s of CPU across three in parallel, for the same rows). Set with SET LOCAL: for the
    /// reading transaction only.
    /// </summary>
    public const string ReaderSettingsSql = "SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL jit = off";

    /// <summary>
    /// <see cref="ReaderSettingsSql"/> and <see cref="JoinBySize"/>'s settings back to the server's defaults: a part of a split
    /// run (<c>reconcile --parts</c>) reads on the transaction it then stores on, whose statements run as a one-process
    /// run's store does.
    /// </summary>
    const string ReaderSettingsUndoneSql = """
        SET LOCAL max_parallel_workers_per_gather TO DEFAULT; SET LOCAL jit TO DEFAULT;
        SET LOCAL enable_hashjoin TO DEFAULT; SET LOCAL enable_mergejoin TO DEFAULT; SET LOCAL work_mem TO DEFAULT
        """;

    const string CountSql = """
        SELECT count(*)::int FROM claims c
        WHERE c.outcome = @outcome AND (c.place_id = ANY(@places) OR (@unplaced AND c.place_id IS NULL))
        """;

    /// <summary>
    /// Below this many claims a read joins documents and feed records by index probes (<see cref="JoinBySize"/>).
    /// </summary>
    internal const int ProbeJoinsBelow = 50_000;

    const string ClaimsSql = SelectSql + """

        WHERE c.outcome = @outcome AND (c.place_id = ANY(@places) OR (@unplaced AND c.place_id IS NULL))
          AND f.retired_at IS NULL
        """;

    /// <summary>
    /// <see cref="ClaimsSql"/> about in the order of the claims' first days (the window's first day from the dates as
    /// stored; a month's or year's start stored after its first day only comes a little late).
    /// </summary>
    const string ClaimsByDaySql = ClaimsSql + """

        ORDER BY least(coalesce(c.start_date, c.end_date, c.reported), coalesce(c.end_date, c.start_date, c.reported))
        """;

    const string ClaimsByIdSql = SelectSql + """

        WHERE c.id = ANY(@ids) AND f.retired_at IS NULL
        """;

    /// <summary>What <see cref="PartitionRuns.Split"/> reads of the claims <see cref="Load"/> reads (the same filter).</summary>
    const string OutlinesSql = """
        SELECT c.id, c.parent_id, c.start_date, CASE c.start_precision WHEN 'year' THEN 2 WHEN 'month' THEN 1 ELSE 0 END,
               c.end_date, CASE c.end_precision WHEN 'year' THEN 2 WHEN 'month' THEN 1 ELSE 0 END, c.cumulative, c.reported, f.event_key
        FROM claims c
        LEFT JOIN feed_records f ON f.id = c.record_id
        WHERE c.outcome = @outcome AND (c.place_id = ANY(@places) OR (@unplaced AND c.place_id IS NULL))
          AND f.retired_at IS NULL
        ORDER BY c.id
        """;

    private readonly Dictionary<string, string> strings = new(StringComparer.Ordinal);
    private bool? probing;
    private readonly Dictionary<(Qualifier Qualifier, int? Value, int Low, int? High), Quantity> quantities = [];
    private readonly Dictionary<(PartialDate? Start, PartialDate? End), DatePeriod> periods = [];

    /// <summary>
    /// The claims of one outcome at the given places (and with no place, when <paramref name="unplaced"/>); about
    /// <paramref name="expected"/> of them when the caller counted them, so that the list is not copied as it grows.
    /// </summary>
    public async Task<List<ClaimRecord>> Load(NpgsqlConnection conn, NpgsqlTransaction tx, Outcome outcome, long[] places, bool unplaced, CancellationToken ct,
        int expected = 0)
    {
        if (expected > 0) await JoinBySize(conn, tx, expected, ct);
        await using var cmd = new NpgsqlCommand(ClaimsSql, conn, tx);
        cmd.Parameters.AddWithValue("outcome", outcome.ToName());
        cmd.Parameters.AddWithValue("places", places);
        cmd.Parameters.AddWithValue("unplaced", unplaced);
        return await Read(cmd, outcome, expected, ct);
    }

    /// <summary>
    /// The claims <see cref="Load"/> reads, for one part of a run split into queue jobs (<c>reconcile --parts</c>), with the
    /// reading settings of a one-process run's reader (issue 14, session 14): serial plans without JIT, and documents and
    /// feed records joined by index probes or by hash by how many claims there are (counted first, as a full run counts
    /// its partitions). The part stores on the same transaction afterwards: the settings are put back to the server's
    /// defaults once the claims are read.
    /// </summary>
    public async Task<List<ClaimRecord>> LoadForPart(NpgsqlConnection conn, NpgsqlTransaction tx, Outcome outcome, long[] places, bool unplaced,
        CancellationToken ct)
    {
        await using (var settings = new NpgsqlCommand(ReaderSettingsSql, conn, tx)) await settings.ExecuteNonQueryAsync(ct);
        int count;
        await using (var counting = new NpgsqlCommand(CountSql, conn, tx))
        {
            counting.Parameters.AddWithValue("outcome", outcome.ToName());
            counting.Parameters.AddWithValue("places", places);
            counting.Parameters.AddWithValue("unplaced", unplaced);
            count = (int)(await counting.ExecuteScalarAsync(ct))!;
        }
        var claims = await Load(conn, tx, outcome, places, unplaced, ct, expected: Math.Max(1, count));
        await using (var undo = new NpgsqlCommand(ReaderSettingsUndoneSql, conn, tx)) await undo.ExecuteNonQueryAsync(ct);
        probing = null;
        return claims;
    }

    /// <summary>
    /// The claims <see cref="Load"/> reads, one at a time as the server sends them, about in the order of their first
    /// days: a large partition read once and split into its runs as it streams (issue 14); those <paramref name="skip"/>
    /// names (by id) are not built.
    /// </summary>
    public async IAsyncEnumerable<ClaimRecord> StreamByDay(NpgsqlConnection conn, NpgsqlTransaction tx, Outcome outcome, long[] places, bool unplaced,
        int expected, Func<long, bool> skip, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await JoinBySize(conn, tx, expected, ct);
        await using var cmd = new NpgsqlCommand(ClaimsByDaySql, conn, tx);
        cmd.Parameters.AddWithValue("outcome", outcome.ToName());
        cmd.Parameters.AddWithValue("places", places);
        cmd.Parameters.AddWithValue("unplaced", unplaced);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var lastEventKey = new string?[1];
        while (await reader.ReadAsync(ct))
        {
            // Claims the caller has read already (a partition's first chunk, by id) are passed over before they are built.
            if (!skip(reader.GetInt64(0))) yield return Record(reader, outcome, lastEventKey);
        }
    }

    /// <summary>
    /// The claims of <paramref name="outcome"/> with these ids, retired dataset rows left out: a run of a partition
    /// that <see cref="LoadOutlines"/> read and <see cref="PartitionRuns.Split"/> split (issue 14).
    /// </summary>
    public async Task<List<ClaimRecord>> LoadByIds(NpgsqlConnection conn, NpgsqlTransaction tx, Outcome outcome, long[] ids, CancellationToken ct)
    {
        await JoinBySize(conn, tx, ids.Length, ct);
        await using var cmd = new NpgsqlCommand(ClaimsByIdSql, conn, tx);
        cmd.Parameters.AddWithValue("ids", ids);
        return await Read(cmd, outcome, ids.Length, ct);
    }

    /// <summary>
    /// The outline of every claim <see cref="Load"/> would read (id, parent, window, tally or not, a hash of the event
    /// id), in id order, to split a large partition into runs before its claims are read run by run; <paramref name="expected"/>
    /// of them (the claims counted before), so that the arrays are not copied as they grow.
    /// </summary>
    public async Task<ClaimOutlines> LoadOutlines(NpgsqlConnection conn, NpgsqlTransaction tx, Outcome outcome, long[] places,
        bool unplaced, int expected, CancellationToken ct)
    {
        await JoinBySize(conn, tx, expected, ct);
        await using var cmd = new NpgsqlCommand(OutlinesSql, conn, tx);
        cmd.Parameters.AddWithValue("outcome", outcome.ToName());
        cmd.Parameters.AddWithValue("places", places);
        cmd.Parameters.AddWithValue("unplaced", unplaced);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var outlines = new ClaimOutlines(expected);
        while (await reader.ReadAsync(ct))
        {
            var window = ClaimFacts.Window(Date(reader, 2), Date(reader, 4), reader.GetFieldValue<DateOnly>(7));
            var hasEventKey = !reader.IsDBNull(8);
            outlines.Add(new ClaimOutline(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), window,
                ClaimFacts.IsTally(hasEventKey, reader.GetBoolean(6), window), hasEventKey,
                hasEventKey ? ClaimOutline.HashOf(reader.GetString(8)) : 0));
        }
        return outlines;
    }

    /// <summary>
    /// Lets the next read join documents and feed records by hash only when it reads <see cref="ProbeJoinsBelow"/> claims
    /// or more (issue 14, session 13). The planner costs an index probe as a page read and hashed both tables whole for a
    /// run's batch of 15,000 claims (about 0.1 s of the server's CPU a query, dozens of queries a run); cached, probing
    /// them took 134–177 ms where hashing took 228–318 ms for the same batch, while for a dense partition's 300,000
    /// claims hashing was faster (1.65 s against 2.2 s). A read that large also sorts in memory (64 MB of work memory: a
    /// dense partition in day order, its outlines by id): in the default 4 MB a dense 1M run wrote about 380 MB of sort
    /// runs to disk and read them back. SET LOCAL: for the reading transaction only.
    /// </summary>
    private async Task JoinBySize(NpgsqlConnection conn, NpgsqlTransaction tx, int expected, CancellationToken ct)
    {
        var probe = expected < ProbeJoinsBelow;
        if (probing == probe) return;
        await using var cmd = new NpgsqlCommand(probe
            ? "SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off; SET LOCAL work_mem TO DEFAULT"
            : "SET LOCAL enable_hashjoin = on; SET LOCAL enable_mergejoin = on; SET LOCAL work_mem = '64MB'", conn, tx);
        await cmd.ExecuteNonQueryAsync(ct);
        probing = probe;
    }

    private async Task<List<ClaimRecord>> Read(NpgsqlCommand cmd, Outcome outcome, int expected, CancellationToken ct)
    {
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var claims = new List<ClaimRecord>(expected);
        var lastEventKey = new string?[1];
        while (await reader.ReadAsync(ct)) claims.Add(Record(reader, outcome, lastEventKey));
        return claims;
    }

    /// <summary>
    /// The claim at the reader's row; the rows of one dataset event come together and share one event id string
    /// (<paramref name="lastEventKey"/> holds the last one read).
    /// </summary>
    private ClaimRecord Record(NpgsqlDataReader reader, Outcome outcome, string?[] lastEventKey)
    {
        var placeKey = reader.IsDBNull(13) ? null : placeKeys.GetValueOrDefault(reader.GetInt64(13));
        var placeName = NullableString(reader, 25);
        var eventKey = NullableString(reader, 24);
        // The rows of one dataset event come together: they share one string.
        if (eventKey is not null && string.Equals(eventKey, lastEventKey[0], StringComparison.Ordinal)) eventKey = lastEventKey[0];
        lastEventKey[0] = eventKey ?? lastEventKey[0];
        var scope = !reader.IsDBNull(26) && PlaceScopeNames.TryParse(Text(reader, 26), out var parsed) ? parsed : (PlaceScope?)null;
        var claim = new Claim(
            Outcome: outcome,
            Victims: Text(reader, 2),
            VictimSide: NullableString(reader, 3),
            Quantity: Quantity(reader),
            Parent: null,
            Source: NullableString(reader, 10),
            Perpetrator: null,
            PerpetratorSide: NullableString(reader, 12),
            Place: placeName,
            Period: Period(Date(reader, 16), Date(reader, 18)),
            Cumulative: reader.GetBoolean(20),
            Quote: null,
            Span: null,
            Confidence: reader.GetFloat(27))
        {
            PlaceScope = scope,
        };
        return new ClaimRecord(
            Id: reader.GetInt64(0),
            Claim: claim,
            Best: reader.IsDBNull(8) ? null : reader.GetInt32(8),
            ParentId: reader.IsDBNull(9) ? null : reader.GetInt64(9),
            SourceReliability: reader.GetDouble(11),
            PlaceKey: placeIndex is null ? placeKey : placeIndex.KeyOf(placeKey, placeName, keepKnown: eventKey is not null),
            Latitude: reader.IsDBNull(14) ? null : reader.GetDouble(14),
            Longitude: reader.IsDBNull(15) ? null : reader.GetDouble(15),
            Reported: reader.GetFieldValue<DateOnly>(21),
            Document: reader.IsDBNull(22) ? "" : Text(reader, 22),
            Position: reader.GetInt32(23),
            EventKey: eventKey);
    }

    private string Intern(string value)
    {
        if (strings.TryGetValue(value, out var interned)) return interned;
        // Bounded by about the claims in flight (a dense partition's dataset rows each name their own record).
        if (strings.Count > 50_000) strings.Clear();
        strings[value] = value;
        return value;
    }

    /// <summary>
    /// The claim's figure through <see cref="Domain.Model.Quantity"/>'s validating constructor, one shared instance per
    /// distinct figure (a reference in each claim instead of the four fields, far fewer figures than claims).
    /// </summary>
    /// <remarks>
    /// A stored row cannot fail the validation: the claims table's CHECKs are the same rules (qualifier one of the
    /// names, value and low not negative, high not below low). The phrase of a vague figure is not read.
    /// </remarks>
    private Quantity Quantity(NpgsqlDataReader reader)
    {
        var name = Text(reader, 4);
        var qualifier = QualifierNames.TryParse(name, out var parsed) ? parsed
            : throw new InvalidDataException($"claims.qualifier '{name}' is not a qualifier.");
        (Qualifier Qualifier, int? Value, int Low, int? High) key =
            (qualifier, reader.IsDBNull(5) ? null : reader.GetInt32(5), reader.GetInt32(6), reader.IsDBNull(7) ? null : reader.GetInt32(7));
        if (quantities.TryGetValue(key, out var shared)) return shared;
        if (quantities.Count > 200_000) quantities.Clear();
        return quantities[key] = new Quantity(key.Qualifier, key.Value, key.Low, key.High);
    }

    /// <summary>
    /// The claim's period, one shared instance per distinct pair of dates (a reference in each claim instead of the two
    /// dates, far fewer periods than claims).
    /// </summary>
    private DatePeriod Period(PartialDate? start, PartialDate? end)
    {
        if (periods.TryGetValue((start, end), out var shared)) return shared;
        if (periods.Count > 200_000) periods.Clear();
        return periods[(start, end)] = start is null && end is null ? DatePeriod.Unknown : new DatePeriod(start, end);
    }

    private string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Text(reader, ordinal);

    /// <summary>
    /// The text at <paramref name="ordinal"/> as the one string every row holding it shares, looked up from the row's
    /// UTF-8 bytes (issue 14, session 14): a source, side, victim group, qualifier or document name read again is not
    /// allocated again (the column's stream is read into the stack; Npgsql reuses it). Longer than
    /// <see cref="LookedUpBytes"/>: read as a string, then shared.
    /// </summary>
    private string Text(NpgsqlDataReader reader, int ordinal)
    {
        Span<char> chars = stackalloc char[LookedUpBytes];
        var length = Chars(reader, ordinal, chars);
        if (length < 0) return Intern(reader.GetString(ordinal));
        var lookup = strings.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.TryGetValue(chars[..length], out var shared) ? shared : Intern(new string(chars[..length]));
    }

    /// <summary>The characters of the text at <paramref name="ordinal"/>, decoded into <paramref name="chars"/>: how many, or -1 when it is longer.</summary>
    private static int Chars(NpgsqlDataReader reader, int ordinal, Span<char> chars)
    {
        using var stream = reader.GetStream(ordinal);
        var length = stream.Length;
        if (length > LookedUpBytes) return -1;
        Span<byte> bytes = stackalloc byte[LookedUpBytes];
        var read = 0;
        for (int n; read < length && (n = stream.Read(bytes[read..(int)length])) > 0;) read += n;
        return Encoding.UTF8.GetChars(bytes[..read], chars);
    }

    /// <summary>The longest text (in UTF-8 bytes) <see cref="Text"/> looks up without reading it as a string first.</summary>
    private const int LookedUpBytes = 256;

    private static PartialDate? Date(NpgsqlDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal)) return null;
        var date = reader.GetFieldValue<DateOnly>(ordinal);
        return reader.GetInt32(ordinal + 1) switch
        {
            2 => PartialDate.Year(date.Year),
            1 => PartialDate.Month(date.Year, date.Month),
            _ => PartialDate.Day(date),
        };
    }
}
