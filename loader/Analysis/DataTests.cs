using System.Data.Common;
using System.Globalization;
using BudgetWarehouse.Loader.Load;

namespace BudgetWarehouse.Loader.Analysis;

/// <summary>Outcome of one data test.</summary>
internal enum DataTestStatus
{
    Pass,
    Fail,
    Skip,
    Error,
}

/// <summary>One data test's outcome: its failing rows, or why it was skipped or could not run.</summary>
internal sealed record DataTestResult(string Name, string Description, DataTestStatus Status, QueryResult? FailingRows, string? Message);

/// <summary>
/// The data tests of sql/tests (dbt's singular tests): each file is a query that returns the rows breaking a
/// rule (duplicate keys, orphans, values outside their enum, printed figures that do not reconcile, source lines
/// that do not exist). A test passes when it returns no row.
/// </summary>
internal static class DataTests
{
    /// <summary>Failing rows printed per test; the count is always given.</summary>
    public const int RowsShown = 50;

    public static async Task<IReadOnlyList<DataTestResult>> RunAsync(DbConnection connection, CancellationToken cancellationToken, string? folder = null)
    {
        var present = await SqlRequirements.RelationsAsync(connection, cancellationToken).ConfigureAwait(false);
        var files = folder is null ? SqlScripts.Files("tests") : Directory.EnumerateFiles(folder, "*.sql").Order(StringComparer.Ordinal);
        var results = new List<DataTestResult>();
        foreach (var file in files)
        {
            var sql = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
            var name = Path.GetFileNameWithoutExtension(file);
            var description = Describe(sql);
            var missing = SqlRequirements.Missing(sql, present);
            if (missing.Count > 0)
            {
                results.Add(new DataTestResult(name, description, DataTestStatus.Skip, null, SqlRequirements.SkipReason(missing)));
                continue;
            }

            try
            {
                var rows = await QueryRunner.RunAsync(connection, sql, cancellationToken).ConfigureAwait(false);
                results.Add(new DataTestResult(name, description, rows.Rows.Count == 0 ? DataTestStatus.Pass : DataTestStatus.Fail, rows, null));
            }
            catch (QueryException ex)
            {
                results.Add(new DataTestResult(name, description, DataTestStatus.Error, null, ex.Message));
            }
        }

        return results;
    }

    /// <summary>Prints one line per test and, under each failure, its failing rows; then a summary line.</summary>
    public static void Report(IReadOnlyList<DataTestResult> results, TextWriter writer)
    {
        foreach (var r in results)
        {
            switch (r.Status)
            {
                case DataTestStatus.Pass:
                    writer.WriteLine($"PASS  {r.Name}");
                    break;
                case DataTestStatus.Skip:
                    writer.WriteLine($"SKIP  {r.Name}: {r.Message}");
                    break;
                case DataTestStatus.Error:
                    writer.WriteLine($"ERROR {r.Name}: {r.Message}");
                    break;
                case DataTestStatus.Fail:
                    var rows = r.FailingRows!;
                    writer.WriteLine($"FAIL  {r.Name}: {Count(rows.Rows.Count)} failing — {r.Description}");
                    var shown = rows.Rows.Count > RowsShown ? rows with { Rows = [.. rows.Rows.Take(RowsShown)] } : rows;
                    ResultWriter.WriteTable(shown, writer);
                    break;
            }
        }

        var passed = results.Count(r => r.Status == DataTestStatus.Pass);
        var failed = results.Count(r => r.Status is DataTestStatus.Fail or DataTestStatus.Error);
        var skipped = results.Count(r => r.Status == DataTestStatus.Skip);
        writer.WriteLine($"{results.Count} data tests: {passed} passed, {failed} failed, {skipped} skipped");
    }

    /// <summary>The file's leading comment, without the requires line: what the test checks.</summary>
    public static string Describe(string sql)
    {
        var lines = sql.Split('\n')
            .Select(l => l.Trim())
            .TakeWhile(l => l.StartsWith("--", StringComparison.Ordinal))
            .Where(l => !l.StartsWith("-- requires:", StringComparison.OrdinalIgnoreCase))
            .Select(l => l.TrimStart('-').Trim());
        return string.Join(' ', lines);
    }

    private static string Count(int n) => n == 1 ? "1 row" : n.ToString(CultureInfo.InvariantCulture) + " rows";
}
