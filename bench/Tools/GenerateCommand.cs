using System.CommandLine;
using BudgetWarehouse.Bench.Generate;

namespace BudgetWarehouse.Bench.Tools;

internal static class GenerateCommand
{
    public static Option<int> DocsOption(int defaultValue) => new("--docs")
    {
        Description = $"Number of documents (budget priorities and plan progress alternate; 17410 = 1,741 municipalities × 5 years × 2 families). Default: {defaultValue}",
        DefaultValueFactory = _ => defaultValue,
    };

    public static Option<int> SeedOption { get; } = new("--seed") { Description = "Random seed; the same seed gives byte-identical files. Default: 1", DefaultValueFactory = _ => 1 };

    public static Command Create()
    {
        var docs = DocsOption(1000);
        var output = new Option<string>("--out") { Description = "Output folder: documents/, manifest.csv and expected.json are written there", Required = true };
        var command = new Command("generate", "Write a deterministic synthetic corpus (seeds layout) for benchmarks and tests, with expected.json giving the counts written.");
        command.Options.Add(docs);
        command.Options.Add(output);
        command.Options.Add(SeedOption);
        command.SetAction((result, ct) =>
        {
            var dir = Path.GetFullPath(result.GetValue(output)!);
            var n = result.GetValue(docs);
            if (n < 0)
            {
                Console.Error.WriteLine("error: --docs cannot be negative");
                return Task.FromResult(1);
            }

            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            var expectation = CorpusGenerator.Generate(dir, n, result.GetValue(SeedOption), ct);
            Console.WriteLine($"generated {expectation.Documents} documents ({expectation.Bytes / 1e6:F1} MB) in {dir} in {stopwatch.Elapsed.TotalSeconds:F1} s");
            foreach (var (family, t) in expectation.Families)
            {
                Console.WriteLine($"  {family,-18} {t.Documents,6} documents, policies by level [{string.Join(", ", t.PoliciesByLevel)}], {t.Items} items, {t.Details} details");
            }

            return Task.FromResult(0);
        });
        return command;
    }
}
