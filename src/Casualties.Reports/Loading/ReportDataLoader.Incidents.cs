using System.Runtime.CompilerServices;
using Casualties.Reports.Model;
using Npgsql;

namespace Casualties.Reports.Loading;

/// <summary>
/// Incidents stream as one ordered query of incident × figure × source rows, grouped here as they arrive:
/// memory holds one incident at a time, however many there are.
/// </summary>
public sealed partial class ReportDataLoader
{
    const string IncidentRowsSql = """
        , contained AS (
            SELECT contained_in, array_agg(incident_id ORDER BY incident_id) AS ids
            FROM v_incidents WHERE contained_in IS NOT NULL GROUP BY contained_in)
        SELECT i.incident_id, i.kind, i.outcome, i.place, i.place_key, i.country,
               i.start_date, i.start_precision, i.end_date, i.end_precision, i.perpetrator_side, i.victims,
               i.low, i.best, i.high, i.has_consensus, i.consensus_low, i.consensus_high,
               i.source_count, i.claim_count, i.flag_count, i.contained_in, contained.ids,
               f.victims, f.victim_side, f.headline, f.low, f.best, f.high, f.has_consensus, f.consensus_low,
               f.consensus_high, f.source_count,
               s.claim_id, s.source, s.qualifier, s.value, s.low, s.high, s.reported, s.superseded, s.quote, s.document, s.rule,
               s.best
        FROM picked i
        LEFT JOIN contained ON contained.contained_in = i.incident_id
        LEFT JOIN v_incident_figures f ON f.incident_id = i.incident_id
        LEFT JOIN v_incident_sources s
               ON s.incident_id = f.incident_id AND s.victims = f.victims AND s.victim_side IS NOT DISTINCT FROM f.victim_side
        ORDER BY {0} i.start_date NULLS LAST, i.incident_id, f.headline DESC, f.victims, f.victim_side NULLS FIRST,
                 s.superseded, s.source NULLS LAST, s.reported, s.claim_id
        """;

    /// <summary>The incidents of the filter (all of them, by start date), or only <paramref name="ids"/> by country then start date.</summary>
    private async IAsyncEnumerable<ReportIncident> StreamIncidents(Scope scope, long[]? ids = null, bool byCountry = false,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var picked = ids is null ? ", picked AS (SELECT * FROM chosen)" : ", picked AS (SELECT * FROM chosen WHERE incident_id = ANY(@Ids))";
        var sql = $"WITH {ChosenIncidentsCte}{picked} {string.Format(IncidentRowsSql, byCountry ? "i.country NULLS LAST," : "")}";
        await using var cmd = Command(sql, scope, conn);
        if (ids is not null) cmd.Parameters.Add(new NpgsqlParameter("Ids", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Bigint) { Value = ids });
        await foreach (var incident in ReadIncidents(cmd, ct)) yield return incident;
    }

    /// <summary>Groups rows of (incident, figure, source) columns, ordered by incident, into incidents.</summary>
    private static async IAsyncEnumerable<ReportIncident> ReadIncidents(NpgsqlCommand cmd, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var r = await cmd.ExecuteReaderAsync(ct);
        IncidentBuilder? current = null;
        while (await r.ReadAsync(ct))
        {
            var id = r.GetInt64(0);
            if (current is not null && current.Id != id)
            {
                yield return current.Build();
                current = null;
            }
            current ??= new IncidentBuilder(r);
            current.Add(r);
        }
        if (current is not null) yield return current.Build();
    }

    /// <summary>Collects the rows of one incident: a figure per victim group, its sources and superseded words.</summary>
    private sealed class IncidentBuilder
    {
        private readonly ReportIncident incident;
        private readonly List<ReportFigure> figures = [];
        private FigureBuilder? figure;

        public IncidentBuilder(NpgsqlDataReader r)
        {
            incident = new ReportIncident(r.GetInt64(0), r.GetString(1), r.GetString(2), r.Text(3), r.Text(4), r.Text(5),
                r.PartialDate(6, 7), r.PartialDate(8, 9), r.Text(10), r.Text(11),
                r.GetInt32(12), r.GetInt32(13), r.GetInt32(14), r.GetBoolean(15), r.Int(16), r.Int(17),
                r.GetInt32(18), r.GetInt32(19), r.GetInt32(20), r.Long(21), r.Array<long>(22), []);
        }

        public long Id => incident.Id;

        public void Add(NpgsqlDataReader r)
        {
            if (r.IsDBNull(23)) return; // an incident without figures
            var victims = r.GetString(23);
            var victimSide = r.Text(24);
            if (figure is null || figure.Victims != victims || figure.VictimSide != victimSide)
            {
                if (figure is not null) figures.Add(figure.Build());
                figure = new FigureBuilder(new ReportFigure(victims, victimSide, r.GetBoolean(25), r.GetInt32(26), r.GetInt32(27),
                    r.GetInt32(28), r.GetBoolean(29), r.Int(30), r.Int(31), r.GetInt32(32), [], []));
            }
            if (r.IsDBNull(33)) return; // a figure without sources
            var source = new ReportSourceFigure(r.GetInt64(33), r.Text(34), r.GetString(35), r.Int(36), r.GetInt32(37), r.Int(38),
                r.GetFieldValue<DateOnly>(39), r.GetBoolean(40), r.Text(41), r.Text(42), r.Text(43), r.Int(44));
            (source.Superseded ? figure.Superseded : figure.Sources).Add(source);
        }

        public ReportIncident Build()
        {
            if (figure is not null) figures.Add(figure.Build());
            return incident with { Figures = figures };
        }
    }

    private sealed class FigureBuilder(ReportFigure figure)
    {
        public string Victims => figure.Victims;
        public string? VictimSide => figure.VictimSide;
        public List<ReportSourceFigure> Sources { get; } = [];
        public List<ReportSourceFigure> Superseded { get; } = [];

        public ReportFigure Build() => figure with { Sources = Sources, Superseded = Superseded };
    }
}
