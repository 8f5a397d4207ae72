using BudgetWarehouse.Loader.Extract.PlanProgress;
using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Tests.Extract;

/// <summary>
/// Status transitions as printed (several on a line, with and without item numbers, above or below their counts),
/// from small invented reports: what each records and which counts it is put with.
/// </summary>
public class PlanTransitionShapesTests
{
    private static ParsedDocument Parse(string body) =>
        new PlanProgressParser().Parse(SourceText.FromString("t.txt", "みなと市行政改革プランの取組状況\n令和6年3月末現在\n" + body));

    [Fact]
    public void SeveralOnOneLineKeepWhatWasPrinted()
    {
        var e = Assert.Single(Parse("1 進捗状況\n評価 S=目標を上回って達成、A=目標を達成、B=一部達成\nS 2 A 14 B 6\nA←B:3件(No2, 8,11)、S←A 1件 B→A:2件(No.15)").Achievements);
        Assert.Equal(
            [("B", "A", 3, "2,8,11", "No2, 8,11", "A←B:3件(No2, 8,11)"), ("A", "S", 1, "", null, "S←A 1件"), ("B", "A", 2, "15", "No.15", "B→A:2件(No.15)")],
            e.Transitions.Select(t => (t.From, t.To, t.ItemCount, string.Join(",", t.ItemRefs), t.ItemRefsText, t.RawText)));
        Assert.Equal([("一部達成", "目標を達成"), ("目標を達成", "目標を上回って達成"), ("一部達成", "目標を達成")], e.Transitions.Select(t => (t.FromMeaning, t.ToMeaning)));
    }

    [Fact]
    public void AboveTheCountsBelongsToTheNextCounts()
    {
        var rows = Parse("1 進捗状況\n未着手→取組中:4件\n完了 8 取組中 20 未着手 3\n2 達成状況\n達成 25 一部達成 6").Achievements;
        Assert.Equal(2, rows.Count);
        Assert.Equal(("未着手", "取組中", 4), rows.Select(r => r.Transitions.SingleOrDefault()).OfType<StatusTransition>().Select(t => (t.From, t.To, t.ItemCount)).Single());
        Assert.Single(rows[0].Transitions);
        Assert.Empty(rows[1].Transitions);
    }

    [Fact]
    public void LetterOfACountedWordTakesThatWord()
    {
        var e = Assert.Single(Parse("1 進捗状況\nA前進 10 B現状維持 4 C後退 2\nA←C:1件").Achievements);
        Assert.Equal(("C後退", "A前進"), (e.Transitions[0].FromMeaning, e.Transitions[0].ToMeaning));
    }

    [Fact]
    public void WithNoCountsInItsSectionItIsReportedNotLost()
    {
        var doc = Parse("1 進捗状況\n完了 8 取組中 20\n2 達成状況\n取組中→完了:3件(No6)");
        Assert.Empty(Assert.Single(doc.Achievements).Transitions);
        Assert.Contains(doc.Warnings, w => w.Line == 6 && w.Message.Contains("取組中→完了:3件(No6)", StringComparison.Ordinal) && w.Message.Contains("not loaded", StringComparison.Ordinal));
    }
}
