using BudgetWarehouse.Loader.Extract.BudgetPriorities;
using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Models;
using BudgetWarehouse.Models.Quantities;
using Dapper;

namespace BudgetWarehouse.Tests.Extract;

/// <summary>
/// Tables of projects in budget overviews (VARIANTS H and shape 2), as pages print them: a header naming the name,
/// text columns (担当課, 概要) and figure columns (予算額, 前年度, 増減) in any order, cells separated by tabs, runs of
/// spaces or pipes, figures in a stated unit, "-" for no prior-year amount; and lists of unbulleted
/// "project amount" lines. Each project row is an item known by its name; its figures get the header's roles.
/// </summary>
public class OverviewTableTests
{
    private static ParsedDocument Parse(string text) => new BudgetPrioritiesParser().Parse(SourceText.FromString("t.txt", text));

    private static string[] Items(ParsedDocument doc) =>
        [.. doc.Initiatives.Where(i => i.Kind == InitiativeKinds.Item).Select(i => $"{i.Span.StartLine} {i.Text}")];

    private static string[] Roles(ParsedDocument doc) => [.. doc.SourceLines.Select(l => $"{l.Line} {l.Role}")];

    public static TheoryData<string, string> Separators() => new()
    {
        { "tab", "\t" },
        { "ideographic spaces", "\u3000\u3000\u3000" },
        { "spaces", "   " },
    };

    [Theory]
    [MemberData(nameof(Separators))]
    public void RowsWithADepartmentColumnAreProjectsKnownByTheirName(string _, string sep)
    {
        var doc = Parse($"令和6年度 主要事業一覧\n(単位:千円)\n事業名{sep}担当課{sep}予算額{sep}前年度\n" +
            $"公園遊具更新事業{sep}公園緑地課{sep}18,400{sep}12,000\n図書館システム改修{sep}生涯学習課{sep}7,250{sep}-\n");
        Assert.Equal(["4 公園遊具更新事業", "5 図書館システム改修"], Items(doc));
        Assert.Equal(["1 heading", "2 table_row", "3 table_row", "4 item", "5 item"], Roles(doc));
        Assert.All(doc.Initiatives, i => Assert.Equal(1_000, i.UnitYen));
        // the figure columns only: the department column has no role
        Assert.Equal([MeasureRoles.Value, MeasureRoles.PriorYear], doc.Initiatives[0].Columns);
    }

    [Fact]
    public void APipeTableWithItsSeparatorRowIsReadLikeAnyOther()
    {
        var doc = Parse("令和6年度 主要事業一覧\n| 事業名 | 所管課 | 予算額(千円) |\n|---|:---:|---:|\n| 防犯カメラ設置事業 | 危機管理課 | 3,300 |\n| 空き家対策事業 | 住宅課 | 9,020 |\n");
        Assert.Equal(["4 防犯カメラ設置事業", "5 空き家対策事業"], Items(doc));
        Assert.Equal(["1 heading", "2 table_row", "3 table_row", "4 item", "5 item"], Roles(doc));
        Assert.Equal(1_000, doc.Initiatives[0].UnitYen);
    }

    [Fact]
    public void TheNameColumnNeedNotBeTheFirstAndANameMayHoldSpaces()
    {
        var doc = Parse("令和6年度 主要事業一覧\n(単位 千円)\n区分 事業名 担当課 予算額\n新規 地域 交流拠点 整備事業 企画課 52,000\n拡充 給食費支援事業 学校教育課 31,500\n");
        Assert.Equal(["4 地域 交流拠点 整備事業", "5 給食費支援事業"], Items(doc));
    }

    [Fact]
    public void UnbulletedProjectLinesEndingWithAnAmountAreOneItemEach()
    {
        var doc = Parse("令和6年度 当初予算の主な事業\n1 福祉の充実\n見守り配食サービス事業　4,800千円\n地域包括支援センター運営　36,000千円\n・介護予防教室を\n拡充します\n");
        Assert.Equal(["3 見守り配食サービス事業 4,800千円", "4 地域包括支援センター運営 36,000千円", "5 介護予防教室を拡充します"], Items(doc));
    }

    [Fact]
    public void NestedNumberedLinesWithTheirAmountAndNothingUnderThemAreProjects()
    {
        var doc = Parse("令和6年度 重点施策\n1. 子育て\n(1) 保育\n① 病児保育室の運営　6,100千円\n② 保育士宿舎借上げ支援　2,880千円\n" +
            "(2) 相談\n① 子育て相談アプリの導入\n　相談の予約をオンラインで受け付けます。　1,200千円\n(3) 施設整備に3億円\n・児童館を改築\n2. 防災\n(1) 備蓄\n・備蓄食料を更新\n");
        Assert.Equal(["1 子育て", "1.1 保育", "1.2 相談", "1.3 施設整備に3億円", "2 防災", "2.1 備蓄"], doc.Policies.Select(p => $"{p.Code} {p.Title}"));
        Assert.Equal(["4 病児保育室の運営 6,100千円", "5 保育士宿舎借上げ支援 2,880千円", "7 子育て相談アプリの導入", "10 児童館を改築", "13 備蓄食料を更新"], Items(doc));
        Assert.Equal(["8 相談の予約をオンラインで受け付けます。 1,200千円"], doc.Initiatives.Where(i => i.Kind == InitiativeKinds.Detail).Select(i => $"{i.Span.StartLine} {i.Text}"));
    }

    [Fact]
    public void AnExcerptsFirstHeadingMayStartAboveOne()
    {
        var doc = Parse("令和6年度 当初予算の概要\n3 主な事業\n(1) 子育て\n・一時預かりを拡充\n(2) 防災\n・備蓄倉庫を整備\n4 財政の見通し\n・基金残高を確保\n");
        Assert.Equal(["1 主な事業", "1.1 子育て", "1.2 防災", "2 財政の見通し"], doc.Policies.Select(p => $"{p.Code} {p.Title}"));
    }

    [Fact]
    public void AFigureAtTheStartOfTheFirstLineIsStillNotAHeading()
    {
        var doc = Parse("令和6年度 予算の重点\n300 人分の枠を確保します。\n1 子育て\n・保育枠を拡充\n");
        Assert.Equal(["1 子育て"], doc.Policies.Select(p => $"{p.Code} {p.Title}"));
    }

    [Fact]
    public void ABulletedItemEndingWithItsAmountTakesTheNextSentenceAsADetail()
    {
        var doc = Parse("令和6年度 当初予算のポイント\n【健康】\n◎ 胃がん検診の無料化　　2,400万円\n　対象を40歳以上の全市民に広げます。\n◎ 歯科健診の拡充　　600万円\n");
        Assert.Equal(["3 胃がん検診の無料化 2,400万円", "5 歯科健診の拡充 600万円"], Items(doc));
        Assert.Equal(["4 対象を40歳以上の全市民に広げます。"], doc.Initiatives.Where(i => i.Kind == InitiativeKinds.Detail).Select(i => $"{i.Span.StartLine} {i.Text}"));
    }

    [Fact]
    public async Task ANumberedTableWithADescriptionColumnGivesEachFigureItsColumn()
    {
        using var tmp = new TempDir();
        var (outcome, warehouse) = await LoadOneAsync(tmp, "numbered.txt",
            "令和6年度 事業の概要\n(単位:千円)\nNo\t事業名\t事業の内容\t本年度\t前年度\t増減\n" +
            "1\t雨水排水路改良事業\t冠水の多い 2 地区で 排水路を改良\t21,000\t18,500\t2,500\n" +
            "2\t移住相談窓口運営事業\t相談員を配置する\t4,200\t-\t皆増\n");
        Assert.Equal(1, outcome.Loaded);
        using var db = TestWarehouse.OpenReadOnly(warehouse);
        Assert.Equal(["雨水排水路改良事業", "移住相談窓口運営事業"], await db.QueryAsync<string>("select text from fact_initiative where kind = 'item' order by seq"));
        var measures = (await db.QueryAsync<(string Text, string Role, long Yen)>(
            "select i.text, m.role, m.amount_yen from fact_measure m join fact_initiative i using (initiative_id) where m.unit = 'JPY' order by i.seq, m.measure_id")).ToList();
        Assert.Equal(
            [("雨水排水路改良事業", "value", 21_000_000L), ("雨水排水路改良事業", "prior_year", 18_500_000L), ("雨水排水路改良事業", "change", 2_500_000L), ("移住相談窓口運営事業", "value", 4_200_000L)],
            measures);
    }

    [Fact]
    public async Task ALooseListOfProjectsWithAmountsLoadsInsteadOfBeingRejected()
    {
        // no title word, no numbered heading, two items: too little to call it a budget page, enough to load
        using var tmp = new TempDir();
        var (outcome, warehouse) = await LoadOneAsync(tmp, "loose.txt",
            "令和6年度 子育て\n●病児保育事業\n　予算額　2,300千円\n●ファミリーサポート事業\n　予算額　900千円\n");
        Assert.Equal((1, 0), (outcome.Loaded, outcome.Rejected));
        using var db = TestWarehouse.OpenReadOnly(warehouse);
        Assert.Equal(["病児保育事業", "ファミリーサポート事業"], await db.QueryAsync<string>("select text from fact_initiative where kind = 'item' order by seq"));
        Assert.Equal(3_200_000L, await db.ExecuteScalarAsync<long>("select sum(amount_yen)::bigint from fact_measure where role = 'value'"));
    }

    [Fact]
    public async Task ATableOfProjectsLoadsWithoutAManifestWithRolesAndDepartments()
    {
        // No title word, no 円 next to a figure: the header and the unit note make it a budget table.
        using var tmp = new TempDir();
        var (outcome, warehouse) = await LoadOneAsync(tmp, "list.txt",
            "令和6年度 事業一覧\n(単位:千円)\n事業名\t担当課\t予算額\t前年度\n公園遊具更新事業\t公園緑地課\t18,400\t12,000\n図書館システム改修\t生涯学習課\t7,250\t-\n");
        Assert.Equal((1, 0), (outcome.Loaded, outcome.Rejected));
        using var db = TestWarehouse.OpenReadOnly(warehouse);
        var measures = (await db.QueryAsync<(string Text, string Role, long Yen)>(
            "select i.text, m.role, m.amount_yen from fact_measure m join fact_initiative i using (initiative_id) order by i.seq, m.amount_yen desc")).ToList();
        Assert.Equal(
            [("公園遊具更新事業", "value", 18_400_000L), ("公園遊具更新事業", "prior_year", 12_000_000L), ("図書館システム改修", "value", 7_250_000L)],
            measures);
        Assert.Equal(["公園緑地課", "生涯学習課"], await db.QueryAsync<string>(
            "select d.name from fact_initiative i join dim_department d using (department_id) where i.kind = 'item' order by i.seq"));
        Assert.Equal(1.0, await db.ExecuteScalarAsync<double>("select coverage from dim_document"));
    }

    /// <summary>Loads one team-written document, without a manifest, into a fresh warehouse.</summary>
    private static async Task<(Loader.Pipeline.LoadOutcome Outcome, string Warehouse)> LoadOneAsync(TempDir tmp, string file, string text)
    {
        var seeds = Path.Combine(tmp.Path, "seeds");
        Directory.CreateDirectory(Path.Combine(seeds, "documents"));
        await File.WriteAllTextAsync(Path.Combine(seeds, "documents", file), text);
        var warehouse = Path.Combine(tmp.Path, "warehouse");
        return (await TestWarehouse.LoadAsync(seeds, warehouse), warehouse);
    }
}
