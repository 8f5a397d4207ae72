using System.CommandLine;
using BudgetWarehouse.Loader.Verbs;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetWarehouse.Loader.Cli;

internal static class StatusCommand
{
    private static readonly Option<int> Runs = new("--runs") { Description = "How many of the last runs to list.", DefaultValueFactory = _ => 10 };

    public static Command Create()
    {
        var command = new Command("status", "Show the current snapshot, the last runs and every document the last run rejected or kept stale, with the reason. Reads the warehouse read-only.");
        command.Options.Add(BwCommandLine.WarehouseOption);
        command.Options.Add(Runs);
        command.SetAction((result, ct) => BwCommandLine.RunWorkerAsync<StatusWorker>(result, ct,
            services => services.AddSingleton(new StatusWorker.Settings(Math.Max(1, result.GetValue(Runs))))));
        return command;
    }
}
