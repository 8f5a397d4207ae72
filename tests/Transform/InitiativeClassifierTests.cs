using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Loader.Transform;

namespace BudgetWarehouse.Tests.Transform;

public class InitiativeClassifierTests
{
    private static InitiativeTraits Classify(string text) => InitiativeClassifier.Classify(TextNormalizer.Normalize(text));

    [Theory]
    [InlineData("保育士のUJIターンを促進するための支援制度を創設〔再掲〕")]
    [InlineData("古紙の集団回収に対する支援制度を拡充 [再掲]")]
    [InlineData("古紙の集団回収に対する支援制度を拡充【再掲】")]
    [InlineData("古紙の集団回収に対する支援制度を拡充（再掲）")]
    [InlineData("古紙の集団回収に対する支援制度を拡充(再掲)")]
    [InlineData("古紙の集団回収に対する支援制度を拡充［再掲］")]
    public void RelistedMarkersInEveryBracket(string text) => Assert.True(Classify(text).IsRelisted);

    [Theory]
    [InlineData("道路や公園の安全対策を推進（最終補正一部前倒し）", true)]
    [InlineData("LAN整備等を全ての小中学校及び市立工業高校で実施（最終補正）", true)]
    [InlineData("市債の計画的な繰上償還 10億円（うち最終補正で5億円）", false)]
    [InlineData("令和元年度最終補正予算への前倒し分と合わせ、271億円の公共事業規模を確保", false)]
    public void FinalSupplementaryOnlyAsAParenthesisedMarker(string text, bool expected) =>
        Assert.Equal(expected, Classify(text).IsFinalSupplementary);

    [Theory]
    [InlineData("みらいクリエイター養成塾修了生のインターンシップ制度を創設", "創設", true)]
    [InlineData("こども未来部に「幼児教育センター」を新設", "新設", true)]
    [InlineData("児童クラブの新設を支援（3クラブ）", "支援", false)]
    [InlineData("価値創造拠点施設の整備を本格化（令和3年春開設予定）", "着手", false)]
    [InlineData("指定管理者制度における更なる民間活力の導入を検討 など", "検討", false)]
    [InlineData("高齢者の活躍をサポートするアクティブシニア活躍応援窓口を拡大実施", "拡充", false)]
    [InlineData("第6回金沢マラソンを開催（令和2年10月25日）", "開催", false)]
    [InlineData("保育士及び看護師のUJIターンを促進するための支援制度を創設〔再掲〕", "創設", true)]
    [InlineData("金沢らしい景観", null, false)]
    public void ClosingVerbClass(string text, string? action, bool isNew)
    {
        var traits = Classify(text);
        Assert.Equal(action, traits.Action);
        Assert.Equal(isNew, traits.IsNewProgram);
    }
}
