using BudgetWarehouse.Loader.Extract.PlanProgress;
using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Tests.Extract;

/// <summary>
/// Constructs of plan-progress reports around the counts, each from a small invented report: status transitions,
/// categories numbered with circled digits, net counts after re-listing, period extensions and phases, and
/// numbered tables of text columns.
/// </summary>
public class PlanProgressShapesTests
{
    private static ParsedDocument Parse(string text) => new PlanProgressParser().Parse(SourceText.FromString("t.txt", text.Replace("\r", "", StringComparison.Ordinal)));

    private static string Counts(PlanAchievementEntry e) => string.Join(" ", e.Statuses.Select(s => $"{s.StatusRaw}={s.ItemCount}"));

    private static void AllLinesUnderstood(ParsedDocument doc) =>
        Assert.Empty(doc.SourceLines.Where(l => l.Role == SourceLineRoles.Unrecognised).Select(l => $"{l.Line}: {l.Text}"));

    [Fact]
    public void TransitionsAreReadWithTheirItemNumbers()
    {
        var doc = Parse("ひかり市改革プランの取組状況\n1 進捗状況\nA前進 12 B現状維持 5 C後退 1 D未着手 2\nA←C:3件(No5,12,48)\nB←D:1件(No7)\nC→A 2件");
        var e = Assert.Single(doc.Achievements);
        Assert.Equal("A前進=12 B現状維持=5 C後退=1 D未着手=2", Counts(e));
        Assert.Equal(
            [("C", "A", 3, "5,12,48", 4), ("D", "B", 1, "7", 5), ("C", "A", 2, "", 6)],
            e.Transitions.Select(t => (t.From, t.To, t.ItemCount, string.Join(",", t.ItemRefs), t.Line)));
        Assert.Equal(20, e.ItemsPlanned);
        AllLinesUnderstood(doc);
    }

    [Fact]
    public void CircledCategoriesWithCountsLoadInsteadOfBeingRejected()
    {
        var doc = Parse("ひかり市改革プランの取組状況\n1 取組の結果\n①期限内に完了した取組(30 項目)\n②期限内に完了できなかった取組(6 項目)");
        var e = Assert.Single(doc.Achievements);
        Assert.Equal("期限内に完了した取組=30 期限内に完了できなかった取組=6", Counts(e));
        Assert.Equal(36, e.ItemsPlanned);
        AllLinesUnderstood(doc);
    }

    [Fact]
    public void CategoryWithPagePointerIsStillNotACount()
    {
        var doc = Parse("ひかり市改革プランの取組状況\n1 進捗状況\n完了 4 取組中 8\n達成① (P3~) 未達成② (P11)");
        Assert.Equal("完了=4 取組中=8", Counts(Assert.Single(doc.Achievements)));
    }

    [Fact]
    public void RelistedItemsGiveTheNetCount()
    {
        var e = Assert.Single(Parse("ひかり市改革プランの取組状況\n1 進捗状況\n計画掲載の取組数 110件(3項目再掲のため実質107件)\n完了 40 取組中 67").Achievements);
        Assert.Equal((110, 3, 107, true), (e.ItemsPlanned, e.ItemsRelisted, e.ItemsNet, e.IsTotalPrinted));
        Assert.Equal("完了=40 取組中=67", Counts(e));
    }

    [Fact]
    public void PeriodExtensionMovesThePlanEnd()
    {
        var doc = Parse("ひかり市改革プランの取組状況\n1 計画の概要\n計画期間 令和3年度～令和7年度(令和9年度末まで期間を延長)\n2 進捗状況\n完了 4 取組中 8");
        Assert.Equal((2021, 2027), (doc.PlanStartFiscalYear, doc.PlanEndFiscalYear));
        AllLinesUnderstood(doc);
    }

    [Fact]
    public void PhasesAreNotThePlanPeriod()
    {
        var doc = Parse("ひかり市改革プランの取組状況\n前期(令和3~5年度)\n1 計画の概要\n計画期間 令和3年度～令和8年度\n始動期: 令和3～4年度\n飛躍期: 令和5～8年度\n2 進捗状況\n完了 4 取組中 8");
        Assert.Equal((2021, 2026), (doc.PlanStartFiscalYear, doc.PlanEndFiscalYear));
        Assert.DoesNotContain(doc.Warnings, w => w.Message.Contains("not loaded", StringComparison.Ordinal) || w.Message.Contains("not recognised", StringComparison.Ordinal));
        AllLinesUnderstood(doc);
    }

    [Fact]
    public void NumberedTextTableRowsAreRecordsNotPoliciesOrCounts()
    {
        var doc = Parse("ひかり市改革プランの取組状況\n1 進捗状況\nNo 意見の概要 市の対応\n3 防災訓練の周知を強化すべき 検討します\n5 窓口が混雑している 改善します\n完了 4 取組中 8\n2 主な取組\nNo 意見の概要 市の対応\n3 公園の遊具を更新すべき 検討します");
        var e = Assert.Single(doc.Achievements);
        Assert.Equal(("完了 4 取組中 8", "完了=4 取組中=8"), (e.Label, Counts(e)));
        Assert.Empty(doc.Policies);
        Assert.Empty(doc.Initiatives);
        Assert.Equal([3, 4, 5, 8, 9], doc.SourceLines.Where(l => l.Role == SourceLineRoles.TableRow && l.Text.Contains(' ', StringComparison.Ordinal) && !l.Text.StartsWith('完')).Select(l => l.Line));
        AllLinesUnderstood(doc);
    }
}
