using BudgetWarehouse.Loader.Analysis;
using Dapper;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Tests.Analysis;

/// <summary>
/// The example queries of sql/queries on the loaded seeds, checked against figures read off the documents by
/// hand (line numbers refer to seeds/documents/000_… and 004_…). Queries over facts that a build may not
/// extract yet (measures, milestones, plan achievement) check the document's figures whenever those facts
/// were loaded for the seed document.
/// </summary>
[Collection("seed warehouse")]
public sealed class QueryExpectationsTests(WarehouseFixture seeds, LineageWarehouseFixture lineage)
{
    [Fact]
    public async Task ThemesWithMostNewProgramsCountTwelveNewProgrammesInFy2020()
    {
        // 創設/新設 items at lines 18 37 38 110 180 202 233 237 350 365 378 393; line 111 is 再掲 and not counted.
        var rows = await RunAsync(seeds, "01_themes_with_most_new_programs");
        Assert.Equal(12, rows.Rows.Where(r => Get<int>(rows, r, "fiscal_year") == 2020).Sum(r => Get<long>(rows, r, "new_programs")));
    }

    [Fact]
    public async Task NewProgrammesAreListedWithTheirLines()
    {
        var rows = await RunAsync(seeds, "10_new_programs_list");
        Assert.Equal([18, 37, 38, 110, 180, 202, 233, 237, 350, 365, 378, 393, 424], rows.Rows.Select(r => Get<int>(rows, r, "source_line_start")));
        Assert.Equal("detail", Get<string>(rows, rows.Rows[^1], "kind"));
    }

    [Fact]
    public async Task RelistedItemsPointAtTheirOriginals()
    {
        // 111 merges 保育士 (237) and 看護師 (350); 367 repeats 39; 463 widens 425; 464 repeats 80.
        var rows = await RunAsync(seeds, "04_relisted_items");
        var found = rows.Rows.Select(r => (Get<int>(rows, r, "relisted_line"), Get<int>(rows, r, "original_line"), Get<string>(rows, r, "match"))).ToList();
        Assert.Equal([(111, 237, "similar"), (367, 39, "exact"), (463, 425, "similar"), (464, 80, "exact")], found);
    }

    [Fact]
    public async Task InitiativesWithoutDepartmentCoverTheFivePillars()
    {
        var rows = await RunAsync(seeds, "07_initiatives_without_department");
        await using var connection = await seeds.Warehouse.OpenAsync();
        // 274 bulleted items, 4 of them 再掲.
        var withDepartment = await connection.ExecuteScalarAsync<long>(
            "select count(*) from fact_initiative where fiscal_year = 2020 and kind = 'item' and not is_relisted and department_id <> 'unknown'");
        var fy2020 = rows.Rows.Where(r => Get<int>(rows, r, "fiscal_year") == 2020).ToList();
        Assert.Equal(270 - withDepartment, fy2020.Sum(r => Get<long>(rows, r, "items_without_department")));
        Assert.All(fy2020.Select(r => Get<string>(rows, r, "pillar_title")), t => Assert.Contains(t, new[]
        {
            "元気で活力あふれるまちづくり", "伝統と創造で発展するまちづくり", "子供を守り健やかに育むまちづくり", "誰もが安心して暮らせるまちづくり", "市民と共に進めるまちづくり",
        }));
    }

    [Fact]
    public async Task WhatOpensNextFiscalYearUsesTheAprilToMarchYear()
    {
        var rows = await RunAsync(seeds, "03_opens_next_fiscal_year");
        var lines = rows.Rows.Select(r => Get<int>(rows, r, "source_line")).ToHashSet();
        // FY2021 = April 2021 – March 2022: 令和3年度分譲開始 (24, 25), 令和3年秋 (71), 令和3年9月 (185), 令和4年3月 (303, 304, 328), 令和3年6月 (431).
        Assert.Superset(new HashSet<int> { 24, 25, 71, 185, 303, 304, 328, 431 }, lines);
        // Not FY2021: 令和3年3月 (66, 78, 222, 321), 令和3年1月 (505), 令和2年 (100, 198), 令和4年度 (206), 令和5年… (136, 305).
        Assert.Empty(lines.Intersect([66, 78, 222, 321, 505, 100, 198, 206, 136, 305]));
    }

    [Fact]
    public async Task LargestAmountIsThePublicWorksScaleOnLine54()
    {
        await using var connection = await seeds.Warehouse.OpenAsync();
        var rows = await RunAsync(seeds, "08_largest_amounts_with_source_lines");
        Assert.Equal(27_100_000_000L, Get<long>(rows, rows.Rows[0], "amount_yen")); // 271億円の公共事業規模
        Assert.Equal(54, Get<int>(rows, rows.Rows[0], "source_line"));
        Assert.Equal([54, 533, 534], rows.Rows.Take(3).Select(r => Get<int>(rows, r, "source_line")).Order());

        var pillars = await RunAsync(seeds, "02_money_by_pillar");
        var total = await connection.ExecuteScalarAsync<long>(
            "select cast(coalesce(sum(amount_yen), 0) as bigint) from v_measure where unit = 'JPY' and role = 'value' and not is_relisted");
        Assert.Equal(total, pillars.Rows.Sum(r => Get<long>(pillars, r, "amount_yen")));
        // Line 54: 271億円 under pillar 1; lines 533–534: 10億円 + 10億円 under pillar 5 (うち… components left out).
        Assert.Equal(
            [("元気で活力あふれるまちづくり", 27_100_000_000L), ("市民と共に進めるまちづくり", 2_000_000_000L)],
            pillars.Rows.Select(r => (Get<string>(pillars, r, "pillar_title"), Get<long>(pillars, r, "amount_yen"))));
    }

    [Fact]
    public async Task PlanAchievementMatchesThePrintedTable()
    {
        await using var connection = await seeds.Warehouse.OpenAsync();
        if (await connection.ExecuteScalarAsync<long>("select count(*) from fact_plan_achievement") == 0)
        {
            return; // plan-progress documents not loaded by this build
        }

        // 004_…: lines 26–29: 26/25 96.2%, 31/27 87.1%, 33/28 84.8%, total 90/80 88.9%.
        var rows = await RunAsync(seeds, "05_plan_achievement_by_policy");
        var byLine = rows.Rows.ToDictionary(r => Get<int>(rows, r, "source_line"));
        foreach (var (line, planned, achieved, stated) in new[] { (26, 26, 25, 96.2), (27, 31, 27, 87.1), (28, 33, 28, 84.8), (29, 90, 80, 88.9) })
        {
            var r = byLine[line];
            Assert.Equal(planned, Get<int>(rows, r, "items_planned"));
            Assert.Equal(achieved, Get<int>(rows, r, "items_achieved"));
            var printed = Get<double>(rows, r, "stated_rate");
            Assert.Equal(stated, printed > 1 ? printed : printed * 100, 1);
        }

        Assert.Equal("total", Get<string>(rows, byLine[29], "row_kind"));

        var totalId = await connection.ExecuteScalarAsync<string>("select achievement_id from fact_plan_achievement where row_kind = 'total' and source_line = 29");
        var explained = new StringWriter();
        Assert.True(await Explainer.ExplainAsync(connection, totalId!, [TestPaths.Seeds], explained, CancellationToken.None));
        Assert.Contains("29 | 合計", explained.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task YearOverYearQueriesCompareTheTwoFixtureYears()
    {
        // 北山市: 10 items in FY2021, 11 (plus one 再掲) in FY2022; one new programme (産後ケア事業を創設) in FY2022.
        var themes = await RunAsync(lineage, "06_yoy_theme_changes");
        var row = Assert.Single(themes.Rows, r => Get<string>(themes, r, "municipality") == "北山市");
        Assert.Equal(10, Get<long>(themes, row, "initiatives_prior"));
        Assert.Equal(11, Get<long>(themes, row, "initiatives"));
        Assert.Equal(10.0, Get<double>(themes, row, "initiatives_pct_change"));
        Assert.Equal(1, Get<long>(themes, row, "new_programs_delta"));
        Assert.DoesNotContain(themes.Rows, r => Get<string>(themes, r, "municipality") == "南川市");

        var statuses = await RunAsync(lineage, "09_continued_and_new_initiatives");
        var counts = statuses.Rows.ToDictionary(r => Get<string>(statuses, r, "status"), r => Get<long>(statuses, r, "undertakings"));
        Assert.Equal(new Dictionary<string, long> { ["continued"] = 7, ["dropped"] = 3, ["new"] = 4 }, counts);
    }

    private static async Task<QueryResult> RunAsync(object fixture, string query)
    {
        var warehouse = fixture is WarehouseFixture f ? f.Warehouse : throw new ArgumentException("unknown fixture", nameof(fixture));
        await using DuckDBConnection connection = await warehouse.OpenAsync();
        var sql = await File.ReadAllTextAsync(Path.Combine(TestPaths.Sql, "queries", query + ".sql"));
        return await QueryRunner.RunAsync(connection, sql, CancellationToken.None);
    }

    private static T Get<T>(QueryResult result, object?[] row, string column)
    {
        var value = row[result.Columns.ToList().IndexOf(column)];
        return value is T t ? t : (T)Convert.ChangeType(value!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
