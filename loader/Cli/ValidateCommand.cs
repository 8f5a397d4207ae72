using System.CommandLine;
using BudgetWarehouse.Loader.Verbs;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetWarehouse.Loader.Cli;

internal static class ValidateCommand
{
    public static Command Create()
    {
        var db = new Option<string?>("--db") { Description = "Check this DuckDB file instead of the warehouse's current snapshot." };
        var command = new Command("validate", "Run every data test in sql/tests (keys, relationships, accepted values, reconciliations, source lines) and print each failure with its failing rows. Exit 1 when any test fails.");
        command.Options.Add(db);
        command.Options.Add(BwCommandLine.WarehouseOption);
        command.SetAction((result, ct) =>
            BwCommandLine.RunWorkerAsync<ValidateWorker>(result, ct, s => s.AddSingleton(new ValidateRequest(result.GetValue(db)))));
        return command;
    }
}
