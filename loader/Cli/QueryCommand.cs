using System.CommandLine;
using BudgetWarehouse.Loader.Analysis;
using BudgetWarehouse.Loader.Verbs;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetWarehouse.Loader.Cli;

internal static class QueryCommand
{
    public static Command Create()
    {
        var sql = new Argument<string?>("sql") { Description = "The SQL statement to run (or use --file).", Arity = ArgumentArity.ZeroOrOne };
        var file = new Option<FileInfo?>("--file", "-f") { Description = "Read the SQL from this file instead." };
        var format = new Option<ResultFormat>("--format") { Description = "Output format: table (aligned, default), csv, json or parquet (needs --out).", DefaultValueFactory = _ => ResultFormat.Table };
        var output = new Option<string?>("--out", "-o") { Description = "Write to this file instead of standard output (required for parquet)." };
        var bom = new Option<bool>("--bom") { Description = "Start the output with a UTF-8 byte-order mark, so that Excel opens Japanese CSV correctly." };
        var db = new Option<string?>("--db") { Description = "Query this DuckDB file instead of the warehouse's current snapshot." };

        var command = new Command("query", "Run SQL against the current snapshot, opened read-only (tables, v_* semantic views). Exit 1 on an error, including any attempt to write.");
        command.Arguments.Add(sql);
        command.Options.Add(file);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(bom);
        command.Options.Add(db);
        command.Options.Add(BwCommandLine.WarehouseOption);
        command.Validators.Add(r =>
        {
            if ((r.GetValue(sql) is null) == (r.GetValue(file) is null))
            {
                r.AddError("give the SQL either as an argument or with --file, not both");
            }

            if (r.GetValue(format) == ResultFormat.Parquet && r.GetValue(output) is null)
            {
                r.AddError("--format parquet needs --out FILE");
            }
        });
        command.SetAction(async (result, ct) =>
        {
            var text = result.GetValue(file) is { } f ? await File.ReadAllTextAsync(f.FullName, ct).ConfigureAwait(false) : result.GetValue(sql)!;
            var request = new QueryRequest(text, result.GetValue(format), result.GetValue(output), result.GetValue(bom), result.GetValue(db));
            return await BwCommandLine.RunWorkerAsync<QueryWorker>(result, ct, s => s.AddSingleton(request)).ConfigureAwait(false);
        });
        return command;
    }
}
