using BudgetWarehouse.Models.Quantities;
using static BudgetWarehouse.Tests.Transform.Quantities.QuantityTestText;

namespace BudgetWarehouse.Tests.Transform.Quantities;

public class RolesAndLabelsTests
{
    [Fact]
    public void ThresholdInTheAnnotation()
    {
        var m = ExtractLines("実質公債費比率 5.4%（安全とされる18%未満を堅持）").Measures;
        Assert.Equal(2, m.Count);
        Assert.Equal((5.4, MeasureRoles.Value, "実質公債費比率"), (m[0].Mention.Value, m[0].Role, m[0].Label));
        Assert.Equal((18.0, MeasureRoles.Threshold, "実質公債費比率"), (m[1].Mention.Value, m[1].Role, m[1].Label));
        Assert.Equal(0, m[1].ParentIndex);
        Assert.Equal("安全とされる", m[1].Note);
    }

    [Fact]
    public void BenchmarkInANestedAnnotation()
    {
        var m = ExtractLines("市債依存度 9.1%（市債発行を抑制（地財計画10.2%））").Measures;
        Assert.Equal((9.1, MeasureRoles.Value, "市債依存度"), (m[0].Mention.Value, m[0].Role, m[0].Label));
        Assert.Equal((10.2, MeasureRoles.Benchmark, "市債依存度"), (m[1].Mention.Value, m[1].Role, m[1].Label));
        Assert.Equal("地財計画", m[1].Note);
    }

    [Fact]
    public void ComponentInParenthesesBelongsToTheAmountBefore()
    {
        var m = ExtractLines("市債の計画的な繰上償還 10億円（うち最終補正で5億円）").Measures;
        Assert.Equal((1_000_000_000L, MeasureRoles.Value, "市債の計画的な繰上償還"), (m[0].Mention.AmountYen!.Value, m[0].Role, m[0].Label));
        Assert.Equal((500_000_000L, MeasureRoles.Component, "最終補正"), (m[1].Mention.AmountYen!.Value, m[1].Role, m[1].Label));
        Assert.Equal(0, m[1].ParentIndex);
    }

    [Fact]
    public void BreakdownLinesAfterUchiAreComponentsWhileTheyFit()
    {
        var m = ExtractLines("基金の計画的な積み立て 10億円", "うち教育基金 6億円", "文化基金 4億円", "市債残高 8億円").Measures;
        Assert.Equal([MeasureRoles.Value, MeasureRoles.Component, MeasureRoles.Component, MeasureRoles.Value], m.Select(x => x.Role));
        Assert.Equal([null, 0, 0, null], m.Select(x => x.ParentIndex));
        Assert.Equal(["基金の計画的な積み立て", "教育基金", "文化基金", "市債残高"], m.Select(x => x.Label));
    }

    [Fact]
    public void BreakdownDoesNotCrossItems()
    {
        var q = Loader.Transform.Quantities.QuantityExtractor.Extract(
        [
            new("a", "a", "積立 10億円", 1, 2020),
            new("b", "b", "うち基金 6億円", 2, 2020),
        ]);
        Assert.Null(q.Measures[1].ParentIndex);
        Assert.Equal(MeasureRoles.Component, q.Measures[1].Role);
    }

    [Fact]
    public void CumulativeAndTotal()
    {
        var m = ExtractLines("42件のアプリを開発し、業務改善を図りました。（累計開発アプリ数 113件）").Measures;
        Assert.Equal((42.0, MeasureRoles.Value, "アプリ"), (m[0].Mention.Value, m[0].Role, m[0].Label));
        Assert.Equal((113.0, MeasureRoles.Cumulative, "開発アプリ数"), (m[1].Mention.Value, m[1].Role, m[1].Label));

        var t = Assert.Single(ExtractLines("契約額は5年間で総額155,550千円と、多大な財源確保を実現しました。").Measures);
        Assert.Equal((155_550_000L, MeasureRoles.Total, "契約額"), (t.Mention.AmountYen!.Value, t.Role, t.Label));
    }

    [Fact]
    public void LabelAfterTheNumberWhenTheTextBeforeIsAVerb()
    {
        var m = Assert.Single(ExtractLines("一般会計で前年度を上回る271億円の公共事業規模を確保").Measures);
        Assert.Equal("公共事業規模", m.Label);
    }

    [Fact]
    public void TableRowsTakeTheFirstCellAsLabel()
    {
        var m = ExtractLines("1 行政組織の質を高める\t26 項目\t25 項目\t96.2%", "合計\t90 項目\t80 項目\t88.9%").Measures;
        Assert.Equal(6, m.Count);
        Assert.All(m.Take(3), x => Assert.Equal(("行政組織の質を高める", MeasureRoles.Value), (x.Label, x.Role)));
        Assert.All(m.Skip(3), x => Assert.Equal(MeasureRoles.Total, x.Role));
    }

    [Fact]
    public void CountsInAnAnnotationOfAPercentageAreValues()
    {
        var m = ExtractLines("達成率 88.9% (実施計画 90 項目中 80 項目が達成済)").Measures;
        Assert.Equal([MeasureRoles.Value, MeasureRoles.Value, MeasureRoles.Value], m.Select(x => x.Role));
        Assert.Equal("達成率", m[0].Label);
        Assert.Equal("実施計画", m[1].Label);
    }

    [Fact]
    public void SourceLineFollowsWrappedLines()
    {
        var q = Loader.Transform.Quantities.QuantityExtractor.Extract([new("a", "a", "施設整備\n（3施設）を支援", 10, 2020)]);
        Assert.Equal(11, Assert.Single(q.Measures).SourceLine);
    }
}
