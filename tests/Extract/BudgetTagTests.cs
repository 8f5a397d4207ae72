using BudgetWarehouse.Loader.Extract.BudgetPriorities;
using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Loader.Transform.Quantities;
using BudgetWarehouse.Models;
using BudgetWarehouse.Models.Quantities;

namespace BudgetWarehouse.Tests.Extract;

// VARIANTS C (tags and markers inside items), I (references, page ranges, attachment sizes), F (year ranges in
// budget text) and A (circled digits flattened or garbled): one small invented input per construct.
public class BudgetTagTests
{
    private static ParsedDocument Parse(string text) => new BudgetPrioritiesParser().Parse(SourceText.FromString("t.txt", text));

    private static string[] Items(ParsedDocument doc) =>
        [.. doc.Initiatives.Where(i => i.Kind == InitiativeKinds.Item).Select(i => $"{i.Text} [{string.Join("; ", i.Tags)}]")];

    private static string[] Roles(ParsedDocument doc) => [.. doc.SourceLines.Select(l => $"{l.Line} {l.Role}")];

    private static List<QuantityMention> Scan(string text) => QuantityScanner.Scan(MappedText.Create(text), null);

    [Fact]
    public void StatusMarksBeforeTheNameAreTagsAndTheLegendIsNotAnItem()
    {
        var doc = Parse("予算の重点\n1 子育て\n新は 新たな事業、改は 内容の見直し、完は 完了した事業\n新 こども食堂の開設を支援\n改 高齢者の通院タクシー券を拡充\n完 児童館の建替え\n・新設の保育所に補助\n");
        Assert.Equal(
            ["こども食堂の開設を支援 [新]", "高齢者の通院タクシー券を拡充 [改]", "児童館の建替え [完]", "新設の保育所に補助 []"],
            Items(doc));
        Assert.DoesNotContain(doc.Initiatives, i => i.Kind == InitiativeKinds.Detail);
        Assert.Equal(["1 heading", "2 heading", "3 prose", "4 item", "5 item", "6 item", "7 item"], Roles(doc));
    }

    [Fact]
    public void AWordSpacedOutIsNotAStatusMark()
    {
        var doc = Parse("予算の重点\n1 行政\n・窓口を改善\n完 了 11 件\n");
        Assert.Equal(["窓口を改善 []"], Items(doc));
    }

    [Theory]
    [InlineData("(新)空き家バンクの運営", "空き家バンクの運営 [新]")]
    [InlineData("・(新)空き家バンクの運営", "空き家バンクの運営 [新]")]
    [InlineData("【新規】防災アプリの導入", "防災アプリの導入 [新規]")]
    [InlineData("・防災アプリの導入【新規】", "防災アプリの導入 [新規]")]
    [InlineData("【補正予算】避難所の備蓄品を更新", "避難所の備蓄品を更新 [補正予算]")]
    [InlineData("・駅前の案内板を更新【総合戦略重点】【駅前広場の再整備】", "駅前の案内板を更新 [総合戦略重点; 駅前広場の再整備]")]
    [InlineData("・市民農園の整備<単独>", "市民農園の整備 [単独]")]
    [InlineData("・消防車両の更新(最終補正)", "消防車両の更新(最終補正) []")]
    [InlineData("・図書館の改修(令和9年秋開設予定)", "図書館の改修(令和9年秋開設予定) []")]
    [InlineData("・新型車両の導入", "新型車両の導入 []")]
    public void BracketedTagsAreNotPartOfTheName(string line, string expected)
    {
        var doc = Parse($"予算の重点\n1 くらし\n{line}\n");
        Assert.Equal([expected], Items(doc));
    }

    [Fact]
    public void ATagAloneInBracketsIsNeitherAHeadingNorAnItem()
    {
        var doc = Parse("予算の重点\n1 くらし\n・ごみ収集車の更新\n【新規】\n");
        Assert.Equal(["1 くらし"], doc.Policies.Select(p => $"{p.Code} {p.Title}"));
        Assert.Equal(["ごみ収集車の更新 []"], Items(doc));
    }

    [Theory]
    [InlineData("・給食センターの建替え(債務負担4億円)")]
    [InlineData("・給食センターの建替え(債務負担行為設定済み)")]
    public void DebtBurdenNotesTagTheItem(string line)
    {
        var doc = Parse($"予算の重点\n1 教育\n{line}\n");
        Assert.Equal(ItemTags.DebtBurden, Assert.Single(Assert.Single(doc.Initiatives).Tags));
    }

    [Fact]
    public void DebtCommitmentIsNotTheBudget()
    {
        var doc = Parse("予算の重点\n1 教育\n・給食センターの建替え 3億円(債務負担12億円)(同約6億円)\n");
        var measures = BudgetShapeGoldenTests.Quantities(doc).Measures;
        Assert.Equal(
            [(MeasureRoles.Value, 300_000_000L), (MeasureRoles.Commitment, 1_200_000_000L), (MeasureRoles.Commitment, 600_000_000L)],
            measures.Select(m => (m.Role, m.Mention.AmountYen ?? 0)));
    }

    [Theory]
    [InlineData("(No2,9,33,51)")]
    [InlineData("(No.4、17)")]
    [InlineData("詳しくはp.3〜p.9を参照")]
    [InlineData("P.12~P.15")]
    [InlineData("達成①(P3~) 未達成②(P11)")]
    [InlineData("(資料2(128KB)を参照)")]
    [InlineData("(PDFファイル: 1.2MB)")]
    [InlineData("予算の概要(PDF 835KB)")]
    public void ReferencesPagesAndFileSizesAreNotQuantities(string text) =>
        Assert.DoesNotContain(Scan(text), m => m.Kind is QuantityKind.Money or QuantityKind.Percent);

    [Fact]
    public void ReferencesStayInTheItemAndAddNoAmount()
    {
        var doc = Parse("予算の重点\n1 行政\n・窓口の手続を見直し(No2,9,33,51) 1,200万円\n・詳しい計画はp.3〜p.9\n");
        Assert.Equal(["窓口の手続を見直し(No2,9,33,51) 1,200万円 []", "詳しい計画はp.3〜p.9 []"], Items(doc));
        Assert.Equal([12_000_000L], BudgetShapeGoldenTests.Quantities(doc).Measures.Select(m => m.Mention.AmountYen ?? 0));
    }

    [Theory]
    [InlineData("H27~H31", 2015, 2019)]
    [InlineData("R7・R8年度", 2025, 2026)]
    [InlineData("令和元年度〜令和4年度", 2019, 2022)]
    public void YearRangesAreDatesNotAmounts(string text, int first, int last)
    {
        var dates = DateScanner.Scan(MappedText.Create(text), null);
        Assert.NotEmpty(dates);
        Assert.Equal(first, dates.Min(d => JapaneseEra.FiscalYearOf(d.Date.Start)));
        Assert.Equal(last, dates.Max(d => JapaneseEra.FiscalYearOf(d.Date.End)));
        Assert.DoesNotContain(Scan(text), m => m.Kind is QuantityKind.Money or QuantityKind.Percent or QuantityKind.Count);
    }

    [Fact]
    public void YearRangesInAnItemAddNoAmount()
    {
        var doc = Parse("予算の重点\n1 まちづくり\n・駅前再開発(H27~H31)の検証\n・R7・R8年度で橋りょうを点検 4,000万円\n");
        Assert.Equal([40_000_000L], BudgetShapeGoldenTests.Quantities(doc).Measures.Select(m => m.Mention.AmountYen ?? 0));
    }

    [Fact]
    public void CircledDigitsFlattenedToPlainDigitsAreSubsections()
    {
        var doc = Parse("当初予算の概要\n(1)歳入\n① 市税\n② 交付税\n(2) 歳出 1 目的別 2 性質別\n");
        Assert.Equal(["1 歳入", "1.1 市税", "1.2 交付税", "2 歳出", "2.1 目的別", "2.2 性質別"], doc.Policies.Select(p => $"{p.Code} {p.Title}"));
        Assert.Empty(BudgetShapeGoldenTests.Quantities(doc).Measures);
    }

    [Fact]
    public void CircledDigitsGarbledIntoLettersAreSubsections()
    {
        var doc = Parse("予算の重点\n(1)安心して暮らせるまち\n@出産・育児の応援A救急体制の確保B見守り活動の推進\n");
        Assert.Equal(["1 安心して暮らせるまち", "1.1 出産・育児の応援", "1.2 救急体制の確保", "1.3 見守り活動の推進"], doc.Policies.Select(p => $"{p.Code} {p.Title}"));
    }
}
