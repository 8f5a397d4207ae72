using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Loader.Transform.Departments;
using BudgetWarehouse.Models;
using Dapper;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Tests.Transform.Departments;

/// <summary>
/// Units a page names next to its items: a page of an imaginary city (fixtures/imaginary_city.txt, written by the team)
/// with parenthesised units, 担当/所管 labels, a 担当課 column and a legend of abbreviations, loaded with a manifest
/// row and no organisation chart: every item gets the unit the page names, and each unit becomes a dim_department row
/// of the city with the line as evidence.
/// </summary>
public class PageDepartmentTests
{
    [Fact]
    public async Task EveryItemOfTheImaginaryCityGetsTheUnitThePageNames()
    {
        using var tmp = new TempDir();
        var seeds = Path.Combine(tmp.Path, "seeds");
        Directory.CreateDirectory(Path.Combine(seeds, "documents"));
        File.Copy(Path.Combine(TestPaths.RepoRoot, "tests", "Transform", "Departments", "fixtures", "imaginary_city.txt"), Path.Combine(seeds, "documents", "city.txt"));
        await File.WriteAllTextAsync(Path.Combine(seeds, "manifest.csv"), "file,family,municipality,fiscal_year,title\ncity.txt,budget_priorities,架空市,2025,\n");
        var warehouse = Path.Combine(tmp.Path, "warehouse");
        Assert.NotNull((await TestWarehouse.LoadAsync(seeds, warehouse)).SnapshotId);
        await using var db = new DuckDBConnection($"Data Source={Path.Combine(new SnapshotStore(warehouse).CurrentSnapshotDir!, SnapshotStore.DatabaseFile)};ACCESS_MODE=READ_ONLY");
        await db.OpenAsync();
        var items = (await db.QueryAsync<(int Line, string Unit, string Method, string Evidence)>(
            "select f.source_line_start, d.name, f.department_method, f.department_evidence from fact_initiative f join dim_department d using (department_id) where f.kind = 'item' order by f.seq")).ToList();
        Assert.Equal(
            [
                (5, "こども支援課", "explicit"), (6, "こども支援課", "explicit"), (7, "子ども家庭センター", "explicit"), (9, "健康づくり課", "explicit"),
                (10, "保育課", "explicit"), (11, "(不明)", "none"), (14, "道路整備課", "explicit"), (15, "公園緑地課", "explicit"), (16, "(不明)", "none"),
                (21, "環境政策課", "explicit"), (22, "道路整備課", "explicit"), (23, "環境政策課", "explicit"),
            ],
            items.Select(i => (i.Line, i.Unit, i.Method)).ToList());
        Assert.Contains("legend city.txt:2", items[1].Evidence, StringComparison.Ordinal);
        Assert.Contains("(on the line under the item)", items[2].Evidence, StringComparison.Ordinal);
        Assert.Contains("also named: こども支援課", items[4].Evidence, StringComparison.Ordinal);
        Assert.Contains("担当課 column city.txt:22", items[10].Evidence, StringComparison.Ordinal);

        var units = (await db.QueryAsync<(string Name, string Kind, string? Parent, string Municipality, int? From, string Source, string Evidence)>(
            "select name, kind, parent, municipality, valid_from_fy, source, evidence from dim_department where department_id <> 'unknown' order by name")).ToList();
        Assert.Equal(["こども支援課", "保育課", "健康づくり課", "公園緑地課", "子ども家庭センター", "環境政策課", "道路整備課", "都市整備部"], units.Select(u => u.Name).Order(StringComparer.Ordinal).ToList());
        Assert.All(units, u => Assert.Equal(("架空市", (int?)null, "document"), (u.Municipality, u.From, u.Source)));
        Assert.Equal(("センター", (string?)null), units.Where(u => u.Name == "子ども家庭センター").Select(u => (u.Kind, u.Parent)).Single());
        Assert.Equal(("課", "都市整備部"), units.Where(u => u.Name == "公園緑地課").Select(u => (u.Kind, u.Parent)).Single());
        Assert.Equal("部", units.Single(u => u.Name == "都市整備部").Kind);
        Assert.Contains("city.txt:5 「(こども支援課)」", units.Single(u => u.Name == "こども支援課").Evidence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("例：子＝こども支援課", "子", "こども支援課")]
    [InlineData("(略称) 道=道路整備課", "道", "道路整備課")]
    [InlineData("子=こども支援課、道=道路整備課", "子", "こども支援課")]
    [InlineData("戦略:観光推進室", null, null)]
    [InlineData("根拠条例:市民活動推進室", null, null)]
    public void ALegendDefinesTwoAbbreviationsOrOneAfterItsTitle(string line, string? abbreviation, string? unit)
    {
        var legend = PageDepartments.Legend([new FactSourceLineRow { SourceLine = 3, Text = line, Role = "prose" }], "a.txt");
        Assert.Equal(abbreviation is null ? [] : [(abbreviation, unit!, "legend a.txt:3")], legend.Select(kv => (kv.Key, kv.Value.Unit, kv.Value.Where)).Take(1).ToList());
    }

    [Theory]
    [InlineData("都市整備部公園緑地課", "都市整備部", "公園緑地課")]
    [InlineData("教育委員会事務局学校教育課", "教育委員会事務局", "学校教育課")]
    [InlineData("南部保健センター", null, "南部保健センター")]
    [InlineData("こども支援課", null, "こども支援課")]
    public void ABureauNamedInFrontIsTheParent(string name, string? parent, string unit) =>
        Assert.Equal((parent, unit), PageDepartments.SplitBureau(name));

    [Theory]
    [InlineData("こども支援課", true)]
    [InlineData("3か所", false)]
    [InlineData("市内の各所", false)]
    [InlineData("令和9年3月完成予定", false)]
    [InlineData("担当課", false)]
    public void AUnitNameEndsLikeAUnitAndHasNoFigures(string name, bool expected) =>
        Assert.Equal(expected, PageDepartments.IsUnit(name));
}
