using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace BudgetWarehouse.Loader.Analysis;

/// <summary>Output formats of <c>bw query</c>.</summary>
internal enum ResultFormat
{
    Table,
    Csv,
    Json,
    Parquet,
}

/// <summary>Writes a <see cref="QueryResult"/> as an aligned table, RFC 4180 CSV or JSON.</summary>
internal static class ResultWriter
{
    public static void Write(QueryResult result, ResultFormat format, TextWriter writer)
    {
        switch (format)
        {
            case ResultFormat.Table:
                WriteTable(result, writer);
                break;
            case ResultFormat.Csv:
                WriteCsv(result, writer);
                break;
            case ResultFormat.Json:
                WriteJson(result, writer);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "parquet is written by QueryRunner.CopyToParquetAsync");
        }
    }

    /// <summary>
    /// A table whose columns line up in a terminal: Spectre.Console measures East Asian wide characters as two
    /// columns. ASCII borders, because box-drawing characters are ambiguous-width and drawn double in many
    /// Japanese terminal setups. The table is never wrapped to the terminal: a wide result scrolls instead.
    /// </summary>
    public static void WriteTable(QueryResult result, TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        var table = new Table().Border(TableBorder.Ascii);
        for (var c = 0; c < result.Columns.Count; c++)
        {
            var right = IsNumeric(result.Types[c]);
            table.AddColumn(new TableColumn(new Text(result.Columns[c])) { Alignment = right ? Justify.Right : Justify.Left, NoWrap = true });
        }

        var widest = result.Columns.Select(DisplayWidth.Of).ToArray();
        foreach (var row in result.Rows)
        {
            var cells = new IRenderable[row.Length];
            for (var c = 0; c < row.Length; c++)
            {
                var text = QueryRunner.Text(row[c]);
                cells[c] = new Text(text);
                foreach (var line in text.Split('\n'))
                {
                    widest[c] = Math.Max(widest[c], DisplayWidth.Of(line));
                }
            }

            table.AddRow(cells);
        }

        console.Profile.Width = Math.Max(80, widest.Sum() + (3 * widest.Length) + 2);
        console.Write(table);
        writer.WriteLine(result.Rows.Count == 1 ? "1 row" : $"{result.Rows.Count.ToString(CultureInfo.InvariantCulture)} rows");
    }

    /// <summary>RFC 4180 CSV with a header row and CRLF line ends; null is an empty field.</summary>
    public static void WriteCsv(QueryResult result, TextWriter writer)
    {
        writer.Write(string.Join(',', result.Columns.Select(Quote)));
        writer.Write("\r\n");
        foreach (var row in result.Rows)
        {
            writer.Write(string.Join(',', row.Select(v => Quote(QueryRunner.Text(v)))));
            writer.Write("\r\n");
        }
    }

    /// <summary>A JSON array with one object per row; Japanese text is written as is, not escaped.</summary>
    public static void WriteJson(QueryResult result, TextWriter writer)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var row in result.Rows)
            {
                json.WriteStartObject();
                for (var c = 0; c < row.Length; c++)
                {
                    json.WritePropertyName(result.Columns[c]);
                    WriteJsonValue(json, row[c]);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        writer.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>
    /// One DuckDB value as JSON: numbers exact (HUGEINT as a number literal), lists as arrays, anything else as text
    /// (<paramref name="text"/>, by default <see cref="QueryRunner.Text"/>).
    /// </summary>
    internal static void WriteJsonValue(Utf8JsonWriter json, object? value, Func<object?, string>? text = null)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case string s:
                json.WriteStringValue(s);
                break;
            case int or long or short or sbyte or byte or ushort or uint:
                json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong u:
                json.WriteNumberValue(u);
                break;
            case double d when double.IsFinite(d):
                json.WriteNumberValue(d);
                break;
            case float f when float.IsFinite(f):
                json.WriteNumberValue(f);
                break;
            case decimal m:
                json.WriteNumberValue(m);
                break;
            case BigInteger n:
                // HUGEINT: exact as a JSON number literal.
                json.WriteRawValue(n.ToString(CultureInfo.InvariantCulture));
                break;
            case System.Collections.IEnumerable list when value is not string:
                json.WriteStartArray();
                foreach (var item in list)
                {
                    WriteJsonValue(json, item, text);
                }

                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue((text ?? QueryRunner.Text)(value));
                break;
        }
    }

    private static bool IsNumeric(string duckType) => duckType.ToUpperInvariant() switch
    {
        "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "HUGEINT" or "UTINYINT" or "USMALLINT" or "UINTEGER" or "UBIGINT" or "UHUGEINT"
            or "FLOAT" or "DOUBLE" or "REAL" => true,
        var t => t.StartsWith("DECIMAL", StringComparison.Ordinal),
    };

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
