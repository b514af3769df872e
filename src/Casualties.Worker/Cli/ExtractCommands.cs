using System.CommandLine;
using System.Globalization;
using System.Text;
using Casualties.Domain.Evaluation;
using Casualties.Domain.Extraction;
using Casualties.Ingestion;
using Casualties.Ingestion.Documents;
using Casualties.Ingestion.Input;
using Casualties.Ingestion.Reference;

namespace Casualties.Worker.Cli;

/// <summary>extract FILE and eval GOLD.jsonl: the extractor without the database.</summary>
public static class ExtractCommands
{
    /// <summary>The verbs extract and eval.</summary>
    public static IEnumerable<Command> All()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A document: text (the seed's format carries its own date), HTML or Markdown." };
        var date = new Option<string?>("--date") { Description = "The document's publication date, YYYY-MM-DD." };
        var json = new Option<bool>("--json") { Description = "Print a JSON array of claims on standard output." };
        var extract = new Command("extract", "Print the casualty claims of one document, without storing them.") { file, date, json };
        extract.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var format = InputFormats.ByName(path.Name);
            if (format is InputFormat.Csv or InputFormat.JsonLines)
                throw new UsageException($"{path.Name} is a feed ({format}), not a document: 'casualties ingest' reads feeds.");
            var parsed = DocumentFile.Parse(format, ReadDocument(path.FullName));
            var published = DocumentFile.DateOf(parsed, DocumentSidecar.For(path.FullName), IngestCommand.ParseDate(parse.GetValue(date)))
                ?? throw new UsageException(
                    $"{path.Name} gives no publication date (a ' date YYYY-MM-DD' header, a meta tag or a {DocumentSidecar.Suffix} sidecar): pass --date YYYY-MM-DD.");
            var extractor = new ClaimExtractor(SeedFiles.Load(parse.GetValue(GlobalOptions.Seeds)));
            var claims = extractor.Extract(parsed.Body, published);
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(ClaimJson.Write(claims));
                return CasualtiesCommand.Done;
            }
            for (var i = 0; i < claims.Count; i++)
            {
                var c = claims[i];
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"[{i}] {c.Outcome.ToString().ToLowerInvariant()} {c.Victims} {c.Quantity}  source={c.Source ?? "-"}  side={c.PerpetratorSide ?? "-"}  place={c.Place ?? "-"}  {c.Period.Start?.ToString() ?? "?"}..{c.Period.End?.ToString() ?? "?"}{(c.Parent is { } p ? $"  parent=[{p}]" : "")}"));
                Console.WriteLine($"     \"{c.Quote}\"");
            }
            Console.Error.WriteLine($"{claims.Count} claims.");
            return CasualtiesCommand.Done;
        });

        var gold = new Argument<FileInfo>("GOLD") { Description = "A gold file in JSON Lines (shared/design/gold-format.md)." };
        var evalJson = new Option<bool>("--json") { Description = "Print the scores as JSON on standard output." };
        var eval = new Command("eval", "Score the extractor on a gold file: precision, recall, F1 and each attribute's accuracy.") { gold, evalJson };
        eval.SetAction(parse =>
        {
            var path = parse.GetValue(gold)!;
            if (!path.Exists) throw new FileNotFoundException($"Gold file {path.FullName} does not exist.");
            var documents = GoldFile.Parse(File.ReadAllText(path.FullName, Encoding.UTF8));
            var reference = SeedFiles.Load(parse.GetValue(GlobalOptions.Seeds));
            var extractor = new ClaimExtractor(reference);
            var report = new ExtractionScorer(reference).Score(documents, d => extractor.Extract(d.Text, d.Date));
            Console.Out.WriteLine(parse.GetValue(evalJson) ? report.ToJson() : report.ToText());
            return CasualtiesCommand.Done;
        });
        return [extract, eval];
    }

    /// <summary>Reads a document decoded as ingest decodes it (stray Latin-1 bytes kept), refusing binary files with a reason.</summary>
    private static string ReadDocument(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path} does not exist.");
        var bytes = File.ReadAllBytes(path);
        if (Array.IndexOf(bytes, (byte)0) >= 0) throw new InvalidDataException($"{path} is a binary file (it holds NUL bytes), not a text document.");
        return new TolerantUtf8().Decode(bytes);
    }
}
