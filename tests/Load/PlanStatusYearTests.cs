using Dapper;

namespace BudgetWarehouse.Tests.Load;

/// <summary>
/// v_plan_status_year: one headline per report and year on the normalised scale, the previous year of the same
/// plan beside it even when the report changed its status words, and per-policy counts summed when the report
/// states no counts for the whole.
/// </summary>
public class PlanStatusYearTests
{
    private static readonly (string Name, string Text)[] Reports =
    [
        ("nagisa_2022.txt", "なぎさ市改革プランの取組状況\n1 進捗状況\n令和 5 年 3 月末現在\n達成 20 一部達成 10 未達成 10\n"),
        ("nagisa_2023.txt", "なぎさ市改革プランの取組状況\n1 進捗状況\n令和 6 年 3 月末現在\n40項目のうち「完了」が24項目、「取組中」が14項目、「未着手」が2項目です。\n達成 30 一部達成 6 未達成 4\n"),
        ("minato_2023.txt", "みなと町改革プランの取組状況\n1 進捗状況\n令和 6 年 3 月末現在\n方針1 S:0、A:4、B:6\n方針2 S:1、A:7、B:2\n"),
    ];

    [Fact]
    public async Task EachReportYearHasAHeadlineComparableWithItsPriorYear()
    {
        using var temp = new TempDir();
        var seeds = TestWarehouse.CopySeeds(temp.Path);
        foreach (var (name, text) in Reports)
        {
            File.WriteAllText(Path.Combine(seeds, "documents", name), text);
        }

        var warehouse = Path.Combine(temp.Path, "warehouse");
        var outcome = await TestWarehouse.LoadAsync(seeds, warehouse);
        Assert.True(outcome.ExitCode == 0, string.Join("\n", outcome.Documents.Where(d => d.Status != "loaded").Select(d => $"{d.FileName}: {d.Error}")));

        using var db = TestWarehouse.OpenReadOnly(warehouse);
        var rows = (await db.QueryAsync<(string File, int Year, string Source, long Groups, string Words, long Total, long Achieved, double Share, int? PriorYear, double? Change, bool Changed)>(
            "select file_name, fiscal_year, headline_source, status_groups, status_words, items_total, items_achieved, achieved_share, " +
            "prior_fiscal_year, achieved_share_change, is_scheme_changed from v_plan_status_year where file_name not like '0%' order by file_name")).ToList();
        Assert.Equal(
            [
                ("minato_2023.txt", 2023, "policy_sum", 1L, "S / A / B", 20L, 12L, 60.0, (int?)null, (double?)null, false),
                ("nagisa_2022.txt", 2022, "report", 1L, "達成 / 一部達成 / 未達成", 40L, 20L, 50.0, null, null, false),
                ("nagisa_2023.txt", 2023, "report", 2L, "完了 / 取組中 / 未着手", 40L, 24L, 60.0, 2022, 10.0, true),
            ],
            rows.Select(r => (r.File, r.Year, r.Source, r.Groups, r.Words, r.Total, r.Achieved, Math.Round(r.Share, 6), r.PriorYear, r.Change is { } c ? Math.Round(c, 6) : (double?)null, r.Changed)));

        // The seed report has a policy table with a total row: its headline is the total row.
        var seed = await db.QuerySingleAsync<(long Total, long Achieved)>("select items_total, items_achieved from v_plan_status_year where file_name like '004_%' and fiscal_year = 2023");
        Assert.Equal((90L, 80L), seed);
    }
}
