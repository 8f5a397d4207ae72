using BudgetWarehouse.Loader.Extract;
using BudgetWarehouse.Loader.Extract.BudgetPriorities;
using BudgetWarehouse.Loader.Extract.PlanProgress;
using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Tests.Extract;

/// <summary>The plan-progress recognisers one by one, family inference, and robustness.</summary>
public class PlanProgressParserTests
{
    private static SourceText Seed(string prefix)
    {
        var path = TestPaths.SeedDocument(prefix);
        return SourceText.FromBytes(Path.GetFileName(path), File.ReadAllBytes(path));
    }

    [Fact]
    public void EachParserWinsOnItsOwnSeed()
    {
        var budget = new BudgetPrioritiesParser();
        var plan = new PlanProgressParser();
        var detector = new FamilyDetector([budget, plan]);

        var seed000 = Seed("000_");
        var seed004 = Seed("004_");
        Assert.Equal(DocumentFamilies.BudgetPriorities, detector.Detect(seed000)?.Family);
        Assert.Equal(DocumentFamilies.PlanProgress, detector.Detect(seed004)?.Family);
        Assert.Equal(0, plan.Recognise(seed000));
        Assert.True(plan.Recognise(seed004) > 2 * budget.Recognise(seed004), $"plan {plan.Recognise(seed004)} vs budget {budget.Recognise(seed004)}");

        // Registration order must not matter.
        Assert.Equal(DocumentFamilies.PlanProgress, new FamilyDetector([plan, budget]).Detect(seed004)?.Family);
    }

    [Fact]
    public void VariantReportsAreRecognisedAsPlanProgress()
    {
        var detector = new FamilyDetector([new BudgetPrioritiesParser(), new PlanProgressParser()]);
        foreach (var path in Directory.EnumerateFiles(Path.Combine(TestPaths.Golden, "plan_progress"), "*.txt"))
        {
            var source = SourceText.FromBytes(Path.GetFileName(path), File.ReadAllBytes(path));
            Assert.Equal(DocumentFamilies.PlanProgress, detector.Detect(source)?.Family);
        }
    }

    [Fact]
    public void OneSignalAloneIsNotEnough()
    {
        var source = SourceText.FromString("a.txt", "市の概況\n\n達成率は上昇しました。\n");
        Assert.Equal(0, new PlanProgressParser().Recognise(source));
    }

    [Theory]
    [InlineData("金沢市行政経営プランの取組状況等について", "金沢市行政経営プラン")]
    [InlineData("令和6年度 みどり市行政改革大綱(第2次)の取組状況", "みどり市行政改革大綱(第2次)")]
    [InlineData("第3次行政改革推進計画の推進状況", "第3次行政改革推進計画")]
    [InlineData("「あおば町DX推進計画」の進捗状況について", "あおば町DX推進計画")]
    [InlineData("予算の重点", null)]
    public void PlanNameFromTitle(string title, string? name) => Assert.Equal(name, PlanTitle.PlanName(title));

    [Theory]
    [InlineData("令和5年度~令和8年度(4年間)", 2023, 2026, 4)]
    [InlineData("令和3~7年度", 2021, 2025, null)]
    [InlineData("令和元年度から令和5年度まで", 2019, 2023, null)]
    [InlineData("2023年度~2026年度", 2023, 2026, null)]
    [InlineData("平成30年度〜令和4年度(5か年)", 2018, 2022, 5)]
    public void PlanPeriods(string text, int start, int end, int? stated)
    {
        var period = PlanPeriod.Find(text);
        Assert.NotNull(period);
        Assert.Equal((start, end, stated), (period.Value.Start, period.Value.End, period.Value.StatedYears));
    }

    [Theory]
    [InlineData("- ・ 職員による課題解決アプリの実践数(累計)【数値目標】 [P27, No.1]", "職員による課題解決アプリの実践数(累計)【数値目標】", "P27 No.1", true)]
    [InlineData("- ・ 公用車給油事務へのクレジットカードの導入[P35, No.R6-7]", "公用車給油事務へのクレジットカードの導入", "P35 No.R6-7", false)]
    [InlineData("● 窓口の改善 【P12・No.4】", "窓口の改善", "P12 No.4", false)]
    [InlineData("・ 窓口の改善 (P.12 No.4)", "窓口の改善", "P12 No.4", false)]
    [InlineData("・ 窓口の改善 [No.12]", "窓口の改善", "No.12", false)]
    [InlineData("・ 窓口の改善 [P12]", "窓口の改善", "P12", false)]
    [InlineData("・ 窓口の改善", "窓口の改善", null, false)]
    public void InitiativeTitles(string line, string title, string? planRef, bool numeric)
    {
        var parsed = InitiativeTitle.TryParse(line);
        Assert.NotNull(parsed);
        Assert.Equal((title, planRef, numeric), (parsed.Value.Title, parsed.Value.PlanRef, parsed.Value.IsNumericTarget));
    }

    [Theory]
    [InlineData("3. 令和5年度に実施した主な取組事項", "Initiatives", 2023, true)]
    [InlineData("4. 令和6年度に追加した主な取組事項", "Initiatives", 2024, false)]
    [InlineData("2. 取組事項の達成率", "Achievement", null, true)]
    [InlineData("1. 金沢市行政経営プランの概要", "Overview", null, false)]
    [InlineData("【2024年度の新規取組】", "Initiatives", 2024, false)]
    public void SectionHeadings(string text, string kind, int? year, bool results)
    {
        var section = SectionHeading.TryParse(text);
        Assert.NotNull(section);
        Assert.Equal((kind, year, results), (section.Value.Kind.ToString(), section.Value.FiscalYear, section.Value.IsResults));
    }

    [Theory]
    [InlineData("1 行政組織の質を高める(ヒトの育成と情報発信の強化)")]
    [InlineData("2 共創の質を高める")]
    [InlineData("3社の応募の中から決定しました。")]
    public void PolicyHeadingsAreNotSections(string text) => Assert.Null(SectionHeading.TryParse(text));

    [Theory]
    [InlineData("- 1 行政組織の質を高める", 1, 1, "行政組織の質を高める")]
    [InlineData("方針2 健全な財政運営", 1, 2, "健全な財政運営")]
    [InlineData("(3) 職員の意識改革と人材の確保", 2, 3, "職員の意識改革と人材の確保")]
    [InlineData("②職員の育成", 2, 2, "職員の育成")]
    public void PolicyHeadings(string text, int level, int number, string title)
    {
        var heading = PolicyHeading.TryParse(text);
        Assert.NotNull(heading);
        Assert.Equal((level, number, title), (heading.Value.Level, heading.Value.Number, heading.Value.Title));
    }

    [Theory]
    [InlineData("3社の応募の中から、選定委員会で決定しました。")]
    [InlineData("42件のアプリを開発・実践し、業務改善を図りました。")]
    public void ProseIsNotAPolicyHeading(string text) => Assert.Null(PolicyHeading.TryParse(text));

    [Fact]
    public void InconsistentPeriodLengthIsWarned()
    {
        var doc = new PlanProgressParser().Parse(SourceText.FromString("p.txt",
            "X市改革プランの取組状況\n1. X市改革プランの概要\n(1) 推進期間\n令和5年度~令和8年度(5年間)\n2. 令和5年度に実施した取組\n・ 研修 [P1, No.1]\n"));
        Assert.Contains(doc.Warnings, w => w.Line == 4 && w.Message.Contains("spans 4 years", StringComparison.Ordinal));
    }

    [Fact]
    public void HeadlineDisagreeingWithTheTotalRowIsWarned()
    {
        var doc = new PlanProgressParser().Parse(SourceText.FromString("h.txt", """
            X市改革プランの取組状況
            1. 取組の達成率
            達成率 90.0% (実施計画 30 項目中 27 項目が達成済)
            基本方針	項目数	達成	達成率
            1 組織	20	18	90.0%
            2 財政	10	8	80.0%
            合計	30	26	86.7%
            """));
        Assert.Contains(doc.Warnings, w => w.Line == 3 && w.Message.Contains("the headline says 27 of 30 achieved (90.0%) but the total row (line 7) says 26 of 30 (86.7%)", StringComparison.Ordinal));
        Assert.Equal(3, doc.Achievements.Count);
    }

    [Fact]
    public void HeadlineAloneGivesTheTotalRow()
    {
        var doc = new PlanProgressParser().Parse(SourceText.FromString("h.txt", """
            X市行政改革大綱の推進状況
            1. 令和5年度の達成状況
            全40項目のうち36項目を達成しました(達成率90.0%)。
            """));
        var row = Assert.Single(doc.Achievements);
        Assert.Equal((AchievementRowKinds.Total, 40, 36, 90.0, 2023, 3), (row.RowKind, row.ItemsPlanned, row.ItemsAchieved, row.StatedRate, row.FiscalYear, row.Span.StartLine));
        Assert.Equal(2023, doc.InferredFiscalYear);
    }

    [Fact]
    public void TableWithoutASectionHeadingIsStillRead()
    {
        var doc = new PlanProgressParser().Parse(SourceText.FromString("t.txt", """
            X市改革プランの取組状況
            (1) 基本方針
            1 組織
            2 財政
            基本方針	項目数	達成	達成率
            1 組織	20	18	90.0%
            2 財政	10	8	80.0%
            3. 令和5年度に実施した取組
            1 組織
            ・ 研修 [P1, No.1]
            """));
        Assert.Equal(["2023/1", "2023/2"], doc.Achievements.Select(a => a.PolicyCode));
        Assert.Equal([20, 10], doc.Achievements.Select(a => a.ItemsPlanned ?? -1));
        Assert.Empty(doc.Warnings);
    }

    [Fact]
    public void TableYearComesFromItsCaptionNotFromFootnotes()
    {
        var doc = new PlanProgressParser().Parse(SourceText.FromString("y.txt", """
            X市改革プランの取組状況
            1. 取組の達成率
            令和4年度末時点
            基本方針	項目数	達成	達成率
            1 組織	20	18	90.0%
            ※令和6年度に確定予定
            2. 令和5年度に実施した取組
            1 組織
            ・ 研修 [P1, No.1]
            """));
        Assert.Equal(2022, Assert.Single(doc.Achievements).FiscalYear);

        doc = new PlanProgressParser().Parse(SourceText.FromString("y.txt", """
            X市改革プランの取組状況
            1. 取組の達成率
            基本方針	項目数	達成	達成率
            1 組織	20	18	90.0%
            ※令和6年度に確定予定
            2. 令和5年度に実施した取組
            1 組織
            ・ 研修 [P1, No.1]
            """));
        Assert.Equal(2023, Assert.Single(doc.Achievements).FiscalYear);
    }

    [Fact]
    public void NoStructureIsAClearError()
    {
        var ex = Assert.Throws<DocumentException>(() => new PlanProgressParser().Parse(SourceText.FromString("junk.txt", "こんにちは\n今日は晴れです。\n")));
        Assert.Equal("junk.txt", ex.File);
        Assert.Contains("no recognisable plan-progress structure", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void NeverThrowsOnJunkButDocumentException()
    {
        var random = new Random(20241);
        var alphabet = "1234567890 .()|\t※%項目達成率合計基本方針令和年度・-[]P,No概要取組状況計画～\n".ToCharArray();
        var seedText = File.ReadAllText(TestPaths.SeedDocument("004_"));
        for (var i = 0; i < 300; i++)
        {
            string text;
            if (i % 2 == 0)
            {
                text = new string([.. Enumerable.Range(0, random.Next(1, 400)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            }
            else
            {
                // The seed with a random slice cut out and lines shuffled a little.
                var lines = seedText.Split('\n').ToList();
                var cut = random.Next(lines.Count);
                lines.RemoveRange(cut, Math.Min(random.Next(1, 20), lines.Count - cut));
                if (lines.Count > 2)
                {
                    var a = random.Next(lines.Count);
                    var b = random.Next(lines.Count);
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                }

                text = string.Join('\n', lines);
            }

            var source = SourceText.FromString("junk.txt", text);
            var parser = new PlanProgressParser();
            parser.Recognise(source);
            try
            {
                parser.Parse(source);
            }
            catch (DocumentException)
            {
            }
        }
    }
}
