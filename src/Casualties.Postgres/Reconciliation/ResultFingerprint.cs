using System.Globalization;
using System.Text;
using Casualties.Domain.Model;
using Casualties.Domain.Reconciliation;

namespace Casualties.Postgres.Reconciliation;

/// <summary>
/// A 64-bit digest of everything a stored result row says, so a run rewrites only the rows whose content changed.
/// </summary>
internal static class ResultFingerprint
{
    public static long Of(Incident incident, string country)
    {
        var text = new StringBuilder(256)
            .Append(incident.Key).Append('|').Append(country).Append('|').Append(incident.Kind.ToName()).Append('|')
            .Append(incident.Outcome.ToName()).Append('|').Append(incident.PlaceKey).Append('|').Append(incident.Start)
            .Append('|').Append(incident.End).Append('|').Append(incident.PerpetratorSide).Append('|').Append(incident.ContainedIn);
        foreach (var f in incident.Figures)
        {
            text.Append("|f:").Append(f.Victims).Append(',').Append(f.VictimSide).Append(',').Append(f.Headline).Append(',')
                .Append(f.Low).Append(',').Append(f.Best).Append(',').Append(f.High).Append(',').Append(f.HasConsensus).Append(',')
                .Append(f.ConsensusLow).Append(',').Append(f.ConsensusHigh).Append(',').Append(f.Sources.Count);
        }
        foreach (var m in incident.Members)
        {
            text.Append("|m:").Append(m.ClaimId).Append(',').Append(m.Rule).Append(',').Append(m.Superseded);
        }
        return Hash(text.ToString());
    }

    public static long Of(SideTotal t, string country) => Hash(string.Join('|',
        country, t.PerpetratorSide, t.Outcome.ToName(), t.Victims, t.VictimSide, t.PlaceKey, t.Period.ToName(), t.Start?.ToString(),
        t.Low.ToString(CultureInfo.InvariantCulture), t.Best.ToString(CultureInfo.InvariantCulture),
        t.High.ToString(CultureInfo.InvariantCulture), t.Method.ToName(), t.Incidents.ToString(CultureInfo.InvariantCulture)));

    public static long Of(ConflictFlag f, Outcome outcome, string country) => Hash(string.Join('|',
        country, outcome.ToName(), f.Kind.ToName(), f.Severity.ToName(), f.IncidentKey, f.PlaceKey,
        string.Join(',', f.ClaimIds), string.Join('\u0001', f.Sources), f.Explanation));

    /// <summary>FNV-1a over the UTF-16 code units: stable across processes (unlike string.GetHashCode) and cheap.</summary>
    private static long Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ (byte)c) * 1099511628211UL;
            hash = (hash ^ (byte)(c >> 8)) * 1099511628211UL;
        }
        return unchecked((long)hash);
    }
}
