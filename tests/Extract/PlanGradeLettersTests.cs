using BudgetWarehouse.Loader.Extract.PlanProgress;
using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Tests.Extract;

/// <summary>
/// Grade letters printed without a legend take the status file's row for the bare letter (S and A achieved,
/// B on track, C delayed, D not started); a legend printed in the report gives them its own words instead.
/// </summary>
public class PlanGradeLettersTests
{
    private static PlanAchievementEntry Parse(string body) => Assert.Single(
        new PlanProgressParser().Parse(SourceText.FromString("t.txt", "もみじ市改革プランの取組状況\n1 進捗状況\n" + body)).Achievements);

    [Theory]
    [InlineData("A 10 B 5 C 3 D 1")]
    [InlineData("A:10、B:5、C:3、D:1")]
    [InlineData("| A | 10 |\n| B | 5 |\n| C | 3 |\n| D | 1 |")]
    public void BareLettersTakeTheFilesClasses(string run)
    {
        var e = Parse(run);
        Assert.Equal(
            [("A", StatusClasses.Achieved), ("B", StatusClasses.OnTrack), ("C", StatusClasses.Delayed), ("D", StatusClasses.NotStarted)],
            e.Statuses.Select(s => (s.StatusRaw, StatusWords.Default.ClassOf(s.Meaning ?? s.StatusRaw).Class)));
        Assert.All(e.Statuses, s => Assert.Null(s.Meaning));
    }

    [Fact]
    public void ALegendGivesTheLettersItsWords()
    {
        var e = Parse("評価 A=計画どおり、B=やや遅れている、C=ほとんど進んでいない\nA 10 B 5 C 3");
        Assert.Equal(
            [("A", "計画どおり", StatusClasses.OnTrack), ("B", "やや遅れている", StatusClasses.Delayed), ("C", "ほとんど進んでいない", StatusClasses.Delayed)],
            e.Statuses.Select(s => (s.StatusRaw, s.Meaning, StatusWords.Default.ClassOf(s.Meaning!).Class)));
    }
}
