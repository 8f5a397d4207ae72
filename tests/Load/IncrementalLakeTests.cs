using BudgetWarehouse.Loader.Load;
using Dapper;

namespace BudgetWarehouse.Tests.Load;

/// <summary>
/// A reload after one document changed writes again only the Parquet partitions that document's rows were or are in,
/// links the others from the previous snapshot, and leaves a lake equal to its database, table by table.
/// </summary>
public class IncrementalLakeTests
{
    [Fact]
    public async Task OnlyTheChangedYearsPartitionsAreWrittenAndTheLakeEqualsTheDatabase()
    {
        using var dir = new TempDir();
        var seeds = TestWarehouse.CopyFolder(Path.Combine(TestPaths.RepoRoot, "tests", "fixtures", "lineage"), Path.Combine(dir.Path, "seeds"));

        var warehouse = Path.Combine(dir.Path, "warehouse");
        Assert.Equal(0, (await TestWarehouse.LoadAsync(seeds, warehouse)).ExitCode);
        var lake = Path.Combine(warehouse, SnapshotStore.LakeFolder);
        string Part(int year, string table = "fact_initiative") => Path.Combine(lake, table, $"fiscal_year={year}", ParquetExporter.PartFile);
        var before2021 = await File.ReadAllBytesAsync(Part(2021));
        var written2021 = File.GetLastWriteTimeUtc(Part(2021));
        var written2022 = File.GetLastWriteTimeUtc(Part(2022));
        var lineage2021 = File.GetLastWriteTimeUtc(Part(2021, LineageLoad.Table));
        var lineage2022 = File.GetLastWriteTimeUtc(Part(2022, LineageLoad.Table));
        await Task.Delay(1100); // file times have a resolution of a second or better everywhere this runs

        // The FY2022 document of one municipality changes; FY2021 has no change.
        var path = Path.Combine(seeds, "documents", "kitayama_2022.txt");
        await File.AppendAllTextAsync(path, "- ・新しい図書館の基本構想を策定\n");
        var reload = await TestWarehouse.LoadAsync(seeds, warehouse);
        Assert.Equal((1, 2), (reload.Loaded, reload.Unchanged));

        Assert.Equal(written2021, File.GetLastWriteTimeUtc(Part(2021)));
        Assert.Equal(before2021, await File.ReadAllBytesAsync(Part(2021)));
        Assert.NotEqual(written2022, File.GetLastWriteTimeUtc(Part(2022)));

        // The changed document's series is linked again, but its FY2021 lineage rows cannot change: that year is linked.
        Assert.Equal(lineage2021, File.GetLastWriteTimeUtc(Part(2021, LineageLoad.Table)));
        Assert.NotEqual(lineage2022, File.GetLastWriteTimeUtc(Part(2022, LineageLoad.Table)));

        using var connection = TestWarehouse.OpenReadOnly(warehouse);
        var tables = (await connection.QueryAsync<string>("select table_name from duckdb_tables() where schema_name = 'main' order by 1")).ToList();
        Assert.Contains("fact_initiative", tables);
        foreach (var table in tables)
        {
            var files = Path.Combine(lake, table, "**", "*.parquet").Replace("'", "''", StringComparison.Ordinal);
            var parquet = $"read_parquet('{files}', hive_partitioning = false)";
            var missing = await connection.ExecuteScalarAsync<long>($"select count(*) from (select * from \"{table}\" except all select * from {parquet})");
            var extra = await connection.ExecuteScalarAsync<long>($"select count(*) from (select * from {parquet} except all select * from \"{table}\")");
            Assert.True(missing == 0 && extra == 0, $"{table}: {missing} rows missing from the lake, {extra} rows only in the lake");
        }

        Assert.Equal(1, await connection.ExecuteScalarAsync<long>(
            "select count(*) from fact_initiative where text = '新しい図書館の基本構想を策定'"));
    }
}
