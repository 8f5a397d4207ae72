using System.CommandLine;
using BudgetWarehouse.Loader.Verbs;

namespace BudgetWarehouse.Loader.Cli;

internal static class LoadCommand
{
    public static Command Create()
    {
        var command = new Command("load", "Load the seeds folder into the warehouse and publish a new snapshot (nothing when nothing changed). Exit 0: all loaded or nothing changed; 2: some documents rejected, or a bad option or unusable folder; 1: nothing published.");
        command.Options.Add(BwCommandLine.SeedsOption);
        command.Options.Add(BwCommandLine.WarehouseOption);
        command.SetAction((result, ct) => BwCommandLine.RunWorkerAsync<LoadWorker>(result, ct));
        return command;
    }
}
