using Dapper;

namespace BudgetWarehouse.Tests.Load;

/// <summary>
/// A report with numbered section headings of several schemes (full- and half-width), a status run, a per-policy
/// table and a transition beside it, through the whole load: every line is read (coverage 1.0), the headings are
/// headings, and the transition is a fact_plan_transition row under the table's total row.
/// </summary>
public class PlanSectionHeadingLoadTests
{
    private const string Report = """
        かえで市行財政改革プランの取組状況
        令和6年3月末現在
        １ 取組の評価
        完了 9 取組中 21 未着手 2
        （２）方針別の状況
        方針 項目数 完了 取組中 未着手
        1 業務の見直し 15 5 9 1
        2 財源の確保 17 4 12 1
        合計 32 9 21 2
        完了←取組中:2件(No3,11)
        第3 今後の進め方
        残る取組も計画期間内の完了を目指します。
        Ⅳ 参考資料
        """;

    [Fact]
    public async Task EveryLineIsReadAndTheTransitionLoadsUnderTheTotalRow()
    {
        using var temp = new TempDir();
        var seeds = TestWarehouse.CopySeeds(temp.Path, _ => false);
        Directory.CreateDirectory(Path.Combine(seeds, "documents"));
        File.Delete(Path.Combine(seeds, "manifest.csv"));
        File.WriteAllText(Path.Combine(seeds, "documents", "headings.txt"), Report);
        var warehouse = Path.Combine(temp.Path, "warehouse");
        var outcome = await TestWarehouse.LoadAsync(seeds, warehouse);
        Assert.True(outcome.ExitCode == 0, string.Join("\n", outcome.Documents.Select(d => $"{d.FileName}: {d.Status} {d.Error} line {d.ErrorLine}")));
        var loaded = Assert.Single(outcome.Documents);
        Assert.Equal("plan_progress", loaded.Family);
        Assert.DoesNotContain("not loaded", loaded.Warnings ?? "", StringComparison.Ordinal);

        using var db = TestWarehouse.OpenReadOnly(warehouse);
        Assert.Equal(1.0, await db.ExecuteScalarAsync<double>("select coverage from dim_document"));
        var headings = (await db.QueryAsync<long>("select source_line from fact_source_line where role = 'heading' order by source_line")).ToList();
        Assert.Equal([1L, 3, 5, 11, 13], headings);
        var rows = (await db.QueryAsync<(string Kind, long Planned)>("select row_kind, items_planned from fact_plan_achievement order by source_line")).ToList();
        Assert.Equal([("status", 32L), ("policy", 15L), ("policy", 17L), ("total", 32L)], rows);
        var transition = Assert.Single(await db.QueryAsync<(string From, string To, long Count, string Numbers, string Kind)>(
            "select t.from_raw, t.to_raw, t.item_count, t.item_numbers, a.row_kind from fact_plan_transition t join fact_plan_achievement a using (achievement_id)"));
        Assert.Equal(("取組中", "完了", 2L, "3,11", "total"), transition);
    }
}
