namespace Casualties.Domain.Reconciliation;

/// <summary>Great-circle distance on a spherical earth (haversine), accurate enough to say "the same town".</summary>
public static class Geo
{
    private const double EarthRadiusKm = 6371.0088;

    /// <summary>The distance in kilometres between two points given in degrees.</summary>
    public static double DistanceKm(double latitudeA, double longitudeA, double latitudeB, double longitudeB)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(latitudeB - latitudeA);
        var dLon = Radians(longitudeB - longitudeA);
        var h = Math.Pow(Math.Sin(dLat / 2), 2)
                + Math.Cos(Radians(latitudeA)) * Math.Cos(Radians(latitudeB)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
