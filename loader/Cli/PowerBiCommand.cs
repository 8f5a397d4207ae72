using System.CommandLine;
using BudgetWarehouse.Loader.Verbs;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetWarehouse.Loader.Cli;

internal static class PowerBiCommand
{
    public static Command Create()
    {
        var outOption = new Option<string>("--out") { Description = "Folder to write the Power BI project into. Default: ./powerbi", DefaultValueFactory = _ => "powerbi" };
        var lakeOption = new Option<string?>("--lake")
        {
            Description = "The lake folder as Power BI will see it (e.g. a share path on Windows). Default: the warehouse's parquet folder. Editable later as the LakeFolder parameter.",
        };
        var command = new Command("powerbi", "Write a Power BI project (PBIP) with a TMDL semantic model over the current snapshot's Parquet lake: tables, relationships, hierarchies and measures from the warehouse catalog. Exit 0: written; 1: no snapshot or an error.");
        command.Options.Add(BwCommandLine.WarehouseOption);
        command.Options.Add(outOption);
        command.Options.Add(lakeOption);
        command.SetAction((result, ct) =>
            BwCommandLine.RunWorkerAsync<PowerBiWorker>(result, ct, s => s.AddSingleton(new PowerBiRequest(result.GetValue(outOption)!, result.GetValue(lakeOption)))));
        return command;
    }
}
