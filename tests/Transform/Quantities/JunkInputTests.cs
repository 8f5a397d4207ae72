using BudgetWarehouse.Loader.Extract;
using BudgetWarehouse.Loader.Transform.Quantities;

namespace BudgetWarehouse.Tests.Transform.Quantities;

public class JunkInputTests
{
    private const string Alphabet =
        "0123456789０１２３４５６７８９,.，．%％ -－−△▲~～、。()（）[]【】" +
        "兆億万千百十円件名人社施設クラブ項目か所回第次期周年度月日春夏秋冬上中下旬末まで に中から令和平成昭和元RHS約余あまりうち累計総額未満予定開設供用開始" +
        "\t\n\u3000\u0301\uFF9E\uD800\uDC00①ｶ";

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(0, 300)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomTextNeverThrows(int seed)
    {
        var random = new Random(seed);
        var length = random.Next(0, 80);
        var text = new string([.. Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);
        RunEverything(text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("(")]
    [InlineData(")")]
    [InlineData("令和")]
    [InlineData("令和元")]
    [InlineData("令和元年度")]
    [InlineData("R")]
    [InlineData("R9999999999.99.99")]
    [InlineData("999999999999999999999999999999億円")]
    [InlineData("999999999999兆9999億円")]
    [InlineData("99999999999999999")]
    [InlineData("1,")]
    [InlineData("1.")]
    [InlineData("12月32日")]
    [InlineData("令和999年12月31日")]
    [InlineData("令和2年13月")]
    [InlineData("令和2年2月29日、30日")]
    [InlineData("\uD800")]
    [InlineData("\uDC00令和2年")]
    [InlineData("ｶﾞ１０億円")]
    [InlineData("うち")]
    [InlineData("（うち")]
    [InlineData("うち5億円")]
    [InlineData("（（（（（")]
    [InlineData("約")]
    [InlineData("△")]
    [InlineData("令和2年度中に")]
    [InlineData("（令和2年")]
    [InlineData("令和5年度~")]
    [InlineData("10月3日、")]
    public void NastyTextNeverThrows(string text) => RunEverything(text);

    private static void RunEverything(string text)
    {
        var mapped = MappedText.Create(text);
        _ = QuantityScanner.Scan(mapped, 1000);
        _ = DateScanner.Scan(mapped, 2020);
        _ = StatedUnit.Detect(mapped.Text);
        _ = QuantityExtractor.Extract([new("a", "g", text, 1, 2020), new("b", "g", text, 2, null)], 1000);
    }
}
