using System.Globalization;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Loader.Report;

/// <summary>One result row of a query file, read by column name with forgiving conversions.</summary>
internal sealed class QueryRow(IReadOnlyDictionary<string, object?> values)
{
    public IReadOnlyDictionary<string, object?> Values { get; } = values;

    public object? this[string column] => Values.TryGetValue(column, out var v) && v is not DBNull ? v : null;

    public string? Text(string column) => this[column] switch
    {
        null => null,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var v => v.ToString(),
    };

    public long? Long(string column) => this[column] switch
    {
        null => null,
        var v => Convert.ToInt64(v, CultureInfo.InvariantCulture),
    };

    public double? Double(string column) => this[column] switch
    {
        null => null,
        var v => Convert.ToDouble(v, CultureInfo.InvariantCulture),
    };

    public bool Flag(string column) => this[column] is bool b && b;

    public DateOnly? Date(string column) => this[column] switch
    {
        null => null,
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        var v => DateOnly.Parse(v.ToString()!, CultureInfo.InvariantCulture),
    };
}

/// <summary>Runs a query file and returns its rows.</summary>
internal static class QueryRows
{
    public static async Task<IReadOnlyList<QueryRow>> RunAsync(DuckDBConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<QueryRow>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var values = new Dictionary<string, object?>(reader.FieldCount, StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                values[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(new QueryRow(values));
        }

        return rows;
    }
}
