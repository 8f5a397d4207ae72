using System.Data.Common;
using System.Globalization;
using System.Numerics;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Loader.Analysis;

/// <summary>A query's result held in memory: column names, DuckDB type names and rows.</summary>
internal sealed record QueryResult(IReadOnlyList<string> Columns, IReadOnlyList<string> Types, IReadOnlyList<object?[]> Rows);

/// <summary>A statement the warehouse refused; the message says why in terms a user can act on.</summary>
internal sealed class QueryException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Runs analyst SQL, one reading statement per call, against a sandboxed connection.</summary>
internal static class QueryRunner
{
    public static async Task<QueryResult> RunAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        var statement = ReadOnlySql.Single(sql);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = statement;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
            var types = Enumerable.Range(0, reader.FieldCount).Select(reader.GetDataTypeName).ToList();
            var rows = new List<object?[]>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                rows.Add(row);
            }

            return new QueryResult(columns, types, rows);
        }
        catch (DuckDBException ex)
        {
            throw Explain(ex);
        }
    }

    /// <summary>
    /// Writes the result of one SELECT to a Parquet file with DuckDB's COPY; the connection must allow that one
    /// file (<see cref="WarehouseDatabase.OpenReadOnlyAsync"/>), and is written in place since a temporary
    /// file beside it would not be allowed.
    /// </summary>
    public static async Task CopyToParquetAsync(DbConnection connection, string sql, string outPath, CancellationToken cancellationToken)
    {
        var select = ReadOnlySql.Single(sql);
        var target = Path.GetFullPath(outPath).Replace("'", "''", StringComparison.Ordinal);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"copy ({select}\n) to '{target}' (format parquet, use_tmp_file false)";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DuckDBException ex)
        {
            throw Explain(ex);
        }
    }

    private static QueryException Explain(DuckDBException ex)
    {
        if (ex.Message.Contains("read-only", StringComparison.OrdinalIgnoreCase))
        {
            return new QueryException($"query is read-only: the warehouse cannot be changed through it (load new documents with 'bw load'). DuckDB said: {ex.Message}", ex);
        }

        // The sandbox's refusals: a file outside the snapshot's lake, or a locked setting.
        return ex.Message.Contains("Permission Error", StringComparison.OrdinalIgnoreCase)
            || ex.Message.Contains("disabled by configuration", StringComparison.OrdinalIgnoreCase)
            || ex.Message.Contains("lock_configuration", StringComparison.OrdinalIgnoreCase)
            ? new QueryException($"query is read-only and reads only the warehouse and its lake. DuckDB said: {ex.Message}", ex)
            : new QueryException(ex.Message, ex);
    }

    /// <summary>A value as text for CSV and table output: invariant culture, ISO dates, empty for null.</summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture),
        DateTimeOffset o => o.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFzzz", CultureInfo.InvariantCulture),
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        float x => x.ToString("R", CultureInfo.InvariantCulture),
        BigInteger n => n.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Text)) + "]",
        _ => value.ToString() ?? "",
    };
}
