using Casualties.Domain.Model;

namespace Casualties.Reports.Model;

/// <summary>
/// One incident of the report with its figures per victim group (headline group first) and the incidents inside it.
/// <see cref="Low"/>, <see cref="Best"/>, <see cref="High"/> and the consensus are the headline group's
/// (v_incidents); <see cref="ConsensusHigh"/> null means unbounded. <see cref="ContainedIn"/> is the incident this one lies inside.
/// </summary>
public sealed record ReportIncident(
    long Id, string Kind, string Outcome, string? Place, string? PlaceKey, string? Country,
    PartialDate? Start, PartialDate? End, string? PerpetratorSide, string? Victims,
    int Low, int Best, int High, bool HasConsensus, int? ConsensusLow, int? ConsensusHigh,
    int SourceCount, int ClaimCount, int FlagCount, long? ContainedIn,
    IReadOnlyList<long> Contains, IReadOnlyList<ReportFigure> Figures);

/// <summary>
/// Reconciled figures of one incident and victim group (v_incident_figures): the reported range, the best value,
/// the consensus (null bounds when there is none; <see cref="ConsensusHigh"/> null with a consensus = unbounded),
/// each source's latest word and the earlier words it superseded.
/// </summary>
public sealed record ReportFigure(
    string Victims, string? VictimSide, bool Headline, int Low, int Best, int High,
    bool HasConsensus, int? ConsensusLow, int? ConsensusHigh, int SourceCount,
    IReadOnlyList<ReportSourceFigure> Sources, IReadOnlyList<ReportSourceFigure> Superseded);

/// <summary>
/// One source's own figure in an incident (v_incident_sources): as stated (<see cref="Qualifier"/>, <see cref="Value"/>)
/// and as bounds (<see cref="High"/> null = unbounded above), with the quote and document it was read from and
/// the rule that put it in the incident. <see cref="Best"/> is a dataset's own best estimate, null when it gives none.
/// </summary>
public sealed record ReportSourceFigure(
    long ClaimId, string? Source, string Qualifier, int? Value, int Low, int? High, DateOnly Reported,
    bool Superseded, string? Quote, string? Document, string? Rule, int? Best = null);
