using BudgetWarehouse.Loader.Extract.BudgetPriorities;
using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Models;
using BudgetWarehouse.Models.Quantities;

namespace BudgetWarehouse.Tests.Extract;

// VARIANTS A, B, C, I and J for budget documents: one small invented input per construct.
public class BudgetConstructTests
{
    private static ParsedDocument Parse(string text) => new BudgetPrioritiesParser().Parse(SourceText.FromString("t.txt", text));

    private static string[] Tree(ParsedDocument doc) => [.. doc.Policies.Select(p => $"{p.Code} {p.Title}")];

    private static string[] Items(ParsedDocument doc, string kind = InitiativeKinds.Item) =>
        [.. doc.Initiatives.Where(i => i.Kind == kind).Select(i => $"{i.PolicyCode} {i.Text}")];

    private static string[] Roles(ParsedDocument doc) => [.. doc.SourceLines.Select(l => $"{l.Line} {l.Role}")];

    [Fact]
    public void RomanChapterAboveArabicPillarsIsTheTitle()
    {
        var doc = Parse("Ⅳ. 重 点 の 取 組\n1 子どもが育つまち\n・児童館を改修\n2 働けるまち\n・就労相談を拡充\n");
        Assert.Equal("IV. 重点の取組", doc.Title);
        Assert.Equal(["1 子どもが育つまち", "2 働けるまち"], Tree(doc));
    }

    [Fact]
    public void SquareRomanPillarsWithAndWithoutPeriod()
    {
        var doc = Parse("予算の重点\n■I.森と川を守るまち\n・植林を支援\n■II.学び続けるまち\n・公民館を改修\n■III 挑戦する人を応援するまち\n・起業塾を開講\n");
        Assert.Equal(["1 森と川を守るまち", "2 学び続けるまち", "3 挑戦する人を応援するまち"], Tree(doc));
    }

    [Theory]
    [InlineData("柱1 “みなと”を活かすまち", "柱2 “まち”を彩る文化", "“まち”を彩る文化")]
    [InlineData("Vision 1 ひとが輝く", "Vision 2 まちが育つ", "まちが育つ")]
    [InlineData("<1>だれもが安心できるまち |", "<2>だれもが挑戦できるまち |", "だれもが挑戦できるまち")]
    [InlineData("政策 1 【子育て・教育】", "政策 2 【産業・雇用】", "産業・雇用")]
    [InlineData("方針1 財源を確保する(歳入の見直し)", "方針2 支出を絞る(事業の見直し)", "支出を絞る(事業の見直し)")]
    [InlineData("《ポイント1》", "《ポイント2》", "ポイント2")]
    public void LabelledPillarsDropTheLabel(string first, string second, string secondTitle)
    {
        var doc = Parse($"予算の重点\n{first}\n・事業Aを実施\n{second}\n・事業Bを実施\n");
        Assert.Equal(["1", "2"], doc.Policies.Select(p => p.Code));
        Assert.Equal(secondTitle, doc.Policies[1].Title);
        Assert.Equal(["1 事業Aを実施", "2 事業Bを実施"], Items(doc));
    }

    [Fact]
    public void RomanCharacterPillarsKeepOneTitle()
    {
        var doc = Parse("当初予算の概要\nⅠ 予算の特徴\n・一般会計を編成\nⅡ 医療 介護 子育て\n・診療所を開設\n");
        Assert.Equal(["1 予算の特徴", "2 医療 介護 子育て"], Tree(doc));
    }

    [Fact]
    public void NumberedListsWithPeriodAndCloseParenthesisAreDifferentSchemes()
    {
        var doc = Parse("予算の重点\n1.窓口の改善\n1)第2次電子化計画の推進\n・申請を電子化\n2)窓口の一元化\n・総合窓口を設置\n2.職員の育成\n・研修を拡充\n");
        Assert.Equal(["1 窓口の改善", "1.1 第2次電子化計画の推進", "1.2 窓口の一元化", "2 職員の育成"], Tree(doc));
    }

    [Theory]
    [InlineData("(2)災害への備え")]
    [InlineData("( 2) 災害への備え")]
    [InlineData("( 2 ) 災害への備え")]
    [InlineData("（２）災害への備え")]
    public void ParenthesisedSectionsInEverySpacing(string second)
    {
        var doc = Parse($"予算の重点\n1 安全なまち\n(1)防犯の強化\n・防犯灯を増設\n{second}\n・備蓄を充実\n");
        Assert.Equal(["1 安全なまち", "1.1 防犯の強化", "1.2 災害への備え"], Tree(doc));
    }

    [Fact]
    public void CircledSubsectionsRestartInEachSection()
    {
        var doc = Parse("予算の重点\n1 住みよいまち\n(1)住まい\n①空き家対策\n・改修を補助\n②公営住宅\n・住宅を改修\n(2)交通\n①生活道路\n・側溝を改修\n");
        Assert.Equal("1.2.1 生活道路", Tree(doc)[^1]);
    }

    [Fact]
    public void CircledCategoryWithACountIsNotAHeading()
    {
        var doc = Parse("予算の重点\n1 行財政\n・事務を見直し\n②期限内に終えられなかった取組(4 項目)\n");
        Assert.Equal(["1 行財政"], Tree(doc));
    }

    [Fact]
    public void DiamondSubheadingsUnderSquareHeadings()
    {
        var doc = Parse("新年度予算\n■くらしの安心\n◇防犯の強化\n・防犯カメラを設置\n◇交通安全\n・ガードレールを設置\n■まちの元気\n◇商店街の支援\n・イベントを補助\n");
        Assert.Equal(["1 くらしの安心", "1.1 防犯の強化", "1.2 交通安全", "2 まちの元気", "2.1 商店街の支援"], Tree(doc));
    }

    [Fact]
    public void MarkdownHeadingBetweenRulesIsTheTitle()
    {
        var doc = Parse("**** # 明日をひらく予算-令和8年度予算- ----\n1 まちづくり\n・道路を改良\n");
        Assert.Equal("明日をひらく予算-令和8年度予算-", doc.Title);
        Assert.Equal(2026, doc.InferredFiscalYear);
    }

    [Fact]
    public void SymbolHeadingsAndTheAmountOfABulletHeading()
    {
        var doc = Parse("予算のあらまし\n■歳出の内訳\n●豪雨対策に15億円\n・排水路を改修\n・調整池を整備\n●保育の充実\n・保育士を増員\n");
        Assert.Equal(["1 歳出の内訳", "1.1 豪雨対策に15億円", "1.2 保育の充実"], Tree(doc));
        var summary = Assert.Single(doc.Initiatives, i => i.Kind == InitiativeKinds.Summary);
        var amount = Assert.Single(BudgetShapeGoldenTests.Quantities(doc).Measures, m => m.SegmentKey == summary.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1_500_000_000L, amount.Mention.AmountYen);
    }

    [Fact]
    public void SquareMarksInARunOfPlainLinesAreItems()
    {
        var doc = Parse("主要事業\n1 商工\n■空き家活用事業\n空き家を店舗に改修\n■創業支援事業\n創業塾を開講\n");
        Assert.Equal(["1 空き家活用事業", "1 創業支援事業"], Items(doc));
        Assert.Equal(["1 空き家を店舗に改修", "1 創業塾を開講"], Items(doc, InitiativeKinds.Detail));
    }

    [Theory]
    [InlineData("・通学路の見守りを支援")]
    [InlineData("・ 通学路の見守りを支援")]
    [InlineData("- ・通学路の見守りを支援")]
    [InlineData("- 通学路の見守りを支援")]
    [InlineData("  • 通学路の見守りを支援")]
    [InlineData("〇 通学路の見守りを支援")]
    [InlineData("○通学路の見守りを支援")]
    [InlineData("▽通学路の見守りを支援")]
    [InlineData("●通学路の見守りを支援")]
    public void EveryBulletOpensAnItem(string line)
    {
        var doc = Parse($"予算の重点\n1 安心なまち\n{line}\n");
        Assert.Equal(["1 通学路の見守りを支援"], Items(doc));
    }

    [Fact]
    public void BulletAloneOnItsLineTakesTheNextLine()
    {
        var doc = Parse("予算の重点\n1 備え\n○\n避難所の毛布を更新\n○\n防災倉庫を増設\n");
        Assert.Equal(["1 避難所の毛布を更新", "1 防災倉庫を増設"], Items(doc));
    }

    [Fact]
    public void TriangleItemsRunTogetherAreSeparateItems()
    {
        var doc = Parse("予算の重点\n1 子育て\n▽児童手当の上乗せ\n▽病児保育の拡充▽産後ケアの無料化\n");
        Assert.Equal(["1 児童手当の上乗せ", "1 病児保育の拡充", "1 産後ケアの無料化"], Items(doc));
    }

    [Fact]
    public void ArrowLineIsADetailWithItsAmount()
    {
        var doc = Parse("予算の重点\n1 防災\n・耐震化を推進\n→防災関連で総額31億円を計上\n");
        var detail = Assert.Single(doc.Initiatives, i => i.Kind == InitiativeKinds.Detail);
        Assert.Equal("防災関連で総額31億円を計上", detail.Text);
        Assert.Equal(3_100_000_000L, Assert.Single(BudgetShapeGoldenTests.Quantities(doc).Measures).Mention.AmountYen);
    }

    [Fact]
    public void MiddleDotInsideWordsIsText()
    {
        var doc = Parse("予算の重点\n1 教育\n・保育・教育の無償化を継続\n");
        Assert.Equal(["1 保育・教育の無償化を継続"], Items(doc));
    }

    [Fact]
    public void WrappedItemsJoinWithoutASpaceEvenMidWord()
    {
        var doc = Parse("予算の重点\n1 道路\n・歩道橋の塗装を\n前倒しで実施\n・トンネルの補修を早\n期に完了させます\n");
        Assert.Equal(["1 歩道橋の塗装を前倒しで実施", "1 トンネルの補修を早期に完了させます"], Items(doc));
    }

    [Fact]
    public void UnbulletedLinesAfterAFlattenedItemAreDetails()
    {
        var doc = Parse("予算の重点 1 公共施設 (1)改修 ・公共施設の改修を前倒しで実施(最終補正) 体育館の照明更新 市民会館の外壁改修\n");
        Assert.Equal(["1.1 公共施設の改修を前倒しで実施(最終補正)"], Items(doc));
        Assert.Equal(["1.1 体育館の照明更新", "1.1 市民会館の外壁改修"], Items(doc, InitiativeKinds.Detail));
    }

    [Fact]
    public void TableOfContentsLinesAreNotHeadingsOrItems()
    {
        var doc = Parse("予算の重点\n1 はじめに………… 3頁\n2 重点施策・・・・・・・・ 12\n1 はじめに\n・方針を説明\n");
        Assert.Equal(["1 はじめに"], Tree(doc));
        Assert.Equal(["1 heading", "2 chrome", "3 chrome", "4 heading", "5 item"], Roles(doc));
    }

    [Fact]
    public void PageFooterAndChromeAreNotData()
    {
        var doc = Parse("文字の大きさ 標準 拡大\nホーム > 市政 > 財政 > 予算\n予算の重点\n1 福祉\n・配食を拡充\n海辺でほほえむ人のイラスト\n-7-\nページ上部へ戻る\n• 関連する資料はありません。\n");
        Assert.Equal(["1 配食を拡充"], Items(doc));
        Assert.Equal(["1 chrome", "2 chrome", "3 heading", "4 heading", "5 item", "6 chrome", "7 chrome", "8 chrome", "9 chrome"], Roles(doc));
    }

    [Fact]
    public void DuplicatedParagraphIsOneItem()
    {
        var doc = Parse("予算の重点\n1 防犯\n・街路灯をLED化\n(令和8年度完了予定)\n・街路灯をLED化\n(令和8年度完了予定)\n");
        Assert.Single(Items(doc));
        Assert.Single(BudgetShapeGoldenTests.Quantities(doc).Milestones);
    }

    [Fact]
    public void TitlePrintedOverItselfIsOneTitle()
    {
        var doc = Parse("主 要 事 業 主 要 事 業 主 要 事 業\n1 観光\n・案内所を新設\n");
        Assert.Equal("主要事業", doc.Title);
    }

    [Fact]
    public void ItemsWithoutAnyOutlineLoadUnderOneDocumentNode()
    {
        var doc = Parse("令和8年度 主要事業\n・図書館の改修\n・体育館の空調整備\n");
        Assert.Equal(["1 令和8年度 主要事業"], Tree(doc));
        Assert.Equal(["1 図書館の改修", "1 体育館の空調整備"], Items(doc));
    }

    [Fact]
    public void ProjectNamesWithAmountsOnTheNextLineAreItems()
    {
        var doc = Parse("主要事業\n公園整備事業\n140億円\n(121億円)\n学校改修事業\n36億円\n");
        Assert.Equal(["1 公園整備事業", "1 学校改修事業"], Items(doc));
        var q = BudgetShapeGoldenTests.Quantities(doc).Measures;
        Assert.Equal([(MeasureRoles.Value, 14_000_000_000L), (MeasureRoles.PriorYear, 12_100_000_000L), (MeasureRoles.Value, 3_600_000_000L)], q.Select(m => (m.Role, m.Mention.AmountYen ?? 0)));
    }

    [Fact]
    public void NumberedSentencesAndAmountsWithASpaceAreNotHeadings()
    {
        var doc = Parse("予算の重点\n1 まちづくり\n・第4次総合計画を推進\n2 億円を計上\n");
        Assert.Equal(["1 まちづくり"], Tree(doc));
    }
}
