using Casualties.Domain.Model;
using Casualties.Domain.Reconciliation;
using Npgsql;
using NpgsqlTypes;

namespace Casualties.Postgres.Reconciliation;

public sealed partial class ReconciliationStore
{
    const string CopyIncidentsSql = """
        COPY incidents (incident_id, incident_key, valid_from_run, fingerprint, partition_country, kind, outcome, place_key,
            start_date, start_precision, end_date, end_precision, perpetrator_side, victims, low, best, high, has_consensus,
            consensus_low, consensus_high, source_count, claim_count, contained_in_key, place_name, partition_key) FROM STDIN (FORMAT BINARY)
        """;

    const string CopyMembersSql = "COPY incident_members (incident_id, claim_id, victims, victim_side, rule, superseded, partition_key) FROM STDIN (FORMAT BINARY)";

    const string CopyFiguresSql = """
        COPY incident_figures (incident_id, victims, victim_side, headline, low, best, high, has_consensus, consensus_low,
            consensus_high, source_count, partition_key) FROM STDIN (FORMAT BINARY)
        """;

    const string CopyTotalsSql = """
        COPY side_totals (valid_from_run, fingerprint, partition_country, perpetrator_side, outcome, victims, victim_side, place_key,
            period, period_start, period_end, low, best, high, method, incident_count, partition_key) FROM STDIN (FORMAT BINARY)
        """;

    const string CopyFlagsSql = """
        COPY flags (valid_from_run, fingerprint, partition_country, outcome, kind, severity, incident_key, place_key, claim_ids,
            sources, explanation, partition_key) FROM STDIN (FORMAT BINARY)
        """;

    /// <summary>
    /// Reserves <c>$1</c> consecutive incident ids (the count, a parameter) under a lock of its own: the parts of a split run
    /// (ReconciliationRunner.Parts) store at once, and two of them between nextval and setval would share ids.
    /// </summary>
    const string ReserveIdsSql = "SELECT setval('incident_ids', nextval('incident_ids') + $1 - 1)";

    /// <summary>The session lock around <see cref="ReserveIdsSql"/> (sequences are not transactional: held for that statement only).</summary>
    const string IdsLockSql = "SELECT pg_advisory_lock(24258, 0)";

    const string IdsUnlockSql = "SELECT pg_advisory_unlock(24258, 0)";

    private static async Task WriteIncidents(NpgsqlConnection conn, NpgsqlTransaction tx, long runId,
        List<(Incident Row, string Country, long Fingerprint)> incidents, CancellationToken ct, PhaseTimes? phases)
    {
        if (incidents.Count == 0) return;
        var keys = new PartitionKeys();
        await using (var idsLock = new NpgsqlCommand(IdsLockSql, conn, tx)) await idsLock.ExecuteNonQueryAsync(ct);
        // On failure the transaction is lost and the lock goes with the connection (reset when it returns to the pool).
        await using var reserve = new NpgsqlCommand(ReserveIdsSql, conn, tx);
        reserve.Parameters.Add(new NpgsqlParameter<long> { TypedValue = incidents.Count });
        var lastId = (long)(await reserve.ExecuteScalarAsync(ct))!;
        await using (var idsUnlock = new NpgsqlCommand(IdsUnlockSql, conn, tx)) await idsUnlock.ExecuteNonQueryAsync(ct);
        var firstId = lastId - incidents.Count + 1;

        await using (var writer = await BinaryCopyWriter.Begin(conn, CopyIncidentsSql, ct))
        {
            var id = firstId;
            foreach (var (incident, country, fingerprint) in incidents)
            {
                var headline = incident.Headline!;
                writer.StartRow(25);
                writer.Write(id++);
                writer.Write(incident.Key);
                writer.Write(runId);
                writer.Write(fingerprint);
                writer.Write(country);
                writer.Write(incident.Kind.ToName());
                writer.Write(incident.Outcome.ToName());
                writer.Write(incident.PlaceKey);
                WriteDate(writer, incident.Start);
                WriteDate(writer, incident.End);
                writer.Write(incident.PerpetratorSide);
                writer.Write(headline.Victims);
                WriteFigures(writer, headline);
                writer.Write(incident.Members.Count);
                writer.Write(incident.ContainedIn);
                writer.Write(incident.PlaceName);
                writer.Write(keys.Of(incident.Outcome, country));
                await writer.EndRow(ct);
            }
            await writer.Complete(ct);
        }
        phases?.Lap("store: incidents");

        await using (var writer = await BinaryCopyWriter.Begin(conn, CopyMembersSql, ct))
        {
            var id = firstId;
            foreach (var (incident, country, _) in incidents)
            {
                var partitionKey = keys.Of(incident.Outcome, country);
                foreach (var member in incident.Members)
                {
                    writer.StartRow(7);
                    writer.Write(id);
                    writer.Write(member.ClaimId);
                    writer.Write(member.Victims);
                    writer.Write(member.VictimSide);
                    writer.Write(member.Rule);
                    writer.Write(member.Superseded);
                    writer.Write(partitionKey);
                    await writer.EndRow(ct);
                }
                id++;
            }
            await writer.Complete(ct);
        }
        phases?.Lap("store: members");

        await using (var writer = await BinaryCopyWriter.Begin(conn, CopyFiguresSql, ct))
        {
            var id = firstId;
            foreach (var (incident, country, _) in incidents)
            {
                var partitionKey = keys.Of(incident.Outcome, country);
                foreach (var figure in incident.Figures)
                {
                    writer.StartRow(12);
                    writer.Write(id);
                    writer.Write(figure.Victims);
                    writer.Write(figure.VictimSide);
                    writer.Write(figure.Headline);
                    WriteFigures(writer, figure);
                    writer.Write(partitionKey);
                    await writer.EndRow(ct);
                }
                id++;
            }
            await writer.Complete(ct);
        }
        phases?.Lap("store: figures");
    }

    /// <summary>A figure's numbers, in the column order incidents (for the headline) and incident_figures share.</summary>
    private static void WriteFigures(BinaryCopyWriter writer, IncidentFigure figure)
    {
        writer.Write(figure.Low);
        writer.Write(figure.Best);
        writer.Write(figure.High);
        writer.Write(figure.HasConsensus);
        writer.Write(figure.ConsensusLow);
        writer.Write(figure.ConsensusHigh);
        writer.Write(figure.Sources.Count);
    }

    private static async Task WriteTotals(NpgsqlConnection conn, long runId,
        List<(SideTotal Row, string Country, long Fingerprint)> totals, CancellationToken ct)
    {
        if (totals.Count == 0) return;
        var keys = new PartitionKeys();
        await using var writer = await BinaryCopyWriter.Begin(conn, CopyTotalsSql, ct);
        foreach (var (total, country, fingerprint) in totals)
        {
            writer.StartRow(17);
            writer.Write(runId);
            writer.Write(fingerprint);
            writer.Write(country);
            writer.Write(total.PerpetratorSide);
            writer.Write(total.Outcome.ToName());
            writer.Write(total.Victims);
            writer.Write(total.VictimSide);
            writer.Write(total.PlaceKey);
            writer.Write(total.Period.ToName());
            writer.Write(total.Start?.First);
            writer.Write(total.End?.Last);
            writer.Write(total.Low);
            writer.Write(total.Best);
            writer.Write(total.High);
            writer.Write(total.Method.ToName());
            writer.Write(total.Incidents);
            writer.Write(keys.Of(total.Outcome, country));
            await writer.EndRow(ct);
        }
        await writer.Complete(ct);
    }

    private static async Task WriteFlags(NpgsqlConnection conn, NpgsqlTransaction tx, long runId, Outcome outcome,
        List<(ConflictFlag Row, string Country, long Fingerprint)> flags, CancellationToken ct)
    {
        if (flags.Count == 0) return;
        var keys = new PartitionKeys();
        await using var writer = await conn.BeginBinaryImportAsync(CopyFlagsSql, ct);
        foreach (var (flag, country, fingerprint) in flags)
        {
            writer.StartRow();
            writer.Write(runId, NpgsqlDbType.Bigint);
            writer.Write(fingerprint, NpgsqlDbType.Bigint);
            writer.Write(country, NpgsqlDbType.Text);
            writer.Write(outcome.ToName(), NpgsqlDbType.Text);
            writer.Write(flag.Kind.ToName(), NpgsqlDbType.Text);
            writer.Write(flag.Severity.ToName(), NpgsqlDbType.Text);
            WriteText(writer, flag.IncidentKey);
            WriteText(writer, flag.PlaceKey);
            writer.Write(flag.ClaimIds.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint);
            writer.Write(flag.Sources.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
            writer.Write(flag.Explanation, NpgsqlDbType.Text);
            writer.Write(keys.Of(outcome, country), NpgsqlDbType.Text);
        }
        await writer.CompleteAsync(ct);
    }

    // Flag rows (few) carry arrays: written with Npgsql's importer, synchronously (per-field async calls cost more than the COPY).
    private static void WriteText(NpgsqlBinaryImporter writer, string? value)
    {
        if (value is null) writer.WriteNull(); else writer.Write(value, NpgsqlDbType.Text);
    }

    /// <summary>
    /// The partition key written on every result row (migration 0023): outcome ':' country, the distribution column
    /// a Citus deployment would shard the result tables by (docs/scaling.md). Rows come partition by partition, so
    /// the last key built is nearly always the one asked for.
    /// </summary>
    private sealed class PartitionKeys
    {
        private Outcome lastOutcome;
        private string? lastCountry;
        private string lastKey = "";

        public string Of(Outcome outcome, string country)
        {
            if (lastCountry is null || outcome != lastOutcome || !string.Equals(country, lastCountry, StringComparison.Ordinal))
            {
                (lastOutcome, lastCountry, lastKey) = (outcome, country, outcome.ToName() + ":" + country);
            }
            return lastKey;
        }
    }

    private static void WriteDate(BinaryCopyWriter writer, PartialDate? date)
    {
        writer.Write(date?.Date);
        writer.Write(date?.Precision switch
        {
            null => null,
            DatePrecision.Day => "day",
            DatePrecision.Month => "month",
            _ => "year",
        });
    }
}
