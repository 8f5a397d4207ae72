using BudgetWarehouse.Loader.Extract.PlanProgress;
using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Tests.Extract;

/// <summary>
/// Numbered section headings that state nothing (a numbering scheme and a short title, no count, no status word),
/// from small invented reports: they are headings, they end the status run or table above them, they never become a
/// row or a count, and a table after them is read whole. Also: transitions printed beside a policy table.
/// </summary>
public class PlanSectionHeadingTests
{
    private static ParsedDocument Parse(string body) =>
        new PlanProgressParser().Parse(SourceText.FromString("t.txt", "さくら市行財政改革プランの取組状況\n令和6年3月末現在\n" + body.Replace("\r", "", StringComparison.Ordinal)));

    private static string Counts(PlanAchievementEntry e) => string.Join(" ", e.Statuses.Select(s => $"{s.StatusRaw}={s.ItemCount}"));

    private static string RoleOf(ParsedDocument doc, string text) => doc.SourceLines.Single(l => l.Text == text).Role;

    private static void AllLinesUnderstood(ParsedDocument doc) =>
        Assert.Empty(doc.SourceLines.Where(l => l.Role == SourceLineRoles.Unrecognised).Select(l => $"{l.Line}: {l.Text}"));

    public static TheoryData<string> Headings() =>
    [
        "3 方針別の評価", "３ 方針別の評価", "3. 方針別の評価", "３．方針別の評価", "3) 方針別の評価", "(3) 方針別の評価", "（３）方針別の評価",
        "( 3 ) 方針別の評価", "③ 方針別の評価", "第3 方針別の評価", "第３ 方針別の評価", "Ⅲ 方針別の評価", "III. 方針別の評価",
        "3 今後の進め方", "(2) 方針ごとの結果", "Ⅱ 個別の状況",
    ];

    [Theory]
    [MemberData(nameof(Headings))]
    public void HeadingAfterARunEndsItAndTheTableAfterItIsReadWhole(string heading)
    {
        var doc = Parse($"1 進捗状況\n完了 8 取組中 20 未着手 3\n{heading}\n方針 項目数 完了\n1 組織の見直し 14 5\n2 歳出の抑制 17 3\n合計 31 8");
        Assert.Equal(SourceLineRoles.Heading, RoleOf(doc, heading));
        Assert.Equal(
            [("status", "完了=8 取組中=20 未着手=3", 31), ("policy", "完了=5", 14), ("policy", "完了=3", 17), ("total", "完了=8", 31)],
            doc.Achievements.Select(a => (a.RowKind, Counts(a), a.ItemsPlanned ?? -1)));
        Assert.DoesNotContain(doc.Achievements, a => a.RawText.Contains("方針別", StringComparison.Ordinal) || a.RawText.Contains("今後", StringComparison.Ordinal));
        Assert.DoesNotContain(doc.Warnings, w => w.Message.Contains("not loaded", StringComparison.Ordinal));
        AllLinesUnderstood(doc);
    }

    [Theory]
    [InlineData("完了 8 取組中 20 未着手 3")]
    [InlineData("完了\t8\n取組中\t20\n未着手\t3")]
    [InlineData("完了\n8\n取組中\n20\n未着手\n3")]
    [InlineData("| 完了 | 8件 |\n| 取組中 | 20件 |\n| 未着手 | 3件 |")]
    [InlineData("完了: 8項目\n取組中: 20項目\n未着手: 3項目")]
    public void HeadingsAfterAStatusRunAreNeitherRowsNorCounts(string run)
    {
        var doc = Parse($"1 進捗状況\n{run}\n3 方針別の評価\n4 今後の進め方");
        var e = Assert.Single(doc.Achievements);
        Assert.Equal(("完了=8 取組中=20 未着手=3", 31), (Counts(e), e.ItemsPlanned));
        Assert.Equal([SourceLineRoles.Heading, SourceLineRoles.Heading], new[] { "3 方針別の評価", "4 今後の進め方" }.Select(h => RoleOf(doc, h)));
        AllLinesUnderstood(doc);
    }

    [Fact]
    public void HeadingsOutsideAnyCountSectionAreHeadings()
    {
        // Before the first counts, in the plan's outline, after the initiatives, and a closing narrative part.
        var doc = Parse("""
            1 取組の評価
            順調 19 やや遅れ 4
            2 計画の概要
            計画期間は令和5年度〜令和8年度の4年間です。
            (2) 方針別の状況
            方針 項目数 順調
            1 窓口の改善 12 10
            2 財源の確保 11 9
            合計 23 19
            3 主な取組
            方針1 窓口の改善
            ・ 証明書の郵送請求をオンライン化
            第4 今後の進め方
            引き続き計画の達成に向けて取り組みます。
            Ⅴ 参考資料
            """);
        foreach (var heading in new[] { "1 取組の評価", "2 計画の概要", "(2) 方針別の状況", "3 主な取組", "第4 今後の進め方", "Ⅴ 参考資料" })
        {
            Assert.Equal(SourceLineRoles.Heading, RoleOf(doc, heading));
        }

        Assert.Equal(
            [("status", "順調=19 やや遅れ=4"), ("policy", "順調=10"), ("policy", "順調=9"), ("total", "順調=19")],
            doc.Achievements.Select(a => (a.RowKind, Counts(a))));
        Assert.Equal("証明書の郵送請求をオンライン化", Assert.Single(doc.Initiatives).Text);
        Assert.Equal(SourceLineRoles.Prose, RoleOf(doc, "引き続き計画の達成に向けて取り組みます。"));
        AllLinesUnderstood(doc);
    }

    [Fact]
    public void NumberedLabelsOfATablePrintedOneCellPerLineStayRows()
    {
        // A label whose figures follow on the next lines is a row label, not a heading; a heading after the table ends it.
        var doc = Parse("1 方針別の状況\n方針\n項目数\n完了\n1 組織の見直し\n14\n5\n2 歳出の抑制\n\n17\n\n3\n計\n31\n8\n(2) 今後の進め方");
        Assert.Equal(
            [("policy", "1 組織の見直し", 14), ("policy", "2 歳出の抑制", 17), ("total", "計", 31)],
            doc.Achievements.Select(a => (a.RowKind, a.Label, a.ItemsPlanned ?? -1)));
        Assert.Equal(SourceLineRoles.TableRow, RoleOf(doc, "1 組織の見直し"));
        Assert.Equal(SourceLineRoles.Heading, RoleOf(doc, "(2) 今後の進め方"));
        AllLinesUnderstood(doc);
    }

    [Fact]
    public void ASubHeadingReportsOnItsSectionsYearASiblingDoesNot()
    {
        var doc = Parse("1 令和4年度の評価結果\n(1) 全体\n完了 8 取組中 20\n(2) 方針別\n方針 項目数 完了\n1 組織の見直し 14 5\n合計 14 5\n2 全体の状況\n完了 9 取組中 19");
        Assert.Equal([2022, 2022, 2022, 2023], doc.Achievements.Select(a => a.FiscalYear ?? 0));
        AllLinesUnderstood(doc);
    }

    [Theory]
    [InlineData("1 組織の見直し 14 5")] // a row: it has figures
    [InlineData("②期限内に完了できなかった取組(6 項目)")] // a category with its count
    [InlineData("3 完了")] // a status word
    [InlineData("方針1 組織の見直し")] // a label word names a policy
    [InlineData("【基本方針2】財政の健全化")]
    [InlineData("2 億円")] // an amount
    [InlineData("3 方針別の評価について、各課から提出された報告をもとに事務局で取りまとめた結果を以下のとおり示すもの")] // too long for a title
    [InlineData("1 取組を進めました。")]
    [InlineData("評価の結果")] // no number
    public void WhatIsNotANumberedHeading(string text) => Assert.Null(NumberedHeading.TryRead(text, StatusWords.Default));

    [Theory]
    [InlineData("1 令和5年度の評価")]
    [InlineData("(3) 第2次計画との関係")]
    [InlineData("1) 令和 5 年度の取組")]
    public void DatesAndOrdinalsInTheTitleAreNoCount(string text) => Assert.NotNull(NumberedHeading.TryRead(text, StatusWords.Default));

    public static TheoryData<string, string, string, int> TransitionForms() => new()
    {
        { "A←C:3件(No5,12)", "C", "A", 3 },
        { "C→A 3件", "C", "A", 3 },
        { "A←C 3項目(No.5, 12)", "C", "A", 3 },
    };

    [Theory]
    [MemberData(nameof(TransitionForms))]
    public void TransitionBesideAPolicyTableGoesWithItsTotalRow(string transition, string from, string to, int count)
    {
        var doc = Parse($"1 方針別の評価結果\n評価の区分 A：達成 B：概ね達成 C：未達成 D：未着手\n| 方針 | A | B | C | D | 計 |\n| 1 組織の見直し | 9 | 3 | 2 | 0 | 14 |\n| 2 歳出の抑制 | 8 | 6 | 2 | 1 | 17 |\n| 合計 | 17 | 9 | 4 | 1 | 31 |\n{transition}\n2 主な取組");
        var total = doc.Achievements.Single(a => a.RowKind == AchievementRowKinds.Total);
        var t = Assert.Single(total.Transitions);
        Assert.Equal((from, to, count, "未達成", "達成"), (t.From, t.To, t.ItemCount, t.FromMeaning, t.ToMeaning));
        Assert.All(doc.Achievements.Where(a => a.RowKind != AchievementRowKinds.Total), a => Assert.Empty(a.Transitions));
        Assert.DoesNotContain(doc.Warnings, w => w.Message.Contains("not loaded", StringComparison.Ordinal));
        AllLinesUnderstood(doc);
    }

    [Fact]
    public void WithoutATotalRowATransitionGoesWithTheDocumentLevelRow()
    {
        var doc = Parse("1 進捗状況\n完了 8 取組中 20 未着手 3\n2 方針別の状況\n方針 項目数 完了\n1 組織の見直し 14 5\n2 歳出の抑制 17 3\n取組中←未着手:2件(No4,9)、完了←取組中 3件");
        var own = doc.Achievements.Single(a => a.RowKind == AchievementRowKinds.Status);
        Assert.Equal(["取組中←未着手:2件(No4,9)", "完了←取組中 3件"], own.Transitions.Select(t => t.RawText));
        Assert.All(doc.Achievements.Where(a => a.RowKind == AchievementRowKinds.Policy), a => Assert.Empty(a.Transitions));
        AllLinesUnderstood(doc);
    }

    [Fact]
    public void WithNoCountsAnywhereATableWithoutTotalLeavesItReported()
    {
        var doc = Parse("1 方針別の状況\n方針 項目数 完了\n1 組織の見直し 14 5\n2 歳出の抑制 17 3\n完了←取組中:2件");
        Assert.All(doc.Achievements, a => Assert.Empty(a.Transitions));
        Assert.Contains(doc.Warnings, w => w.Message.Contains("完了←取組中:2件", StringComparison.Ordinal) && w.Message.Contains("not loaded", StringComparison.Ordinal));
    }
}
