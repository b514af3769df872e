using System.Text.Json;
using Casualties.Benchmarks;

// dotnet run -c Release --project tests/Casualties.Benchmarks -- [NAME...] [--size N] [--json PATH]
// Runs the named benchmarks (all by default), each beside its baseline measured in the same run.
var names = new List<string>();
int? size = null;
string? jsonPath = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--size" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n > 0:
            size = n;
            i++;
            break;
        case "--json" when i + 1 < args.Length:
            jsonPath = args[++i];
            break;
        case var name when !name.StartsWith("--", StringComparison.Ordinal) && BenchmarkCatalog.All.ContainsKey(name):
            names.Add(name);
            break;
        default:
            Console.Error.WriteLine($"benchmarks: unknown argument '{args[i]}'; names are {string.Join(", ", BenchmarkCatalog.All.Keys)}, options --size N and --json PATH.");
            return 2;
    }
}
if (names.Count == 0) names.AddRange(BenchmarkCatalog.All.Keys);

var results = new List<BenchmarkResult>();
foreach (var name in names)
{
    Console.Error.WriteLine($"running {name}...");
    results.Add(await BenchmarkCatalog.All[name](size));
}

Console.WriteLine($"{"name",-24} {"value",14} {"metric",-8} {"size",10} {"baseline",14} {"ratio",7} {"peak MB",8}  baseline");
foreach (var r in results)
{
    Console.WriteLine($"{r.Name,-24} {r.Value,14:0.###} {r.Metric,-8} {r.Size,10} {r.Baseline,14:0.###} {r.Ratio,7:0.###} {r.PeakMemoryMb,8:0.#}  {r.BaselineName}");
}
if (jsonPath is not null)
{
    var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };
    await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(results, options));
}
return 0;
