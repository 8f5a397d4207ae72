using BudgetWarehouse.Tests.Verbs;
using Dapper;

namespace BudgetWarehouse.Tests.Load;

/// <summary>
/// Plan-progress reports whose counts are printed in prose and in flattened tables, through the whole load:
/// nothing rejected, each count a fact_plan_status row with its class, v_plan_status comparable across
/// reports, disagreements flagged and reported by the data test, unknown words listed by bw status.
/// </summary>
public class PlanStatusLoadTests
{
    // Counts that do not add up to the printed total (9 + 30 + 2 = 41, not 42), a share that is not 9/42, and a
    // status word no scheme knows.
    private const string DisagreeingReport = """
        なぎさ市改革プランの取組状況
        1 進捗状況
        令和 6 年 3 月末現在、42項目のうち「完了」が9項目(25.0%)、「取組中」が30項目、「凍結」が2項目です。
        """;

    [Fact]
    public async Task ProseAndFlattenedReportsLoadWithClassesAndChecks()
    {
        using var temp = new TempDir();
        var seeds = TestWarehouse.CopySeeds(temp.Path);
        foreach (var name in new[] { "counts_in_prose.txt", "flattened_status_table.txt" })
        {
            File.Copy(Path.Combine(TestPaths.Golden, "plan_status", name), Path.Combine(seeds, "documents", name));
        }

        File.WriteAllText(Path.Combine(seeds, "documents", "disagreeing.txt"), DisagreeingReport);
        var warehouse = Path.Combine(temp.Path, "warehouse");
        var outcome = await TestWarehouse.LoadAsync(seeds, warehouse);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(5, outcome.Loaded);

        using (var db = TestWarehouse.OpenReadOnly(warehouse))
        {
            var years = (await db.QueryAsync<(string File, int Year, string Source)>(
                "select file_name, fiscal_year, fiscal_year_source from dim_document where file_name not like '0%' order by file_name")).ToList();
            Assert.Equal([("counts_in_prose.txt", 2023, "inferred"), ("disagreeing.txt", 2023, "inferred"), ("flattened_status_table.txt", 2022, "inferred")], years);

            var prose = (await db.QueryAsync<(string Raw, string Class, int Count, bool Breakdown, int? Change, string? Plan, int? Start, int? End, DateTime? AsOf, bool? Consistent)>(
                "select s.status_raw, s.status_class, s.item_count, s.is_breakdown, s.status_change, s.plan_name, s.plan_start_fiscal_year, s.plan_end_fiscal_year, s.as_of_date, s.is_consistent " +
                "from fact_plan_status s join dim_document d using (document_id) where d.file_name = 'counts_in_prose.txt' order by s.status_id")).ToList();
            Assert.Equal(["完了", "取組中", "未着手", "順調", "やや遅れ"], prose.Select(p => p.Raw));
            Assert.Equal(["achieved", "on_track", "not_started", "on_track", "delayed"], prose.Select(p => p.Class));
            Assert.Equal([false, false, false, true, true], prose.Select(p => p.Breakdown));
            Assert.Equal([3, (int?)null, -2, null, null], prose.Select(p => p.Change));
            Assert.All(prose, p => Assert.Equal(("第3次行政改革アクションプラン", 2022, 2025, new DateTime(2024, 3, 31), true), (p.Plan, p.Start, p.End, p.AsOf, p.Consistent)));

            var view = (await db.QueryAsync<(string File, string Kind, long Total, long Achieved, long OnTrack, long Delayed, long NotStarted, long Other, double? Share, bool? Consistent)>(
                "select file_name, row_kind, items_total, items_achieved, items_on_track, items_delayed, items_not_started, items_other, achieved_share, is_consistent " +
                "from v_plan_status where row_kind in ('status', 'total') order by file_name, source_line")).ToList();
            Assert.Equal(
                [
                    ("004_7bef206085fcb133.txt", "total", 90, 80, 0, 0, 0, 0, 80 * 100.0 / 90, true),
                    ("counts_in_prose.txt", "status", 64, 8, 51, 0, 5, 0, 12.5, true),
                    ("disagreeing.txt", "status", 42, 9, 30, 0, 0, 2, 9 * 100.0 / 42, false),
                    ("flattened_status_table.txt", "status", 60, 11, 47, 0, 2, 0, 11 * 100.0 / 60, true),
                    ("flattened_status_table.txt", "status", 60, 39, 16, 5, 0, 0, 65.0, null),
                    ("flattened_status_table.txt", "total", 60, 11, 0, 0, 0, 0, 11 * 100.0 / 60, null),
                ],
                view);

            var problems = await db.QueryAsync<string>("select problem from (" + File.ReadAllText(Path.Combine(TestPaths.Sql, "tests", "plan_status_consistent.sql")) + ")");
            Assert.Equal(["完了 printed as 25.0% but 9 of 42 is 21.4%"], problems);
            Assert.Equal(1L, await db.ExecuteScalarAsync<long>("select count(*) from fact_plan_status where not is_scheme_word and status_raw = '凍結'"));
        }

        using var status = ServiceTestSupport.StartBw($"status --warehouse {warehouse}");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await status.WaitForExitAsync(timeout.Token);
        var text = ServiceTestSupport.Output(status);
        Assert.Equal(0, status.ExitCode);
        Assert.Contains("1 status word(s) not in reference/plan_status_words.csv", text, StringComparison.Ordinal);
        Assert.Contains("  凍結: 1 count(s) in 1 document(s), e.g. disagreeing.txt:3", text, StringComparison.Ordinal);
    }
}
