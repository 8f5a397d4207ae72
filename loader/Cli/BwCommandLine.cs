namespace BudgetWarehouse.Loader.Cli;

internal static class BwCommandLine
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(args.Length == 0 ? 0 : 1);
}
