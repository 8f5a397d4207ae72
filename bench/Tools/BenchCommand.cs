using System.CommandLine;
using BudgetWarehouse.Loader.Cli;
using BudgetWarehouse.Loader.Options;
using BudgetWarehouse.Loader.Verbs;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetWarehouse.Bench.Tools;

internal static class BenchCommand
{
    public static Command Create()
    {
        var docs = GenerateCommand.DocsOption(1000);
        var corpus = new Option<string?>("--corpus")
        {
            Description = "Corpus folder (seeds layout). Reused when it holds a corpus of --docs documents, else generated there. Default: a folder under the temp directory named after --docs and --seed",
        };
        var keep = new Option<bool>("--keep") { Description = "Keep the benchmark warehouse (printed) instead of deleting it" };
        var command = new Command("bench", "Benchmark a full load of a generated corpus against DuckDB's own bulk-load floor, then a one-document refresh and the theme-by-year query. Ends with one 'bench:' line.");
        command.Options.Add(docs);
        command.Options.Add(corpus);
        command.Options.Add(GenerateCommand.SeedOption);
        command.Options.Add(keep);
        command.SetAction((result, ct) =>
        {
            var options = new BenchOptions
            {
                Documents = result.GetValue(docs),
                Corpus = result.GetValue(corpus),
                Seed = result.GetValue(GenerateCommand.SeedOption),
                Keep = result.GetValue(keep),
            };
            var warehouse = Path.Combine(Path.GetTempPath(), "bw-bench-warehouse-" + Guid.NewGuid().ToString("N")[..8]);
            return BwCommandLine.RunWorkerAsync<BenchWorker>(result, ct, services => services.AddSingleton(options),
            [
                new($"{WarehouseOptions.Section}:{nameof(WarehouseOptions.Seeds)}", options.CorpusPath),
                new($"{WarehouseOptions.Section}:{nameof(WarehouseOptions.Warehouse)}", warehouse),
                new($"{WarehouseOptions.Section}:{nameof(WarehouseOptions.SnapshotGraceSeconds)}", "0"),
                new("Logging:LogLevel:BudgetWarehouse", "Error"),
            ]);
        });
        return command;
    }
}
