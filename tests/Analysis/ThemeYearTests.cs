using BudgetWarehouse.Loader.Analysis;
using BudgetWarehouse.Loader.Load;
using Dapper;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Tests.Analysis;

/// <summary>
/// agg_theme_year, the table v_theme_year reads, on tests/fixtures/lineage (北山市 FY2021 and FY2022, 南川市 FY2022):
/// a reload after a document or its manifest row changed, or a document disappeared, recomputes that document's series
/// only, and leaves the table equal to a recomputation from scratch and to the figures counted from the facts.
/// </summary>
public sealed class ThemeYearTests
{
    private const string LoadScript = "900_agg_theme_year.sql";

    [Fact]
    public async Task AReloadRecomputesTheChangedSeriesAndAgreesWithAFullRecompute()
    {
        using var dir = new TempDir();
        var seeds = CopyFixture(dir.Path);
        var warehouse = Path.Combine(dir.Path, "warehouse");
        Assert.Equal(0, (await TestWarehouse.LoadAsync(seeds, warehouse)).ExitCode);
        long kitayama2022Before;
        using (var connection = TestWarehouse.OpenReadOnly(warehouse))
        {
            kitayama2022Before = await ItemsAsync(connection, "北山市", 2022);
        }

        // 北山市 FY2022 gains an item: its series is recomputed, 南川市's is not.
        var path = Path.Combine(seeds, "documents", "kitayama_2022.txt");
        await File.AppendAllTextAsync(path, "- ・北山駅前広場の整備に着手\n");
        var reload = await TestWarehouse.LoadAsync(seeds, warehouse);
        Assert.Equal((0, 1, 2), (reload.ExitCode, reload.Loaded, reload.Unchanged));
        using (var connection = TestWarehouse.OpenReadOnly(warehouse))
        {
            Assert.Equal(kitayama2022Before + 1, await ItemsAsync(connection, "北山市", 2022));
        }

        await AssertEqualsFullRecomputeAsync(dir.Path, warehouse);

        // 北山市 FY2021 disappears: the series keeps FY2022 alone, with no prior year.
        File.Delete(Path.Combine(seeds, "documents", "kitayama_2021.txt"));
        var manifest = Path.Combine(seeds, "manifest.csv");
        await File.WriteAllLinesAsync(manifest, (await File.ReadAllLinesAsync(manifest)).Where(l => !l.StartsWith("kitayama_2021.txt,", StringComparison.Ordinal)));
        var removal = await TestWarehouse.LoadAsync(seeds, warehouse);
        Assert.Equal((0, 0, 2), (removal.ExitCode, removal.Loaded, removal.Unchanged));
        using (var connection = TestWarehouse.OpenReadOnly(warehouse))
        {
            Assert.Equal(new[] { 2022 }, await connection.QueryAsync<int>("select distinct fiscal_year from v_theme_year where municipality = '北山市'"));
            Assert.Equal(0, await connection.ExecuteScalarAsync<long>("select count(*) from v_theme_year where prior_fiscal_year is not null"));
            Assert.Equal(1, await connection.ExecuteScalarAsync<long>("select document_count from agg_theme_year_series where municipality = '北山市'"));
        }

        await AssertEqualsFullRecomputeAsync(dir.Path, warehouse);
    }

    [Fact]
    public async Task AReloadKeepsTheRowsOfSeriesWhoseDocumentsDidNotChange()
    {
        using var dir = new TempDir();
        var seeds = CopyFixture(dir.Path);
        var warehouse = Path.Combine(dir.Path, "warehouse");
        Assert.Equal(0, (await TestWarehouse.LoadAsync(seeds, warehouse)).ExitCode);

        // Mark every row of the published snapshot: a row recomputed by the next load loses the mark, a row carried keeps it.
        await using (var published = new DuckDBConnection($"Data Source={WarehouseDatabase.CurrentPath(new SnapshotStore(warehouse))}"))
        {
            await published.OpenAsync();
            Assert.True(await published.ExecuteAsync("update agg_theme_year set relisted_pct_change = -1") > 0);
            await published.ExecuteAsync("checkpoint");
        }

        await File.AppendAllTextAsync(Path.Combine(seeds, "documents", "kitayama_2022.txt"), "- ・北山駅前広場の整備に着手\n");
        Assert.Equal(1, (await TestWarehouse.LoadAsync(seeds, warehouse)).Loaded);
        using var connection = TestWarehouse.OpenReadOnly(warehouse);
        var marked = (await connection.QueryAsync<(string Municipality, bool Marked)>(
            "select municipality, bool_and(relisted_pct_change = -1) from agg_theme_year group by municipality order by municipality")).ToList();
        Assert.Equal(new[] { ("北山市", false), ("南川市", true) }, marked);
    }

    [Fact]
    public async Task AManifestChangeAloneRecomputesTheSeries()
    {
        // Same bytes, so the same document id: only the manifest row says the rows moved to another fiscal year.
        using var dir = new TempDir();
        var seeds = CopyFixture(dir.Path);
        var warehouse = Path.Combine(dir.Path, "warehouse");
        Assert.Equal(0, (await TestWarehouse.LoadAsync(seeds, warehouse)).ExitCode);
        var manifest = Path.Combine(seeds, "manifest.csv");
        await File.WriteAllLinesAsync(manifest, (await File.ReadAllLinesAsync(manifest))
            .Select(l => l.StartsWith("minamikawa_2022.txt,", StringComparison.Ordinal) ? l.Replace(",2022,", ",2023,", StringComparison.Ordinal) : l));
        var reload = await TestWarehouse.LoadAsync(seeds, warehouse);
        Assert.Equal((0, 1, 2), (reload.ExitCode, reload.Loaded, reload.Unchanged));
        using (var connection = TestWarehouse.OpenReadOnly(warehouse))
        {
            Assert.Equal(new[] { 2023 }, await connection.QueryAsync<int>("select distinct fiscal_year from v_theme_year where municipality = '南川市'"));
        }

        await AssertEqualsFullRecomputeAsync(dir.Path, warehouse);
    }

    [Fact]
    public async Task TheTableIsComputedBySeriesThatDoNotLeakIntoEachOther()
    {
        // A full computation and one series at a time give the same rows: no figure depends on another series.
        using var dir = new TempDir();
        var seeds = CopyFixture(dir.Path);
        var warehouse = Path.Combine(dir.Path, "warehouse");
        Assert.Equal(0, (await TestWarehouse.LoadAsync(seeds, warehouse)).ExitCode);
        var copy = Path.Combine(dir.Path, "copy.duckdb");
        File.Copy(WarehouseDatabase.CurrentPath(new SnapshotStore(warehouse)), copy);
        await using var check = new DuckDBConnection($"Data Source={copy}");
        await check.OpenAsync();
        var full = await RowsAsync(check);
        Assert.Contains("南川市", full, StringComparison.Ordinal);
        foreach (var municipality in new[] { "北山市", "南川市" })
        {
            await check.ExecuteAsync("delete from agg_theme_year_series where municipality = $m", new { m = municipality });
            await SqlScripts.RunFileAsync(check, Path.Combine(SqlScripts.Root, "load", LoadScript), CancellationToken.None);
            Assert.Equal(full, await RowsAsync(check));
        }
    }

    private static async Task AssertEqualsFullRecomputeAsync(string dir, string warehouse)
    {
        var copy = Path.Combine(dir, "recompute.duckdb");
        File.Delete(copy);
        File.Copy(WarehouseDatabase.CurrentPath(new SnapshotStore(warehouse)), copy);
        await using var check = new DuckDBConnection($"Data Source={copy}");
        await check.OpenAsync();
        var incremental = await RowsAsync(check);
        var stale = await QueryRunner.RunAsync(check, await File.ReadAllTextAsync(Path.Combine(SqlScripts.Root, "tests", "agg_theme_year_matches_facts.sql")), CancellationToken.None);
        Assert.Empty(stale.Rows);
        await check.ExecuteAsync("delete from agg_theme_year; delete from agg_theme_year_series");
        await SqlScripts.RunFileAsync(check, Path.Combine(SqlScripts.Root, "load", LoadScript), CancellationToken.None);
        Assert.Equal(await RowsAsync(check), incremental);
    }

    private static Task<long> ItemsAsync(DuckDBConnection connection, string municipality, int fiscalYear) =>
        connection.ExecuteScalarAsync<long>("select sum(initiatives)::bigint from v_theme_year where municipality = $m and fiscal_year = $y", new { m = municipality, y = fiscalYear });

    private static async Task<string> RowsAsync(DuckDBConnection connection)
    {
        var result = await QueryRunner.RunAsync(connection, "select * from agg_theme_year order by all", CancellationToken.None);
        return string.Join("\n", result.Rows.Select(r => string.Join("|", r.Select(QueryRunner.Text))));
    }

    private static string CopyFixture(string dir) => TestWarehouse.CopyFolder(LineageWarehouseFixture.LineageSeeds, Path.Combine(dir, "seeds"));
}
