using System.CommandLine;
using System.Text;
using BudgetWarehouse.Loader.Load;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Bench.Tools;

/// <summary>
/// <c>engines</c>: writes sql/engines/spark.sql or trino.sql from the DuckDB catalog, so that a column added to
/// sql/schema reaches the Spark and Trino DDL without being typed again (EngineDdlTests fails until it is regenerated).
/// </summary>
internal static class EnginesCommand
{
    public static Command Create()
    {
        var engine = new Option<string>("--engine") { Description = "spark or trino", Required = true };
        engine.AcceptOnlyFromAmong([.. EngineDdl.Engines]);
        var output = new Option<string?>("--out") { Description = "File to write (e.g. sql/engines/spark.sql). Default: standard output" };
        var db = new Option<string?>("--db") { Description = "Read the tables of this DuckDB file. Default: a database built from sql/schema" };
        var command = new Command("engines", "Write the Spark or Trino DDL of the Parquet lake from the DuckDB catalog.");
        command.Options.Add(engine);
        command.Options.Add(output);
        command.Options.Add(db);
        command.SetAction(async (result, ct) =>
        {
            await using var connection = new DuckDBConnection(result.GetValue(db) is { } file ? $"Data Source={file};ACCESS_MODE=READ_ONLY" : "Data Source=:memory:");
            await connection.OpenAsync(ct).ConfigureAwait(false);
            if (result.GetValue(db) is null)
            {
                await SqlScripts.RunFolderAsync(connection, "schema", ct).ConfigureAwait(false);
            }

            var ddl = await EngineDdl.WriteAsync(connection, result.GetValue(engine)!, ct).ConfigureAwait(false);
            if (result.GetValue(output) is { } path)
            {
                await File.WriteAllTextAsync(path, ddl, new UTF8Encoding(false), ct).ConfigureAwait(false);
            }
            else
            {
                await Console.Out.WriteAsync(ddl).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }
}
