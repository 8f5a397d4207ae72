using BudgetWarehouse.Loader.Extract;
using BudgetWarehouse.Loader.Transform.Quantities;
using static BudgetWarehouse.Tests.Transform.Quantities.QuantityTestText;

namespace BudgetWarehouse.Tests.Transform.Quantities;

public class MoneyParsingTests
{
    [Theory]
    [InlineData("271億円", 27_100_000_000L)]
    [InlineData("1819億5000万円", 181_950_000_000L)]
    [InlineData("1,503億1,430万3千円", 150_314_303_000L)]
    [InlineData("2兆3,090億円", 2_309_000_000_000L)]
    [InlineData("155,550千円", 155_550_000L)]
    [InlineData("186百万円", 186_000_000L)]
    [InlineData("3千万円", 30_000_000L)]
    [InlineData("1.5億円", 150_000_000L)]
    [InlineData("500円", 500L)]
    [InlineData("１０億円", 1_000_000_000L)]
    [InlineData("５，０００万円", 50_000_000L)]
    [InlineData("１兆２，３４５億６，７８９万円", 1_234_567_890_000L)]
    [InlineData("155,550 千円", 155_550_000L)]
    public void MultipliersAndCommas(string text, long yen)
    {
        var m = Single(text);
        Assert.Equal(QuantityKind.Money, m.Kind);
        Assert.Equal(yen, m.AmountYen);
        Assert.False(m.IsApproximate);
        Assert.Equal(text, m.RawText);
    }

    [Theory]
    [InlineData("△3億円", -300_000_000L)]
    [InlineData("▲1,200万円", -12_000_000L)]
    [InlineData("－5億円", -500_000_000L)]
    [InlineData("−5億円", -500_000_000L)]
    [InlineData("前年度比 -2億円", -200_000_000L)]
    [InlineData("マイナス2億円", -200_000_000L)]
    public void NegativeSigns(string text, long yen)
    {
        var m = Single(text);
        Assert.Equal(yen, m.AmountYen);
        Assert.StartsWith(m.RawText[..1], text[(text.Length - m.RawText.Length)..]);
    }

    [Fact]
    public void HyphenInsideACodeIsNotASign() =>
        Assert.DoesNotContain(ScanQuantities("A-7億円"), m => m.AmountYen < 0);

    [Theory]
    [InlineData("約10億円", 1_000_000_000L, "約10億円")]
    [InlineData("およそ5億円", 500_000_000L, "およそ5億円")]
    [InlineData("1億円余", 100_000_000L, "1億円余")]
    [InlineData("10億余円", 1_000_000_000L, "10億余円")]
    [InlineData("3億円あまり", 300_000_000L, "3億円あまり")]
    [InlineData("約 ２億円", 200_000_000L, "約 ２億円")]
    public void ApproximationsKeepTheValue(string text, long yen, string raw)
    {
        var m = Single(text);
        Assert.Equal(yen, m.AmountYen);
        Assert.True(m.IsApproximate);
        Assert.Equal(raw, m.RawText);
    }

    [Fact]
    public void RawTextIsThePrintedSliceInsideASentence()
    {
        var m = Single("一般会計で前年度を上回る２７１億円の公共事業規模を確保");
        Assert.Equal("２７１億円", m.RawText);
        Assert.Equal(27_100_000_000L, m.AmountYen);
    }

    [Theory]
    [InlineData("(単位 千円)", 1_000L)]
    [InlineData("（単位：千円）", 1_000L)]
    [InlineData("単位:百万円", 1_000_000L)]
    [InlineData("[単位 円]", 1L)]
    [InlineData("単位 億円", 100_000_000L)]
    public void StatedUnitIsRecognised(string line, long yenPerUnit) =>
        Assert.Equal(yenPerUnit, StatedUnit.Detect(MappedText.Create(line).Text));

    [Theory]
    [InlineData("単位を取得")]
    [InlineData("単位 件")]
    [InlineData("千円")]
    public void OtherTextStatesNoUnit(string line) => Assert.Null(StatedUnit.Detect(MappedText.Create(line).Text));

    [Fact]
    public void StatedUnitScalesBareCells()
    {
        var found = ScanQuantities("一般会計\t155,550\t△1,200\t12.5", 1_000);
        Assert.Equal([155_550_000L, -1_200_000L, 12_500L], found.Select(m => m.AmountYen!.Value));
    }

    [Fact]
    public void StatedUnitLeavesExplicitUnitsAlone()
    {
        var found = ScanQuantities("総額 3億円、3件", 1_000);
        Assert.Equal(300_000_000L, found[0].AmountYen);
        Assert.Equal(QuantityKind.Count, found[1].Kind);
    }

    [Theory]
    [InlineData("1 行政組織の質を高める")]
    [InlineData("第6回金沢マラソン")]
    [InlineData("子育て夢プラン2020の実践")]
    [InlineData("令和2年度")]
    public void StatedUnitDoesNotTurnMarkersOrNamesIntoMoney(string text) => Assert.Empty(ScanQuantities(text, 1_000));

    [Fact]
    public void BareNumbersWithoutAStatedUnitAreNotMoney() => Assert.Empty(ScanQuantities("一般会計\t155,550\t1,200"));

    [Fact]
    public void MultiplierWithoutYenIsNotMoney() => Assert.Empty(ScanQuantities("10億の価値"));
}
