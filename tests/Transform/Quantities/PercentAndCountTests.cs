using BudgetWarehouse.Loader.Transform.Quantities;
using static BudgetWarehouse.Tests.Transform.Quantities.QuantityTestText;

namespace BudgetWarehouse.Tests.Transform.Quantities;

public class PercentAndCountTests
{
    [Theory]
    [InlineData("5.4%", 5.4)]
    [InlineData("５．４％", 5.4)]
    [InlineData("88.9%", 88.9)]
    [InlineData("100%", 100.0)]
    [InlineData("10パーセント", 10.0)]
    [InlineData("△0.5%", -0.5)]
    public void Percentages(string text, double value)
    {
        var m = Single(text);
        Assert.Equal(QuantityKind.Percent, m.Kind);
        Assert.Equal(value, m.Value, 9);
        Assert.Equal(text, m.RawText);
    }

    [Theory]
    [InlineData("18%未満", 18.0, "未満")]
    [InlineData("10%以下", 10.0, "以下")]
    [InlineData("3%を超え", 3.0, "超え")]
    [InlineData("50件以上", 50.0, "以上")]
    public void BoundsAreKept(string text, double value, string bound)
    {
        var m = Single(text);
        Assert.Equal(value, m.Value);
        Assert.Equal(bound, m.Bound);
    }

    [Theory]
    [InlineData("3クラブ", 3.0, "クラブ")]
    [InlineData("2施設", 2.0, "施設")]
    [InlineData("42件", 42.0, "件")]
    [InlineData("111名", 111.0, "名")]
    [InlineData("200人", 200.0, "人")]
    [InlineData("3社", 3.0, "社")]
    [InlineData("90 項目", 90.0, "項目")]
    [InlineData("5校", 5.0, "校")]
    [InlineData("3か所", 3.0, "か所")]
    [InlineData("4箇所", 4.0, "箇所")]
    [InlineData("2ヶ所", 2.0, "ヶ所")]
    [InlineData("10台", 10.0, "台")]
    [InlineData("2回", 2.0, "回")]
    [InlineData("6団体", 6.0, "団体")]
    [InlineData("1万2千人", 12_000.0, "人")]
    [InlineData("１５件", 15.0, "件")]
    [InlineData("約300世帯", 300.0, "世帯")]
    public void CountsWithCounters(string text, double value, string counter)
    {
        var m = Single(text);
        Assert.Equal(QuantityKind.Count, m.Kind);
        Assert.Equal(value, m.Value);
        Assert.Equal(counter, m.Counter);
        Assert.Equal(text, m.RawText);
    }

    [Fact]
    public void SeveralQuantitiesInOneSentence()
    {
        var found = ScanQuantities("延べメンバー111名の登録、課題数25件の投稿があり");
        Assert.Equal([111.0, 25.0], found.Select(m => m.Value));
    }

    [Theory]
    [InlineData("第6回金沢マラソンを開催")]
    [InlineData("第5次安原異業種工業団地")]
    [InlineData("第1工区造成工事に着手")]
    [InlineData("海側幹線4期区間の上部工に着手")]
    [InlineData("金沢港開港50周年記念イベント")]
    [InlineData("0歳児の親子ふれあい教室")]
    [InlineData("5G技術を応用")]
    [InlineData("金沢21世紀美術館の展覧会")]
    [InlineData("子育て夢プラン2020の実践")]
    [InlineData("長寿安心プラン2021を策定")]
    [InlineData("ノーマライゼーションプラン金沢2021")]
    [InlineData("企業局経営戦略2022を改定")]
    [InlineData("1人1台環境に対応する")]
    [InlineData("1人当たり")]
    [InlineData("24時間相談できる")]
    [InlineData("ペアで参加するファミリーラン（1.5kmコース）を開催")]
    [InlineData("制度融資を1年間延長")]
    [InlineData("（夏期、冬期各2日間）")]
    [InlineData("（4年間）")]
    [InlineData("令和2年")]
    [InlineData("2024年度")]
    [InlineData("令和2年10月3日、4日")]
    [InlineData("[P27, No.1]")]
    [InlineData("[P35, No.R6-7]")]
    [InlineData("3回目の開催")]
    [InlineData("第6期障害福祉計画")]
    [InlineData("第 3 回")]
    [InlineData("①新産業の創出")]
    [InlineData("R3年度")]
    public void OrdinalsNamesDatesAndDurationsAreNotMeasures(string text) => Assert.Empty(ScanQuantities(text));
}
