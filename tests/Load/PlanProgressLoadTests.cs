using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Loader.Pipeline;
using Dapper;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Tests.Load;

/// <summary>Plan-progress documents through the whole load: seeds, an inconsistent hand-made report, family inference.</summary>
public class PlanProgressLoadTests
{
    // A report whose printed rate for policy 2 (90.0%) is not 27/31 = 87.1%, and whose total planned (91) is
    // not the sum of its policy rows (90).
    private const string InconsistentReport = """
        テスト市改革プランの進捗状況

        1. テスト市改革プランの概要
        (1) 計画期間
        令和4年度～令和7年度
        (2) 基本方針
        1 組織を強くする
        2 連携を広げる
        3 財政を守る

        2. 取組の達成状況
        基本方針	項目数(A)	達成(B)	達成率(B/A)
        1 組織を強くする	26	25	96.2%
        2 連携を広げる	31	27	90.0%
        3 財政を守る	33	28	84.8%
        合計	91	80	87.9%

        3. 令和5年度に実施した主な取組
        1 組織を強くする
        (1) 人材の育成
        ・研修の充実 [P10, No.3]
        研修を12回実施しました。
        """;

    private static async Task<LoadOutcome> LoadAsync(string seeds, string warehouse) => await TestWarehouse.LoadAsync(seeds, warehouse);

    private static DuckDBConnection Open(string warehouse) => TestWarehouse.OpenReadOnly(warehouse);

    private static string CopySeeds(TempDir temp, string? manifest = null)
    {
        var seeds = TestWarehouse.CopySeeds(temp.Path);
        if (manifest is not null)
        {
            File.WriteAllText(Path.Combine(seeds, "manifest.csv"), manifest);
        }

        return seeds;
    }

    [Fact]
    public async Task SeedsLoadWithBothFamiliesAndTheAchievementTable()
    {
        using var temp = new TempDir();
        var warehouse = Path.Combine(temp.Path, "warehouse");
        var outcome = await LoadAsync(CopySeeds(temp), warehouse);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(2, outcome.Loaded);
        using var db = Open(warehouse);
        var doc = await db.QuerySingleAsync<(string Id, int Year, string Source, string Plan, int Start, int End, string Principle)>(
            "select document_id, fiscal_year, fiscal_year_source, plan_name, plan_start_fiscal_year, plan_end_fiscal_year, plan_principle from dim_document where family = 'plan_progress'");
        Assert.Equal((2024, "inferred", "金沢市行政経営プラン", 2023, 2026), (doc.Year, doc.Source, doc.Plan, doc.Start, doc.End));
        Assert.Equal("質の高い市民サービスを創り続ける行政経営の実践", doc.Principle);

        var rows = (await db.QueryAsync<(string Kind, int Planned, int Achieved, int? Pending, double Rate, double Stated, bool Consistent, int Year, string? Policy)>(
            "select row_kind, items_planned, items_achieved, items_pending, achievement_rate, stated_rate, is_consistent, fiscal_year, policy_id from fact_plan_achievement where document_id = $id order by source_line",
            new { id = doc.Id })).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal([26, 31, 33, 90], rows.Select(r => r.Planned));
        Assert.Equal([25, 27, 28, 80], rows.Select(r => r.Achieved));
        Assert.Equal([null, null, 2, null], rows.Select(r => r.Pending));
        Assert.All(rows, r => Assert.True(r.Consistent));
        Assert.All(rows, r => Assert.Equal(2023, r.Year));
        Assert.Equal(rows[3].Planned, rows.Take(3).Sum(r => r.Planned));
        Assert.Equal(rows[3].Achieved, rows.Take(3).Sum(r => r.Achieved));
        Assert.Equal(96.15, rows[0].Rate, 2);

        // Every policy row points at a level-1 node of the same year.
        var policyLevels = await db.QueryAsync<(int Level, int Year)>(
            "select p.level, p.fiscal_year from fact_plan_achievement a join dim_policy p using (policy_id) where a.document_id = $id", new { id = doc.Id });
        Assert.Equal([(1, 2023), (1, 2023), (1, 2023)], policyLevels);

        var items = (await db.QueryAsync<(int Year, string? Ref, bool Numeric, string? Description)>(
            "select fiscal_year, plan_ref, is_numeric_target, description from fact_initiative where document_id = $id", new { id = doc.Id })).ToList();
        Assert.Equal(18, items.Count);
        Assert.Equal(9, items.Count(i => i.Year == 2023));
        Assert.Equal(9, items.Count(i => i.Year == 2024));
        Assert.All(items, i => Assert.NotNull(i.Ref));
        Assert.Equal(2, items.Count(i => i.Numeric));
        Assert.Contains(items, i => i.Description?.Contains("総額155,550千円", StringComparison.Ordinal) == true);

        // The quantity rules read the description stored with each initiative, at the description's own line.
        var total = await db.QuerySingleAsync<(long Yen, int Line, int Year)>(
            "select amount_yen, source_line, fiscal_year from fact_measure where document_id = $id and role = 'total'", new { id = doc.Id });
        Assert.Equal((155_550_000L, 89, 2023), total);

        var statuses = await db.QueryAsync<(string Raw, string Scale, int Count)>(
            "select status_raw, status_class, item_count from fact_plan_status where document_id = $id and status_raw = '数値未確定'", new { id = doc.Id });
        Assert.Equal([("数値未確定", "other", 2)], statuses);

        Assert.Empty(await db.QueryAsync(File.ReadAllText(Path.Combine(TestPaths.Sql, "tests", "plan_achievement_consistent.sql"))));
        Assert.Null(await db.ExecuteScalarAsync<string?>("select warnings from etl_document where document_id = $id", new { id = doc.Id }));
        Assert.True(Directory.Exists(Path.Combine(warehouse, "parquet", "fact_plan_achievement", "fiscal_year=2023")));
    }

    [Fact]
    public async Task BothSeedsAreRecognisedWithoutAManifest()
    {
        using var temp = new TempDir();
        var warehouse = Path.Combine(temp.Path, "warehouse");
        var outcome = await LoadAsync(CopySeeds(temp, "file,family,municipality,fiscal_year,title\n"), warehouse);

        Assert.Equal(0, outcome.ExitCode);
        using var db = Open(warehouse);
        var docs = await db.QueryAsync<(string File, string Family, string Source, int Year)>(
            "select file_name, family, family_source, fiscal_year from dim_document order by file_name");
        Assert.Equal(
            [("000_f736d30d86fde0e5.txt", "budget_priorities", "inferred", 2020), ("004_7bef206085fcb133.txt", "plan_progress", "inferred", 2024)],
            docs);
    }

    [Fact]
    public async Task ManifestYearOverridesTheDocumentsYearButFactsKeepTheirOwn()
    {
        using var temp = new TempDir();
        var warehouse = Path.Combine(temp.Path, "warehouse");
        var manifest = "file,family,municipality,fiscal_year,title\n004_7bef206085fcb133.txt,plan_progress,金沢市,2023,\n";
        var outcome = await LoadAsync(CopySeeds(temp, manifest), warehouse);

        Assert.Equal(0, outcome.ExitCode);
        using var db = Open(warehouse);
        var doc = await db.QuerySingleAsync<(int Year, string Source, string Title)>(
            "select fiscal_year, fiscal_year_source, title from dim_document where family = 'plan_progress'");
        Assert.Equal((2023, "manifest", "金沢市行政経営プランの取組状況等について"), doc);
        var years = await db.QueryAsync<(int Year, long Count)>(
            "select fiscal_year, count(*) from fact_initiative where document_id in (select document_id from dim_document where family = 'plan_progress') group by 1 order by 1");
        Assert.Equal([(2023, 9L), (2024, 9L)], years);
    }

    [Fact]
    public async Task TwoTablesOfOneYearAreCheckedApart()
    {
        using var temp = new TempDir();
        var seeds = Path.Combine(temp.Path, "seeds");
        Directory.CreateDirectory(Path.Combine(seeds, "documents"));
        File.WriteAllText(Path.Combine(seeds, "documents", "two.txt"), """
            Z市改革プランの取組状況
            1. 令和5年度の達成率
            基本方針	項目数	達成	達成率
            1 組織	20	18	90.0%
            2 財政	10	8	80.0%
            合計	30	26	86.7%
            2. 令和5年度の進捗状況
            基本方針	順調	遅れ	計
            1 組織	5	1	6
            2 財政	3	1	4
            計	8	2	10
            """);
        var warehouse = Path.Combine(temp.Path, "warehouse");

        var outcome = await LoadAsync(seeds, warehouse);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Null(Assert.Single(outcome.Documents).Warnings);
        using var db = Open(warehouse);
        Assert.Equal(6L, await db.ExecuteScalarAsync<long>("select count(*) from fact_plan_achievement where fiscal_year = 2023"));
        Assert.Empty(await db.QueryAsync(File.ReadAllText(Path.Combine(TestPaths.Sql, "tests", "plan_achievement_consistent.sql"))));
    }

    [Fact]
    public async Task InconsistentReportLoadsFlaggedAndReported()
    {
        using var temp = new TempDir();
        var seeds = Path.Combine(temp.Path, "seeds");
        Directory.CreateDirectory(Path.Combine(seeds, "documents"));
        File.WriteAllText(Path.Combine(seeds, "documents", "report.txt"), InconsistentReport);
        var warehouse = Path.Combine(temp.Path, "warehouse");

        var outcome = await LoadAsync(seeds, warehouse);

        Assert.Equal(0, outcome.ExitCode);
        var warnings = Assert.Single(outcome.Documents).Warnings ?? "";
        Assert.Contains("report.txt:14: warning: achievement row '2 連携を広げる': printed rate 90.0% disagrees with its counts 27/31 = 87.097%", warnings, StringComparison.Ordinal);
        Assert.Contains("report.txt:16: warning: achievement total row '合計' says 91 items planned but the policy rows add up to 90", warnings, StringComparison.Ordinal);

        using var db = Open(warehouse);
        var flags = await db.QueryAsync<(string Label, bool Consistent)>("select label, is_consistent from fact_plan_achievement order by source_line");
        Assert.Equal([("1 組織を強くする", true), ("2 連携を広げる", false), ("3 財政を守る", true), ("合計", true)], flags);
        Assert.Equal(warnings, await db.ExecuteScalarAsync<string>("select warnings from etl_document where file_name = 'report.txt'"));

        var problems = (await db.QueryAsync<(string Id, string Document, int Year, int Line, string Problem)>(
            File.ReadAllText(Path.Combine(TestPaths.Sql, "tests", "plan_achievement_consistent.sql")))).ToList();
        Assert.Equal([14, 16], problems.Select(p => p.Line));
        Assert.All(problems, p => Assert.Equal(2023, p.Year));

        var doc = await db.QuerySingleAsync<(string Family, int Year, int Start, int End)>(
            "select family, fiscal_year, plan_start_fiscal_year, plan_end_fiscal_year from dim_document");
        Assert.Equal(("plan_progress", 2023, 2022, 2025), doc);
    }
}
