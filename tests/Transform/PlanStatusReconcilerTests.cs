using BudgetWarehouse.Loader.Extract.PlanProgress;
using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Loader.Transform;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Tests.Transform;

/// <summary>Status counts checked against the totals, breakdowns, net counts and shares their report prints.</summary>
public class PlanStatusReconcilerTests
{
    private static PlanAchievementEntry Group(string body) =>
        Assert.Single(new PlanProgressParser().Parse(SourceText.FromString("t.txt", "はるかぜ市改革プランの取組状況\n1 進捗状況\n" + body)).Achievements);

    [Fact]
    public void AgreeingCountsAreConsistent()
    {
        var check = PlanStatusReconciler.Check(Group(
            "50項目(うち2項目は再掲で実質48件)のうち「完了」が10項目(20.0%)、「取組中」が36項目、「未着手」が4項目です。\n取組中の36項目のうち、30項目は順調、6項目はやや遅れです。"));
        Assert.Empty(check.Problems);
        Assert.True(check.Checked);
        Assert.Equal((20.0, true), check.Statuses[0]);
    }

    [Fact]
    public void CountsThatMissThePrintedTotalAreFlagged()
    {
        var check = PlanStatusReconciler.Check(Group("対象の取組 40項目\n完了 9 取組中 27 未着手 3"));
        Assert.Equal(["the status counts add up to 39 but the printed total is 40"], check.Problems);
    }

    [Fact]
    public void ABreakdownThatMissesItsParentIsFlagged()
    {
        var check = PlanStatusReconciler.Check(Group("「完了」が5項目、「取組中」が20項目です。取組中の20項目のうち、15項目は順調、4項目はやや遅れです。"));
        Assert.Equal(["the breakdown of '取組中' adds up to 19 but '取組中' counts 20"], check.Problems);
    }

    [Fact]
    public void AShareThatDisagreesWithItsCountIsFlagged()
    {
        var check = PlanStatusReconciler.Check(Group("完了 9 (30.0%) 取組中 21 (70.0%) 計 32"));
        Assert.Equal(3, check.Problems.Count);
        Assert.Equal("the status counts add up to 30 but the printed total is 32", check.Problems[0]);
        Assert.Equal([false, false], check.Statuses.Select(s => s.Consistent));
    }

    [Fact]
    public void ANetCountThatDisagreesIsFlagged()
    {
        var check = PlanStatusReconciler.Check(Group("計画掲載の取組数 | 60件 | うち4項目は再掲で実質55件 |"));
        Assert.Equal(["60 items less 4 re-listed is 56, not the printed 55"], check.Problems);
    }

    [Fact]
    public void SeedLikeTableRowsAreUncheckedByStatusRules()
    {
        var rows = new PlanProgressParser().Parse(SourceText.FromBytes("s.txt", File.ReadAllBytes(TestPaths.SeedDocument("004_")))).Achievements;
        Assert.All(rows, r => Assert.Empty(PlanStatusReconciler.Check(r).Problems));
    }
}
