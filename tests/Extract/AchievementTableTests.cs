using BudgetWarehouse.Loader.Extract.PlanProgress;
using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Tests.Extract;

/// <summary>The achievement table in each printed shape, and each status scheme, from small hand-made inputs.</summary>
public class AchievementTableTests
{
    private static readonly Dictionary<int, string> Policies = new()
    {
        [1] = "組織の質を高める",
        [2] = "共創の質を高める",
        [3] = "財政基盤の質を高める",
    };

    private static (List<PlanAchievementEntry> Rows, List<Diagnostic> Warnings) Parse(string text) =>
        AchievementTable.Parse(SourceText.FromString("t.txt", text).Lines, "t.txt", Policies);

    private static void AssertSeedCounts(List<PlanAchievementEntry> rows)
    {
        Assert.Equal(["policy", "policy", "policy", "total"], rows.Select(r => r.RowKind));
        Assert.Equal(["1", "2", "3", null], rows.Select(r => r.PolicyCode));
        Assert.Equal([26, 31, 33, 90], rows.Select(r => r.ItemsPlanned ?? -1));
        Assert.Equal([25, 27, 28, 80], rows.Select(r => r.ItemsAchieved ?? -1));
        Assert.Equal([null, null, 2, null], rows.Select(r => r.ItemsPending));
        Assert.Equal([96.2, 87.1, 84.8, 88.9], rows.Select(r => r.StatedRate ?? -1));
        Assert.All(rows, r => Assert.Equal(1, r.StatedRateDecimals));
    }

    [Fact]
    public void TabSeparated()
    {
        var (rows, warnings) = Parse("""
            達成率 88.9% (実施計画 90 項目中 80 項目が達成済)

            基本方針	項目数(A)	達成(B)	達成率(B/A)
            1 組織の質を高める	26 項目	25 項目	96.2%
            2 共創の質を高める	31 項目	27 項目	87.1%
            3 財政基盤の質を高める	33 項目※	28 項目	84.8%
            合計	90 項目	80 項目	88.9%

            ※うち 2 項目は数値未確定
            """);
        AssertSeedCounts(rows);
        Assert.Empty(warnings);
        Assert.Equal(new SourceSpan(6, 6), rows[2].Span);
        Assert.Equal("3 財政基盤の質を高める | 33 項目※ | 28 項目 | 84.8%", rows[2].RawText);
        Assert.Equal(new StatusCount("数値未確定", "other", 2, 2, 9), rows[2].Statuses[1]);
    }

    [Fact]
    public void PipeTable()
    {
        var (rows, warnings) = Parse("""
            | 基本方針 | 項目数(A) | 達成(B) | 達成率(B/A) |
            |---|---:|---:|---:|
            | 1 組織の質を高める | 26項目 | 25項目 | 96.2% |
            | 2 共創の質を高める | 31項目 | 27項目 | 87.1% |
            | 3 財政基盤の質を高める | 33項目※ | 28項目 | 84.8% |
            | 合計 | 90項目 | 80項目 | 88.9% |
            ※うち2項目は数値未確定
            """);
        AssertSeedCounts(rows);
        Assert.Empty(warnings);
        Assert.Equal(6, rows[3].Span.StartLine);
    }

    [Fact]
    public void OneCellPerLine()
    {
        var (rows, warnings) = Parse("""
            基本方針
            項目数(A)
            達成(B)
            達成率(B/A)
            1 組織の質を高める
            26 項目
            25 項目
            96.2%
            2 共創の質を高める
            31 項目
            27 項目
            87.1%
            3 財政基盤の質を高める
            33 項目※
            28 項目
            84.8%
            合計
            90 項目
            80 項目
            88.9%
            ※うち 2 項目は数値未確定
            """);
        AssertSeedCounts(rows);
        Assert.Empty(warnings);
        Assert.Equal(new SourceSpan(13, 16), rows[2].Span);
    }

    [Fact]
    public void FlattenedOntoOneLine()
    {
        var (rows, warnings) = Parse(
            "基本方針 項目数(A) 達成(B) 達成率 (B/A) 1 組織の質を高める 26 項目 25 項目 96.2% 2 共創の質を高める 31 項目 27 項目 87.1% "
            + "3 財政基盤の質を高める 33 項目 ※ 28 項目 84.8% 合計 90 項目 80 項目 88.9%\n※うち 2 項目は数値未確定\n");
        AssertSeedCounts(rows);
        Assert.Empty(warnings);
        Assert.All(rows, r => Assert.Equal(new SourceSpan(1, 1), r.Span));
    }

    [Fact]
    public void SpaceSeparatedRowsWithFullWidthText()
    {
        // Full-width digits and spaces as printed; NFKC makes them plain.
        var (rows, warnings) = Parse("""
            基本方針　項目数（Ａ）　達成（Ｂ）　達成率（Ｂ/Ａ）
            １　組織の質を高める　２６項目　２５項目　９６．２％
            ２　共創の質を高める　３１項目　２７項目　８７．１％
            ３　財政基盤の質を高める　３３項目※　２８項目　８４．８％
            合計　９０項目　８０項目　８８．９％
            ※うち２項目は数値未確定
            """);
        AssertSeedCounts(rows);
        Assert.Empty(warnings);
    }

    [Fact]
    public void RowsWithoutNumbersAreMatchedToThePolicyListByTitle()
    {
        var (rows, _) = Parse("""
            方針	項目数	達成	達成率
            共創の質を高める	31	27	87.1%
            組織の質を高める	26	25	96.2%
            計	57	52	91.2%
            """);
        Assert.Equal(["2", "1", null], rows.Select(r => r.PolicyCode));
        Assert.Equal(AchievementRowKinds.Total, rows[2].RowKind);
    }

    [Fact]
    public void MissingValueIsWarnedAndReadFromTheLeft()
    {
        var (rows, warnings) = Parse("""
            基本方針	項目数(A)	達成(B)	達成率(B/A)
            1 組織の質を高める	26	25
            """);
        Assert.Single(rows);
        Assert.Null(rows[0].StatedRate);
        Assert.Contains(warnings, w => w.Line == 2 && w.Message.Contains("2 values for 3 columns", StringComparison.Ordinal));
    }

    [Fact]
    public void NoTableGivesNoRows()
    {
        var (rows, _) = Parse("達成率は 88.9% でした。\n引き続き取り組みます。\n");
        Assert.Empty(rows);
    }

    [Fact]
    public void AchievedPartialNotAchievedWords()
    {
        var (rows, warnings) = Parse("""
            区分	達成	一部達成	未達成	計
            1 組織の質を高める	20	4	2	26
            2 共創の質を高める	25	5	1	31
            合計	45	9	3	57
            """);
        Assert.Empty(warnings);
        Assert.Equal([26, 31, 57], rows.Select(r => r.ItemsPlanned ?? -1));
        Assert.Equal([20, 25, 45], rows.Select(r => r.ItemsAchieved ?? -1));
        Assert.Equal(
            [("達成", "achieved", 1, 20), ("一部達成", "on_track", 2, 4), ("未達成", "delayed", 3, 2)],
            rows[0].Statuses.Select(s => (s.StatusRaw, s.StatusScale, s.StatusRank, s.ItemCount)));
    }

    [Fact]
    public void GradesAToDWithoutTotalColumnSumToPlanned()
    {
        var (rows, _) = Parse("""
            | 基本方針 | A | B | C | D |
            |---|---|---|---|---|
            | 1 組織の質を高める | 10 | 8 | 5 | 3 |
            """);
        var row = Assert.Single(rows);
        Assert.Equal(26, row.ItemsPlanned);
        Assert.Equal(10, row.ItemsAchieved);
        Assert.Equal(["achieved", "on_track", "delayed", "not_started"], row.Statuses.Select(s => s.StatusScale));
    }

    [Fact]
    public void GradeLegendOverridesTheDefaultMeaning()
    {
        var (rows, _) = Parse("""
            A：順調　B：やや遅れ　C：遅れ
            基本方針	A	B	C	達成率
            1 組織の質を高める	20	4	2	76.9%
            """);
        var row = Assert.Single(rows);
        Assert.Equal(["on_track", "delayed", "delayed"], row.Statuses.Select(s => s.StatusScale));
        Assert.Equal(26, row.ItemsPlanned);
        Assert.Equal(20, row.ItemsAchieved);
        Assert.Equal(76.9, row.StatedRate);
    }

    [Fact]
    public void GradesSToC()
    {
        var (rows, _) = Parse("""
            基本方針 S A B C 合計
            1 組織の質を高める 3 17 4 2 26
            """);
        var row = Assert.Single(rows);
        Assert.Equal(["achieved", "achieved", "on_track", "delayed"], row.Statuses.Select(s => s.StatusScale));
        Assert.Equal(20, row.ItemsAchieved);
        Assert.Equal(26, row.ItemsPlanned);
    }

    [Fact]
    public void ProgressSchemeCountsOnTrackAsAchieved()
    {
        var (rows, _) = Parse("""
            方針	順調	やや遅れ	遅れ	計
            1 組織の質を高める	18	5	3	26
            """);
        var row = Assert.Single(rows);
        Assert.Equal(18, row.ItemsAchieved);
        Assert.Equal([1, 2, 3], row.Statuses.Select(s => s.StatusRank));
        Assert.Equal(["on_track", "delayed", "delayed"], row.Statuses.Select(s => s.StatusScale));
    }

    [Fact]
    public void CompletedInProgressNotStarted()
    {
        var (rows, _) = Parse("""
            基本方針	完了	取組中	未着手	未確定
            1 組織の質を高める	12	10	2	2
            """);
        var row = Assert.Single(rows);
        Assert.Equal(26, row.ItemsPlanned);
        Assert.Equal(12, row.ItemsAchieved);
        Assert.Equal(2, row.ItemsPending);
        Assert.Equal(["achieved", "on_track", "not_started", "other"], row.Statuses.Select(s => s.StatusScale));
    }

    [Theory]
    [InlineData("達成", "achieved")]
    [InlineData("達成(B)", "achieved")]
    [InlineData("達成済", "achieved")]
    [InlineData("一部達成", "on_track")]
    [InlineData("概ね達成", "on_track")]
    [InlineData("未達成", "delayed")]
    [InlineData("順調", "on_track")]
    [InlineData("概ね順調", "on_track")]
    [InlineData("やや遅れ", "delayed")]
    [InlineData("遅れ", "delayed")]
    [InlineData("完了", "achieved")]
    [InlineData("取組中", "on_track")]
    [InlineData("A前進", "on_track")]
    [InlineData("計画事項なし", "other")]
    [InlineData("未着手", "not_started")]
    [InlineData("数値未確定", "other")]
    [InlineData("目標を上回って達成", "achieved")]
    [InlineData("達成率", null)]
    [InlineData("項目数(A)", null)]
    [InlineData("行政組織の質を高める", null)]
    public void StatusWords(string word, string? scale) => Assert.Equal(scale, StatusScheme.ClassifyWord(word, BudgetWarehouse.Loader.Extract.PlanProgress.StatusWords.Default));
}
