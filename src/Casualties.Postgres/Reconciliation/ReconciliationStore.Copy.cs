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
            consensus_low, consensus_high, source_count, claim_count, contained_in_key) FROM STDIN (FORMAT BINARY)
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
        List<(Incident Row, string Country, long Fingerprint)> incidents, CancellationToken ct)
    {
        if (incidents.Count == 0) return;
        await using var reserve = new NpgsqlCommand(ReserveIdsSql, conn, tx);
        reserve.Parameters.Add(new NpgsqlParameter<long> { TypedValue = incidents.Count });
        var lastId = (long)(await reserve.ExecuteScalarAsync(ct))!;
        var firstId = lastId - incidents.Count + 1;

        await using (var writer = await conn.BeginBinaryImportAsync(CopyIncidentsSql, ct))
        {
            var id = firstId;
            foreach (var (incident, country, fingerprint) in incidents)
            {
                var headline = incident.Headline!;
                writer.StartRow();
                writer.Write(id++, NpgsqlDbType.Bigint);
                writer.Write(incident.Key, NpgsqlDbType.Text);
                writer.Write(runId, NpgsqlDbType.Bigint);
                writer.Write(fingerprint, NpgsqlDbType.Bigint);
                writer.Write(country, NpgsqlDbType.Text);
                writer.Write(incident.Kind.ToName(), NpgsqlDbType.Text);
                writer.Write(incident.Outcome.ToName(), NpgsqlDbType.Text);
                WriteText(writer, incident.PlaceKey);
                WriteDate(writer, incident.Start);
                WriteDate(writer, incident.End);
                WriteText(writer, incident.PerpetratorSide);
                writer.Write(headline.Victims, NpgsqlDbType.Text);
                writer.Write(headline.Low, NpgsqlDbType.Integer);
                writer.Write(headline.Best, NpgsqlDbType.Integer);
                writer.Write(headline.High, NpgsqlDbType.Integer);
                writer.Write(headline.HasConsensus, NpgsqlDbType.Boolean);
                WriteInt(writer, headline.ConsensusLow);
                WriteInt(writer, headline.ConsensusHigh);
                writer.Write(headline.Sources.Count, NpgsqlDbType.Integer);
                writer.Write(incident.Members.Count, NpgsqlDbType.Integer);
                WriteText(writer, incident.ContainedIn);
            }
            await writer.CompleteAsync(ct);
        }

        await using (var writer = await conn.BeginBinaryImportAsync(CopyMembersSql, ct))
        {
            var id = firstId;
            foreach (var (incident, _, _) in incidents)
            {
                foreach (var member in incident.Members)
                {
                    writer.StartRow();
                    writer.Write(id, NpgsqlDbType.Bigint);
                    writer.Write(member.ClaimId, NpgsqlDbType.Bigint);
                    writer.Write(member.Victims, NpgsqlDbType.Text);
                    WriteText(writer, member.VictimSide);
                    writer.Write(member.Rule, NpgsqlDbType.Text);
                    writer.Write(member.Superseded, NpgsqlDbType.Boolean);
                }
                id++;
            }
            await writer.CompleteAsync(ct);
        }

        await using (var writer = await conn.BeginBinaryImportAsync(CopyFiguresSql, ct))
        {
            var id = firstId;
            foreach (var (incident, _, _) in incidents)
            {
                foreach (var figure in incident.Figures)
                {
                    writer.StartRow();
                    writer.Write(id, NpgsqlDbType.Bigint);
                    writer.Write(figure.Victims, NpgsqlDbType.Text);
                    WriteText(writer, figure.VictimSide);
                    writer.Write(figure.Headline, NpgsqlDbType.Boolean);
                    writer.Write(figure.Low, NpgsqlDbType.Integer);
                    writer.Write(figure.Best, NpgsqlDbType.Integer);
                    writer.Write(figure.High, NpgsqlDbType.Integer);
                    writer.Write(figure.HasConsensus, NpgsqlDbType.Boolean);
                    WriteInt(writer, figure.ConsensusLow);
                    WriteInt(writer, figure.ConsensusHigh);
                    writer.Write(figure.Sources.Count, NpgsqlDbType.Integer);
                }
                id++;
            }
            await writer.CompleteAsync(ct);
        }
    }

    private static async Task WriteTotals(NpgsqlConnection conn, NpgsqlTransaction tx, long runId,
        List<(SideTotal Row, string Country, long Fingerprint)> totals, CancellationToken ct)
    {
        if (totals.Count == 0) return;
        await using var writer = await conn.BeginBinaryImportAsync(CopyTotalsSql, ct);
        foreach (var (total, country, fingerprint) in totals)
        {
            writer.StartRow();
            writer.Write(runId, NpgsqlDbType.Bigint);
            writer.Write(fingerprint, NpgsqlDbType.Bigint);
            writer.Write(country, NpgsqlDbType.Text);
            WriteText(writer, total.PerpetratorSide);
            writer.Write(total.Outcome.ToName(), NpgsqlDbType.Text);
            writer.Write(total.Victims, NpgsqlDbType.Text);
            WriteText(writer, total.VictimSide);
            WriteText(writer, total.PlaceKey);
            writer.Write(total.Period.ToName(), NpgsqlDbType.Text);
            if (total.Start is { } start) writer.Write(start.First, NpgsqlDbType.Date); else writer.WriteNull();
            if (total.End is { } end) writer.Write(end.Last, NpgsqlDbType.Date); else writer.WriteNull();
            writer.Write(total.Low, NpgsqlDbType.Bigint);
            writer.Write(total.Best, NpgsqlDbType.Bigint);
            writer.Write(total.High, NpgsqlDbType.Bigint);
            writer.Write(total.Method.ToName(), NpgsqlDbType.Text);
            writer.Write(total.Incidents, NpgsqlDbType.Integer);
        }
        await writer.CompleteAsync(ct);
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

    // Rows are written with the synchronous Write: per-field async calls cost more than the COPY itself.
    private static void WriteText(NpgsqlBinaryImporter writer, string? value)
    {
        if (value is null) writer.WriteNull(); else writer.Write(value, NpgsqlDbType.Text);
    }

    private static void WriteInt(NpgsqlBinaryImporter writer, int? value)
    {
        if (value is { } v) writer.Write(v, NpgsqlDbType.Integer); else writer.WriteNull();
    }

    private static void WriteDate(NpgsqlBinaryImporter writer, PartialDate? date)
    {
        if (date is not { } d)
        {
            writer.WriteNull();
            writer.WriteNull();
            return;
        }
        writer.Write(d.Date, NpgsqlDbType.Date);
        writer.Write(d.Precision.ToString().ToLowerInvariant(), NpgsqlDbType.Text);
    }
}
