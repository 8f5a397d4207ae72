using BudgetWarehouse.Loader.Transform.Quantities;
using BudgetWarehouse.Models.Quantities;

namespace BudgetWarehouse.Tests.Transform.Quantities;

// The rules alone over the seed texts, split the simple way (QuantityTestText.SeedSegments). The
// plan-progress seed has no parser in the pipeline yet, so this is where its quantities are checked.
public class SeedQuantitiesTests
{
    [Fact]
    public void BudgetPrioritiesSeedHasSixMoneyFourPercentAndThirtyTwoMilestones()
    {
        var q = QuantityExtractor.Extract(QuantityTestText.SeedSegments("000_f736d30d86fde0e5.txt", 2020));
        Assert.Equal(6, q.Measures.Count(m => m.Mention.Kind == QuantityKind.Money));
        Assert.Equal(4, q.Measures.Count(m => m.Mention.Kind == QuantityKind.Percent));
        Assert.Equal(32, q.Milestones.Count);
    }

    [Fact]
    public void PlanProgressSeedItems()
    {
        var q = QuantityExtractor.Extract(QuantityTestText.SeedSegments("004_7bef206085fcb133.txt", 2023));
        var found = q.Measures.Select(m => (m.Mention.Value, m.Mention.Counter, m.Role, m.Label)).ToList();
        Assert.Equal(
        [
            (42.0, "件", MeasureRoles.Value, "アプリ"),
            (113.0, "件", MeasureRoles.Cumulative, "開発アプリ数"),
            (111.0, "名", MeasureRoles.Value, "延べメンバー"),
            (25.0, "件", MeasureRoles.Value, "課題数"),
            (3.0, "社", MeasureRoles.Value, "応募"),
            (155_550_000.0, null, MeasureRoles.Total, "契約額"),
        ], found);
        Assert.Equal(155_550_000L, q.Measures[^1].Mention.AmountYen);
    }

    [Fact]
    public void PlanProgressSeedAchievementTable()
    {
        var lines = File.ReadAllLines(Path.Combine(TestPaths.Seeds, "documents", "004_7bef206085fcb133.txt"))[22..31];
        var q = QuantityExtractor.Extract(lines.Select((l, i) => new QuantitySegment($"L{i + 23}", "summary", l, i + 23, 2023)));
        var rate = q.Measures[0];
        Assert.Equal((88.9, MeasureRoles.Value, "達成率"), (rate.Mention.Value, rate.Role, rate.Label));
        Assert.Contains(q.Measures, m => m.Mention.Value == 96.2 && m.Label == "行政組織の質を高める");
        Assert.Equal([90.0, 80.0, 88.9], q.Measures.Where(m => m.Role == MeasureRoles.Total).Select(m => m.Mention.Value));
        Assert.Contains(q.Measures, m => m.Mention.Value == 2 && m.Role == MeasureRoles.Component && m.Mention.Counter == "項目");
    }
}
