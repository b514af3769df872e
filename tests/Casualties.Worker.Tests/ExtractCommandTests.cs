using System.Text.Json;
using Casualties.Testing;
using Casualties.Worker.Tests.Support;
using NUnit.Framework;

namespace Casualties.Worker.Tests;

/// <summary>
/// casualties extract and eval as scripts use them (shared/design/interfaces.md): JSON on standard output alone,
/// documents read the way ingest reads them, wrong usage exiting 2 with a sentence naming the file.
/// </summary>
[TestFixture]
[Property("Issue", "4")]
public sealed class ExtractCommandTests
{
    // extract and eval never connect; the option is there because every verb accepts it.
    private const string Unused = "Host=/nonexistent;Database=unused";

    private static readonly string[] ClaimFields =
        ["outcome", "victims", "qualifier", "value", "low", "high", "parent", "source", "perpetrator_side", "place", "start", "end", "phrase", "quote", "span", "confidence"];

    /// <summary>casualties extract --json of a sample document, which must succeed; its claims.</summary>
    private static async Task<List<JsonElement>> ExtractJson(string sampleDocument)
    {
        var run = await WorkerProcess.Run(Unused, "extract", RepositoryPaths.Combine("seeds", "documents", sampleDocument), "--json");
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        return json.RootElement.EnumerateArray().Select(c => c.Clone()).ToList();
    }

    [Test]
    public async Task Extract_json_prints_the_seed_articles_claims_with_the_documented_fields()
    {
        var claims = await ExtractJson("000_87d7596e7722211d.txt");

        Assert.That(claims, Has.Count.EqualTo(10));
        foreach (var claim in claims)
        {
            Assert.That(ClaimFields.Where(f => !claim.TryGetProperty(f, out _)), Is.Empty, claim.ToString());
            if (claim.GetProperty("parent").ValueKind == JsonValueKind.Number)
                Assert.That(claim.GetProperty("parent").GetInt32(), Is.InRange(0, claims.Count - 1));
        }
        Assert.That(claims.Select(c => c.GetProperty("low").GetInt32()), Does.Contain(342));
    }

    [Test]
    public async Task Extract_reads_an_html_article_dated_by_its_meta_tag_like_ingest_does()
    {
        var claims = await ExtractJson("002_mosul_offensive.html");

        Assert.That(claims, Is.Not.Empty);
        Assert.That(claims.Select(c => c.GetProperty("quote").GetString()), Has.None.Contains("<"), "quotes come from the article text, not the markup");
        Assert.That(claims.Select(c => c.GetProperty("end").GetString()), Has.All.Not.Null.And.All.Not.GreaterThan("2016-12-08"));
    }

    [Test]
    public async Task Extract_of_an_undated_document_without_date_is_wrong_usage_naming_the_file()
    {
        var folder = Directory.CreateTempSubdirectory("casualties-extract-").FullName;
        try
        {
            var path = Path.Combine(folder, "undated.html");
            await File.WriteAllTextAsync(path, "<html><body><p>At least 3 people were killed.</p></body></html>");
            var undated = await WorkerProcess.Run(Unused, "extract", path);
            var dated = await WorkerProcess.Run(Unused, "extract", path, "--date", "2024-01-01", "--json");

            Assert.That(undated.ExitCode, Is.EqualTo(2));
            Assert.That(undated.Error, Does.Contain("undated.html").And.Contain("--date"));
            Assert.That(dated.ExitCode, Is.Zero, dated.Error);
            using var json = JsonDocument.Parse(dated.Output);
            Assert.That(json.RootElement.EnumerateArray().Single().GetProperty("low").GetInt32(), Is.EqualTo(3));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task Extract_refuses_a_feed_file_and_says_which_verb_reads_it()
    {
        var run = await WorkerProcess.Run(Unused, "extract", RepositoryPaths.Combine("seeds", "feeds", "monitor-claims.csv"));

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("monitor-claims.csv").And.Contain("ingest"));
    }

    [Test]
    public async Task Eval_json_scores_the_seed_gold_in_the_documented_shape()
    {
        var run = await WorkerProcess.Run(Unused, "eval", RepositoryPaths.Combine("tests", "data", "seed-expected-claims.jsonl"), "--json");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.That(new[] { "documents", "gold", "predicted", "matched", "precision", "recall", "f1" }.Where(f => !root.TryGetProperty(f, out _)), Is.Empty);
        Assert.That(new[] { "source", "perpetrator_side", "place", "start", "end", "parent" }
            .Where(f => !root.GetProperty("attributes").TryGetProperty(f, out _)), Is.Empty);
        Assert.That((root.GetProperty("documents").GetInt32(), root.GetProperty("gold").GetInt32()), Is.EqualTo((1, 10)));
        Assert.That(root.GetProperty("f1").GetDouble(), Is.GreaterThan(0.9));
    }
}
