using BenchmarkDotNet.Running;
using BudgetWarehouse.Bench.Tools;

// dotnet run -c Release --project bench -- generate --docs 1000 --out DIR     (synthetic corpus)
// dotnet run -c Release --project bench -- bench --docs 1000                  (full load against DuckDB's floor)
// dotnet run -c Release --project bench -- --filter '*'                       (all BenchmarkDotNet suites)
// dotnet run -c Release --project bench -- --filter '*Classifier*' --job short
if (ToolCommandLine.Handles(args))
{
    return await ToolCommandLine.RunAsync(args).ConfigureAwait(false);
}

BenchmarkSwitcher.FromAssembly(typeof(BudgetWarehouse.Bench.ParserBenchmarks).Assembly).Run(args);
return 0;
