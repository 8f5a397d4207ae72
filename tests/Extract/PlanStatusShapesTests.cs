using BudgetWarehouse.Loader.Extract.PlanProgress;
using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Tests.Extract;

/// <summary>
/// Every status scheme and every way a report prints its counts, each from a small invented report: the counts
/// read, their class on the normalised scale, and what is said about them (shares, changes, totals, breakdowns).
/// </summary>
public class PlanStatusShapesTests
{
    private static List<PlanAchievementEntry> Parse(string body)
    {
        var text = "ひかり市改革プランの取組状況\n1 進捗状況\n" + body.Replace("\r", "", StringComparison.Ordinal);
        return [.. new PlanProgressParser().Parse(SourceText.FromString("t.txt", text)).Achievements];
    }

    private static string Counts(PlanAchievementEntry e) =>
        string.Join(" ", e.Statuses.Select(s => $"{s.StatusRaw}={s.ItemCount}{(s.ParentRaw is null ? "" : "<" + s.ParentRaw)}"));

    private static string Classes(PlanAchievementEntry e) =>
        string.Join(" ", e.Statuses.Select(s => StatusWords.Default.ClassOf(s.StatusRaw).Class));

    [Theory]
    [InlineData("完了 6 取組中 37 未着手 3", "完了=6 取組中=37 未着手=3", "achieved on_track not_started")]
    [InlineData("未達成 4 一部達成 9 達成 25", "達成=25 一部達成=9 未達成=4", "achieved on_track delayed")]
    [InlineData("A前進 12 B現状維持 5 C後退 1 D未着手 2", "A前進=12 B現状維持=5 C後退=1 D未着手=2", "on_track delayed delayed not_started")]
    [InlineData("S 計画以上 2件\nA 計画どおり 18件\nB やや遅れている 5件\nC ほとんど進んでいない 1件",
        "S計画以上=2 A計画どおり=18 Bやや遅れている=5 Cほとんど進んでいない=1", "achieved on_track delayed delayed")]
    [InlineData("S 3 A 27 B 6 X 2", "S=3 A=27 B=6 X=2", "achieved achieved on_track other")]
    [InlineData("順調 19 やや遅れ 4", "順調=19 やや遅れ=4", "on_track delayed")]
    [InlineData("計画達成 16 計画事項なし 2", "計画達成=16 計画事項なし=2", "achieved other")]
    [InlineData("実施 30 未実施 5", "実施=30 未実施=5", "achieved not_started")]
    public void SchemeRun(string line, string counts, string classes)
    {
        var e = Assert.Single(Parse(line));
        Assert.Equal(counts, Counts(e));
        Assert.Equal(classes, Classes(e));
        Assert.Equal(e.Statuses.Sum(s => s.ItemCount), e.ItemsPlanned);
        Assert.False(e.IsTotalPrinted);
    }

    [Theory]
    [InlineData("評価の結果、「目標を上回って達成」が3項目、「目標をおおむね達成」が12項目、「時期の遅れはあるが達成見込み」が2項目、「目標を未達成」が1項目でした。",
        "目標を上回って達成=3 目標をおおむね達成=12 時期の遅れはあるが達成見込み=2 目標を未達成=1", "achieved on_track delayed delayed")]
    [InlineData("「達成」21件、「部分実施」7件、「検討中」2件となりました。", "達成=21 部分実施=7 検討中=2", "achieved on_track not_started")]
    [InlineData("協議の結果、「完了」としたものは15件、「継続協議」としたものは3件です。", "完了=15 継続協議=3", "achieved on_track")]
    [InlineData("全体では「順調」は8項目(61.5%)、「やや遅れ」は5項目(38.5%)です。", "順調=8 やや遅れ=5", "on_track delayed")]
    public void SchemeInProse(string line, string counts, string classes)
    {
        var e = Assert.Single(Parse(line));
        Assert.Equal(counts, Counts(e));
        Assert.Equal(classes, Classes(e));
    }

    [Fact]
    public void QuotedCountKeepsItsShare()
    {
        var e = Assert.Single(Parse("「順調」は8項目(61.5%)、「やや遅れ」は5項目(38.5%)です。"));
        Assert.Equal(["61.5%", "38.5%"], e.Statuses.Select(s => s.StatedRateText));
        Assert.All(e.Statuses, s => Assert.Equal(1, s.StatedRateDecimals));
    }

    [Fact]
    public void AnUnknownQuotedWordLoadsAsOther()
    {
        var e = Assert.Single(Parse("「見直し済」が4件、「完了」が9件でした。"));
        Assert.Equal("完了=9 見直し済=4", Counts(e));
        Assert.Equal("achieved other", Classes(e));
    }

    [Fact]
    public void TransitionLineIsNotAStatusCount()
    {
        var e = Assert.Single(Parse("A前進 12 B現状維持 5\nA←C:3件(No4,17,40)"));
        Assert.Equal("A前進=12 B現状維持=5", Counts(e));
    }

    [Fact]
    public void ProseWithTotalRateAndCountBeforeWord()
    {
        var e = Assert.Single(Parse("対象21事業のうち9事業を実施し、実施率は42.9%でした。"));
        Assert.Equal("実施=9", Counts(e));
        Assert.Equal((21, true, 9), (e.ItemsPlanned!.Value, e.IsTotalPrinted, e.ItemsAchieved!.Value));
        Assert.Equal("42.9%", e.StatedRateText);
    }

    [Fact]
    public void CountBeforeWordAlone()
    {
        var e = Assert.Single(Parse("全体の取組のうち、53事業を達成しました。"));
        Assert.Equal("達成=53", Counts(e));
    }

    [Fact]
    public void BreakdownIsNotCountedAsExtraItems()
    {
        var e = Assert.Single(Parse("40項目のうち「完了」が6項目、「取組中」が30項目、「未着手」が4項目です。\n取組中の30項目のうち、26項目は順調、4項目はやや遅れです。"));
        Assert.Equal("完了=6 取組中=30 未着手=4 順調=26<取組中 やや遅れ=4<取組中", Counts(e));
        Assert.Equal(40, e.ItemsPlanned);
        Assert.Equal(40, e.Statuses.Where(s => s.ParentRaw is null).Sum(s => s.ItemCount));
    }

    [Fact]
    public void ChangesInProse()
    {
        var e = Assert.Single(Parse("「完了」が6項目、「未着手」が4項目です。前年度から完了が2項目増え、未着手は5項目減りました。"));
        Assert.Equal([2, -5], e.Statuses.Select(s => s.Change));
    }

    [Fact]
    public void RelistedAndNetCounts()
    {
        var e = Assert.Single(Parse("計画掲載の取組数 | 57件 | うち3項目は再掲で実質54件 |"));
        Assert.Equal((57, 3, 54), (e.ItemsPlanned, e.ItemsRelisted, e.ItemsNet));
        Assert.Empty(e.Statuses);
    }

    [Fact]
    public void PipeTableWithSeparatorAndTotalRow()
    {
        var e = Assert.Single(Parse("| 区分 | 件数 | 割合 |\n|---|---|---|\n| 完了 | 6件 | 16.7% |\n| 取組中 | 30件 | 83.3% |\n| 計 | 36件 | 100% |"));
        Assert.Equal("完了=6 取組中=30", Counts(e));
        Assert.Equal((36, true), (e.ItemsPlanned, e.IsTotalPrinted));
        Assert.Equal(["16.7%", "83.3%"], e.Statuses.Select(s => s.StatedRateText));
    }

    [Fact]
    public void PipeCellsBrokenAcrossLines()
    {
        var e = Assert.Single(Parse("着手済みの取組 |\n48件 |\n未着手の取組 |\n7件 |"));
        Assert.Equal("着手済み=48 未着手=7", Counts(e));
    }

    [Fact]
    public void OneCellPerLineAndPerParagraph()
    {
        var perLine = Assert.Single(Parse("完了 |\n9件 |\n25.0% |\n取組中 |\n27件 |\n75.0% |"));
        var perParagraph = Assert.Single(Parse("完了\n\n9件\n\n25.0%\n\n取組中\n\n27件\n\n75.0%"));
        Assert.Equal("完了=9 取組中=27", Counts(perLine));
        Assert.Equal(Counts(perLine), Counts(perParagraph));
        Assert.Equal("25.0%", perParagraph.StatedRateText);
    }

    [Fact]
    public void FlattenedTableWithChangeBeforeItsLabel()
    {
        var e = Assert.Single(Parse("区分 件数 構成比 増減\n未着手 3 5.0% ▲2 取組中 44 73.3% ▲1 3 完 了 13 21.7%"));
        Assert.Equal("完了=13 取組中=44 未着手=3", Counts(e));
        Assert.Equal([3, -1, -2], e.Statuses.Select(s => s.Change));
        Assert.Equal(0, e.Statuses.Sum(s => s.Change));
    }

    [Fact]
    public void ThousandsSeparators()
    {
        var e = Assert.Single(Parse("完了 1,204件 取組中 3,310件"));
        Assert.Equal("完了=1204 取組中=3310", Counts(e));
    }

    [Fact]
    public void ListLinesWithShares()
    {
        var e = Assert.Single(Parse("完了: 9項目 (25.0%)\n取組中: 24項目 (66.7%)\n未着手: 3項目 (8.3%)"));
        Assert.Equal("完了=9 取組中=24 未着手=3", Counts(e));
        Assert.Equal(["25.0%", "66.7%", "8.3%"], e.Statuses.Select(s => s.StatedRateText));
    }

    [Fact]
    public void PerPolicyRuns()
    {
        var rows = Parse("方針1 S:0、A:4、B:6\n方針2 S:1、A:7、B:2");
        Assert.Equal(["policy", "policy"], rows.Select(r => r.RowKind));
        Assert.Equal(["S=0 A=4 B=6", "S=1 A=7 B=2"], rows.Select(Counts));
        Assert.Equal(["方針1", "方針2"], rows.Select(r => r.Label));
        Assert.Equal([10, 10], rows.Select(r => r.ItemsPlanned ?? -1));
    }

    [Fact]
    public void PolicyTableOneCellPerParagraphWithSubtotal()
    {
        var rows = Parse("方針\n\n項目数\n\n完了\n\n1 組織\n\n10\n\n4\n\n2 財政\n\n8\n\n3\n\n(小計)\n\n18\n\n7");
        Assert.Equal(["policy", "policy", "subtotal"], rows.Select(r => r.RowKind));
        Assert.Equal([10, 8, 18], rows.Select(r => r.ItemsPlanned ?? -1));
        Assert.Equal([4, 3, 7], rows.Select(r => r.ItemsAchieved ?? -1));
    }

    [Fact]
    public void HeaderSplitOneLetterPerLine()
    {
        var rows = Parse("方針\n取\n組\n件\n数\n達成\n1 組織の改革 14 11\n2 財政の健全化 9 6\n合計 23 17");
        Assert.Equal(["policy", "policy", "total"], rows.Select(r => r.RowKind));
        Assert.Equal([14, 9, 23], rows.Select(r => r.ItemsPlanned ?? -1));
        Assert.Equal([11, 6, 17], rows.Select(r => r.ItemsAchieved ?? -1));
    }

    [Fact]
    public void PlaceholderTableIsRecordedAsAGap()
    {
        var doc = new PlanProgressParser().Parse(SourceText.FromString("t.txt", "ひかり市改革プランの取組状況\n1 進捗状況\n完了 4 取組中 8\n※詳しい表はPDF版でご覧ください。"));
        Assert.Contains(doc.Warnings, w => w.Line == 4 && w.Message.Contains("not in the text", StringComparison.Ordinal));
    }

    [Fact]
    public void CategoryWithPagePointerIsNotACount()
    {
        var doc = new PlanProgressParser().Parse(SourceText.FromString("t.txt", "ひかり市改革プランの取組状況\n1 進捗状況\n完了 4 取組中 8\n達成 ① (P3~) 未達成 ② (P11)"));
        var e = Assert.Single(doc.Achievements);
        Assert.Equal("完了=4 取組中=8", Counts(e));
    }

    [Fact]
    public void ReportOfProseAloneIsRecognisedAndLoadsItsCounts()
    {
        var source = SourceText.FromString("t.txt", "そよかぜ町改革方針の進捗について\n\n町では、36項目のうち「完了」が7項目、「取組中」が26項目、「未着手」が3項目となっています。\n");
        var detector = new BudgetWarehouse.Loader.Extract.FamilyDetector([new BudgetWarehouse.Loader.Extract.BudgetPriorities.BudgetPrioritiesParser(), new PlanProgressParser()]);
        Assert.Equal(DocumentFamilies.PlanProgress, detector.Detect(source)?.Family);
        var e = Assert.Single(new PlanProgressParser().Parse(source).Achievements);
        Assert.Equal("完了=7 取組中=26 未着手=3", Counts(e));
        Assert.Equal((36, true), (e.ItemsPlanned, e.IsTotalPrinted));
    }

    [Theory]
    [InlineData("完了")]
    [InlineData("「」が項目")]
    [InlineData("▲ ▲ 4 完 了 % 取組中 ▲")]
    [InlineData("取組中の項目のうち、は順調")]
    [InlineData("| 完了 | | 計 |")]
    public void JunkIsRejectedOrReadButNeverThrows(string body)
    {
        var error = Record.Exception(() => Parse(body));
        Assert.True(error is null or BudgetWarehouse.Loader.Extract.DocumentException, error?.ToString());
    }
}
