using BudgetWarehouse.Loader.Extract.PlanProgress;
using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Tests.Extract;

public class PlanProgressGoldenTests
{
    public static TheoryData<string> Documents() =>
        [.. Directory.EnumerateFiles(Path.Combine(TestPaths.Golden, "plan_progress"), "*.txt").Select(p => Path.GetFileName(p)).Order()];

    [Theory]
    [MemberData(nameof(Documents))]
    public void ParsesAsInTheGoldenFile(string fileName)
    {
        var input = Path.Combine(TestPaths.Golden, "plan_progress", fileName);
        var doc = new PlanProgressParser().Parse(SourceText.FromBytes(fileName, File.ReadAllBytes(input)));
        GoldenJson.AssertMatches(Path.ChangeExtension(input, ".json"), GoldenJson.Render(doc));
    }

    [Fact]
    public void SeedMatchesItsGoldenFileAndCounts()
    {
        var path = TestPaths.SeedDocument("004_");
        var doc = new PlanProgressParser().Parse(SourceText.FromBytes(Path.GetFileName(path), File.ReadAllBytes(path)));

        Assert.Equal("金沢市行政経営プラン", doc.PlanName);
        Assert.Equal((2023, 2026), (doc.PlanStartFiscalYear, doc.PlanEndFiscalYear));
        Assert.Equal("質の高い市民サービスを創り続ける行政経営の実践", doc.PlanPrinciple);
        Assert.Equal(2024, doc.InferredFiscalYear);

        var items = doc.Initiatives.Where(i => i.Kind == InitiativeKinds.Item).ToList();
        Assert.Equal(18, items.Count);
        Assert.Equal(9, items.Count(i => i.FiscalYear == 2023));
        Assert.Equal(9, items.Count(i => i.FiscalYear == 2024));
        Assert.All(items, i => Assert.NotNull(i.PlanRef));
        Assert.All(items, i => Assert.NotNull(i.Description));
        Assert.Equal(2, items.Count(i => i.IsNumericTarget));
        Assert.Equal("P27 No.1", items[0].PlanRef);
        Assert.Equal("P35 No.R6-7", items[9].PlanRef);
        Assert.Contains(items, i => i.Description!.Contains("155,550千円", StringComparison.Ordinal));

        // Level 1 = 基本方針, level 2 = (1)(2)(3), per reporting year; codes unique.
        Assert.Equal(6, doc.Policies.Count(p => p.Level == 1));
        Assert.Equal(18, doc.Policies.Count(p => p.Level == 2));
        Assert.Equal(doc.Policies.Count, doc.Policies.Select(p => p.Code).Distinct().Count());
        Assert.All(doc.Policies, p => Assert.NotNull(p.FiscalYear));

        var rows = doc.Achievements;
        Assert.Equal(["policy", "policy", "policy", "total"], rows.Select(r => r.RowKind));
        Assert.Equal([26, 31, 33, 90], rows.Select(r => r.ItemsPlanned ?? -1));
        Assert.Equal([25, 27, 28, 80], rows.Select(r => r.ItemsAchieved ?? -1));
        Assert.Equal([null, null, 2, null], rows.Select(r => r.ItemsPending));
        Assert.Equal(["96.2%", "87.1%", "84.8%", "88.9%"], rows.Select(r => r.StatedRateText ?? ""));
        Assert.All(rows, r => Assert.Equal(2023, r.FiscalYear));
        Assert.Empty(doc.Warnings);

        GoldenJson.AssertMatches(Path.Combine(TestPaths.Golden, "seeds", "004_plan_progress.json"), GoldenJson.Render(doc));
    }
}
