using System.Security.Cryptography;
using System.Text;
using BudgetWarehouse.Loader.Load;
using Dapper;

namespace BudgetWarehouse.Tests.Load;

/// <summary>
/// A reload after one document changed writes again only the lake files (fiscal year and file group) that document's
/// rows were or are in, links the others from the previous snapshot, and leaves a lake equal to its database, table by table.
/// </summary>
public class IncrementalLakeTests
{
    [Fact]
    public async Task OnlyTheChangedDocumentsFilesAreWrittenAndTheLakeEqualsTheDatabase()
    {
        using var dir = new TempDir();
        var seeds = TestWarehouse.CopyFolder(Path.Combine(TestPaths.RepoRoot, "tests", "fixtures", "lineage"), Path.Combine(dir.Path, "seeds"));
        var changed = Path.Combine(seeds, "documents", "kitayama_2022.txt");
        const string added = "- ・新しい図書館の基本構想を策定\n";

        // The file group is the first hex digit of the document id (the start of the content's SHA-256) divided by 4.
        // The other municipality's FY2022 document gets blank lines at its end (nothing else changes) until it is in a
        // group of its own, apart from the changed document's before and after.
        string Group(byte[] content) => ParquetExporter.FileGroup(Convert.ToHexStringLower(SHA256.HashData(content)));
        var oldGroup = Group(await File.ReadAllBytesAsync(changed));
        var newGroup = Group([.. await File.ReadAllBytesAsync(changed), .. Encoding.UTF8.GetBytes(added)]);
        // The other municipality gets a FY2021 document too (its FY2022 one less an item), so that it has
        // year-over-year rows of its own, which a reload of the changed series must leave alone.
        var other = Path.Combine(seeds, "documents", "minamikawa_2022.txt");
        var otherLines = (await File.ReadAllLinesAsync(other)).ToList();
        otherLines.RemoveAt(otherLines.FindLastIndex(l => l.StartsWith("- ・", StringComparison.Ordinal)));
        await File.WriteAllLinesAsync(Path.Combine(seeds, "documents", "minamikawa_2021.txt"), otherLines);
        await File.AppendAllTextAsync(Path.Combine(seeds, "manifest.csv"), "minamikawa_2021.txt,budget_priorities,南川市,2021,令和3年度当初予算 予算の重点\n");
        var group2021 = Group(await File.ReadAllBytesAsync(Path.Combine(seeds, "documents", "kitayama_2021.txt")));
        while (Group(await File.ReadAllBytesAsync(other)) is var g && (g == oldGroup || g == newGroup || g == group2021))
        {
            await File.AppendAllTextAsync(other, "\n");
        }

        var otherGroup = Group(await File.ReadAllBytesAsync(other));
        Assert.NotEqual(oldGroup, newGroup);

        var warehouse = Path.Combine(dir.Path, "warehouse");
        Assert.Equal(0, (await TestWarehouse.LoadAsync(seeds, warehouse)).ExitCode);
        var lake = Path.Combine(warehouse, SnapshotStore.LakeFolder);
        string Part(int year, string group, string table = "fact_initiative") => Path.Combine(lake, table, $"fiscal_year={year}", $"group_{group}.parquet");
        string[] Year(int year, string table = "fact_initiative") =>
            [.. Directory.EnumerateFiles(Path.Combine(lake, table, $"fiscal_year={year}")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
        var other2021 = Group(await File.ReadAllBytesAsync(Path.Combine(seeds, "documents", "minamikawa_2021.txt")));
        Assert.Equal(new[] { $"group_{group2021}.parquet", $"group_{other2021}.parquet" }.Distinct().Order(StringComparer.Ordinal), Year(2021));
        Assert.Equal(new[] { $"group_{oldGroup}.parquet", $"group_{otherGroup}.parquet" }.Order(StringComparer.Ordinal), Year(2022));
        var before2021 = await File.ReadAllBytesAsync(Part(2021, group2021));
        var written2021 = File.GetLastWriteTimeUtc(Part(2021, group2021));
        var writtenOther = File.GetLastWriteTimeUtc(Part(2022, otherGroup));
        var lineage2021 = File.GetLastWriteTimeUtc(Part(2021, group2021, LineageLoad.Table));
        var lineageOther = File.GetLastWriteTimeUtc(Part(2022, otherGroup, LineageLoad.Table));
        var yoyOther = File.GetLastWriteTimeUtc(Part(2022, otherGroup, "agg_dashboard_yoy"));
        await Task.Delay(1100); // file times have a resolution of a second or better everywhere this runs

        await File.AppendAllTextAsync(changed, added);
        var reload = await TestWarehouse.LoadAsync(seeds, warehouse);
        Assert.Equal((1, 3), (reload.Loaded, reload.Unchanged));

        // FY2021 and the other municipality's FY2022 file are linked; the changed document's old file is gone, its new one written.
        Assert.Equal(written2021, File.GetLastWriteTimeUtc(Part(2021, group2021)));
        Assert.Equal(before2021, await File.ReadAllBytesAsync(Part(2021, group2021)));
        Assert.Equal(writtenOther, File.GetLastWriteTimeUtc(Part(2022, otherGroup)));
        Assert.Equal(new[] { $"group_{newGroup}.parquet", $"group_{otherGroup}.parquet" }.Order(StringComparer.Ordinal), Year(2022));
        Assert.True(File.GetLastWriteTimeUtc(Part(2022, newGroup)) > writtenOther);

        // The changed document's series is linked again, but its FY2021 lineage rows cannot change, and the other
        // municipality's series is not recomputed: both files are linked.
        Assert.Equal(lineage2021, File.GetLastWriteTimeUtc(Part(2021, group2021, LineageLoad.Table)));
        Assert.Equal(lineageOther, File.GetLastWriteTimeUtc(Part(2022, otherGroup, LineageLoad.Table)));
        Assert.True(File.Exists(Part(2022, newGroup, LineageLoad.Table)));
        Assert.False(File.Exists(Part(2022, oldGroup, LineageLoad.Table)));

        // The year-over-year rows are recomputed for the changed series only: the other municipality's file is linked.
        Assert.Equal(yoyOther, File.GetLastWriteTimeUtc(Part(2022, otherGroup, "agg_dashboard_yoy")));
        Assert.True(File.Exists(Part(2022, newGroup, "agg_dashboard_yoy")));

        var manifest = await File.ReadAllTextAsync(Path.Combine(lake, "_manifest.json"));
        Assert.Contains("\"layout\": \"Tables with partitioned_by = fiscal_year are folders fiscal_year=YYYY/", manifest, StringComparison.Ordinal);

        using var connection = TestWarehouse.OpenReadOnly(warehouse);
        var tables = (await connection.QueryAsync<string>("select table_name from duckdb_tables() where schema_name = 'main' order by 1")).ToList();
        Assert.Contains("fact_initiative", tables);
        foreach (var table in tables)
        {
            var files = Path.Combine(lake, table, "**", "*.parquet").Replace("'", "''", StringComparison.Ordinal);
            var parquet = $"read_parquet('{files}', hive_partitioning = false)";
            var missing = await connection.ExecuteScalarAsync<long>($"select count(*) from (select * from \"{table}\" except all select * from {parquet})");
            var extra = await connection.ExecuteScalarAsync<long>($"select count(*) from (select * from {parquet} except all select * from \"{table}\")");
            var onlyInLake = string.Join("\n", await connection.QueryAsync<string>($"select concat_ws(' | ', *columns(*)) from (select * from {parquet} except all select * from \"{table}\") limit 5"));
            Assert.True(missing == 0 && extra == 0, $"{table}: {missing} rows missing from the lake, {extra} rows only in the lake\n{onlyInLake}");
        }

        Assert.Equal(1, await connection.ExecuteScalarAsync<long>(
            "select count(*) from fact_initiative where text = '新しい図書館の基本構想を策定'"));

        // And the database equals a full load of the same folder, table by table.
        var fresh = Path.Combine(dir.Path, "fresh");
        Assert.Equal(0, (await TestWarehouse.LoadAsync(seeds, fresh)).ExitCode);
        using var full = TestWarehouse.OpenReadOnly(fresh);
        Assert.Equal(Verbs.ServiceTestSupport.Digest(full), Verbs.ServiceTestSupport.Digest(connection));
    }
    [Fact]
    public async Task ALakeWrittenInAnotherLayoutIsWrittenAgainWholeWithNoRowLostOrRepeated()
    {
        using var dir = new TempDir();
        var seeds = TestWarehouse.CopyFolder(Path.Combine(TestPaths.RepoRoot, "tests", "fixtures", "lineage"), Path.Combine(dir.Path, "seeds"));
        var warehouse = Path.Combine(dir.Path, "warehouse");
        Assert.Equal(0, (await TestWarehouse.LoadAsync(seeds, warehouse)).ExitCode);

        // The published lake as a loader writing one part_0.parquet a year left it.
        var table = Path.Combine(warehouse, SnapshotStore.LakeFolder, "fact_initiative");
        await using (var duck = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:"))
        {
            await duck.OpenAsync();
            foreach (var year in Directory.EnumerateDirectories(table, "fiscal_year=*"))
            {
                var files = Directory.GetFiles(year, "*.parquet");
                await duck.ExecuteAsync($"copy (select * from read_parquet('{year.Replace("'", "''", StringComparison.Ordinal)}/*.parquet')) to '{Path.Combine(year, "part_0.parquet").Replace("'", "''", StringComparison.Ordinal)}' (format parquet)");
                Array.ForEach(files, File.Delete);
            }
        }

        await File.AppendAllTextAsync(Path.Combine(seeds, "documents", "kitayama_2022.txt"), "- ・新しい図書館の基本構想を策定\n");
        var reload = await TestWarehouse.LoadAsync(seeds, warehouse);
        Assert.Equal((1, 2), (reload.Loaded, reload.Unchanged));

        Assert.All(Directory.EnumerateFiles(table, "*.parquet", SearchOption.AllDirectories), f => Assert.StartsWith("group_", Path.GetFileName(f), StringComparison.Ordinal));
        using var connection = TestWarehouse.OpenReadOnly(warehouse);
        var parquet = $"read_parquet('{Path.Combine(table, "**", "*.parquet").Replace("'", "''", StringComparison.Ordinal)}', hive_partitioning = false)";
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>($"select count(*) from (select * from fact_initiative except all select * from {parquet})"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>($"select count(*) from (select * from {parquet} except all select * from fact_initiative)"));
    }
}
