using BudgetWarehouse.Loader.Transform.Quantities;
using BudgetWarehouse.Models.Quantities;

namespace BudgetWarehouse.Tests.Extract;

// VARIANTS D and E: amounts, percentages and changes as printed, one invented line each.
public class BudgetAmountTests
{
    private static List<QuantityMention> Scan(string text, long? unit = null) => QuantityScanner.Scan(MappedText.Create(text), unit);

    private static ExtractedQuantities Extract(params string[] segments) =>
        QuantityExtractor.Extract(segments.Select((t, i) => new QuantitySegment($"s{i}", "g", t, i + 1, 2025)));

    [Theory]
    [InlineData("一般会計は1538億6000万円", 153_860_000_000L)]
    [InlineData("事業費37億2815万4000円を計上", 3_728_154_000L)]
    [InlineData("総額812億3千万円", 81_230_000_000L)]
    [InlineData("歳出3,071億4,926万7千円", 307_149_267_000L)]
    [InlineData("歳入 528 億 3,716 万 9 千円", 52_837_169_000L)]
    [InlineData("予算規模 2,755 億円", 275_500_000_000L)]
    [InlineData("改修費4,150千円", 4_150_000L)]
    [InlineData("委託料386百万円", 386_000_000L)]
    [InlineData("6,207百万円", 6_207_000_000L)]
    [InlineData("1兆3,402億円", 1_340_200_000_000L)]
    [InlineData("２兆９７１億円", 2_097_100_000_000L)]
    public void CompoundAmountsAreOneAmount(string text, long yen)
    {
        var m = Assert.Single(Scan(text));
        Assert.Equal(QuantityKind.Money, m.Kind);
        Assert.Equal(yen, m.AmountYen);
    }

    [Theory]
    [InlineData("およそ2870億円", 287_000_000_000L)]
    [InlineData("約3,950億円", 395_000_000_000L)]
    [InlineData("940億あまり", 94_000_000_000L)]
    [InlineData("47億円あまり", 4_700_000_000L)]
    [InlineData("19億円余", 1_900_000_000L)]
    [InlineData("〇 企業会計 約615億円", 61_500_000_000L)]
    public void ApproximateAmounts(string text, long yen)
    {
        var m = Assert.Single(Scan(text));
        Assert.Equal(yen, m.AmountYen);
        Assert.True(m.IsApproximate);
    }

    [Fact]
    public void BareNumbersTakeTheStatedUnit()
    {
        var m = Assert.Single(Scan("61,380", 1000));
        Assert.Equal(61_380_000L, m.AmountYen);
    }

    [Theory]
    [InlineData("図書館の開館は第3期計画で", 0)]
    [InlineData("プラン2030の策定", 0)]
    [InlineData("(資料3(256KB)を参照)", 0)]
    [InlineData("(PDFファイル: 2.4MB)", 0)]
    [InlineData("検討を重ね,議会の承認を得て", 0)]
    public void OrdinalsNamesAndSizesAreNotAmounts(string text, int count)
    {
        Assert.Equal(count, Scan(text).Count);
    }

    [Fact]
    public void PriorYearAmountOnTheNextLineInParentheses()
    {
        var q = Extract("学童保育の拡充\n210億円\n(187億円)");
        Assert.Equal([(MeasureRoles.Value, 21_000_000_000L), (MeasureRoles.PriorYear, 18_700_000_000L)], q.Measures.Select(m => (m.Role, m.Mention.AmountYen ?? 0)));
        Assert.Equal(0, q.Measures[1].ParentIndex);
    }

    [Fact]
    public void NoPriorYearWhenTheParenthesisIsADash()
    {
        var q = Extract("公園遊具の更新\n95億円\n(-)");
        Assert.Equal([MeasureRoles.Value], q.Measures.Select(m => m.Role));
    }

    [Fact]
    public void PerCapitaAndShare()
    {
        var q = Extract("土木費 6億318万円  2.4%(1人当たり4,271円)");
        Assert.Equal(
            [(MeasureRoles.Value, 603_180_000d), (MeasureRoles.Value, 2.4), (MeasureRoles.PerCapita, 4_271d)],
            q.Measures.Select(m => (m.Role, m.Mention.Value)));
    }

    [Theory]
    [InlineData("歳出は3.4%増加", 3.4)]
    [InlineData("前年度当初と比べ実質1・3%増", 1.3)]
    [InlineData("市税収入(同0・9%減)", -0.9)]
    [InlineData("対前年度比:2.2%減", -2.2)]
    [InlineData("前年度比 4.7%↑", 4.7)]
    [InlineData("(前年度当初予算との比較で-1.8%の減少)", -1.8)]
    [InlineData("6・2%減の見込み", -6.2)]
    [InlineData("５・１％増", 5.1)]
    public void PercentChangesAreSignedOnce(string text, double value)
    {
        var m = Assert.Single(Extract(text).Measures);
        Assert.Equal(MeasureRoles.Change, m.Role);
        Assert.Equal(QuantityKind.Percent, m.Mention.Kind);
        Assert.Equal(value, m.Mention.Value, 6);
    }

    [Fact]
    public void MoneyChangeWithItsRateInParentheses()
    {
        var q = Extract("〔対前年度比312億円(6.1%)増〕");
        Assert.Equal([(MeasureRoles.Change, 31_200_000_000d), (MeasureRoles.Change, 6.1)], q.Measures.Select(m => (m.Role, m.Mention.Value)));
    }

    [Fact]
    public void FullWidthChangeAndAmountInOneSentence()
    {
        var q = Extract("４・２％増の１兆５６３億円");
        Assert.Equal([(MeasureRoles.Change, 4.2), (MeasureRoles.Value, 1_056_300_000_000d)], q.Measures.Select(m => (m.Role, m.Mention.Value)));
    }

    [Theory]
    [InlineData("減額分 ▲7億円", -700_000_000L)]
    [InlineData("差引 -4億円", -400_000_000L)]
    public void NegativeAmounts(string text, long yen)
    {
        Assert.Equal(yen, Assert.Single(Scan(text)).AmountYen);
    }

    [Fact]
    public void NegativeCount()
    {
        var m = Assert.Single(Scan("前年比 -3件"));
        Assert.Equal(-3, m.Value);
        Assert.Equal("件", m.Counter);
    }

    [Fact]
    public void RateOverOneHundredIsValid()
    {
        var m = Assert.Single(Scan("達成率:137%"));
        Assert.Equal(137, m.Value);
    }
}
