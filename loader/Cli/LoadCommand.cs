using System.CommandLine;
using BudgetWarehouse.Loader.Verbs;

namespace BudgetWarehouse.Loader.Cli;

internal static class LoadCommand
{
    public static Command Create()
    {
        var command = new Command("load", "Load the seeds folder into the warehouse and publish a new snapshot. Exit 0: all loaded; 2: some documents rejected; 1: nothing published.");
        command.Options.Add(BwCommandLine.SeedsOption);
        command.Options.Add(BwCommandLine.WarehouseOption);
        command.SetAction((result, ct) => BwCommandLine.RunWorkerAsync<LoadWorker>(result, ct));
        return command;
    }
}
