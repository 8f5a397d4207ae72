using BudgetWarehouse.Bench.Generate;
using BudgetWarehouse.Loader.Extract.PlanProgress;
using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Tests.Generate;

/// <summary>
/// Generated plan-progress reports that number the parts of their achievement section ((1) 方針別の状況, (2) 全体の状況)
/// and print a transition under the policy table: the numbered lines are headings, every line is read, the policy
/// table and the status counts stay apart, and every transition goes with a row.
/// </summary>
public class GeneratedPlanHeadingsTests
{
    [Fact]
    public void NumberedPartsAreHeadingsAndTransitionsBelongToARow()
    {
        using var dir = new TempDir();
        CorpusGenerator.Generate(dir.Path, 60, seed: 14);
        var reports = Directory.GetFiles(Path.Combine(dir.Path, "documents"))
            .Select(f => (File: Path.GetFileName(f), Source: SourceText.FromBytes(Path.GetFileName(f), File.ReadAllBytes(f))))
            .Where(d => d.Source.Lines.Any(l => l.Text.Contains("方針別の状況", StringComparison.Ordinal) || l.Text.Contains("←取組中", StringComparison.Ordinal)))
            .ToList();
        Assert.Contains(reports, r => r.Source.Lines.Any(l => l.Text.Contains("方針別の状況", StringComparison.Ordinal)));
        Assert.Contains(reports, r => r.Source.Lines.Any(l => l.Text.Contains("←取組中", StringComparison.Ordinal)));
        foreach (var (file, source) in reports)
        {
            var doc = new PlanProgressParser().Parse(source);
            Assert.Empty(doc.SourceLines.Where(l => l.Role == SourceLineRoles.Unrecognised).Select(l => $"{file} {l.Line}: {l.Text}"));
            Assert.All(doc.SourceLines.Where(l => l.Text.EndsWith("方針別の状況", StringComparison.Ordinal) || l.Text.EndsWith("全体の状況", StringComparison.Ordinal)),
                l => Assert.True(l.Role == SourceLineRoles.Heading, $"{file} {l.Line}: {l.Text} is {l.Role}"));
            var printed = source.Lines.Count(l => l.Text.Contains('←', StringComparison.Ordinal));
            Assert.True(printed == doc.Achievements.Sum(a => a.Transitions.Count), $"{file}: {printed} transition line(s)");
            Assert.DoesNotContain(doc.Achievements, a => a.RowKind != AchievementRowKinds.Policy && a.Statuses.Any(s => s.StatusRaw.Contains("状況", StringComparison.Ordinal)));
        }
    }
}
