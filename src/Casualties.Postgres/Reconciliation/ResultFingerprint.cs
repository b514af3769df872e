using System.Globalization;
using Casualties.Domain.Model;
using Casualties.Domain.Reconciliation;

namespace Casualties.Postgres.Reconciliation;

/// <summary>
/// A 64-bit digest of everything a stored result row says, so a run rewrites only the rows whose content changed.
/// </summary>
/// <remarks>
/// The digest is FNV-1a over the UTF-16 code units of a text of the row's fields ("key|country|kind|..."), fed to
/// the hash piece by piece rather than built as a string: the values are those stored by earlier versions, which
/// built the text, so upgrading rewrites nothing.
/// </remarks>
internal static class ResultFingerprint
{
    public static long Of(Incident incident, string country)
    {
        var hash = new Fnv()
            .Add(incident.Key).Add('|').Add(country).Add('|').Add(incident.Kind.ToName()).Add('|')
            .Add(incident.Outcome.ToName()).Add('|').Add(incident.PlaceKey).Add('|').Add(incident.Start)
            .Add('|').Add(incident.End).Add('|').Add(incident.PerpetratorSide).Add('|').Add(incident.ContainedIn);
        foreach (var f in incident.Figures)
        {
            hash.Add("|f:").Add(f.Victims).Add(',').Add(f.VictimSide).Add(',').Add(f.Headline).Add(',')
                .Add(f.Low, null).Add(',').Add(f.Best, null).Add(',').Add(f.High, null).Add(',').Add(f.HasConsensus).Add(',')
                .Add(f.ConsensusLow).Add(',').Add(f.ConsensusHigh).Add(',').Add(f.Sources.Count, null);
        }
        foreach (var m in incident.Members)
        {
            hash.Add("|m:").Add(m.ClaimId, null).Add(',').Add(m.Rule).Add(',').Add(m.Superseded);
        }
        // Only for a place known by name, so that the digests of all other incidents stay as stored.
        if (incident.PlaceName is { } placeName) hash.Add("|n:").Add(placeName);
        return hash.Value;
    }

    public static long Of(SideTotal t, string country)
    {
        var invariant = CultureInfo.InvariantCulture;
        return new Fnv().Add(country).Add('|').Add(t.PerpetratorSide).Add('|').Add(t.Outcome.ToName()).Add('|').Add(t.Victims).Add('|')
            .Add(t.VictimSide).Add('|').Add(t.PlaceKey).Add('|').Add(t.Period.ToName()).Add('|').Add(t.Start).Add('|')
            .Add(t.Low, invariant).Add('|').Add(t.Best, invariant).Add('|').Add(t.High, invariant).Add('|')
            .Add(t.Method.ToName()).Add('|').Add(t.Incidents, invariant).Value;
    }

    public static long Of(ConflictFlag f, Outcome outcome, string country) => new Fnv().Add(string.Join('|',
        country, outcome.ToName(), f.Kind.ToName(), f.Severity.ToName(), f.IncidentKey, f.PlaceKey,
        string.Join(',', f.ClaimIds), string.Join('\u0001', f.Sources), f.Explanation)).Value;

    /// <summary>
    /// FNV-1a over UTF-16 code units, low byte first: stable across processes (unlike string.GetHashCode) and cheap.
    /// Values are written as StringBuilder.Append writes them (null as nothing, numbers and booleans by ToString).
    /// </summary>
    private sealed class Fnv
    {
        private const ulong Prime = 1099511628211UL;
        private ulong hash = 14695981039346656037UL;

        public long Value => unchecked((long)hash);

        public Fnv Add(char c)
        {
            hash = (hash ^ (byte)c) * Prime;
            hash = (hash ^ (byte)(c >> 8)) * Prime;
            return this;
        }

        public Fnv Add(ReadOnlySpan<char> text)
        {
            var h = hash;
            foreach (var c in text)
            {
                h = (h ^ (byte)c) * Prime;
                h = (h ^ (byte)(c >> 8)) * Prime;
            }
            hash = h;
            return this;
        }

        public Fnv Add(string? text) => Add(text.AsSpan());

        public Fnv Add(bool value) => Add(value ? bool.TrueString : bool.FalseString);

        public Fnv Add(long value, IFormatProvider? provider)
        {
            Span<char> digits = stackalloc char[24];
            value.TryFormat(digits, out var written, default, provider);
            return Add(digits[..written]);
        }

        public Fnv Add(int? value) => value is { } v ? Add(v, null) : this;

        public Fnv Add(PartialDate? date)
        {
            if (date is not { } d) return this;
            Span<char> text = stackalloc char[16];
            var format = d.Precision switch
            {
                DatePrecision.Day => "yyyy-MM-dd",
                DatePrecision.Month => "yyyy-MM",
                _ => "yyyy",
            };
            d.Date.TryFormat(text, out var written, format, CultureInfo.InvariantCulture);
            return Add(text[..written]);
        }
    }
}
