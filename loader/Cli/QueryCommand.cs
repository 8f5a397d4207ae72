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
        var format = new Option<ResultFormat>("--format")
        {
            Description = "Output format: table (aligned, default), csv, json or parquet (needs --out).",
            DefaultValueFactory = _ => ResultFormat.Table,
            CustomParser = r =>
            {
                var token = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
                if (Enum.TryParse<ResultFormat>(token, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(token, out _))
                {
                    return parsed;
                }

                r.AddError($"--format must be table, csv, json or parquet, not '{token}'");
                return ResultFormat.Table;
            },
        };
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
            if (r.GetValue(sql) is null && r.GetValue(file) is null)
            {
                r.AddError("no SQL given: pass one statement as an argument or with --file FILE");
            }
            else if (r.GetValue(sql) is not null && r.GetValue(file) is not null)
            {
                r.AddError("give the SQL either as an argument or with --file, not both");
            }

            // From the token: the value itself throws when the format did not parse (that error is reported already).
            if (string.Equals(r.GetResult(format)?.Tokens.FirstOrDefault()?.Value, "parquet", StringComparison.OrdinalIgnoreCase) && r.GetValue(output) is null)
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
