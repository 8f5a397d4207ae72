using BudgetWarehouse.Loader.Extract.BudgetPriorities;
using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Tests.Extract;

public class BudgetPrioritiesGoldenTests
{
    public static TheoryData<string> Documents() =>
        [.. Directory.EnumerateFiles(Path.Combine(TestPaths.Golden, "budget_priorities"), "*.txt").Select(p => Path.GetFileName(p)).Order()];

    [Theory]
    [MemberData(nameof(Documents))]
    public void ParsesAsInTheGoldenFile(string fileName)
    {
        var input = Path.Combine(TestPaths.Golden, "budget_priorities", fileName);
        var doc = new BudgetPrioritiesParser().Parse(SourceText.FromBytes(fileName, File.ReadAllBytes(input)));
        GoldenJson.AssertMatches(Path.ChangeExtension(input, ".json"), GoldenJson.Render(doc));
    }

    [Fact]
    public void SeedMatchesItsGoldenFileAndCounts()
    {
        var path = TestPaths.SeedDocument("000_");
        var doc = new BudgetPrioritiesParser().Parse(SourceText.FromBytes(Path.GetFileName(path), File.ReadAllBytes(path)));

        Assert.Equal([5, 19, 53], doc.Policies.GroupBy(p => p.Level).OrderBy(g => g.Key).Select(g => g.Count()));
        Assert.Equal(274, doc.Initiatives.Count(i => i.Kind == InitiativeKinds.Item));
        Assert.Equal(35, doc.Initiatives.Count(i => i.Kind == InitiativeKinds.Detail));
        Assert.Equal(2020, doc.InferredFiscalYear);
        Assert.Equal("IV. 予算の重点", doc.Title);
        GoldenJson.AssertMatches(Path.Combine(TestPaths.Golden, "seeds", "000_budget_priorities.json"), GoldenJson.Render(doc));
    }
}
