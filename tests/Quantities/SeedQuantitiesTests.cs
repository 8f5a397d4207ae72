using BudgetWarehouse.Loader.Transform.Quantities;
using BudgetWarehouse.Models.Quantities;

namespace BudgetWarehouse.Tests.Quantities;

public class SeedQuantitiesTests
{
    private static string Dump(ExtractedQuantities q) => string.Join("\n",
        q.Measures.Select(m => $"M L{m.SourceLine} {m.Mention.Kind} {m.Mention.Value} {m.Mention.Counter} {m.Role} [{m.Label}] [{m.Note}] p={m.ParentIndex} «{m.Mention.RawText}»")
            .Concat(q.Milestones.Select(m => $"D L{m.SourceLine} {m.Mention.Event} {m.Mention.Date.Start}..{m.Mention.Date.End} {m.Mention.Date.Precision} planned={m.Mention.IsPlanned} «{m.Mention.RawText}»")));

    [Fact]
    public void BudgetPrioritiesSeed()
    {
        var q = QuantityExtractor.Extract(QuantityTestText.SeedSegments("000_f736d30d86fde0e5.txt", 2020));
        var dump = Dump(q);
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "bw-000-quantities.txt"), dump);
        Assert.True(q.Milestones.Count == 32, dump);
    }

    [Fact]
    public void PlanProgressSeed()
    {
        var q = QuantityExtractor.Extract(QuantityTestText.SeedSegments("004_7bef206085fcb133.txt", 2023));
        var dump = Dump(q);
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "bw-004-quantities.txt"), dump);
        Assert.Contains(q.Measures, m => m.Mention.Value == 113 && m.Role == MeasureRoles.Cumulative);
    }
}
