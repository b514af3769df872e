using System.Runtime.CompilerServices;
using Casualties.Reports.Model;
using Dapper;
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
               i.source_count, i.claim_count, i.flag_count, i.contained_in, contained.ids AS contains,
               f.victims AS figure_victims, f.victim_side AS figure_victim_side, f.headline, f.low AS figure_low,
               f.best AS figure_best, f.high AS figure_high, f.has_consensus AS figure_has_consensus,
               f.consensus_low AS figure_consensus_low, f.consensus_high AS figure_consensus_high,
               f.source_count AS figure_source_count,
               s.claim_id, s.source, s.qualifier, s.value, s.low AS source_low, s.high AS source_high, s.reported, s.superseded,
               s.quote, s.document, s.rule, s.best AS source_best
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

    /// <summary>
    /// Groups rows of (incident, figure, source) columns, ordered by incident, into incidents: each part of a row is
    /// mapped onto its row record by Dapper, the incident's only when the row starts a new one.
    /// </summary>
    private static async IAsyncEnumerable<ReportIncident> ReadIncidents(NpgsqlCommand cmd, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var incidentRow = reader.GetRowParser<IncidentRow>(startIndex: 0, length: IncidentRow.Columns);
        var figureRow = reader.GetRowParser<FigureRow?>(
            startIndex: IncidentRow.Columns, length: FigureRow.Columns, returnNullIfFirstMissing: true);
        var sourceRow = reader.GetRowParser<SourceRow?>(
            startIndex: IncidentRow.Columns + FigureRow.Columns, length: SourceRow.Columns, returnNullIfFirstMissing: true);
        IncidentBuilder? current = null;
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetInt64(0);
            if (current is not null && current.Id != id)
            {
                yield return current.Build();
                current = null;
            }
            current ??= new IncidentBuilder(incidentRow(reader).ToIncident());
            if (figureRow(reader) is { } figure) current.Add(figure, sourceRow(reader));
        }
        if (current is not null) yield return current.Build();
    }

    /// <summary>Collects the rows of one incident: a figure per victim group, its sources and superseded words.</summary>
    private sealed class IncidentBuilder(ReportIncident incident)
    {
        private readonly List<ReportFigure> figures = [];
        private FigureBuilder? figure;

        public long Id => incident.Id;

        /// <summary>A row of <paramref name="row"/>'s figure, with one of its sources (null: a figure without sources).</summary>
        public void Add(FigureRow row, SourceRow? source)
        {
            if (figure is null || figure.Victims != row.FigureVictims || figure.VictimSide != row.FigureVictimSide)
            {
                if (figure is not null) figures.Add(figure.Build());
                figure = new FigureBuilder(row.ToFigure());
            }
            if (source is null) return;
            (source.Superseded ? figure.Superseded : figure.Sources).Add(source.ToSource());
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
