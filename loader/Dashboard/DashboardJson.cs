using System.Globalization;
using System.Text;
using System.Text.Json;

namespace BudgetWarehouse.Loader.Dashboard;

/// <summary>Writes query results as JSON for the page script and as CSV (UTF-8 with BOM, for Excel) for export.</summary>
internal static class DashboardJson
{
    public static void WriteResult(Utf8JsonWriter json, QueryResult result)
    {
        json.WriteStartObject();
        json.WriteStartArray("columns");
        foreach (var c in result.Columns)
        {
            json.WriteStringValue(c);
        }

        json.WriteEndArray();
        json.WriteStartArray("rows");
        foreach (var row in result.Rows)
        {
            json.WriteStartArray();
            foreach (var value in row)
            {
                WriteValue(json, value);
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteStartArray("missing");
        foreach (var m in result.Missing)
        {
            json.WriteStringValue(m);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, object? value) => Analysis.ResultWriter.WriteJsonValue(json, value, Text);

    /// <summary>A value as the CSV and the table's raw cell value show it.</summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        DateTime t => t.ToString(t.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>RFC 4180 CSV with a UTF-8 byte order mark so that Excel reads the Japanese text.</summary>
    public static byte[] Csv(QueryResult result)
    {
        var text = new StringBuilder();
        text.Append('\uFEFF');
        text.AppendJoin(',', result.Columns.Select(Field)).Append("\r\n");
        foreach (var row in result.Rows)
        {
            text.AppendJoin(',', row.Select(v => Field(Text(v)))).Append("\r\n");
        }

        return new UTF8Encoding(false).GetBytes(text.ToString());
    }

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
