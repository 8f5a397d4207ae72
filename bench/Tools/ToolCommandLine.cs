using System.CommandLine;

namespace BudgetWarehouse.Bench.Tools;

/// <summary>
/// The tooling verbs that used to ship in <c>bw</c>: they build corpora and time loads, which users of the
/// warehouse never run, so they live beside the BenchmarkDotNet suites. Any other arguments go to BenchmarkDotNet.
/// </summary>
internal static class ToolCommandLine
{
    public static bool Handles(string[] args) => args.Length > 0 && args[0] is "generate" or "bench" or "engines" or "--help" or "-h" or "-?";

    public static Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("BudgetWarehouse tooling: synthetic corpora, load benchmarks, the engines' DDL. Other arguments (e.g. --filter '*') run the BenchmarkDotNet suites.");
        root.Subcommands.Add(GenerateCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(EnginesCommand.Create());
        return root.Parse(args).InvokeAsync();
    }
}
