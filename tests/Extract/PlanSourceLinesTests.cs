using BudgetWarehouse.Loader.Extract.PlanProgress;
using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Tests.Extract;

/// <summary>
/// The plan-progress parser accounts for every line as the budget parser does: each non-blank line has the role
/// of what read it, and a line is unrecognised only when nothing read it.
/// </summary>
public class PlanSourceLinesTests
{
    private static ParsedDocument ParseFile(string path) => new PlanProgressParser().Parse(SourceText.FromBytes(Path.GetFileName(path), File.ReadAllBytes(path)));

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "plan_status", "plan_progress" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.Golden, folder), "*.txt").Order(StringComparer.Ordinal))
            {
                data.Add(Path.Combine(folder, Path.GetFileName(file)));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void EveryLineOfTheGoldenReportsIsUnderstood(string file)
    {
        var path = Path.Combine(TestPaths.Golden, file);
        var doc = ParseFile(path);
        var nonBlank = SourceText.FromBytes(file, File.ReadAllBytes(path)).Lines.Count(l => !l.IsBlank);
        Assert.Equal(nonBlank, doc.SourceLines.Count);
        Assert.Empty(doc.SourceLines.Where(l => l.Role == SourceLineRoles.Unrecognised).Select(l => $"{l.Line}: {l.Text}"));
    }

    [Fact]
    public void SeedReportIsUnderstoodLineByLine()
    {
        var doc = ParseFile(TestPaths.SeedDocument("004_"));
        Assert.Empty(doc.SourceLines.Where(l => l.Role == SourceLineRoles.Unrecognised).Select(l => $"{l.Line}: {l.Text}"));
    }

    [Fact]
    public void RolesSayWhatReadEachLine()
    {
        var doc = new PlanProgressParser().Parse(SourceText.FromString("t.txt", """
            ひかり市改革プランの取組状況
            1 進捗状況
            区分 件数 構成比
            完了 4 33.3% 取組中 8 66.7%
            令和6年度末現在、12項目のうち「完了」が4項目、「取組中」が8項目です。
            ※詳しい表はPDF版でご確認ください。
            -2-
            2 主な取組
            方針1 組織の見直し
            ・窓口の受付時間を延長
            平日の夜間も受け付けました。
            まったく関係のない一文
            """));
        var roles = doc.SourceLines.ToDictionary(l => l.Line, l => l.Role);
        Assert.Equal(
            ["heading", "heading", "table_row", "table_row", "prose", "chrome", "chrome", "heading", "heading", "item", "prose", "prose"],
            Enumerable.Range(1, 12).Select(n => roles[n]));
        Assert.Equal(1, doc.SourceLines.Single(l => l.Line == 11).InitiativeSeq);
    }
}
