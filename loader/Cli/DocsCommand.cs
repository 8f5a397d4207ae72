using System.CommandLine;
using BudgetWarehouse.Loader.Verbs;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetWarehouse.Loader.Cli;

internal static class DocsCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out", "-o") { Description = "Markdown file to write.", DefaultValueFactory = _ => Path.Combine("docs", "data-dictionary.md") };
        var db = new Option<string?>("--db") { Description = "Describe this DuckDB file instead of the warehouse's current snapshot." };
        var command = new Command("docs", "Write a Markdown data dictionary (tables and views with their grain, columns, types and relationships) from the warehouse's COMMENT ON metadata.");
        command.Options.Add(output);
        command.Options.Add(db);
        command.Options.Add(BwCommandLine.WarehouseOption);
        command.SetAction((result, ct) =>
            BwCommandLine.RunWorkerAsync<DocsWorker>(result, ct, s => s.AddSingleton(new DocsRequest(result.GetValue(output)!, result.GetValue(db)))));
        return command;
    }
}
