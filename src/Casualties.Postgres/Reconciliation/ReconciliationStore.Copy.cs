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
            consensus_low, consensus_high, source_count, claim_count, contained_in_key, place_name) FROM STDIN (FORMAT BINARY)
        """;

    const string CopyMembersSql = "COPY incident_members (incident_id, claim_id, victims, victim_side, rule, superseded) FROM STDIN (FORMAT BINARY)";

    const string CopyFiguresSql = """
        COPY incident_figures (incident_id, victims, victim_side, headline, low, best, high, has_consensus, consensus_low,
            consensus_high, source_count) FROM STDIN (FORMAT BINARY)
        """;

    const string CopyTotalsSql = """
        COPY side_totals (valid_from_run, fingerprint, partition_country, perpetrator_side, outcome, victims, victim_side, place_key,
            period, period_start, period_end, low, best, high, method, incident_count) FROM STDIN (FORMAT BINARY)
        """;

    const string CopyFlagsSql = """
        COPY flags (valid_from_run, fingerprint, partition_country, outcome, kind, severity, incident_key, place_key, claim_ids,
            sources, explanation) FROM STDIN (FORMAT BINARY)
        """;

    /// <summary>Reserves <paramref name="count"/> consecutive incident ids (the caller holds the reconcile lock).</summary>
    const string ReserveIdsSql = "SELECT setval('incident_ids', nextval('incident_ids') + $1 - 1)";

    private static async Task WriteIncidents(NpgsqlConnection conn, NpgsqlTransaction tx, long runId,
        List<(Incident Row, string Country, long Fingerprint)> incidents, CancellationToken ct, PhaseTimes? phases)
    {
        if (incidents.Count == 0) return;
        await using var reserve = new NpgsqlCommand(ReserveIdsSql, conn, tx);
        reserve.Parameters.Add(new NpgsqlParameter<long> { TypedValue = incidents.Count });
        var lastId = (long)(await reserve.ExecuteScalarAsync(ct))!;
        var firstId = lastId - incidents.Count + 1;

        await using (var writer = await BinaryCopyWriter.Begin(conn, CopyIncidentsSql, ct))
        {
            var id = firstId;
            foreach (var (incident, country, fingerprint) in incidents)
            {
                var headline = incident.Headline!;
                writer.StartRow(24);
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
                await writer.EndRow(ct);
            }
            await writer.Complete(ct);
        }
        phases?.Lap("store: incidents");

        await using (var writer = await BinaryCopyWriter.Begin(conn, CopyMembersSql, ct))
        {
            var id = firstId;
            foreach (var (incident, _, _) in incidents)
            {
                foreach (var member in incident.Members)
                {
                    writer.StartRow(6);
                    writer.Write(id);
                    writer.Write(member.ClaimId);
                    writer.Write(member.Victims);
                    writer.Write(member.VictimSide);
                    writer.Write(member.Rule);
                    writer.Write(member.Superseded);
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
            foreach (var (incident, _, _) in incidents)
            {
                foreach (var figure in incident.Figures)
                {
                    writer.StartRow(11);
                    writer.Write(id);
                    writer.Write(figure.Victims);
                    writer.Write(figure.VictimSide);
                    writer.Write(figure.Headline);
                    WriteFigures(writer, figure);
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
        await using var writer = await BinaryCopyWriter.Begin(conn, CopyTotalsSql, ct);
        foreach (var (total, country, fingerprint) in totals)
        {
            writer.StartRow(16);
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
            await writer.EndRow(ct);
        }
        await writer.Complete(ct);
    }

    private static async Task WriteFlags(NpgsqlConnection conn, NpgsqlTransaction tx, long runId, Outcome outcome,
        List<(ConflictFlag Row, string Country, long Fingerprint)> flags, CancellationToken ct)
    {
        if (flags.Count == 0) return;
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
        }
        await writer.CompleteAsync(ct);
    }

    // Flag rows (few) carry arrays: written with Npgsql's importer, synchronously (per-field async calls cost more than the COPY).
    private static void WriteText(NpgsqlBinaryImporter writer, string? value)
    {
        if (value is null) writer.WriteNull(); else writer.Write(value, NpgsqlDbType.Text);
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
