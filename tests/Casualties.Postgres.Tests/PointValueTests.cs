using Casualties.Domain.Model;
using Casualties.Ingestion.Reference;
using Casualties.Testing;
using NUnit.Framework;
using Npgsql;

namespace Casualties.Postgres.Tests;

/// <summary>The SQL point_value (v_source_coverage) is the domain's <see cref="FigurePoint"/>, figure for figure.</summary>
[Property("Issue", "12")]
public sealed class PointValueTests
{
    private TestDatabase database = null!;

    [OneTimeSetUp]
    public async Task CreateDatabase() => database = await TestCluster.CreateDatabase(seeded: false);

    [OneTimeTearDown]
    public async Task DropDatabase() => await database.DisposeAsync();

    private static readonly int[] Values = [0, 1, 2, 7, 9, 10, 11, 24, 99, 100, 341, 1_000, 48_577, 999_999, 2_000_000_000];

    /// <summary>Every qualifier over a spread of values, every lexicon word of seeds/lexicon.csv, some ranges.</summary>
    private static List<Quantity> Quantities()
    {
        var quantities = new List<Quantity>();
        foreach (var qualifier in Enum.GetValues<Qualifier>().Where(q => q is not (Qualifier.Range or Qualifier.Vague)))
            quantities.AddRange(Values.Select(v => Quantity.Of(qualifier, v)));
        quantities.AddRange(new[] { (0, 0), (0, 1), (20, 30), (20, 31), (7, 7), (1, int.MaxValue) }.Select(r => Quantity.Between(r.Item1, r.Item2)));
        quantities.AddRange(Lexicon().Select(e => Quantity.VagueWords(e.Phrase, e.Low, e.High)));
        return quantities;
    }

    private static IReadOnlyList<Casualties.Domain.Reference.LexiconEntry> Lexicon() =>
        SeedFiles.Load(RepositoryPaths.Combine("seeds")).Lexicon;

    /// <summary>No best, and a dataset's best below, inside and above the bounds.</summary>
    private static IEnumerable<int?> Bests(Quantity q)
    {
        yield return null;
        if (q.Low > 0) yield return q.Low - 1;
        yield return q.Low;
        if (q.High is { } high)
        {
            yield return (int)(((long)q.Low + high) / 2);
            if (high < int.MaxValue) yield return high + 1;
        }
        else
        {
            yield return q.Low + 5;
        }
    }

    [Test]
    public async Task The_sql_point_value_equals_the_domains_for_every_qualifier_and_every_lexicon_word()
    {
        var cases = Quantities().SelectMany(q => Bests(q).Select(best => (Quantity: q, Best: best))).ToList();
        Assert.That(cases.Select(c => c.Quantity.Qualifier).Distinct(), Is.EquivalentTo(Enum.GetValues<Qualifier>()));
        Assert.That(cases.Select(c => c.Quantity.Phrase).OfType<string>().Distinct(),
            Is.EquivalentTo(Lexicon().Select(e => e.Phrase)), "every word of seeds/lexicon.csv");

        await using var conn = await database.DataSource.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT point_value(q, v, l, h, b)
            FROM unnest(@Qualifiers, @Values, @Lows, @Highs, @Bests) WITH ORDINALITY AS c (q, v, l, h, b, n)
            ORDER BY n
            """, conn);
        cmd.Parameters.AddWithValue("Qualifiers", cases.Select(c => c.Quantity.Qualifier.ToName()).ToArray());
        cmd.Parameters.AddWithValue("Values", cases.Select(c => c.Quantity.Value).ToArray());
        cmd.Parameters.AddWithValue("Lows", cases.Select(c => c.Quantity.Low).ToArray());
        cmd.Parameters.AddWithValue("Highs", cases.Select(c => c.Quantity.High).ToArray());
        cmd.Parameters.AddWithValue("Bests", cases.Select(c => c.Best).ToArray());
        var sql = new List<int>();
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) sql.Add(reader.GetInt32(0));

        var domain = cases.Select(c => FigurePoint.Of(c.Quantity.Qualifier, c.Quantity.Value, c.Quantity.Low, c.Quantity.High, c.Best)).ToList();
        Assert.That(sql, Has.Count.EqualTo(cases.Count));
        var differing = cases.Select((c, i) => (c, Sql: sql[i], Domain: domain[i])).Where(x => x.Sql != x.Domain)
            .Select(x => $"{x.c.Quantity} best {x.c.Best?.ToString() ?? "none"}: SQL {x.Sql}, domain {x.Domain}").ToList();
        Assert.That(differing, Is.Empty);
    }

    [Test]
    public async Task Dozens_stands_for_its_low_in_sql_as_in_reconciliation()
    {
        await using var conn = await database.DataSource.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("SELECT point_value('vague', NULL, 24, 99, NULL)", conn);
        Assert.That(await cmd.ExecuteScalarAsync(), Is.EqualTo(24));
        Assert.That(FigurePoint.Of(Quantity.VagueWords("dozens", 24, 99)), Is.EqualTo(24));
    }
}
