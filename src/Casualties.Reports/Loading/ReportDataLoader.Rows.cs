using System.Data;
using System.Runtime.CompilerServices;
using Casualties.Domain.Model;
using Casualties.Reports.Model;
using Dapper;
using Npgsql;

namespace Casualties.Reports.Loading;

/// <summary>
/// The rows the loader's queries return, mapped by Dapper: positional records whose parameters are the SELECT's columns
/// in order and type, by name (snake_case columns, <c>DefaultTypeMap.MatchNamesWithUnderscores</c>). The commands keep
/// their typed Npgsql parameters (a null place filter is a null text[]); only the reading is Dapper's. An array column
/// is an <see cref="Array"/> parameter: Npgsql reports its field type as <see cref="Array"/> (its values are
/// <c>long[]</c> and <c>string[]</c>), and Dapper binds a constructor only to the field types the reader reports.
/// </summary>
public sealed partial class ReportDataLoader
{
    /// <summary>The rows of <paramref name="cmd"/> as <typeparamref name="T"/>, streamed.</summary>
    private static async IAsyncEnumerable<T> Rows<T>(NpgsqlCommand cmd, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var reader = await cmd.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        var parse = reader.GetRowParser<T>();
        while (await reader.ReadAsync(ct)) yield return parse(reader);
    }

    /// <summary>The one row of <paramref name="cmd"/>.</summary>
    private static async Task<T> Single<T>(NpgsqlCommand cmd, CancellationToken ct) =>
        await Rows<T>(cmd, ct).SingleAsync(ct);

    private sealed record PlaceScopeRow(Array? Names, Array? Keys)
    {
        public string[] PlaceNames => (string[]?)Names ?? [];

        public string[] PlaceKeys => (string[]?)Keys ?? [];
    }

    private sealed record SideNameRow(string Side, string Name);

    /// <summary>v_reconciliation_runs; timestamptz columns read as UTC <see cref="DateTime"/>s.</summary>
    private sealed record RunRow(long RunId, DateTime StartedAt, DateTime? FinishedAt, string Mode, int Claims, int Incidents, int Flags)
    {
        public ReportRun ToRun() => new(RunId, new DateTimeOffset(StartedAt), FinishedAt is { } finished ? new DateTimeOffset(finished) : null,
            Mode, Claims, Incidents, Flags);
    }

    /// <summary>A flag of v_flags or flag_changes, with its incident's country where the query gives it.</summary>
    private sealed record FlagRow(
        long FlagId, string Kind, string Severity, long? IncidentId, string? Place, Array? ClaimIds, Array? Sources,
        string? Explanation, string? Country)
    {
        /// <summary>A flag row without the country column.</summary>
        public FlagRow(long flagId, string kind, string severity, long? incidentId, string? place, Array? claimIds, Array? sources,
            string? explanation)
            : this(flagId, kind, severity, incidentId, place, claimIds, sources, explanation, null)
        {
        }

        public ReportFlag ToFlag() =>
            new(FlagId, Kind, Severity, IncidentId, Place, (long[]?)ClaimIds ?? [], (string[]?)Sources ?? [], Explanation ?? "")
            {
                Country = Country,
            };
    }

    private sealed record SelectionRow(long IncidentId, string? Country, bool Flagged, bool TopFlagged, bool TopLargest, bool TopDisputed, bool TopChanged)
    {
        public SelectionReason Reason =>
            (TopFlagged ? SelectionReason.Flagged : 0) | (TopLargest ? SelectionReason.Largest : 0)
            | (TopDisputed ? SelectionReason.Disputed : 0) | (TopChanged ? SelectionReason.RecentlyChanged : 0);
    }

    private sealed record CountryCountRow(string? Country, int Incidents, int Flagged);

    private sealed record IncidentChangeRow(string IncidentKey, string Status, long? BeforeId, long? AfterId);

    private sealed record FlagChangeRow(
        string Status, long FlagId, string Kind, string Severity, long? IncidentId, string? Name, Array? ClaimIds, Array? Sources,
        string? Explanation, string? Country)
    {
        public FlagChange ToChange() =>
            new(Status, new FlagRow(FlagId, Kind, Severity, IncidentId, Name, ClaimIds, Sources, Explanation, Country).ToFlag());
    }

    /// <summary>A total's change: the total's keys, then its figures before and after (all null on the side where it does not exist).</summary>
    private sealed record TotalChangeRow(
        string Status, string? PerpetratorSide, string Outcome, string Victims, string? VictimSide, string? Name, string? PlaceKey,
        int? Depth, string Period, DateOnly? PeriodStart, DateOnly? PeriodEnd,
        long? BeforeLow, long? BeforeBest, long? BeforeHigh, string? BeforeMethod, int? BeforeIncidents,
        long? AfterLow, long? AfterBest, long? AfterHigh, string? AfterMethod, int? AfterIncidents)
    {
        public TotalChange ToChange() => new(Status,
            Total(BeforeLow, BeforeBest, BeforeHigh, BeforeMethod, BeforeIncidents), Total(AfterLow, AfterBest, AfterHigh, AfterMethod, AfterIncidents));

        private ReportTotal? Total(long? low, long? best, long? high, string? method, int? incidents) => low is { } l
            ? new ReportTotal(PerpetratorSide, Outcome, Victims, VictimSide, Name, PlaceKey, Depth, Period, PeriodStart, PeriodEnd,
                l, best!.Value, high!.Value, method!, incidents!.Value)
            : null;
    }

    /// <summary>The incident's columns (0–22) of an incident × figure × source row, named as incident_versions names them.</summary>
    private sealed record IncidentRow(
        long IncidentId, string Kind, string Outcome, string? Place, string? PlaceKey, string? Country,
        DateOnly? StartDate, string? StartPrecision, DateOnly? EndDate, string? EndPrecision, string? PerpetratorSide, string? Victims,
        int Low, int Best, int High, bool HasConsensus, int? ConsensusLow, int? ConsensusHigh,
        int SourceCount, int ClaimCount, int FlagCount, long? ContainedIn, Array? Contains)
    {
        public const int Columns = 23;

        public ReportIncident ToIncident() => new(
            IncidentId, Kind, Outcome, Place, PlaceKey, Country, Partial(StartDate, StartPrecision), Partial(EndDate, EndPrecision),
            PerpetratorSide, Victims, Low, Best, High, HasConsensus, ConsensusLow, ConsensusHigh, SourceCount, ClaimCount, FlagCount,
            ContainedIn, (long[]?)Contains ?? [], []);

        /// <summary>A date column with its precision column ('day', 'month', 'year') as a partial date.</summary>
        private static PartialDate? Partial(DateOnly? date, string? precision) => date is { } d
            ? new PartialDate(d, precision switch { "month" => DatePrecision.Month, "year" => DatePrecision.Year, _ => DatePrecision.Day })
            : null;
    }

    /// <summary>The figure's columns (23–32); null for an incident without figures.</summary>
    private sealed record FigureRow(
        string FigureVictims, string? FigureVictimSide, bool Headline, int FigureLow, int FigureBest, int FigureHigh,
        bool FigureHasConsensus, int? FigureConsensusLow, int? FigureConsensusHigh, int FigureSourceCount)
    {
        public const int Columns = 10;

        public ReportFigure ToFigure() => new(FigureVictims, FigureVictimSide, Headline, FigureLow, FigureBest, FigureHigh,
            FigureHasConsensus, FigureConsensusLow, FigureConsensusHigh, FigureSourceCount, [], []);
    }

    /// <summary>
    /// The source's columns (33–44); null for a figure without sources. The queries give a source row only for a claim
    /// still stored (v_incident_sources, and incident_versions since migration 0025 leave out an earlier version's
    /// members whose claims were deleted since), so <see cref="Qualifier"/> is never null; if a query gave such a row,
    /// it fails rather than map the other missing columns to zeros.
    /// </summary>
    private sealed record SourceRow(
        long ClaimId, string? Source, string? Qualifier, int? Value, int SourceLow, int? SourceHigh, DateOnly Reported,
        bool Superseded, string? Quote, string? Document, string? Rule, int? SourceBest)
    {
        public const int Columns = 12;

        public ReportSourceFigure ToSource() => new(
            ClaimId, Source, Qualifier ?? throw new InvalidCastException($"Column 'qualifier' is null: claim {ClaimId} is no longer stored."),
            Value, SourceLow, SourceHigh, Reported, Superseded, Quote, Document, Rule, SourceBest);
    }
}
