using System.Globalization;
using System.Text;

namespace Casualties.Testing;

/// <summary>
/// UCDP GED and ACLED CSV files in their published layouts, generated deterministically: event types, sides,
/// places (names the seeds know and names they do not), parts and flags vary as in the real downloads.
/// </summary>
public static class GeneratedFeeds
{
    public const string GedHeader =
        "id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,conflict_new_id,conflict_name,dyad_dset_id,dyad_new_id," +
        "dyad_name,side_a_dset_id,side_a_new_id,side_a,side_b_dset_id,side_b_new_id,side_b,number_of_sources,source_article,source_office," +
        "source_date,source_headline,source_original,where_prec,where_coordinates,where_description,adm_1,adm_2,latitude,longitude,geom_wkt," +
        "priogrid_gid,country,country_id,region,event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown," +
        "best,high,low,gwnoa,gwnob";

    public const string AcledHeader =
        "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2," +
        "inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source," +
        "source_scale,notes,fatalities,tags,timestamp";

    private static readonly (string Where, string Adm1, string Adm2)[] Places =
    [
        ("Aleppo town", "Aleppo governorate", "Jabal Saman district"),
        ("Maarat an Nu'man town", "Idlib governorate", "Ma'arrat an Nu'man district"),
        ("Douma town", "Rif Dimashq governorate", "Douma district"),
        ("Jobar neighbourhood", "Damascus governorate", "Damascus district"),
        ("Deir ez-Zor town", "Deir ez-Zor governorate", "Deir ez-Zor district"),
        ("Raqqa town", "Ar Raqqah governorate", "Ar Raqqah district"),
        ("Tell Hamdan village", "Hama governorate", "Masyaf district"),
        ("Al-Ghab plain", "Hama governorate", "As-Suqaylabiyah district"),
    ];

    private static readonly (int Type, string SideA, string SideB)[] Dyads =
    [
        (1, "Government of Syria", "Syrian insurgents"),
        (1, "Government of Syria", "IS"),
        (2, "Syrian insurgents", "IS"),
        (2, "Jaysh al-Islam", "Faylaq al-Rahman"),
        (3, "Government of Syria", "Civilians"),
        (3, "IS", "Civilians"),
    ];

    public static void WriteGed(string path, int rows)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        writer.Write(GedHeader);
        writer.Write('\n');
        var line = new StringBuilder(1024);
        for (var i = 0; i < rows; i++)
        {
            line.Clear();
            var (type, sideA, sideB) = Dyads[i % Dyads.Length];
            var (where, adm1, adm2) = Places[i / 7 % Places.Length];
            var day = new DateOnly(2012, 1, 1).AddDays(i % 3650);
            var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 00:00:00.000";
            // Parts: two or three non-zero for battles, civilians (and sometimes unknown) for one-sided violence.
            int a = 0, b = 0, civilians, unknown = i % 9 == 0 ? i % 4 + 1 : 0;
            if (type == 3)
            {
                civilians = i % 37 + 1;
            }
            else
            {
                // Mostly one side's losses known, now and then both, rarely civilians: about 2.3 claims a row.
                a = i % 2 == 0 || i % 5 == 0 ? i % 11 + 1 : 0;
                b = i % 2 == 1 || i % 5 == 0 ? i % 13 + 1 : 0;
                civilians = i % 7 == 0 ? i % 5 + 1 : 0;
            }
            var best = a + b + civilians + unknown;
            var high = best + i % 9;
            var low = i % 97 == 0 ? best + 1 : best; // now and then a row that breaks low <= best
            var precision = i % 7 + 1;
            var latitude = 33 + i % 500 / 100.0;
            var longitude = 36 + i % 300 / 100.0;
            line.Append(CultureInfo.InvariantCulture, $"{100000 + i},SYR-{day.Year}-{type}-{i % 1000}-{i},{day.Year},1,Clear,{type},299,299,Syria: Government,");
            line.Append(CultureInfo.InvariantCulture, $"11400,11400,{sideA} - {sideB},129,129,{sideA},5740,5740,{sideB},{i % 4 + 1},");
            line.Append(CultureInfo.InvariantCulture, $"\"\"\"Agence France Presse,{day:yyyy-MM-dd},Event {i}\"\";\"\"Syrian Observatory for Human Rights\"\"\",AFP;SOHR,{day:yyyy-MM-dd},Event {i},SOHR,");
            line.Append(CultureInfo.InvariantCulture, $"{precision},{where},\"{where}, near event {i % 977}\",{adm1},{adm2},{latitude:0.####},{longitude:0.####},");
            line.Append(CultureInfo.InvariantCulture, $"POINT ({longitude:0.####} {latitude:0.####}),{180000 + i % 5000},Syria,652,Middle East,1,1,{date},{date},");
            line.Append(CultureInfo.InvariantCulture, $"{a},{b},{civilians},{unknown},{best},{high},{low},652,");
            writer.Write(line);
            writer.Write('\n');
        }
    }

    private static readonly (string Type, string Sub, string Actor1, string Actor2, string Targeting)[] AcledEvents =
    [
        ("Explosions/Remote violence", "Air/drone strike", "Military Forces of Syria (2000-2024)", "Civilians (Syria)", "Civilian targeting"),
        ("Battles", "Armed clash", "Military Forces of Syria (2000-2024)", "Jaysh al Fateh", ""),
        ("Violence against civilians", "Attack", "Islamic State (Syria)", "Civilians (Syria)", "Civilian targeting"),
        ("Explosions/Remote violence", "Shelling/artillery/missile attack", "Military Forces of Syria (2000-2024)", "HTS: Hayat Tahrir al Sham", ""),
        ("Protests", "Peaceful protest", "Protesters (Syria)", "", ""),
        ("Battles", "Armed clash", "SDF: Syrian Democratic Forces", "Islamic State (Syria)", ""),
    ];

    private static readonly (string Adm1, string Adm2, string Location)[] AcledPlaces =
    [
        ("Idleb", "Maarrat An Nu'man", "Maarrat An Nu'man"),
        ("Aleppo", "Jebel Saman", "Aleppo - Shaar"),
        ("Rural Damascus", "Duma", "Duma"),
        ("Damascus", "Damascus", "Damascus - Jobar"),
        ("Deir-ez-Zor", "Deir-ez-Zor", "Deir-ez-Zor"),
        ("Hama", "As-Suqaylabiyah", "Tanjara"),
        ("Raqqa", "Ar-Raqqa", "Raqqa"),
    ];

    public static void WriteAcled(string path, int rows)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        writer.Write(AcledHeader);
        writer.Write('\n');
        var line = new StringBuilder(1024);
        for (var i = 0; i < rows; i++)
        {
            line.Clear();
            var (type, sub, actor1, actor2, targeting) = AcledEvents[i % AcledEvents.Length];
            var (adm1, adm2, location) = AcledPlaces[i / 5 % AcledPlaces.Length];
            var day = new DateOnly(2016, 1, 1).AddDays(i % 3000);
            var fatalities = type == "Protests" || i % 10 == 0 ? 0 : i % 23 + 1;
            var stamp = new DateTimeOffset(day.AddDays(7).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();
            line.Append(CultureInfo.InvariantCulture, $"SYR{100000 + i},{day:yyyy-MM-dd},{day.Year},{i % 3 + 1},Political violence,{type},{sub},{actor1},,1,{actor2},,7,17,{targeting},");
            line.Append(CultureInfo.InvariantCulture, $"760,Middle East,Syria,{adm1},{adm2},{adm2},{location},{35 + i % 300 / 100.0:0.####},{36 + i % 200 / 100.0:0.####},{i % 3 + 1},");
            line.Append(CultureInfo.InvariantCulture, $"SOHR; Syrian Civil Defence,Other-National,\"On {day:d MMMM yyyy}, event {i} in {location} ({adm1}). {fatalities} people were killed.\",{fatalities},,{stamp}");
            writer.Write(line);
            writer.Write('\n');
        }
    }
}
