using System.Text;
using BudgetWarehouse.Loader.Load;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Loader.Report;

/// <summary>What a report run wrote.</summary>
internal sealed record ReportOutcome(string OutFile, string SnapshotId, long Bytes, int Charts, IReadOnlyList<string> MissingSections);

/// <summary>Reads the current snapshot read-only and writes the report page.</summary>
internal static class ReportBuilder
{
    public static async Task<ReportOutcome> WriteAsync(SnapshotStore store, string outFile, DateOnly? asOf, CancellationToken cancellationToken)
    {
        var snapshotDir = store.CurrentSnapshotDir
            ?? throw new InvalidOperationException($"no published snapshot in {store.Root}: run `bw load` first");

        // The snapshot folder, not the budget.duckdb link: a load publishing meanwhile cannot swap files under the reader.
        var database = Path.Combine(snapshotDir, SnapshotStore.DatabaseFile);
        ReportData data;
        await using (var connection = await SandboxConnection.OpenAsync(database, null, cancellationToken).ConfigureAwait(false))
        {
            data = await ReportData.ReadAsync(connection, Path.GetFileName(snapshotDir), asOf, cancellationToken).ConfigureAwait(false);
        }

        var html = ReportHtml.Render(data);
        var full = Path.GetFullPath(outFile);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        await File.WriteAllTextAsync(temp, html, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        File.Move(temp, full, overwrite: true);
        var charts = CountOccurrences(html, "data-chart=\"");
        var missing = data.Sections.Values.Where(s => !s.IsAvailable).Select(s => $"{s.QueryFile} (needs {string.Join(", ", s.Missing)})").ToList();
        return new ReportOutcome(full, data.SnapshotId, new FileInfo(full).Length, charts, missing);
    }

    private static int CountOccurrences(string text, string what)
    {
        var count = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
