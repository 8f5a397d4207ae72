using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Bench;

/// <summary>
/// Rows of four VARCHAR values and an integer through DuckDB.NET's appender, as WarehouseWriter appends them:
/// a new row object per row (<c>CreateRow</c>) against the appender's reusable row (<c>AppendRow</c>), and
/// <c>AppendValue(string)</c> against UTF-8 bytes encoded by the caller and passed as a span. The span is not
/// the cheaper one: DuckDB validates the bytes of a span as UTF-8, and short strings, which DuckDB.NET writes
/// inline, then cost a native call each.
/// </summary>
[MemoryDiagnoser]
public class AppenderBenchmarks
{
    private const int Rows = 100_000;
    private string[] _texts = [];
    private DuckDBConnection _connection = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Item-like text: Japanese, 10–80 characters, plus ids and short codes as the facts carry.
        var words = new[] { "子育て支援", "の充実", "地域公共交通", "計画を策定", "（令和3年度）", "拡充", "市民", "センター", "整備", "DX推進" };
        var random = new Random(7);
        _texts = new string[Rows * 4];
        for (var i = 0; i < _texts.Length; i++)
        {
            var sb = new StringBuilder();
            var n = i % 4 == 0 ? 0 : random.Next(2, 12);
            for (var w = 0; w < n; w++)
            {
                sb.Append(words[random.Next(words.Length)]);
            }

            _texts[i] = i % 4 == 0 ? $"0123456789abcdef-I{i:D4}" : sb.ToString();
        }

        _connection = new DuckDBConnection("Data Source=:memory:");
        _connection.Open();
    }

    [GlobalCleanup]
    public void Cleanup() => _connection.Dispose();

    [IterationSetup]
    public void CreateTable()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "create or replace table t (a varchar, b varchar, c varchar, d varchar, e integer)";
        command.ExecuteNonQuery();
    }

    [Benchmark(Baseline = true, Description = "CreateRow + AppendValue(string)")]
    public void StringValues()
    {
        using var appender = _connection.CreateAppender("t");
        for (var i = 0; i < Rows; i++)
        {
            appender.CreateRow().AppendValue(_texts[4 * i]).AppendValue(_texts[(4 * i) + 1]).AppendValue(_texts[(4 * i) + 2])
                .AppendValue(_texts[(4 * i) + 3]).AppendValue(i).EndRow();
        }
    }

    [Benchmark(Description = "AppendRow (reusable row) + AppendValue(string)")]
    public void StringValuesReusedRow()
    {
        using var appender = _connection.CreateAppender("t");
        for (var i = 0; i < Rows; i++)
        {
            appender.AppendRow((this, i), static (row, s) =>
            {
                var (self, k) = s;
                row.AppendValue(self._texts[4 * k]).AppendValue(self._texts[(4 * k) + 1]).AppendValue(self._texts[(4 * k) + 2])
                    .AppendValue(self._texts[(4 * k) + 3]).AppendValue(k);
            });
        }
    }

    [Benchmark(Description = "AppendRow (reusable row) + AppendValue(Span<byte>), UTF-8 encoded by the caller")]
    public void Utf8SpanValues()
    {
        using var appender = _connection.CreateAppender("t");
        for (var i = 0; i < Rows; i++)
        {
            appender.AppendRow((this, i), static (row, s) =>
            {
                var (self, k) = s;
                AppendUtf8(row, self._texts[4 * k]);
                AppendUtf8(row, self._texts[(4 * k) + 1]);
                AppendUtf8(row, self._texts[(4 * k) + 2]);
                AppendUtf8(row, self._texts[(4 * k) + 3]);
                row.AppendValue(k);
            });
        }
    }

    private static void AppendUtf8(IDuckDBAppenderRow row, string value)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(value.Length) + 1);
        row.AppendValue(buffer.AsSpan(0, Encoding.UTF8.GetBytes(value, buffer)));
        ArrayPool<byte>.Shared.Return(buffer);
    }
}
