using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Loader.Load.Reference;
using BudgetWarehouse.Tests.Verbs;
using Dapper;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Tests.Transform.Departments;

/// <summary>
/// Organisation charts as data for any municipality (reference/departments/&lt;municipality&gt;.csv): validated with
/// file-and-line errors, used for the units pages name, and reported per municipality by `bw departments`.
/// </summary>
public class OrgChartTests
{
    private const string ChartHeader = "name,kind,parent,valid_from_fy,valid_to_fy,note";

    private static string ChartFolder(TempDir tmp, params (string File, string[] Lines)[] charts)
    {
        var seeds = Path.Combine(tmp.Path, "seeds");
        var dir = Path.Combine(seeds, "reference", OrgCharts.Folder);
        Directory.CreateDirectory(dir);
        foreach (var (file, lines) in charts)
        {
            File.WriteAllText(Path.Combine(dir, file), string.Join("\n", lines) + "\n");
        }

        return seeds;
    }

    [Fact]
    public void AChartGivesItsMunicipalityToEveryRow()
    {
        using var tmp = new TempDir();
        var seeds = ChartFolder(tmp,
            ("架空市.csv", [ChartHeader, "こども未来部,部,,,,", "こども支援課,課,こども未来部,,,"]),
            ("999999_見本町.csv", [ChartHeader, "住民課,課,,,,"]));
        var units = ReferenceReader.Read(seeds).Directory;
        // Files in ordinal name order: the coded one first.
        Assert.Equal([("見本町", "住民課"), ("架空市", "こども未来部"), ("架空市", "こども支援課")], units.Select(u => (u.Municipality!, u.Name)).ToList());
        Assert.Equal("reference/departments/架空市.csv:3", units[2].Origin);
    }

    [Theory]
    [InlineData("架空市.csv", new[] { ChartHeader, "こども支援課,係,,,," }, "reference/departments/架空市.csv:2: bad kind '係' for こども支援課")]
    [InlineData("架空市.csv", new[] { ChartHeader, "こども支援課,課,こども未来部,,," }, "reference/departments/架空市.csv:2: unknown parent 'こども未来部' of こども支援課 (no row with that name in 架空市)")]
    [InlineData("架空市.csv", new[] { ChartHeader, "住民課,課,,2020,2024,", "住民課,課,,2024,,", }, "reference/departments/架空市.csv:3: overlapping validity for 住民課")]
    [InlineData("架空市.csv", new[] { "municipality,name,kind,parent,valid_from_fy,valid_to_fy,note", "見本町,住民課,課,,,," }, "reference/departments/架空市.csv:2: municipality '見本町' in the chart of 架空市")]
    [InlineData("架空市.csv", new[] { ChartHeader, "住民課,課,,令和2,,", }, "reference/departments/架空市.csv:2: bad year '令和2' in valid_from_fy")]
    [InlineData("172014.csv", new[] { ChartHeader, "住民課,課,,,," }, "reference/departments/172014.csv: cannot tell the municipality from the file name '172014'")]
    [InlineData("架空市.txt", new[] { ChartHeader }, "reference/departments/架空市.txt: not a .csv file")]
    public void ABadChartIsRejectedWithFileAndLine(string file, string[] lines, string expected)
    {
        using var tmp = new TempDir();
        var seeds = ChartFolder(tmp, (file, lines));
        var ex = Assert.Throws<ReferenceException>(() => ReferenceReader.Read(seeds));
        Assert.Contains(ex.Problems, p => p.ToString().StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AChartedUnitKeepsItsBureauAndTheDepartmentsVerbCountsPerMunicipality()
    {
        using var tmp = new TempDir();
        var seeds = ChartFolder(tmp, ("架空市.csv", [ChartHeader, "こども未来部,部,,,,", "こども支援課,課,こども未来部,,,"]));
        Directory.CreateDirectory(Path.Combine(seeds, "documents"));
        File.Copy(Path.Combine(TestPaths.RepoRoot, "tests", "Transform", "Departments", "fixtures", "imaginary_city.txt"), Path.Combine(seeds, "documents", "city.txt"));
        await File.WriteAllTextAsync(Path.Combine(seeds, "documents", "town.txt"), "令和7年度 予算の重点\n\n1 暮らし\n・市道の舗装補修を推進\n・新たな制度を開始\n");
        await File.WriteAllTextAsync(Path.Combine(seeds, "manifest.csv"),
            "file,family,municipality,fiscal_year,title\ncity.txt,budget_priorities,架空市,2025,\ntown.txt,budget_priorities,見本町,2025,\n");
        var warehouse = Path.Combine(tmp.Path, "warehouse");
        Assert.NotNull((await TestWarehouse.LoadAsync(seeds, warehouse)).SnapshotId);
        await using (var db = new DuckDBConnection($"Data Source={Path.Combine(new SnapshotStore(warehouse).CurrentSnapshotDir!, SnapshotStore.DatabaseFile)};ACCESS_MODE=READ_ONLY"))
        {
            await db.OpenAsync();
            var rows = (await db.QueryAsync<(string Bureau, string Source)>("select bureau, source from dim_department where name = 'こども支援課'")).ToList();
            Assert.Equal([("こども未来部", "reference")], rows);
            Assert.Equal(2, await db.ExecuteScalarAsync<long>("select count(*) from fact_initiative f join dim_department d using (department_id) where d.name = 'こども支援課' and d.source = 'reference'"));
        }

        using var bw = ServiceTestSupport.StartBw($"departments --warehouse {warehouse}");
        Assert.True(bw.WaitForExit(60_000));
        var output = ServiceTestSupport.Output(bw);
        Assert.True(bw.ExitCode == 0, output);
        Assert.Contains("municipality\tdocuments\tinitiatives\texplicit\trule\tfunction_only\tnone\tassigned_pct", output, StringComparison.Ordinal);
        // 架空市: 13 initiatives (12 items and the 担当 line), 11 named, the 3か所 item has a function only, the 予定 item too.
        Assert.Contains("架空市\t1\t13\t11\t0\t2\t0\t100", output, StringComparison.Ordinal);
        // 見本町: a road item (土木費 by rule) and an item with neither.
        Assert.Contains("見本町\t1\t2\t0\t0\t1\t1\t50", output, StringComparison.Ordinal);
    }
}
