using BudgetWarehouse.Loader.Transform.Lineage;

namespace BudgetWarehouse.Tests.Transform;

/// <summary>The lineage rules on hand-made series: cores, bigrams, the two match rules, themes and mutual best.</summary>
public class LineageRulesTests
{
    [Theory]
    [InlineData("北山外環状道路の整備を推進", "北山外環状道路")]
    [InlineData("駅西広場の整備を本格化(令和5年3月完成予定)", "駅西広場")]
    [InlineData("【数値目標】児童クラブの新設を支援(3クラブ)", "児童クラブ")]
    [InlineData("「まちなか」 交流拠点・広場の整備に着手", "まちなか交流拠点広場")]
    [InlineData("〔再編〕 [第2期] 子育て応援アプリを開発", "子育て応援アプリを開発")]
    [InlineData("推進", "推進")] // the closing phrase would leave nothing: the text is kept
    [InlineData("市史の策定", "市史の策定")] // two characters left: the text without punctuation is kept
    [InlineData("地域の安全確保を推進", "地域の安全")] // several closing phrases in a row all go
    public void TheCoreDropsAnnotationsPunctuationAndTheClosingPhrase(string text, string core) =>
        Assert.Equal(core, LineageCore.Of(text));

    [Fact]
    public void CharactersOutsideTheBasicPlaneCountOnce()
    {
        // 𠮷 is one character (two UTF-16 units): 𠮷野家 has three characters and two bigrams.
        Assert.Equal(3, LineageCore.CodePoints("𠮷野家"));
        Assert.Equal(2, LineageCore.Bigrams("𠮷野家").Length);
        Assert.Single(LineageCore.Bigrams("ああああ")); // distinct bigrams only
        Assert.Empty(LineageCore.Bigrams("あ"));
    }

    [Fact]
    public void ASeriesChainsLinksAcrossLoadedYearsAndSkipsAGap()
    {
        var rows = SeriesLinker.Link("北山市", "budget_priorities",
        [
            Year(2019, ("a19", "北山外環状道路の整備を推進", null)),
            Year(2021, ("a21", "北山外環状道路海側幹線4期区間用地取得の整備を推進", null), ("b21", "産後ケア事業を創設", null)),
            Year(2022, ("a22", "北山外環状道路海側幹線4期区間用地取得の整備を推進", null)),
        ]);
        var byId = rows.ToDictionary(r => r.InitiativeId);
        Assert.Equal("first", byId["a19"].LinkRule);
        Assert.Equal(("a19", 2019, "containment"), (byId["a21"].PriorInitiativeId, byId["a21"].PriorFiscalYear!.Value, byId["a21"].LinkRule));
        Assert.Equal(("a21", "dice", 1.0), (byId["a22"].PriorInitiativeId, byId["a22"].LinkRule, byId["a22"].Similarity!.Value));
        Assert.All(new[] { "a19", "a21", "a22" }, id => Assert.Equal("L-a19", byId[id].LineageId));
        Assert.Equal("L-b21", byId["b21"].LineageId);
        Assert.Null(byId["b21"].Similarity);
    }

    [Fact]
    public void OnlyMutualBestMatchesLinkSoALineageNeverSplits()
    {
        // Both later items resemble the earlier one; only the closer one continues it.
        var rows = SeriesLinker.Link(null, "budget_priorities",
        [
            Year(2021, ("p", "中央公園再整備事業の推進", null)),
            Year(2022, ("c1", "中央公園再整備事業計画の検討", null), ("c2", "中央公園再整備事業の推進", null)),
        ]).ToDictionary(r => r.InitiativeId);
        Assert.Equal("p", rows["c2"].PriorInitiativeId);
        Assert.Null(rows["c1"].PriorInitiativeId);
    }

    [Fact]
    public void TiesGoToTheEarlierItemOfTheDocument()
    {
        var rows = SeriesLinker.Link(null, "plan_progress",
        [
            Year(2021, ("p", "防災行政無線のデジタル化", null)),
            Year(2022, ("second", "防災行政無線のデジタル化", null, 2), ("first", "防災行政無線のデジタル化", null, 1)),
        ]).ToDictionary(r => r.InitiativeId);
        Assert.Equal("p", rows["first"].PriorInitiativeId);
        Assert.Null(rows["second"].PriorInitiativeId);
    }

    [Theory]
    [InlineData("観光・交流", "文化・スポーツ", false)]
    [InlineData("観光・交流", "観光・交流", true)]
    [InlineData(null, "文化・スポーツ", true)]
    public void ThemesMustAgreeWhenBothAreKnown(string? earlier, string? later, bool linked)
    {
        var rows = SeriesLinker.Link(null, "budget_priorities",
        [
            Year(2021, ("p", "第6回北山マラソンを開催", earlier)),
            Year(2022, ("c", "第7回北山マラソンを開催", later)),
        ]).ToDictionary(r => r.InitiativeId);
        Assert.Equal(linked ? "p" : null, rows["c"].PriorInitiativeId);
    }

    [Fact]
    public void ContainmentNeedsFiveCharactersInTheShorterCore()
    {
        // 市民会館 (4 characters) inside a longer core is not enough; 北山市民会館 (6) is.
        var rows = SeriesLinker.Link(null, "budget_priorities",
        [
            Year(2021, ("short", "市民会館の整備", null), ("long", "北山市民会館の整備", null)),
            Year(2022, ("c1", "市民会館大ホール舞台設備改修工事等の整備", null), ("c2", "北山市民会館大ホール舞台設備改修工事等の整備", null)),
        ]).ToDictionary(r => r.InitiativeId);
        Assert.Null(rows["c1"].PriorInitiativeId);
        Assert.Equal(("long", "containment"), (rows["c2"].PriorInitiativeId, rows["c2"].LinkRule));
        Assert.True(rows["c2"].Similarity < SeriesLinker.MinDice);
    }

    private static LineageYear Year(int fiscalYear, params (string Id, string Text, string? Theme)[] items) =>
        new(fiscalYear, [.. items.Select((x, i) => new LineageItem(x.Id, i + 1, x.Theme, x.Text))]);

    private static LineageYear Year(int fiscalYear, params (string Id, string Text, string? Theme, int Seq)[] items) =>
        new(fiscalYear, [.. items.Select(x => new LineageItem(x.Id, x.Seq, x.Theme, x.Text))]);
}
