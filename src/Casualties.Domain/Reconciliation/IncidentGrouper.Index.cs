namespace Casualties.Domain.Reconciliation;

internal sealed partial class IncidentGrouper
{
    /// <summary>Where an event draft is indexed: region, the datasets whose event ids it holds, whether it has coordinates.</summary>
    /// <remarks><see cref="EventKeys"/> counts the event ids registered by key so far.</remarks>
    private readonly record struct EventIndexEntry(string Region, string[] Signature, bool Coordinates, int EventKeys);

    /// <summary>The drafts of one place bucket that hold event ids of the same datasets.</summary>
    private sealed class SignatureGroup(string[] datasets)
    {
        public string[] Datasets { get; } = datasets;
        public HashSet<IncidentDraft> Drafts { get; } = new(ReferenceEqualityComparer.Instance);
    }

    /// <summary>
    /// The events of one day: by region and, those with coordinates, by a grid cell of a tenth of a degree, each split
    /// by the datasets whose event ids they hold. A claim of a dataset never meets the events holding another event id
    /// of that dataset, so in a city a dataset reports hundreds of events a day, each row meets the few it may join.
    /// </summary>
    private sealed class DayEvents
    {
        private const double CellDegrees = 0.1;
        private const double EarthRadiusKm = 6371.0088;

        private readonly Dictionary<string, List<SignatureGroup>> byRegion = new(StringComparer.Ordinal);
        private readonly Dictionary<(int, int), List<SignatureGroup>> byCell = [];

        public void Add(IncidentDraft draft, EventIndexEntry entry)
        {
            Group(byRegion, entry.Region, entry.Signature).Drafts.Add(draft);
            if (entry.Coordinates) Group(byCell, CellOf(draft.Latitude!.Value, draft.Longitude!.Value), entry.Signature).Drafts.Add(draft);
        }

        public void Remove(IncidentDraft draft, EventIndexEntry entry)
        {
            Group(byRegion, entry.Region, entry.Signature).Drafts.Remove(draft);
            if (entry.Coordinates) Group(byCell, CellOf(draft.Latitude!.Value, draft.Longitude!.Value), entry.Signature).Drafts.Remove(draft);
        }

        /// <summary>
        /// Adds the events a claim may fit by place (its region) or by distance (the cells within
        /// <paramref name="coordinateKm"/> of its coordinates), leaving out those holding another event id of its dataset.
        /// </summary>
        public void AddCandidates(HashSet<IncidentDraft> found, string region, string? dataset, double? latitude, double? longitude, double coordinateKm)
        {
            if (byRegion.TryGetValue(region, out var groups)) AddOpen(found, groups, dataset);
            if (latitude is not { } lat || longitude is not { } lon || byCell.Count == 0) return;
            // A point within d km lies within d/R radians of latitude, and (haversine) within 2·asin(sin(d/2R)/c) of
            // longitude, c the least cosine of latitude in that band; with a margin. Near a pole or the date line, all.
            var dLat = coordinateKm / EarthRadiusKm * 180 / Math.PI * 1.01;
            var c = Math.Cos(Math.Min(90, Math.Abs(lat) + dLat) * Math.PI / 180);
            var sine = Math.Sin(coordinateKm / (2 * EarthRadiusKm)) / Math.Max(c, 1e-9);
            var dLon = sine >= 1 ? 360 : 2 * Math.Asin(sine) * 180 / Math.PI * 1.01;
            if (c < 0.02 || lon - dLon < -180 || lon + dLon > 180)
            {
                foreach (var cell in byCell.Values) AddOpen(found, cell, dataset);
                return;
            }
            var (firstLat, firstLon) = CellOf(lat - dLat, lon - dLon);
            var (lastLat, lastLon) = CellOf(lat + dLat, lon + dLon);
            for (var y = firstLat; y <= lastLat; y++)
            {
                for (var x = firstLon; x <= lastLon; x++)
                {
                    if (byCell.TryGetValue((y, x), out var cell)) AddOpen(found, cell, dataset);
                }
            }
        }

        public void AddAll(HashSet<IncidentDraft> found)
        {
            foreach (var groups in byRegion.Values)
            {
                foreach (var group in groups) found.UnionWith(group.Drafts);
            }
        }

        private static void AddOpen(HashSet<IncidentDraft> found, List<SignatureGroup> groups, string? dataset)
        {
            foreach (var group in groups)
            {
                if (dataset is null || Array.IndexOf(group.Datasets, dataset) < 0) found.UnionWith(group.Drafts);
            }
        }

        private static (int, int) CellOf(double latitude, double longitude) =>
            ((int)Math.Floor(latitude / CellDegrees), (int)Math.Floor(longitude / CellDegrees));

        private static SignatureGroup Group<TKey>(Dictionary<TKey, List<SignatureGroup>> buckets, TKey key, string[] signature)
            where TKey : notnull
        {
            if (!buckets.TryGetValue(key, out var groups)) buckets[key] = groups = [];
            foreach (var group in groups)
            {
                if (group.Datasets.AsSpan().SequenceEqual(signature)) return group;
            }
            var added = new SignatureGroup(signature);
            groups.Add(added);
            return added;
        }
    }
}
