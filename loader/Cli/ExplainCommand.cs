using System.CommandLine;
using BudgetWarehouse.Loader.Verbs;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetWarehouse.Loader.Cli;

internal static class ExplainCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Id of a fact (initiative, measure, milestone, achievement), a policy node or a document." };
        var db = new Option<string?>("--db") { Description = "Look in this DuckDB file instead of the warehouse's current snapshot." };
        var command = new Command("explain", "Show where a fact came from: document, fiscal year, policy path, department with evidence, derived values and the exact source lines.");
        command.Arguments.Add(id);
        command.Options.Add(db);
        command.Options.Add(BwCommandLine.SeedsOption);
        command.Options.Add(BwCommandLine.WarehouseOption);
        command.SetAction((result, ct) =>
            BwCommandLine.RunWorkerAsync<ExplainWorker>(result, ct, s => s.AddSingleton(new ExplainRequest(result.GetValue(id)!, result.GetValue(db)))));
        return command;
    }
}
