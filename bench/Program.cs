using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench -- --filter '*'      (all benchmarks)
// dotnet run -c Release --project bench -- --filter '*Classifier*' --job short
BenchmarkSwitcher.FromAssembly(typeof(BudgetWarehouse.Bench.ParserBenchmarks).Assembly).Run(args);
