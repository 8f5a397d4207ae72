using BudgetWarehouse.Loader.Extract.PlanProgress;
using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Tests.Extract;

/// <summary>
/// A status table with a change column (増減, 前年比, 前年度比) whose values are printed without a sign: an unsigned
/// value in that column is an increase, ▲ / △ / − a decrease. Each table shape, with and without a share column
/// (構成比), from a small invented report.
/// </summary>
public class PlanStatusChangeColumnTests
{
    private static PlanAchievementEntry ParseOne(string body)
    {
        var text = "こだま町行政改革アクションプランの取組状況\n令和6年3月末現在\n1 進捗状況\n" + body.Replace("\r", "", StringComparison.Ordinal);
        return Assert.Single(new PlanProgressParser().Parse(SourceText.FromString("t.txt", text)).Achievements);
    }

    private static string Read(PlanAchievementEntry e) =>
        string.Join(" ", e.Statuses.Select(s => $"{s.StatusRaw}={s.ItemCount}({(s.Change is { } c ? c.ToString("+0;-0;0", System.Globalization.CultureInfo.InvariantCulture) : "null")})"));

    [Theory]
    // Space-separated, one row per line.
    [InlineData("区分 件数 増減\n完了 12 2\n取組中 30 1\n未着手 4 ▲3")]
    [InlineData("区分 件数 構成比 増減\n完了 12 26.1% 2\n取組中 30 65.2% 1\n未着手 4 8.7% ▲3")]
    // Tab-separated.
    [InlineData("区分\t件数\t増減\n完了\t12\t2\n取組中\t30\t1\n未着手\t4\t▲3")]
    [InlineData("区分\t件数\t構成比\t増減\n完了\t12\t26.1%\t2\n取組中\t30\t65.2%\t1\n未着手\t4\t8.7%\t▲3")]
    // Pipe table with and without a separator row.
    [InlineData("| 区分 | 件数 | 増減 |\n|---|---|---|\n| 完了 | 12 | 2 |\n| 取組中 | 30 | 1 |\n| 未着手 | 4 | ▲3 |")]
    [InlineData("| 区分 | 件数 | 構成比 | 増減 |\n|---|---|---|---|\n| 完了 | 12 | 26.1% | 2 |\n| 取組中 | 30 | 65.2% | 1 |\n| 未着手 | 4 | 8.7% | ▲3 |")]
    [InlineData("| 区分 | 件数 | 増減 |\n| 完了 | 12件 | 2 |\n| 取組中 | 30件 | 1 |\n| 未着手 | 4件 | △3 |")]
    // One cell per line, and one cell per paragraph.
    [InlineData("区分\n件数\n増減\n完了\n12\n2\n取組中\n30\n1\n未着手\n4\n▲3")]
    [InlineData("区分\n\n件数\n\n構成比\n\n増減\n\n完了\n\n12\n\n26.1%\n\n2\n\n取組中\n\n30\n\n65.2%\n\n1\n\n未着手\n\n4\n\n8.7%\n\n▲3")]
    // Other names of the column, and a minus sign.
    [InlineData("区分 件数 前年比\n完了 12 2\n取組中 30 1\n未着手 4 −3")]
    [InlineData("区分 件数 前年度比\n完了 12 +2\n取組中 30 1\n未着手 4 -3")]
    public void UnsignedChangeIsAnIncrease(string body)
    {
        var e = ParseOne(body);
        Assert.Equal("完了=12(+2) 取組中=30(+1) 未着手=4(-3)", Read(e));
        Assert.Equal(46, e.ItemsPlanned);
    }

    [Fact]
    public void SharesAreKeptBesideTheChange()
    {
        var e = ParseOne("区分\t件数\t構成比\t増減\n完了\t12\t26.1%\t2\n取組中\t30\t65.2%\t1\n未着手\t4\t8.7%\t▲3");
        Assert.Equal(["26.1%", "65.2%", "8.7%"], e.Statuses.Select(s => s.StatedRateText));
    }

    [Fact]
    public void ZeroChangeIsNoChangeNotAMissingOne()
    {
        var e = ParseOne("区分 件数 増減\n完了 12 0\n取組中 30 3\n未着手 4 ▲3");
        Assert.Equal("完了=12(0) 取組中=30(+3) 未着手=4(-3)", Read(e));
    }

    [Fact]
    public void TotalRowOfTheTableIsTheTotalNotAStatus()
    {
        var e = ParseOne("区分 件数 増減\n完了 12 2\n取組中 30 1\n未着手 4 ▲3\n計 46 0");
        Assert.Equal("完了=12(+2) 取組中=30(+1) 未着手=4(-3)", Read(e));
        Assert.Equal((46, true), (e.ItemsPlanned, e.IsTotalPrinted));
    }

    [Theory]
    [InlineData("区分 件数\n完了 12\n取組中 30\n未着手 4")]
    [InlineData("区分\t件数\n完了\t12\n取組中\t30\n未着手\t4")]
    [InlineData("区分\t件数\t構成比\n完了\t12\t26.1%\n取組中\t30\t65.2%\n未着手\t4\t8.7%")]
    public void WithoutAChangeColumnThereIsNoChange(string body)
    {
        var e = ParseOne(body);
        Assert.Equal("完了=12(null) 取組中=30(null) 未着手=4(null)", Read(e));
        Assert.Equal(AchievementRowKinds.Status, e.RowKind);
    }

    [Fact]
    public void TabTableWithTotalRowKeepsItsTotal()
    {
        var e = ParseOne("区分\t件数\t増減\n完了\t12\t2\n取組中\t30\t1\n未着手\t4\t▲3\n計\t46\t0");
        Assert.Equal("完了=12(+2) 取組中=30(+1) 未着手=4(-3)", Read(e));
        Assert.Equal((46, true), (e.ItemsPlanned, e.IsTotalPrinted));
    }
}
